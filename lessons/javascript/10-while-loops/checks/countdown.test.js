import { describe, expect, test } from '@jest/globals';
import { sourceWithoutComments } from '@tutor/checks';
import { countdown } from './countdown';

describe('Counting down to Go', () => {
  test('It counts down from 3', () => {
    expect(countdown(3), 'countdown(3) should give back "3 2 1 Go!"').toBe('3 2 1 Go!');
  });

  test('It counts down from any number', () => {
    expect(countdown(5), 'countdown(5) should give back "5 4 3 2 1 Go!"').toBe('5 4 3 2 1 Go!');
    expect(countdown(1), 'countdown(1) should give back "1 Go!"').toBe('1 Go!');
  });

  test('From 0 it just says Go', () => {
    expect(countdown(0), 'countdown(0) should give back "Go!" with no numbers.').toBe('Go!');
  });

  test('It uses a while loop', () => {
    expect(sourceWithoutComments('countdown.js'), 'Use a while loop to count down.')
      .toMatch(/\bwhile\s*\(/);
  });
});
