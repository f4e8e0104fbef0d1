import { biggest } from './biggest.js';

test('finds the biggest of three numbers', () => {
  expect(biggest([3, 9, 4])).toBe(9);
});

test('an empty list gives null', () => {
  expect(biggest([])).toBe(null);
});

test('0 can be the biggest', () => {
  expect(biggest([-3, 0])).toBe(0);
});

test('works with negative numbers only', () => {
  expect(biggest([-5, -2])).toBe(-2);
});
