import { describe, expect, test } from '@jest/globals';
import { check, sourceWithoutComments, style } from '@tutor/checks';
import { mediaBlocks, valueIn } from './css-rules';

const SMALL = /max-width:\s*600px/;

describe('The media query', () => {
  test('There is a media query for small screens', () => {
    expect(sourceWithoutComments('style.css'), 'Add a media query: @media (max-width: 600px) { ... }')
      .toMatch(/@media[^{]*max-width\s*:\s*600px/);
    expect(mediaBlocks(SMALL).length, 'Check the braces of your @media block. Each { needs a }.')
      .toBeGreaterThan(0);
  });

  test('On small screens the layout is a column', () => {
    check(mediaBlocks(SMALL).length > 0, 'Add the media query for 600px first.');
    expect(valueIn(mediaBlocks(SMALL), '.layout', 'flex-direction'),
      'Inside the media query, write a .layout rule with flex-direction: column;').toBe('column');
  });

  test('On small screens the advert is hidden', () => {
    check(mediaBlocks(SMALL).length > 0, 'Add the media query for 600px first.');
    expect(valueIn(mediaBlocks(SMALL), '.advert', 'display'),
      'Inside the media query, write an .advert rule with display: none;').toBe('none');
  });
});

describe('On a big screen', () => {
  test('The layout stays a row', () => {
    expect(style('.layout', 'flex-direction'),
      'Only change flex-direction inside the media query. Big screens should keep a row.').toBe('row');
  });

  test('The advert still shows', () => {
    expect(style('.advert', 'display'),
      'Only hide the advert inside the media query. Big screens should still show it.').not.toBe('none');
  });
});
