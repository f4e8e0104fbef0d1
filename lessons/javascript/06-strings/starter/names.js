// TODO: Join first and last with a space between them.
// fullName("Ada", "Lovelace") should give back "Ada Lovelace"
export function fullName(first, last) {
  return "";
}

// TODO: Use a template literal (backticks) and word.length.
// letterCount("cat") should give back "cat has 3 letters"
export function letterCount(word) {
  return "";
}
