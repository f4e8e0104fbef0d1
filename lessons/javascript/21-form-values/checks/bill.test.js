import { beforeEach, describe, expect, jest, test } from '@jest/globals';
import { $, check, click, sourceWithoutComments, text, typeInto, wait } from '@tutor/checks';

describe('The bill form', () => {
  beforeEach(() => {
    check($('#bill-form') && $('#bill') && $('#people') && $('#work-out') && $('#answer'),
      'Keep the form, the two boxes, the button and the answer in index.html.');
    $('#bill').value = '';
    $('#people').value = '';
    $('#answer').textContent = '';
  });

  test('The button sends the form', () => {
    const sent = jest.fn((event) => event.preventDefault());
    $('#bill-form').addEventListener('submit', sent);
    click('#work-out');
    $('#bill-form').removeEventListener('submit', sent);
    expect(sent, 'The button should send the form. Keep it inside the <form>.').toHaveBeenCalled();
  });

  test('bill.js listens for the submit event', () => {
    expect(sourceWithoutComments('bill.js'), 'Use form.addEventListener("submit", split).')
      .toMatch(/addEventListener\s*\(\s*["'`]submit["'`]/);
  });

  test('It splits 60 between 3 people', async () => {
    typeInto('#bill', '60');
    typeInto('#people', '3');
    click('#work-out');
    await wait(20);
    expect(text('#answer'), 'For 60 and 3 people, the answer should say "Each person pays 20."')
      .toBe('Each person pays 20.');
  });

  test('It uses the numbers that were typed', async () => {
    typeInto('#bill', '50');
    typeInto('#people', '4');
    click('#work-out');
    await wait(20);
    expect(text('#answer'), 'For 50 and 4 people, say "Each person pays 12.5." Divide the bill by the people.')
      .toBe('Each person pays 12.5.');
  });

  test('It asks for both boxes when people is empty', async () => {
    typeInto('#bill', '40');
    click('#work-out');
    await wait(20);
    expect(text('#answer'), 'When the people box is empty, say "Please fill in both boxes."')
      .toBe('Please fill in both boxes.');
  });
});
