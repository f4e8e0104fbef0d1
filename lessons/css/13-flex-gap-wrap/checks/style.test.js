import { beforeAll, expect, test } from '@jest/globals';
import { $, $$, check, style } from '@tutor/checks';

beforeAll(() => {
  check($('.gallery') && $$('.card').length === 8, 'Keep the gallery and its eight cards in index.html.');
});

test('The cards wrap onto new lines', () => {
  expect(style('.gallery', 'flex-wrap'), 'Write flex-wrap: wrap; in the .gallery rule.').toBe('wrap');
});

test('The cards are not squashed', () => {
  for (const card of $$('.card')) {
    expect(style(card, 'width'), 'The cards should stay 200px wide. Let them wrap with flex-wrap: wrap;')
      .toBe('200px');
  }
});

test('There is a 16px gap', () => {
  expect(style('.gallery', 'column-gap'), 'Write gap: 16px; in the .gallery rule.').toBe('16px');
  expect(style('.gallery', 'row-gap'), 'Write gap: 16px; in the .gallery rule.').toBe('16px');
});

test('The cards are 16px apart', () => {
  const [first, second] = $$('.card').map((card) => card.getBoundingClientRect());
  expect(Math.round(second.left - first.right), 'Put a 16px gap between the cards with gap: 16px;')
    .toBe(16);
});
