import { ticketPrice } from './ticket-price.js';

test('a child of 5 pays 3', () => {
  expect(ticketPrice(5)).toBe(3);
});

// TODO: add more tests. Test an adult. Test the ages where the price changes.
