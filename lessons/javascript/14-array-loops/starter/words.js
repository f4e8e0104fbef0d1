// Count the words with 5 letters or more.
// countLong(["cat", "horse", "zebra"]) should give back 2
export function countLong(words) {
  let count = 0;
  // TODO: Loop over words with for ... of.
  //   When a word has 5 letters or more, add 1 to count.
  return count;
}
