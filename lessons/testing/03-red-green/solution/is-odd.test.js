import { isOdd } from './is-odd.js';

test('3 is odd', () => {
  expect(isOdd(3)).toBe(true);
});

test('4 is not odd', () => {
  expect(isOdd(4)).toBe(false);
});

test('-3 is odd', () => {
  expect(isOdd(-3)).toBe(true);
});
