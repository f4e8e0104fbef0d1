// Counts the words in a text. There is one space between words.
// An empty text has 0 words.
export function countWords(text) {
  if (text === '') {
    return 0;
  }
  return text.split(' ').length;
}
