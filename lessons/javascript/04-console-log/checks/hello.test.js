import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { sayHello } from './hello';

describe('sayHello', () => {
  let shown;

  beforeEach(() => {
    shown = jest.spyOn(console, 'log');
  });

  afterEach(() => {
    shown.mockRestore();
  });

  function run() {
    try {
      sayHello();
    } catch (error) {
      // The checks below say what to fix.
    }
    return shown.mock.calls.map((call) => call[0]);
  }

  test('sayHello is a function', () => {
    expect(typeof sayHello, 'Keep "export function sayHello" in hello.js.').toBe('function');
  });

  test('It shows Hello world first', () => {
    expect(run()[0], 'The first line should show "Hello, world!" with console.log.')
      .toBe('Hello, world!');
  });

  test('It shows the number 42 next', () => {
    const lines = run();
    expect(lines[1], 'The second line should show 42 with console.log.').toEqual(expect.anything());
    expect(typeof lines[1], 'Show 42 as a number. Take away the quotes.').toBe('number');
    expect(lines[1], 'The second line should show the number 42.').toBe(42);
  });

  test('It shows just two lines', () => {
    expect(run().length, 'Use console.log two times: once for the text, once for the number.')
      .toBe(2);
  });
});
