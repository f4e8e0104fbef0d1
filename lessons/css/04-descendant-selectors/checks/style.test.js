import { describe, expect, test } from '@jest/globals';
import { $, $$, check, style } from '@tutor/checks';

const WHITE = 'rgb(255, 255, 255)';

describe('The links', () => {
  test('The nav links are white', () => {
    check($$('nav a').length > 0, 'Keep the links inside <nav> in index.html.');
    for (const link of $$('nav a')) {
      expect(style(link, 'color'), 'Write a rule for nav a that sets color: white;').toBe(WHITE);
    }
  });

  test('The link in main is not white', () => {
    check($('main a'), 'Keep the link inside <main> in index.html.');
    expect(style('main a', 'color'),
      'Only the links in the nav should be white. Use the selector nav a, not just a.').not.toBe(WHITE);
  });
});

describe('The text size', () => {
  test('Text in main is 18px', () => {
    check($$('main p').length > 0, 'Keep the paragraphs inside <main> in index.html.');
    for (const p of $$('main p')) {
      expect(style(p, 'font-size'), 'Write a rule for main p that sets font-size: 18px;').toBe('18px');
    }
  });

  test('The footer text stays small', () => {
    check($('footer p'), 'Keep the paragraph inside <footer> in index.html.');
    expect(style('footer p', 'font-size'),
      'Only the paragraphs in main should grow. Use the selector main p, not just p.').toBe('14px');
  });
});
