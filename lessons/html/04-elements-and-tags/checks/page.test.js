import { describe, expect, test } from '@jest/globals';
import { $, check, sourceWithoutComments, text } from '@tutor/checks';

describe('The title', () => {
  test('The page has a title', () => {
    expect(document.title.trim(), 'Write Duck pond between <title> and </title>.').not.toBe('');
  });

  test('The title says Duck pond', () => {
    expect(document.title.trim().toLowerCase(), 'Make the title say Duck pond.')
      .toBe('duck pond');
  });
});

describe('Strong and em', () => {
  test('The word not is strong', () => {
    expect($('strong'), 'Wrap the word "not" in <strong> and </strong>.').not.toBeNull();
    expect(text('strong').toLowerCase(), 'Put just the word "not" inside the <strong> tags.')
      .toBe('not');
  });

  test('The word ducks has stress', () => {
    expect($('em'), 'Wrap the word "ducks" in <em> and </em>.').not.toBeNull();
    expect(text('em').toLowerCase(), 'Put just the word "ducks" inside the <em> tags.')
      .toBe('ducks');
  });

  test('Both sit inside the paragraph', () => {
    check($('strong') && $('em'), 'Add the <strong> and <em> tags first.');
    expect($('p strong'), 'Keep the <strong> tags inside the paragraph.').not.toBeNull();
    expect($('p em'), 'Keep the <em> tags inside the paragraph.').not.toBeNull();
  });

  test('Each tag is closed', () => {
    const page = sourceWithoutComments('index.html');
    expect(page, 'Close the strong words with </strong>.').toMatch(/<\/strong>/i);
    expect(page, 'Close the word with stress with </em>.').toMatch(/<\/em>/i);
  });

  test('The sentence is all there', () => {
    expect(text('p').replace(/\s+/g, ' ').toLowerCase(),
      'Keep all the words of the sentence. Only add tags round two of them.')
      .toBe('please do not feed bread to the ducks.');
  });
});
