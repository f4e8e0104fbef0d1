import { describe, expect, test } from '@jest/globals';
import { $, check, sourceWithoutComments, text } from '@tutor/checks';

// Resolves to true once the picture has loaded, or false if it cannot load.
function pictureLoaded(image) {
  if (image.complete) {
    return Promise.resolve(image.naturalWidth > 0);
  }
  return new Promise((resolve) => {
    image.addEventListener('load', () => resolve(true));
    image.addEventListener('error', () => resolve(false));
  });
}

describe('The picture', () => {
  test('The page has an <img> tag', () => {
    expect($('img'), 'Add an <img> tag to show the picture.').not.toBeNull();
  });

  test('The picture shows cat.png', () => {
    check($('img'), 'Add an <img> tag first.');
    expect($('img').getAttribute('src'), 'Set src to "cat.png" in your <img> tag.')
      .toMatch(/^(\.\/)?cat\.png$/);
  });

  test('The picture has alt text', () => {
    check($('img'), 'Add an <img> tag first.');
    const alt = ($('img').getAttribute('alt') || '').trim();
    expect(alt.length, 'Add alt text to your <img> that says what the picture shows.')
      .toBeGreaterThan(2);
  });

  test('The <img> tag has no closing tag', () => {
    expect(sourceWithoutComments('index.html'), 'An <img> tag has no closing tag. Take out </img>.')
      .not.toMatch(/<\/img>/i);
  });

  test('The picture loads', async () => {
    const image = $('img');
    check(image, 'Add an <img> tag first.');
    await expect(pictureLoaded(image), 'The picture did not load. Check the file name in src.')
      .resolves.toBe(true);
  });
});

describe('The link', () => {
  test('The page has a link', () => {
    expect($('a'), 'Add a link with an <a> tag.').not.toBeNull();
  });

  test('The link goes to facts.html', () => {
    check($('a'), 'Add an <a> link first.');
    expect($('a').getAttribute('href'), 'Set href to "facts.html" in your <a> tag.')
      .toMatch(/^(\.\/)?facts\.html$/);
  });

  test('The link has words to click', () => {
    check($('a'), 'Add an <a> link first.');
    expect(text('a'), 'Write some words between <a> and </a>. People click on them.')
      .not.toBe('');
  });
});
