import { expect, test } from '@jest/globals';
import { $$, check, style } from '@tutor/checks';

test('The heading is in the centre', () => {
  expect(style('h1', 'text-align'), 'Write text-align: center; in the h1 rule.').toBe('center');
});

test('The line height is 1.6', () => {
  for (const p of $$('p')) {
    const height = parseFloat(style(p, 'line-height'));
    const size = parseFloat(style(p, 'font-size'));
    check(!Number.isNaN(height), 'Write line-height: 1.6; in the p rule.');
    expect(Math.abs(height / size - 1.6), 'Write line-height: 1.6; in the p rule.').toBeLessThan(0.05);
  }
});

test('The labels are in capitals', () => {
  for (const tag of $$('.tag')) {
    expect(style(tag, 'text-transform'), 'Write text-transform: uppercase; in the .tag rule.')
      .toBe('uppercase');
  }
});

test('The links have no underline', () => {
  for (const link of $$('a')) {
    expect(style(link, 'text-decoration-line'), 'Write text-decoration: none; in the a rule.').toBe('none');
  }
});
