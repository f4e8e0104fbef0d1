import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { $, check, click, sourceWithoutComments, text, typeInto, wait } from '@tutor/checks';

describe('The sign-up form', () => {
  beforeEach(() => {
    check($('#signup') && $('#name') && $('#send') && $('#message'),
      'Keep the form, the name box, the Send button and the message in index.html.');
    $('#name').value = '';
    $('#message').textContent = '';
  });

  test('The Send button sends the form', () => {
    const sent = jest.fn((event) => event.preventDefault());
    $('#signup').addEventListener('submit', sent);
    click('#send');
    $('#signup').removeEventListener('submit', sent);
    expect(sent, 'The Send button should send the form. Keep it inside the <form>.')
      .toHaveBeenCalled();
  });

  test('form.js listens for the submit event', () => {
    expect(sourceWithoutComments('form.js'), 'Use form.addEventListener("submit", showThanks).')
      .toMatch(/addEventListener\s*\(\s*["']submit["']/);
  });

  test('It thanks Sam by name', async () => {
    typeInto('#name', 'Sam');
    click('#send');
    await wait(20);
    expect(text('#message'), 'Type Sam and press Send. The message should say "Thanks, Sam!"')
      .toBe('Thanks, Sam!');
  });

  test('It uses the name that was typed', async () => {
    typeInto('#name', 'Ada');
    click('#send');
    const shown = new Promise((resolve) => {
      setTimeout(() => resolve(text('#message')), 20);
    });
    await expect(shown, 'Use nameBox.value to put the typed name in the message.')
      .resolves.toBe('Thanks, Ada!');
  });

  test('It asks for a name when the box is empty', async () => {
    click('#send');
    await wait(20);
    expect(text('#message'), 'When the name box is empty, say "Please type your name."')
      .toBe('Please type your name.');
  });

  test('The message shows on the page, not in a pop-up box', async () => {
    const popUp = jest.spyOn(window, 'alert');
    try {
      typeInto('#name', 'Sam');
      click('#send');
      await wait(20);
      expect(popUp, 'Put the words in the message on the page. Do not use alert().')
        .not.toHaveBeenCalled();
    } finally {
      popUp.mockRestore();
    }
  });
});
