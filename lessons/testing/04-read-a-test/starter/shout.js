// Makes a word loud: big letters, and a ! at the end.
export function shout(word) {
  // TODO: a test fails. Read it, then fix this line.
  return word + '!';
}
