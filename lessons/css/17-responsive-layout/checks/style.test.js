import { describe, expect, test } from '@jest/globals';
import { $, check, style } from '@tutor/checks';
import { mediaBlocks, rulesFor, valueIn } from './css-rules';

const BIG = /min-width:\s*700px/;
const trackCount = (value) => value.trim().split(/\s+/).filter(Boolean).length;

test('The page has the viewport tag', () => {
  const meta = $('meta[name="viewport"]');
  expect(meta, 'Add <meta name="viewport" content="width=device-width, initial-scale=1"> to the <head>.')
    .not.toBeNull();
  expect(meta.getAttribute('content'), 'Set content="width=device-width, initial-scale=1" in the viewport tag.')
    .toMatch(/width\s*=\s*device-width/);
});

describe('Phones come first', () => {
  test('The main .products rule has one column', () => {
    const values = rulesFor('.products').map((rule) => rule.style.getPropertyValue('grid-template-columns'))
      .filter(Boolean);
    check(values.length > 0, 'Write grid-template-columns: 1fr; in the .products rule.');
    expect(values[values.length - 1].trim(),
      'Outside the media query, .products should have one column: grid-template-columns: 1fr;').toBe('1fr');
  });
});

describe('Big screens', () => {
  test('There is a media query for 700px and wider', () => {
    expect(mediaBlocks(BIG).length, 'Add a media query: @media (min-width: 700px) { ... }').toBeGreaterThan(0);
  });

  test('The media query gives three columns', () => {
    check(mediaBlocks(BIG).length > 0, 'Add the media query for 700px first.');
    const value = valueIn(mediaBlocks(BIG), '.products', 'grid-template-columns');
    check(value, 'Inside the media query, write a .products rule with grid-template-columns.');
    expect(value.replace(/\s+/g, ''), 'Inside the media query, give .products three equal columns.')
      .toMatch(/^(repeat\(3,1fr\)|1fr1fr1fr)$/);
  });

  test('The preview shows three columns', () => {
    check(window.matchMedia('(min-width: 700px)').matches, 'The check page should be wider than 700px.');
    expect(trackCount(style('.products', 'grid-template-columns')),
      'On a big screen, .products should have three columns.').toBe(3);
  });
});
