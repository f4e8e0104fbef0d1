import { expect, test } from '@jest/globals';
import { $$, style } from '@tutor/checks';

test('The heading is purple', () => {
  expect(style('h1', 'color'), 'Write color: purple; in the h1 rule.').toBe('rgb(128, 0, 128)');
});

test('Each <p> is gray', () => {
  for (const p of $$('p')) {
    expect(style(p, 'color'), 'Write color: gray; in the p rule.').toBe('rgb(128, 128, 128)');
  }
});

test('Each list item is green', () => {
  for (const item of $$('li')) {
    expect(style(item, 'color'), 'Write color: green; in the li rule.').toBe('rgb(0, 128, 0)');
  }
});
