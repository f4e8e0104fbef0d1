import { beforeAll, describe, expect, test } from '@jest/globals';
import { $, check, sourceWithoutComments, style } from '@tutor/checks';

const NAVY = 'rgb(0, 0, 128)';

describe('Colour and size', () => {
  test('The text is navy', () => {
    expect(style('p', 'color'), 'Set color: navy; in the body rule in style.css.').toBe(NAVY);
  });

  test('The heading is 32px tall', () => {
    expect(style('h1', 'font-size'), 'Set font-size: 32px; in the h1 rule.').toBe('32px');
  });

  test('The CSS is in style.css', () => {
    expect(sourceWithoutComments('style.css'), 'Write your rules in style.css, not in the page.')
      .toMatch(/color\s*:\s*navy/i);
  });
});

describe('The card box', () => {
  beforeAll(() => {
    check($('.card'), 'Keep the <div class="card"> in index.html. The checks need it.');
  });

  test('The card has 16px of padding', () => {
    for (const side of ['top', 'right', 'bottom', 'left']) {
      expect(style('.card', `padding-${side}`), 'Set padding: 16px; in the .card rule.')
        .toBe('16px');
    }
  });

  test('The card has a border', () => {
    expect(style('.card', 'border-top-style'), 'Give the card a solid border.').toBe('solid');
    expect(style('.card', 'border-top-width'), 'Make the border 2px wide.').toBe('2px');
    expect(style('.card', 'border-top-color'), 'Make the border navy.').toBe(NAVY);
  });

  test('The card has a 24px margin', () => {
    expect(style('.card', 'margin-left'), 'Set margin: 24px; in the .card rule.').toBe('24px');
    expect(style('.card', 'margin-top'), 'Set margin: 24px; in the .card rule.').toBe('24px');
  });
});
