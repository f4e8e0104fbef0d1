import { beforeAll, describe, expect, test } from '@jest/globals';
import { $, $$, check, sourceWithoutComments } from '@tutor/checks';

const words = (element) => element.textContent.replace(/\s+/g, ' ').trim().toLowerCase();

describe('The text of the letter', () => {
  test('The letter part is two paragraphs', () => {
    const first = $$('p').find((p) => words(p).startsWith('i love'));
    check(first, 'Keep the paragraph that starts with "I love to get letters".');
    expect(words(first), 'End the first paragraph with </p> after "I read every one."')
      .toBe('i love to get letters. i read every one.');
  });

  test('The second paragraph starts with If you write', () => {
    const second = $$('p').find((p) => words(p).startsWith('if you write'));
    expect(second, 'Start a new <p> paragraph just before "If you write".').toBeTruthy();
  });
});

describe('The address', () => {
  beforeAll(() => {
    check($('.address'), 'Keep the <p class="address"> paragraph. The checks need it.');
  });

  test('The address has two line breaks', () => {
    expect($$('.address br').length, 'Put a <br> after "Sam Lee" and after "12 Park Road".')
      .toBe(2);
  });

  test('The address shows on three lines', () => {
    const lines = $('.address').innerHTML.split(/<br\s*\/?>/i)
      .map((line) => line.replace(/\s+/g, ' ').trim());
    expect(lines, 'The three lines should be "Sam Lee", "12 Park Road" and "Leeds".')
      .toEqual(['Sam Lee', '12 Park Road', 'Leeds']);
  });

  test('A line break has no closing tag', () => {
    expect(sourceWithoutComments('index.html'), 'Take out </br>. The <br> tag has no closing tag.')
      .not.toMatch(/<\/br\s*>/i);
  });
});
