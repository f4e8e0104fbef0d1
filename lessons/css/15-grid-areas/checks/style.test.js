import { beforeAll, expect, test } from '@jest/globals';
import { $, check, style } from '@tutor/checks';

const box = (selector) => $(selector).getBoundingClientRect();

beforeAll(() => {
  check($('.layout header') && $('.layout nav') && $('.layout main') && $('.layout footer'),
    'Keep the header, nav, main and footer inside .layout in index.html.');
});

test('The grid has a map of areas', () => {
  expect(style('.layout', 'grid-template-areas'), 'Write grid-template-areas in the .layout rule.')
    .not.toBe('none');
});

test('Each part has its area name', () => {
  for (const name of ['nav', 'main', 'footer']) {
    expect(style(name, 'grid-row-start'), `Write grid-area: ${name}; in the ${name} rule.`).toBe(name);
  }
});

test('The header fills the top row', () => {
  expect(Math.round(box('header').width), 'The header row should be "header header".')
    .toBe(Math.round(box('.layout').width));
});

test('The nav sits left of main', () => {
  expect(Math.round(box('nav').top), 'The second row should be "nav main".').toBe(Math.round(box('main').top));
  expect(box('nav').right, 'The second row should be "nav main".').toBeLessThan(box('main').left);
  expect(Math.round(box('nav').width), 'The nav should sit in the first column, 200px wide.').toBe(200);
});

test('The footer fills the bottom row', () => {
  expect(box('footer').top, 'The footer should come last. The last row is "footer footer".')
    .toBeGreaterThan(box('main').bottom);
  expect(Math.round(box('footer').width), 'The last row should be "footer footer".')
    .toBe(Math.round(box('.layout').width));
});
