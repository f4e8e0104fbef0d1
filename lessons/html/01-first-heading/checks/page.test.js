import { describe, expect, test } from '@jest/globals';
import { $, $$, check, source, text } from '@tutor/checks';

describe('Your first heading', () => {
  test('The page has an <h1> heading', () => {
    expect($('h1'), 'Your page needs an <h1> heading. Put it inside the body.').not.toBeNull();
  });

  test('The heading has words in it', () => {
    check($('h1'), 'Add an <h1> heading first.');
    expect(text('h1'), 'Your <h1> heading is empty. Write a title between <h1> and </h1>.')
      .not.toBe('');
  });

  test('The heading is closed with </h1>', () => {
    check($('h1'), 'Add an <h1> heading first.');
    expect(source('index.html'), 'Close your heading with </h1> at the end of the title.')
      .toMatch(/<\/h1>/i);
  });

  test('The page has just one main heading', () => {
    expect($$('h1').length, 'Use just one <h1> on a page. It is the main title.')
      .toBeLessThanOrEqual(1);
  });

  test('The page has a paragraph', () => {
    expect($('p'), 'Your page needs a <p> paragraph.').not.toBeNull();
  });

  test('The paragraph has words in it', () => {
    check($('p'), 'Add a <p> paragraph first.');
    expect(text('p').length, 'Your paragraph is empty. Write a sentence between <p> and </p>.')
      .toBeGreaterThan(0);
  });

  test('The paragraph comes after the heading', () => {
    const heading = $('h1');
    const paragraph = $('p');
    check(heading && paragraph, 'Add an <h1> heading and a <p> paragraph first.');
    check(!heading.contains(paragraph), 'Close the heading with </h1> before the paragraph.');
    const after = heading.compareDocumentPosition(paragraph) & Node.DOCUMENT_POSITION_FOLLOWING;
    check(after, 'Put the <p> paragraph under the <h1> heading.');
  });
});
