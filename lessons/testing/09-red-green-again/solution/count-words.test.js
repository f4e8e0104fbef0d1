import { countWords } from './count-words.js';

test('empty text has 0 words', () => {
  expect(countWords('')).toBe(0);
});

test('good morning is 2 words', () => {
  expect(countWords('good morning')).toBe(2);
});
