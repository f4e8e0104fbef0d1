import { describe, expect, test } from '@jest/globals';
import { $$, check, style } from '@tutor/checks';

const tops = (selector) => $$(selector).map((el) => Math.round(el.getBoundingClientRect().top));

describe('The menu', () => {
  test('The menu is a flex container', () => {
    expect(style('.menu', 'display'), 'Write display: flex; in the .menu rule.').toBe('flex');
  });

  test('The menu items sit in a row', () => {
    check($$('.item').length === 4, 'Keep the four menu items in index.html.');
    expect(new Set(tops('.item')).size, 'The menu items should sit side by side. Use display: flex;')
      .toBe(1);
  });
});

describe('The steps', () => {
  test('The steps box is a flex container', () => {
    expect(style('.steps', 'display'), 'Write display: flex; in the .steps rule.').toBe('flex');
  });

  test('The steps go in a column', () => {
    expect(style('.steps', 'flex-direction'), 'Write flex-direction: column; in the .steps rule.')
      .toBe('column');
  });

  test('Each step is below the one before', () => {
    const list = tops('.step');
    check(list.length === 3, 'Keep the three steps in index.html.');
    expect(list[0] < list[1] && list[1] < list[2], 'Stack the steps with flex-direction: column;')
      .toBe(true);
  });
});
