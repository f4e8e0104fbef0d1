import { expect, test } from '@jest/globals';
import { style } from '@tutor/checks';

test('The page has a cream background', () => {
  expect(style('body', 'background-color'), 'Write background-color: #fff8e7; in the body rule.')
    .toBe('rgb(255, 248, 231)');
});

test('The heading is deep red', () => {
  expect(style('h1', 'color'), 'Write color: #b22222; in the h1 rule.').toBe('rgb(178, 34, 34)');
});

test('The button has a blue background', () => {
  expect(style('.button', 'background-color'),
    'Write background-color: rgb(30, 90, 160); in the .button rule.').toBe('rgb(30, 90, 160)');
});

test('The button text is white', () => {
  expect(style('.button', 'color'), 'Write color: white; in the .button rule.')
    .toBe('rgb(255, 255, 255)');
});
