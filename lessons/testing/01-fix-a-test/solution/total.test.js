import { total } from './total.js';

test('adds up two numbers', () => {
  expect(total([2, 3])).toBe(5);
});

test('adds up three numbers', () => {
  expect(total([1, 2, 3])).toBe(6);
});

test('an empty list adds up to 0', () => {
  expect(total([])).toBe(0);
});
