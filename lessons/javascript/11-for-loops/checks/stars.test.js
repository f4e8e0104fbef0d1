import { describe, expect, test } from '@jest/globals';
import { sourceWithoutComments } from '@tutor/checks';
import { stars } from './stars';

describe('A line of stars', () => {
  test('It makes 3 stars', () => {
    expect(stars(3), 'stars(3) should give back "***"').toBe('***');
  });

  test('It makes any number of stars', () => {
    expect(stars(5), 'stars(5) should give back "*****"').toBe('*****');
    expect(stars(1), 'stars(1) should give back "*"').toBe('*');
  });

  test('Zero stars is an empty line', () => {
    expect(stars(0), 'stars(0) should give back "" with no stars.').toBe('');
  });

  test('It uses a for loop', () => {
    expect(sourceWithoutComments('stars.js'), 'Use a for loop to add the stars.')
      .toMatch(/\bfor\s*\(/);
  });
});
