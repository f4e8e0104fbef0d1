import { withdraw } from './bank.js';

test('take 3 out of 10 and 7 is left', () => {
  expect(withdraw(10, 3)).toBe(7);
});

test('taking out too much throws', () => {
  expect(() => withdraw(10, 50)).toThrow();
});

test('taking out 0 throws', () => {
  expect(() => withdraw(10, 0)).toThrow();
});

test('taking out all of it leaves 0', () => {
  expect(withdraw(10, 10)).toBe(0);
});
