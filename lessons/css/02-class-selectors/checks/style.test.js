import { describe, expect, test } from '@jest/globals';
import { $$, check, style } from '@tutor/checks';

const RED = 'rgb(255, 0, 0)';
const itemNamed = (word) => $$('li').find((item) => item.textContent.includes(word));

describe('The classes', () => {
  test('Two items have the class sale', () => {
    expect($$('.sale').length, 'Give class="sale" to two list items: Bread and Milk.').toBe(2);
  });

  test('Bread and Milk are on sale', () => {
    for (const word of ['Bread', 'Milk']) {
      const item = itemNamed(word);
      check(item, `Keep the ${word} item in the list.`);
      expect(item.classList.contains('sale'), `Add class="sale" to the ${word} item.`).toBe(true);
    }
  });
});

describe('The .sale rule', () => {
  test('Sale items are red', () => {
    check($$('.sale').length > 0, 'Give the Bread and Milk items the class sale first.');
    for (const item of $$('.sale')) {
      expect(style(item, 'color'), 'Write color: red; in the .sale rule in style.css.').toBe(RED);
    }
  });

  test('Sale items are bold', () => {
    check($$('.sale').length > 0, 'Give the Bread and Milk items the class sale first.');
    for (const item of $$('.sale')) {
      expect(style(item, 'font-weight'), 'Write font-weight: bold; in the .sale rule.').toBe('700');
    }
  });

  test('Other items stay the same', () => {
    for (const word of ['Apples', 'Cheese']) {
      const item = itemNamed(word);
      check(item, `Keep the ${word} item in the list.`);
      expect(style(item, 'color'), `The ${word} item should not be red. Only style the .sale class.`)
        .not.toBe(RED);
    }
  });
});
