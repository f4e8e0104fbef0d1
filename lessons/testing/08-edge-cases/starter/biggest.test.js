import { biggest } from './biggest.js';

test('finds the biggest of three numbers', () => {
  expect(biggest([3, 9, 4])).toBe(9);
});

// TODO: test the edges. Try an empty list, a list with 0, and negative numbers.
