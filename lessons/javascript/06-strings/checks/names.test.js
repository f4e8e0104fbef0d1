import { describe, expect, test } from '@jest/globals';
import { sourceWithoutComments } from '@tutor/checks';
import { fullName, letterCount } from './names';

describe('Joining names with fullName', () => {
  test('It joins Ada and Lovelace', () => {
    expect(fullName('Ada', 'Lovelace'), 'fullName("Ada", "Lovelace") should give back "Ada Lovelace".')
      .toBe('Ada Lovelace');
  });

  test('It works for any names', () => {
    expect(fullName('Sam', 'Lee'), 'fullName("Sam", "Lee") should give back "Sam Lee". Use first and last.')
      .toBe('Sam Lee');
  });
});

describe('Counting letters with letterCount', () => {
  test('It counts the letters in cat', () => {
    expect(letterCount('cat'), 'letterCount("cat") should give back "cat has 3 letters".')
      .toBe('cat has 3 letters');
  });

  test('It counts the letters in any word', () => {
    expect(letterCount('banana'), 'letterCount("banana") should give back "banana has 6 letters". Use word.length.')
      .toBe('banana has 6 letters');
  });

  test('It uses a template literal', () => {
    expect(sourceWithoutComments('names.js'), 'In letterCount, put the text in backticks and use ${ }.')
      .toMatch(/`[^`]*\$\{[^`]*`/);
  });
});
