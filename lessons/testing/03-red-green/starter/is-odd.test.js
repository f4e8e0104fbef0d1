import { isOdd } from './is-odd.js';

test('3 is odd', () => {
  expect(isOdd(3)).toBe(true);
});

// TODO: write a test that fails because of the bug. Then fix is-odd.js.
