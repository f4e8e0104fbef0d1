import { beforeAll, expect, test } from '@jest/globals';
import { $, $$, check, style } from '@tutor/checks';

const boxes = () => $$('.person').map((person) => person.getBoundingClientRect());

beforeAll(() => {
  check($('.team') && $$('.person').length === 6, 'Keep the team box and its six people in index.html.');
});

test('The team box is a grid', () => {
  expect(style('.team', 'display'), 'Write display: grid; in the .team rule.').toBe('grid');
});

test('The grid has three columns', () => {
  const columns = style('.team', 'grid-template-columns').split(' ').filter(Boolean);
  expect(columns.length, 'Write grid-template-columns: 1fr 1fr 1fr; in the .team rule.').toBe(3);
});

test('The columns are the same width', () => {
  const widths = boxes().slice(0, 3).map((b) => Math.round(b.width));
  expect(Math.max(...widths) - Math.min(...widths), 'Make the three columns equal. Use 1fr for each.')
    .toBeLessThan(2);
});

test('There is a 20px gap', () => {
  const [a, b, , d] = boxes();
  expect(Math.round(b.left - a.right), 'Write gap: 20px; in the .team rule.').toBe(20);
  expect(Math.round(d.top - a.bottom), 'Write gap: 20px; in the .team rule.').toBe(20);
});
