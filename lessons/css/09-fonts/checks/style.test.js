import { describe, expect, test } from '@jest/globals';
import { style } from '@tutor/checks';

describe('The main font', () => {
  test('The page uses Arial', () => {
    expect(style('p', 'font-family'), 'Write font-family: Arial, sans-serif; in the body rule.')
      .toMatch(/^"?arial"?,\s*sans-serif$/i);
  });

  test('The text is 18px', () => {
    expect(style('p', 'font-size'), 'Write font-size: 18px; in the body rule.').toBe('18px');
  });
});

describe('The other fonts', () => {
  test('The heading uses Georgia', () => {
    expect(style('h1', 'font-family'), 'Write font-family: Georgia, serif; in the h1 rule.')
      .toMatch(/^"?georgia"?,\s*serif$/i);
  });

  test('The author name is italic', () => {
    expect(style('.author', 'font-style'), 'Write font-style: italic; in the .author rule.').toBe('italic');
  });

  test('The price is bold', () => {
    expect(style('.price', 'font-weight'), 'Write font-weight: bold; in the .price rule.').toBe('700');
  });
});
