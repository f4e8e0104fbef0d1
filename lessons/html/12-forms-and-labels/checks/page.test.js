import { describe, expect, test } from '@jest/globals';
import { $, $$, check } from '@tutor/checks';

const labelText = (input) => Array.from(input.labels || [])
  .map((label) => label.textContent.trim().toLowerCase()).join(' ');

describe('The name box', () => {
  test('There is an input with id name', () => {
    expect($('form input#name'), 'Inside the form, add <input type="text" id="name">.')
      .not.toBeNull();
  });

  test('The name box is for text', () => {
    check($('input#name'), 'Add the name input first.');
    expect($('input#name').type, 'Set type="text" on the name input.').toBe('text');
  });

  test('The name box has a label', () => {
    check($('input#name'), 'Add the name input first.');
    expect($('input#name').labels.length, 'Add <label for="name">Your name</label>. The for must match the id.')
      .toBeGreaterThan(0);
    expect(labelText($('input#name')), 'Make the label say "Your name".').toContain('name');
  });
});

describe('The email box', () => {
  test('There is an input with id email', () => {
    expect($('form input#email'), 'Inside the form, add <input type="email" id="email">.')
      .not.toBeNull();
  });

  test('The email box is for email', () => {
    check($('input#email'), 'Add the email input first.');
    expect($('input#email').type, 'Set type="email" on the email input.').toBe('email');
  });

  test('The email box has a label', () => {
    check($('input#email'), 'Add the email input first.');
    expect($('input#email').labels.length, 'Add <label for="email">Your email</label>. The for must match the id.')
      .toBeGreaterThan(0);
    expect(labelText($('input#email')), 'Make the label say "Your email".').toContain('email');
  });
});

describe('The whole form', () => {
  test('Every box has a label', () => {
    for (const input of $$('input')) {
      expect(input.labels.length, 'Tie a <label> to every input, with for and id that match.')
        .toBeGreaterThan(0);
    }
  });

  test('The boxes come before the button', () => {
    const button = $('form button');
    check(button, 'Keep the Join button in the form.');
    const inputs = $$('form input');
    check(inputs.length >= 2, 'Add the two inputs first.');
    for (const input of inputs) {
      const before = input.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING;
      expect(Boolean(before), 'Put the two boxes above the Join button.').toBe(true);
    }
  });
});
