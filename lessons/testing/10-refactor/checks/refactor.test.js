import { describe, expect, test } from '@jest/globals';
import { check, sourceWithoutComments } from '@tutor/checks';
import { dayName } from './day-name.js';
// The learner's own tests run here too, so they must stay green.
import './day-name.test.js';

const NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

describe('The checks', () => {
  test('Every day from 1 to 7 has the right name', () => {
    NAMES.forEach((name, place) => {
      expect(dayName(place + 1), `dayName(${place + 1}) should give '${name}'.`).toBe(name);
    });
  });

  test('A number that is not a day gives Unknown', () => {
    for (const number of [0, 8, -1, 100]) {
      expect(dayName(number), `dayName(${number}) should give 'Unknown'.`).toBe('Unknown');
    }
  });

  test('Your tests check a number that is not a day', () => {
    const tests = sourceWithoutComments('day-name.test.js');
    check(tests.includes('Unknown'),
      "Add a test in day-name.test.js for a number that is not a day, like 8. Expect 'Unknown'.");
  });

  test('The day names are in a list', () => {
    const code = sourceWithoutComments('day-name.js');
    const returns = (code.match(/\breturn\b/g) || []).length;
    check(code.includes('[') && returns <= 3,
      'day-name.js still has a return for each day. Put the names in a list, and pick one by its place.');
  });
});
