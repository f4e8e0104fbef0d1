import { ticketPrice } from './ticket-price.js';

test('a child of 5 pays 3', () => {
  expect(ticketPrice(5)).toBe(3);
});

test('an adult pays 8', () => {
  expect(ticketPrice(30)).toBe(8);
});

test('a child of 11 still pays 3', () => {
  expect(ticketPrice(11)).toBe(3);
});

test('at 12 you pay 8', () => {
  expect(ticketPrice(12)).toBe(8);
});

test('at 65 you pay 5', () => {
  expect(ticketPrice(65)).toBe(5);
});

test('at 64 you still pay 8', () => {
  expect(ticketPrice(64)).toBe(8);
});
