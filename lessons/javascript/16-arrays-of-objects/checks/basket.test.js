import { describe, expect, test } from '@jest/globals';
import { basketTotal, itemNames } from './basket';

const shopping = () => [
  { name: 'eggs', price: 3, count: 2 },
  { name: 'milk', price: 1, count: 4 },
  { name: 'bread', price: 2, count: 1 },
];

describe('What the basket costs', () => {
  test('It adds up the basket', () => {
    expect(basketTotal(shopping()), 'For eggs, milk and bread, basketTotal should give back 12.')
      .toBe(12);
  });

  test('It uses the count of each item', () => {
    expect(basketTotal([{ name: 'jam', price: 5, count: 3 }]),
      'Three jars of jam at 5 each cost 15. Times each price by its count.').toBe(15);
  });

  test('An empty basket costs 0', () => {
    expect(basketTotal([]), 'basketTotal([]) should give back 0.').toBe(0);
  });
});

describe('The names in the basket', () => {
  test('It lists the names in order', () => {
    expect(itemNames(shopping()), 'itemNames should give back ["eggs", "milk", "bread"]')
      .toEqual(['eggs', 'milk', 'bread']);
  });

  test('It gives back only the names', () => {
    expect(itemNames([{ name: 'jam', price: 5, count: 3 }]),
      'Push item.name, not the whole item.').toEqual(['jam']);
  });
});
