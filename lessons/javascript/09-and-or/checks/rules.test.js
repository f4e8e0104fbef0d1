import { describe, expect, test } from '@jest/globals';
import { sourceWithoutComments } from '@tutor/checks';
import { canRide, isWeekend, whatToWear } from './rules';

describe('canRide uses and', () => {
  test('Old enough and tall enough can ride', () => {
    expect(canRide(10, 130), 'canRide(10, 130) should give back true.').toBe(true);
    expect(canRide(8, 120), 'canRide(8, 120) should give back true. Use >= to let 8 and 120 in.')
      .toBe(true);
  });

  test('Too short can not ride', () => {
    expect(canRide(10, 110), 'canRide(10, 110) should give back false. The height is too small.')
      .toBe(false);
  });

  test('Too young can not ride', () => {
    expect(canRide(6, 130), 'canRide(6, 130) should give back false. The age is too small.')
      .toBe(false);
  });
});

describe('isWeekend uses or', () => {
  test('Saturday and Sunday are the weekend', () => {
    expect(isWeekend('Saturday'), 'isWeekend("Saturday") should give back true.').toBe(true);
    expect(isWeekend('Sunday'), 'isWeekend("Sunday") should give back true.').toBe(true);
  });

  test('Other days are not', () => {
    expect(isWeekend('Monday'), 'isWeekend("Monday") should give back false.').toBe(false);
    expect(isWeekend('Friday'), 'isWeekend("Friday") should give back false.').toBe(false);
  });
});

describe('whatToWear uses else if', () => {
  test('Cold days need a coat', () => {
    expect(whatToWear(3), 'whatToWear(3) should give back "coat".').toBe('coat');
  });

  test('Cool days need a jumper', () => {
    expect(whatToWear(15), 'whatToWear(15) should give back "jumper".').toBe('jumper');
    expect(whatToWear(10), 'whatToWear(10) should give back "jumper". 10 is not below 10.')
      .toBe('jumper');
  });

  test('Warm days need a t-shirt', () => {
    expect(whatToWear(25), 'whatToWear(25) should give back "t-shirt".').toBe('t-shirt');
    expect(whatToWear(20), 'whatToWear(20) should give back "t-shirt". 20 is not below 20.')
      .toBe('t-shirt');
  });

  test('It uses else if', () => {
    expect(sourceWithoutComments('rules.js'), 'Use else if in whatToWear.')
      .toMatch(/else\s+if\s*\(/);
  });
});
