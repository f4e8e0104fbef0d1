import { describe, expect, test } from '@jest/globals';
import { addItem, firstItem, lastItem } from './shopping';

describe('Getting the first thing', () => {
  test('It gives back the first thing', () => {
    expect(firstItem(['eggs', 'milk', 'jam']), 'firstItem(["eggs", "milk", "jam"]) should give back "eggs". Use list[0].')
      .toBe('eggs');
    expect(firstItem(['tea', 'rice']), 'firstItem(["tea", "rice"]) should give back "tea".')
      .toBe('tea');
  });
});

describe('Getting the last thing', () => {
  test('It gives back the last thing', () => {
    expect(lastItem(['eggs', 'milk', 'jam']), 'lastItem(["eggs", "milk", "jam"]) should give back "jam".')
      .toBe('jam');
  });

  test('It works for a list of any size', () => {
    expect(lastItem(['tea', 'rice']), 'lastItem(["tea", "rice"]) should give back "rice". Use list.length - 1.')
      .toBe('rice');
    expect(lastItem(['a', 'b', 'c', 'd', 'e']), 'lastItem should work for a list of 5 things too.')
      .toBe('e');
  });
});

describe('Adding a thing', () => {
  test('It puts the thing at the end', () => {
    const list = ['eggs', 'milk'];
    addItem(list, 'jam');
    expect(list, 'addItem(list, "jam") should put "jam" at the end of the list. Use push.')
      .toEqual(['eggs', 'milk', 'jam']);
  });

  test('It gives back the new count', () => {
    expect(addItem(['eggs', 'milk'], 'jam'), 'addItem should give back 3 after "jam" joins a list of 2. Use list.length.')
      .toBe(3);
    expect(addItem([], 'tea'), 'addItem should give back 1 after "tea" joins an empty list.')
      .toBe(1);
  });
});
