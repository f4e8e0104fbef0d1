import { describe, expect, test } from '@jest/globals';
import { $, $$, check } from '@tutor/checks';

const STEPS = ['fill the kettle', 'boil the water', 'put a tea bag in a cup', 'pour in the water'];
const steps = () => $$('ol > li').map((item) =>
  item.textContent.replace(/\s+/g, ' ').trim().toLowerCase().replace(/\.$/, ''));

describe('The steps', () => {
  test('The page has a list with numbers', () => {
    expect($('ol'), 'Add an <ol> list under "What to do". A <ul> has no numbers.')
      .not.toBeNull();
  });

  test('The list has four steps', () => {
    check($('ol'), 'Add an <ol> list first.');
    expect($$('ol > li').length, 'Put four <li> steps inside the <ol>.').toBe(4);
  });

  test('The steps are in the right order', () => {
    check($$('ol > li').length === 4, 'Put four <li> steps inside the <ol> first.');
    const list = steps();
    STEPS.forEach((step, i) => {
      expect(list[i], `Step ${i + 1} should say "${step}".`).toBe(step);
    });
  });

  test('The list of things you need stays', () => {
    expect($$('ul > li').length, 'Keep the list of things you need, with its three items.')
      .toBe(3);
  });

  test('You let the browser count', () => {
    for (const step of $$('ol > li')) {
      expect(step.textContent.trim(), 'Take out the numbers you typed. The <ol> adds them for you.')
        .not.toMatch(/^\d/);
    }
  });
});
