import { describe, expect, test } from '@jest/globals';
import { $, $$, check } from '@tutor/checks';

describe('Four fixes', () => {
  test('The page says its language', () => {
    expect(document.documentElement.getAttribute('lang') || '',
      'Add lang="en" to the <html> tag at the top.').toMatch(/^en\b/i);
  });

  test('The picture has alt text', () => {
    const image = $('img');
    check(image, 'Keep the <img> of the shop on the page.');
    const alt = (image.getAttribute('alt') || '').trim();
    expect(alt.length, 'Add alt text to the <img> that says what the picture shows.')
      .toBeGreaterThan(5);
    expect(alt.toLowerCase(), 'Do not use the file name as alt text. Say what you see.')
      .not.toContain('.png');
  });

  test('The search box has a label', () => {
    const box = $('#search');
    check(box, 'Keep the search box with id="search".');
    expect(box.labels.length, 'Add <label for="search">Search for a book</label> above the box.')
      .toBeGreaterThan(0);
    expect(box.labels[0].textContent.trim().toLowerCase(),
      'Make the label say "Search for a book".').toContain('search');
  });

  test('The button says what it does', () => {
    const button = $('button');
    check(button, 'Keep the button in the form.');
    expect(button.textContent.trim(), 'Put the word Search on the button, in place of the arrow.')
      .toMatch(/search/i);
  });
});

describe('The rest of the page', () => {
  test('Every picture has alt text', () => {
    for (const image of $$('img')) {
      expect(image.hasAttribute('alt'), 'Give every <img> an alt attribute.').toBe(true);
    }
  });

  test('Every box has a label', () => {
    for (const input of $$('input')) {
      expect(input.labels.length, 'Tie a <label> to every input, with for and id that match.')
        .toBeGreaterThan(0);
    }
  });
});
