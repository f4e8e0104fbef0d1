import { describe, expect, test } from '@jest/globals';
import { sourceWithoutComments } from '@tutor/checks';
import { canAfford, totalCost } from './shop';

describe('Working out the cost with totalCost', () => {
  test('Four things at 3 cost 12', () => {
    expect(totalCost(3, 4), 'totalCost(3, 4) should give back 12. Use return.').toBe(12);
  });

  test('It works for any price', () => {
    expect(totalCost(5, 2), 'totalCost(5, 2) should give back 10.').toBe(10);
    expect(totalCost(7, 0), 'totalCost(7, 0) should give back 0.').toBe(0);
  });
});

describe('Checking the money with canAfford', () => {
  test('Enough money can buy', () => {
    expect(canAfford(20, 3, 4), 'canAfford(20, 3, 4) should give back true. 20 is more than 12.')
      .toBe(true);
  });

  test('Just enough money can buy', () => {
    expect(canAfford(12, 3, 4), 'canAfford(12, 3, 4) should give back true. Use >= so the same counts.')
      .toBe(true);
  });

  test('Too little money can not buy', () => {
    expect(canAfford(10, 3, 4), 'canAfford(10, 3, 4) should give back false. 10 is less than 12.')
      .toBe(false);
  });

  test('It uses the first function', () => {
    const body = sourceWithoutComments('shop.js').split(/function\s+canAfford/)[1] || '';
    expect(body, 'Call totalCost(price, count) inside canAfford.').toMatch(/totalCost\s*\(/);
  });
});
