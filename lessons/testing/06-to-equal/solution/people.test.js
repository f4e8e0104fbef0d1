import { bigNumbers, makePerson } from './people.js';

test('keeps the big number', () => {
  expect(bigNumbers([5, 20])).toEqual([20]);
});

test('keeps all the big numbers in order', () => {
  expect(bigNumbers([20, 5, 30, 10])).toEqual([20, 30, 10]);
});

test('makes a person with a name and an age', () => {
  expect(makePerson('Sam', 30)).toEqual({ name: 'Sam', age: 30 });
});
