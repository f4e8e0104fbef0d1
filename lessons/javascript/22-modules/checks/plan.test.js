import { describe, expect, test } from '@jest/globals';
import { sourceWithoutComments } from '@tutor/checks';
import { planLine } from './plan';
import * as time from './time';

describe('Sharing from time.js', () => {
  test('time.js shares MINUTES_PER_HOUR', () => {
    expect(time.MINUTES_PER_HOUR, 'Put export in front of const MINUTES_PER_HOUR in time.js.').toBe(60);
  });

  test('time.js shares toMinutes', () => {
    expect(typeof time.toMinutes, 'Put export in front of function toMinutes in time.js.').toBe('function');
  });

  test('toMinutes turns hours into minutes', () => {
    const toMinutes = time.toMinutes || (() => undefined);
    expect(toMinutes(2), 'toMinutes(2) should give back 120.').toBe(120);
    expect(toMinutes(3), 'toMinutes(3) should give back 180. Times the hours by MINUTES_PER_HOUR.').toBe(180);
  });
});

describe('Using it in plan.js', () => {
  test('plan.js brings in toMinutes', () => {
    expect(sourceWithoutComments('plan.js'), 'At the top of plan.js, write: import { toMinutes } from "./time";')
      .toMatch(/import\s*\{[^}]*\btoMinutes\b[^}]*\}\s*from\s*["']\.\/time(\.js)?["']/);
  });

  test('It plans the painting', () => {
    expect(planLine('Painting', 2), 'planLine("Painting", 2) should give back "Painting takes 120 minutes"')
      .toBe('Painting takes 120 minutes');
  });

  test('It works for any task', () => {
    expect(planLine('Cooking', 1), 'planLine("Cooking", 1) should give back "Cooking takes 60 minutes"')
      .toBe('Cooking takes 60 minutes');
  });
});
