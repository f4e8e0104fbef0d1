// Join first and last with a space between them.
export function fullName(first, last) {
  return first + " " + last;
}

// Say how many letters a word has.
export function letterCount(word) {
  return `${word} has ${word.length} letters`;
}
