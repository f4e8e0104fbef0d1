import { bigNumbers, makePerson } from './people.js';

// TODO: this test fails, but the code is right. Use toEqual, not toBe.
test('keeps the big number', () => {
  expect(bigNumbers([5, 20])).toBe([20]);
});

// TODO: add a test with two or more big numbers.

// TODO: add a test for makePerson(). Check the whole object.
