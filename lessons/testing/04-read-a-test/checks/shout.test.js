import { expect, test } from '@jest/globals';
import { shout } from './shout.js';

test('shout adds a mark at the end', () => {
  expect(shout('go').endsWith('!'), 'shout() should put a ! at the end.').toBe(true);
});

test('shout makes hello big', () => {
  const got = shout('hello');
  expect(got, `Expected: "HELLO!" but received: "${got}". Fix shout.js.`).toBe('HELLO!');
});

test('shout makes other words big too', () => {
  const got = shout('stop');
  expect(got, `Expected: "STOP!" but received: "${got}". Fix shout.js.`).toBe('STOP!');
});
