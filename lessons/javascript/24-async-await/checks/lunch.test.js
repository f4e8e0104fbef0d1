import { describe, expect, test } from '@jest/globals';
import { sourceWithoutComments } from '@tutor/checks';
import { makeLunch, tryOrder } from './lunch';

async function outcome(action) {
  try {
    return { value: await action() };
  } catch (error) {
    return { error: error && error.message };
  }
}

describe('Making lunch', () => {
  test('makeLunch gives back a promise', () => {
    expect(makeLunch(), 'Keep the word async in front of function makeLunch.').toBeInstanceOf(Promise);
  });

  test('It cooks soup and bread', async () => {
    const result = await outcome(makeLunch);
    expect(result.value, 'makeLunch should give back "hot soup and hot bread". Use await cook("soup").')
      .toBe('hot soup and hot bread');
  });

  test('The lunch code waits with await', () => {
    expect(sourceWithoutComments('lunch.js'), 'Use await to wait for cook and order.')
      .toMatch(/\bawait\s+(cook|order)\s*\(/);
  });
});

describe('Ordering a dish', () => {
  test('It serves a dish from the menu', async () => {
    const result = await outcome(() => tryOrder('rice'));
    expect(result.value, 'tryOrder("rice") should give back "Here is your rice."')
      .toBe('Here is your rice.');
  });

  test('It works for any dish on the menu', async () => {
    const result = await outcome(() => tryOrder('soup'));
    expect(result.value, 'tryOrder("soup") should give back "Here is your soup." Use the dish that comes back.')
      .toBe('Here is your soup.');
  });

  test('It gives back the message when the order fails', async () => {
    const result = await outcome(() => tryOrder('cake'));
    expect(result.error, 'tryOrder should catch the error. Put await order(dish) inside try.')
      .toBeUndefined();
    expect(result.value, 'tryOrder("cake") should give back "No cake today."').toBe('No cake today.');
  });
});
