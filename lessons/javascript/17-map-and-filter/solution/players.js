// A team to try your code on.
export const team = [
  { name: "Kim", points: 12 },
  { name: "Jo", points: 4 },
  { name: "Lee", points: 10 },
];

// Give back a list of the names. For the team above: ["Kim", "Jo", "Lee"]
export function playerNames(players) {
  return players.map((player) => player.name);
}

// Keep the players with 10 points or more. For the team above: Kim and Lee.
export function topPlayers(players) {
  return players.filter((player) => player.points >= 10);
}
