import { describe, expect, test } from '@jest/globals';
import { sourceWithoutComments } from '@tutor/checks';
import { cheapestFirst, findDish } from './menu';

const dishes = () => [
  { name: 'pizza', price: 9 },
  { name: 'soup', price: 4 },
  { name: 'salad', price: 6 },
];

describe('Finding a dish', () => {
  test('It finds the soup', () => {
    expect(findDish(dishes(), 'soup'), 'findDish(menu, "soup") should give back { name: "soup", price: 4 }')
      .toEqual({ name: 'soup', price: 4 });
  });

  test('It finds any dish by name', () => {
    expect(findDish(dishes(), 'pizza'), 'findDish(menu, "pizza") should give back the pizza. Compare dish.name with name.')
      .toEqual({ name: 'pizza', price: 9 });
  });

  test('It gives back undefined when there is no such dish', () => {
    expect(findDish(dishes(), 'cake'), 'There is no cake, so findDish should give back undefined.')
      .toBeUndefined();
  });

  test('It uses find', () => {
    expect(sourceWithoutComments('menu.js'), 'Use dishes.find in findDish.').toMatch(/\.find\s*\(/);
  });
});

describe('Putting the cheapest first', () => {
  test('It puts the dishes in order of price', () => {
    const names = (cheapestFirst(dishes()) || []).map((dish) => dish.name);
    expect(names, 'cheapestFirst should give back soup, then salad, then pizza.')
      .toEqual(['soup', 'salad', 'pizza']);
  });

  test('It works for other dishes', () => {
    const list = [{ name: 'tea', price: 3 }, { name: 'cake', price: 2 }];
    const names = (cheapestFirst(list) || []).map((dish) => dish.name);
    expect(names, 'The cake costs less than the tea, so it goes first. Use (a, b) => a.price - b.price.')
      .toEqual(['cake', 'tea']);
  });

  test('It uses sort', () => {
    expect(sourceWithoutComments('menu.js'), 'Use dishes.sort in cheapestFirst.').toMatch(/\.sort\s*\(/);
  });
});
