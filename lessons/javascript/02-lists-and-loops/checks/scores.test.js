import { describe, expect, test } from '@jest/globals';
import { sourceWithoutComments } from '@tutor/checks';
import { highest, total } from './scores';
import { report } from './report';

describe('Adding up the scores with total', () => {
  test('It adds up the scores', () => {
    expect(total([4, 7, 5]), 'total([4, 7, 5]) should give back 16.').toBe(16);
    expect(total([10, 20]), 'total([10, 20]) should give back 30.').toBe(30);
  });

  test('An empty list adds up to 0', () => {
    expect(total([]), 'total([]) should give back 0.').toBe(0);
  });

  test('It does not change the list', () => {
    const scores = [4, 7, 5];
    total(scores);
    expect(scores, 'Do not change the list. Just read it.').toEqual([4, 7, 5]);
  });
});

describe('Finding the best score with highest', () => {
  test('It finds the best score', () => {
    expect(highest([4, 7, 5]), 'highest([4, 7, 5]) should give back 7.').toBe(7);
    expect(highest([9, 2, 3]), 'highest([9, 2, 3]) should give back 9.').toBe(9);
    expect(highest([1, 2, 8]), 'highest([1, 2, 8]) should give back 8. Look at every score.')
      .toBe(8);
  });
});

describe('Loops', () => {
  test('scores.js uses a loop', () => {
    expect(sourceWithoutComments('scores.js'), 'Use a for loop in scores.js to go through the list.')
      .toMatch(/\bfor\s*\(/);
  });
});

describe('The report line', () => {
  test('report.js brings in total and highest', () => {
    expect(sourceWithoutComments('report.js'), 'Import total and highest from "./scores" in report.js.')
      .toMatch(/import\s*\{[^}]*\}\s*from\s*["']\.\/scores(\.js)?["']/);
  });

  test('It gives back one line about the scores', () => {
    expect(report([4, 7, 5]), 'report([4, 7, 5]) should give back "3 quizzes, 16 points, best score 7"')
      .toBe('3 quizzes, 16 points, best score 7');
  });

  test('It works for other scores', () => {
    expect(report([10, 2]), 'report([10, 2]) should give back "2 quizzes, 12 points, best score 10"')
      .toBe('2 quizzes, 12 points, best score 10');
  });
});
