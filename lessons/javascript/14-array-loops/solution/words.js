// Count the words with 5 letters or more.
export function countLong(words) {
  let count = 0;
  for (const word of words) {
    if (word.length >= 5) {
      count = count + 1;
    }
  }
  return count;
}
