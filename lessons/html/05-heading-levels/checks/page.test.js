import { describe, expect, test } from '@jest/globals';
import { $$, check } from '@tutor/checks';

const headings = () => $$('h1, h2, h3, h4, h5, h6');
const level = (heading) => Number(heading.tagName[1]);
const named = (tag, words) =>
  $$(tag).find((heading) => heading.textContent.trim().toLowerCase() === words);

describe('The headings', () => {
  test('There is one h1 at the top', () => {
    expect($$('h1').length, 'Keep just one <h1> heading on the page.').toBe(1);
    expect(headings()[0].tagName, 'The first heading on the page must be the <h1>.').toBe('H1');
  });

  test('There is an h2 called Vegetables', () => {
    expect(named('h2', 'vegetables'), 'Add <h2>Vegetables</h2> at the first TODO.')
      .toBeTruthy();
  });

  test('There is an h3 called Tomatoes', () => {
    expect(named('h3', 'tomatoes'), 'Add <h3>Tomatoes</h3> at the second TODO.').toBeTruthy();
  });

  test('There is an h2 called Flowers', () => {
    expect(named('h2', 'flowers'), 'Add <h2>Flowers</h2> at the last TODO.').toBeTruthy();
  });

  test('The headings come in order', () => {
    const list = headings();
    check(list.length > 1, 'Add the missing headings first.');
    for (let i = 1; i < list.length; i += 1) {
      const jump = level(list[i]) - level(list[i - 1]);
      expect(jump, `Do not skip a level. The heading "${list[i].textContent.trim()}" goes down more than one step.`)
        .toBeLessThanOrEqual(1);
    }
  });

  test('The three new headings are in the right order', () => {
    const list = headings();
    const vegetables = list.indexOf(named('h2', 'vegetables'));
    const tomatoes = list.indexOf(named('h3', 'tomatoes'));
    const flowers = list.indexOf(named('h2', 'flowers'));
    check(vegetables >= 0 && tomatoes >= 0 && flowers >= 0, 'Add all three headings first.');
    expect(vegetables < tomatoes && tomatoes < flowers,
      'Put the headings in this order: Vegetables, then Tomatoes, then Flowers.').toBe(true);
  });
});
