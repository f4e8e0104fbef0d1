import { beforeEach, describe, expect, test } from '@jest/globals';
import { $, check, click, sourceWithoutComments, text } from '@tutor/checks';

describe('The light switch', () => {
  beforeEach(() => {
    check($('#lamp') && $('#switch') && $('#state'),
      'Keep the lamp, the button and the state text in index.html.');
    $('#lamp').classList.remove('on');
    $('#state').textContent = 'The light is off.';
  });

  test('switch.js listens for a click', () => {
    expect(sourceWithoutComments('switch.js'), 'Use button.addEventListener("click", flip).')
      .toMatch(/addEventListener\s*\(\s*["'`]click["'`]/);
  });

  test('One click turns the lamp on', () => {
    click('#switch');
    expect($('#lamp').classList.contains('on'), 'After one click, the lamp should have the class "on".')
      .toBe(true);
  });

  test('One click says the light is on', () => {
    click('#switch');
    expect(text('#state'), 'After one click, the text should say "The light is on."')
      .toBe('The light is on.');
  });

  test('A second click turns the lamp off', () => {
    click('#switch');
    click('#switch');
    expect($('#lamp').classList.contains('on'), 'After two clicks, the lamp should not have the class "on". Use toggle.')
      .toBe(false);
    expect(text('#state'), 'After two clicks, the text should say "The light is off."')
      .toBe('The light is off.');
  });

  test('The lamp looks lit when it is on', () => {
    $('#lamp').classList.add('on');
    expect(getComputedStyle($('#lamp')).backgroundColor, 'Keep the CSS rule for #lamp.on in index.html.')
      .toBe('rgb(255, 255, 0)');
  });
});
