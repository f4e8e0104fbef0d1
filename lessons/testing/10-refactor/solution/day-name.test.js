import { dayName } from './day-name.js';

test('day 1 is Monday', () => {
  expect(dayName(1)).toBe('Monday');
});

test('day 7 is Sunday', () => {
  expect(dayName(7)).toBe('Sunday');
});

test('day 8 is Unknown', () => {
  expect(dayName(8)).toBe('Unknown');
});
