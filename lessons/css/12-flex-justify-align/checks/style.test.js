import { beforeAll, expect, test } from '@jest/globals';
import { $, check, style } from '@tutor/checks';

const box = (selector) => $(selector).getBoundingClientRect();

beforeAll(() => {
  check($('.header') && $('.logo') && $('.button'), 'Keep the header, logo and button in index.html.');
});

test('The items are spread out', () => {
  expect(style('.header', 'justify-content'), 'Write justify-content: space-between; in the .header rule.')
    .toBe('space-between');
});

test('The button is at the right', () => {
  const gap = box('.header').right - box('.button').right;
  expect(gap, 'Push the button to the right with justify-content: space-between;').toBeLessThan(25);
});

test('The items are lined up in the middle', () => {
  expect(style('.header', 'align-items'), 'Write align-items: center; in the .header rule.').toBe('center');
  const middle = (b) => b.top + b.height / 2;
  expect(Math.abs(middle(box('.logo')) - middle(box('.button'))),
    'The logo and button should line up in the middle. Use align-items: center;').toBeLessThan(2);
});
