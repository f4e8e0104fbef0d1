// A broken countWords: it counts the spaces, not the words.
export function countWords(text) {
  if (text === '') {
    return 0;
  }
  return text.split(' ').length - 1;
}
