// stars(3) should give back "***"
export function stars(count) {
  let line = "";
  // TODO: Use a for loop that goes round count times.
  //   Each time round, add one "*" to line.
  return line;
}
