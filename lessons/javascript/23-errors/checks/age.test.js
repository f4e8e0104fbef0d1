import { describe, expect, test } from '@jest/globals';
import { sourceWithoutComments } from '@tutor/checks';
import { ageMessage, readAge } from './age';

function messageFrom(action) {
  try {
    action();
  } catch (error) {
    return error && error.message;
  }
  return 'no error';
}

describe('Reading an age', () => {
  test('It reads a good age', () => {
    expect(readAge('12'), 'readAge("12") should give back the number 12.').toBe(12);
  });

  test('It throws an error for text that is not a number', () => {
    expect(messageFrom(() => readAge('ten')),
      'readAge("ten") should throw new Error("Please type a number.")').toBe('Please type a number.');
  });

  test('It throws an error for an age below 0', () => {
    expect(messageFrom(() => readAge('-3')),
      'readAge("-3") should throw new Error("Age cannot be below 0.")').toBe('Age cannot be below 0.');
  });
});

describe('The message for the person', () => {
  test('It says the age when all is well', () => {
    expect(messageFrom(() => ageMessage('12')), 'ageMessage should not let an error out. Use try and catch.')
      .toBe('no error');
    expect(ageMessage('12'), 'ageMessage("12") should give back "You are 12."').toBe('You are 12.');
  });

  test('It gives back the message for text', () => {
    expect(messageFrom(() => ageMessage('ten')), 'ageMessage should catch the error. Put readAge inside try.')
      .toBe('no error');
    expect(ageMessage('ten'), 'ageMessage("ten") should give back "Please type a number."')
      .toBe('Please type a number.');
  });

  test('It gives back the message for an age below 0', () => {
    expect(messageFrom(() => ageMessage('-3')), 'ageMessage should catch the error. Put readAge inside try.')
      .toBe('no error');
    expect(ageMessage('-3'), 'ageMessage("-3") should give back "Age cannot be below 0."')
      .toBe('Age cannot be below 0.');
  });

  test('age.js uses try and catch', () => {
    expect(sourceWithoutComments('age.js'), 'Use try { ... } catch (error) { ... } in ageMessage.')
      .toMatch(/\btry\s*\{[\s\S]*\}\s*catch\b/);
  });
});
