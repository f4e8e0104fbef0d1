export function playGame() {
  // TODO: Make a const called player. Give it the text "Sam".
  // TODO: Make a let called score. Give it the number 0.
  // TODO: Add 10 to score. Then add 10 again.

  return player + " has " + score + " points";
}
