import { beforeAll, expect, test } from '@jest/globals';
import { $$, check, style } from '@tutor/checks';

beforeAll(() => {
  check($$('.plan').length === 3, 'Keep the three <div class="plan"> boxes in index.html.');
});

test('Each plan uses border-box', () => {
  for (const plan of $$('.plan')) {
    expect(style(plan, 'box-sizing'), 'Write box-sizing: border-box; in the .plan rule.').toBe('border-box');
  }
});

test('Each plan has 24px of padding', () => {
  for (const plan of $$('.plan')) {
    expect(style(plan, 'padding-left'), 'Change the padding in the .plan rule to 24px.').toBe('24px');
    expect(style(plan, 'padding-top'), 'Change the padding in the .plan rule to 24px.').toBe('24px');
  }
});

test('Each plan is 250px wide on screen', () => {
  for (const plan of $$('.plan')) {
    expect(plan.offsetWidth, 'Each plan must be 250px wide in all. Keep width: 250px; and use border-box.')
      .toBe(250);
  }
});

test('The three plans sit in one row', () => {
  const tops = $$('.plan').map((plan) => plan.getBoundingClientRect().top);
  expect(new Set(tops).size, 'The plans should all fit in one row. Use box-sizing: border-box;')
    .toBe(1);
});
