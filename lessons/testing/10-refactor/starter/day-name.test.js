import { dayName } from './day-name.js';

test('day 1 is Monday', () => {
  expect(dayName(1)).toBe('Monday');
});

test('day 7 is Sunday', () => {
  expect(dayName(7)).toBe('Sunday');
});

// TODO: add a test for a number that is not a day, like 8.
