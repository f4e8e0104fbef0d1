import { describe, expect, test } from '@jest/globals';
import { $, $$, check, sourceWithoutComments, text } from '@tutor/checks';

describe('The team page', () => {
  test('The page keeps its heading and list', () => {
    check($('#heading') && $('#team'),
      'Keep the <h1 id="heading"> and the <ul id="team"> in index.html.');
  });

  test('The heading says Our team', () => {
    expect(text('#heading'), 'Set heading.textContent to "Our team" in team.js.').toBe('Our team');
  });

  test('The list has one item for each name', () => {
    expect($$('#team li').length, 'Make one <li> for each of the three names.').toBe(3);
  });

  test('The names are in the list in order', () => {
    const shown = $$('#team li').map((item) => item.textContent.trim());
    expect(shown, 'The list should show Ada, Sam and Kim, in that order.')
      .toEqual(['Ada', 'Sam', 'Kim']);
  });

  test('team.js makes the new tags', () => {
    expect(sourceWithoutComments('team.js'), 'Make each <li> in team.js with document.createElement("li").')
      .toMatch(/createElement\s*\(\s*["'`]li["'`]\s*\)/i);
  });

  test('The list in index.html starts empty', () => {
    expect(sourceWithoutComments('index.html'), 'Leave the <ul> empty in index.html. Let team.js fill it.')
      .not.toMatch(/<li\b/i);
  });
});
