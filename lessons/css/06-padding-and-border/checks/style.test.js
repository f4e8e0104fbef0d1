import { beforeAll, expect, test } from '@jest/globals';
import { $, check, style } from '@tutor/checks';

const SIDES = ['top', 'right', 'bottom', 'left'];

beforeAll(() => {
  check($('.ticket'), 'Keep the <div class="ticket"> in index.html. The checks need it.');
});

test('The ticket has 20px of padding', () => {
  for (const side of SIDES) {
    expect(style('.ticket', `padding-${side}`), 'Write padding: 20px; in the .ticket rule.').toBe('20px');
  }
});

test('The ticket has a dashed border', () => {
  for (const side of SIDES) {
    expect(style('.ticket', `border-${side}-style`), 'Make the border dashed.').toBe('dashed');
  }
});

test('The border is 4px wide and teal', () => {
  for (const side of SIDES) {
    expect(style('.ticket', `border-${side}-width`), 'Make the border 4px wide.').toBe('4px');
    expect(style('.ticket', `border-${side}-color`), 'Make the border teal.').toBe('rgb(0, 128, 128)');
  }
});

test('The corners are round', () => {
  expect(style('.ticket', 'border-top-left-radius'), 'Write border-radius: 12px; in the .ticket rule.')
    .toBe('12px');
});
