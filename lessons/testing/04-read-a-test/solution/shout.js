// Makes a word loud: big letters, and a ! at the end.
export function shout(word) {
  return word.toUpperCase() + '!';
}
