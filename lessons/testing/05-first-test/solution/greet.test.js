import { greet } from './greet.js';

test('greets Sam by name', () => {
  expect(greet('Sam')).toBe('Hello, Sam!');
});
