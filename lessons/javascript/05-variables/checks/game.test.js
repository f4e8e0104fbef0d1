import { describe, expect, test } from '@jest/globals';
import { sourceWithoutComments } from '@tutor/checks';
import { playGame } from './game';

function run() {
  try {
    return playGame();
  } catch (error) {
    return 'Error: ' + error.message;
  }
}

describe('playGame', () => {
  test('It runs without an error', () => {
    expect(run(), 'Make the variables player and score before the return line.')
      .not.toMatch(/^Error/);
  });

  test('player is made with const', () => {
    expect(sourceWithoutComments('game.js'), 'Make player with const, like: const player = "Sam";')
      .toMatch(/const\s+player\s*=/);
  });

  test('score is made with let', () => {
    expect(sourceWithoutComments('game.js'), 'Make score with let, like: let score = 0;')
      .toMatch(/let\s+score\s*=\s*0\s*;?/);
  });

  test('The score changes', () => {
    expect(sourceWithoutComments('game.js'), 'Add 10 to the score with: score = score + 10;')
      .toMatch(/\bscore\s*(=\s*score\s*\+|\+=)\s*10/);
  });

  test('Sam ends with 20 points', () => {
    expect(run(), 'playGame() should give back "Sam has 20 points". Add 10 to score two times.')
      .toBe('Sam has 20 points');
  });
});
