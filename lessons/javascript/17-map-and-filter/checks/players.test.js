import { describe, expect, test } from '@jest/globals';
import { sourceWithoutComments } from '@tutor/checks';
import { playerNames, topPlayers } from './players';

const players = () => [
  { name: 'Kim', points: 12 },
  { name: 'Jo', points: 4 },
  { name: 'Lee', points: 10 },
];

describe('The names of the players', () => {
  test('It gives back the names', () => {
    expect(playerNames(players()), 'playerNames should give back ["Kim", "Jo", "Lee"]')
      .toEqual(['Kim', 'Jo', 'Lee']);
  });

  test('It uses map', () => {
    expect(sourceWithoutComments('players.js'), 'Use players.map in playerNames.')
      .toMatch(/\.map\s*\(/);
  });
});

describe('The top players', () => {
  test('It keeps players with more than 10 points', () => {
    const top = topPlayers(players());
    expect(top.map((player) => player.name), 'Kim has 12 points, so keep Kim.').toContain('Kim');
  });

  test('It keeps players with exactly 10 points', () => {
    const top = topPlayers(players());
    expect(top.map((player) => player.name), 'Lee has 10 points, so keep Lee too. Use >= 10.')
      .toContain('Lee');
  });

  test('It leaves out players with fewer points', () => {
    const top = topPlayers(players());
    expect(top, 'topPlayers should keep just Kim and Lee, as whole objects.').toEqual([
      { name: 'Kim', points: 12 },
      { name: 'Lee', points: 10 },
    ]);
  });

  test('It uses filter', () => {
    expect(sourceWithoutComments('players.js'), 'Use players.filter in topPlayers.')
      .toMatch(/\.filter\s*\(/);
  });
});
