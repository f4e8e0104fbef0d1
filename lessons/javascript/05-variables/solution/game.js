export function playGame() {
  const player = "Sam";
  let score = 0;
  score = score + 10;
  score = score + 10;

  return player + " has " + score + " points";
}
