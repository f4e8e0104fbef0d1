import { describe, expect, test } from '@jest/globals';
import { sourceWithoutComments } from '@tutor/checks';
import { ticketPrice } from './ticket';

describe('ticketPrice', () => {
  test('A child pays 5', () => {
    expect(ticketPrice(8), 'ticketPrice(8) should give back 5. A child under 12 pays 5.').toBe(5);
    expect(ticketPrice(3), 'ticketPrice(3) should give back 5.').toBe(5);
  });

  test('A grown-up pays 10', () => {
    expect(ticketPrice(40), 'ticketPrice(40) should give back 10.').toBe(10);
  });

  test('Age 12 pays the full price', () => {
    expect(ticketPrice(12), 'ticketPrice(12) should give back 10. Use < 12, not <= 12.').toBe(10);
  });

  test('Age 11 still pays the child price', () => {
    expect(ticketPrice(11), 'ticketPrice(11) should give back 5. Check for age < 12.').toBe(5);
  });

  test('It uses if', () => {
    expect(sourceWithoutComments('ticket.js'), 'Use if to choose the price.').toMatch(/\bif\s*\(/);
  });
});
