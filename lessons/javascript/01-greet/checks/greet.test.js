import { describe, expect, test } from '@jest/globals';
import { greet } from './greet';

describe('greet', () => {
  test('greet is a function', () => {
    expect(typeof greet, 'Keep "export function greet" in greet.js.').toBe('function');
  });

  test('It greets Sam', () => {
    expect(greet('Sam'), 'greet("Sam") should give back "Hello, Sam!"').toBe('Hello, Sam!');
  });

  test('It greets any name', () => {
    expect(greet('Ada'), 'greet("Ada") should give back "Hello, Ada!". Use the name.')
      .toBe('Hello, Ada!');
    expect(greet('Sam'), 'Your greeting should not be the same for every name.')
      .not.toBe(greet('Ada'));
  });

  test('It greets a friend when there is no name', () => {
    expect(greet(), 'greet() with no name should give back "Hello, friend!"')
      .toBe('Hello, friend!');
  });

  test('It gives back text', () => {
    expect(typeof greet('Sam'), 'Use return to give back the words. Do not just show them.')
      .toBe('string');
  });
});
