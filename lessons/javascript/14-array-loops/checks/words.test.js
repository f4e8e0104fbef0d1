import { describe, expect, test } from '@jest/globals';
import { sourceWithoutComments } from '@tutor/checks';
import { countLong } from './words';

describe('Counting long words', () => {
  test('It counts the long words', () => {
    expect(countLong(['cat', 'horse', 'zebra']), 'countLong(["cat", "horse", "zebra"]) should give back 2.')
      .toBe(2);
  });

  test('Five letters is long', () => {
    expect(countLong(['apple', 'pear']), 'countLong(["apple", "pear"]) should give back 1. A word of 5 letters counts.')
      .toBe(1);
  });

  test('It looks at every word', () => {
    expect(countLong(['bread', 'cheese', 'butter', 'jam']), 'countLong(["bread", "cheese", "butter", "jam"]) should give back 3.')
      .toBe(3);
  });

  test('No long words gives 0', () => {
    expect(countLong(['a', 'big', 'dog']), 'countLong(["a", "big", "dog"]) should give back 0.')
      .toBe(0);
    expect(countLong([]), 'countLong([]) should give back 0.').toBe(0);
  });

  test('It uses a loop', () => {
    expect(sourceWithoutComments('words.js'), 'Use a for loop to look at each word.')
      .toMatch(/\bfor\s*\(/);
  });
});
