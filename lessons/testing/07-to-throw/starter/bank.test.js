import { withdraw } from './bank.js';

test('take 3 out of 10 and 7 is left', () => {
  expect(withdraw(10, 3)).toBe(7);
});

// TODO: test that taking out too much throws. Use () => and toThrow().

// TODO: test that taking out 0 throws.

// TODO: test that taking out all of the money leaves 0.
