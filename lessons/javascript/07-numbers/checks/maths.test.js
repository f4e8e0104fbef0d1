import { describe, expect, test } from '@jest/globals';
import { area, average } from './maths';

describe('Finding the size with area', () => {
  test('A 3 by 4 shape has size 12', () => {
    expect(area(3, 4), 'area(3, 4) should give back 12. Use * to times the numbers.').toBe(12);
  });

  test('It works for other sizes', () => {
    expect(area(5, 2), 'area(5, 2) should give back 10.').toBe(10);
    expect(area(7, 1), 'area(7, 1) should give back 7. Times width by height.').toBe(7);
  });
});

describe('Finding the middle with average', () => {
  test('The average of 4 and 10 is 7', () => {
    expect(average(4, 10), 'average(4, 10) should give back 7. Add, then divide by 2.').toBe(7);
  });

  test('The adding happens first', () => {
    expect(average(2, 6), 'average(2, 6) should give back 4. Put (a + b) in brackets.').toBe(4);
  });

  test('It can give back a half', () => {
    expect(average(1, 2), 'average(1, 2) should give back 1.5.').toBe(1.5);
  });
});
