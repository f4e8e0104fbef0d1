import { beforeAll, expect, test } from '@jest/globals';
import { $, $$, check, style } from '@tutor/checks';

beforeAll(() => {
  check($('.page'), 'Keep the <div class="page"> in index.html. The checks need it.');
});

test('The page is 600px wide', () => {
  expect(style('.page', 'width'), 'Write width: 600px; in the .page rule.').toBe('600px');
});

test('The page sits in the middle', () => {
  const box = $('.page').getBoundingClientRect();
  const spaceLeft = box.left;
  const spaceRight = document.documentElement.clientWidth - box.right;
  check(spaceLeft > 20, 'Write margin: 0 auto; in the .page rule to put it in the middle.');
  expect(Math.abs(spaceLeft - spaceRight), 'Write margin: 0 auto; in the .page rule to put it in the middle.')
    .toBeLessThan(3);
});

test('Each paragraph has a 24px margin below it', () => {
  for (const p of $$('.page p')) {
    expect(style(p, 'margin-bottom'), 'Write margin-bottom: 24px; in the .page p rule.').toBe('24px');
  }
});
