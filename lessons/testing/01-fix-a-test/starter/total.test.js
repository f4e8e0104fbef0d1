import { total } from './total.js';

test('adds up two numbers', () => {
  expect(total([2, 3])).toBe(5);
});

// TODO: one of these tests is wrong. The code is right. Fix the test.
test('adds up three numbers', () => {
  expect(total([1, 2, 3])).toBe(7);
});

test('an empty list adds up to 0', () => {
  expect(total([])).toBe(0);
});
