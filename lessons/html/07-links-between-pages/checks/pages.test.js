import { describe, expect, test } from '@jest/globals';
import { source } from '@tutor/checks';

// Reads one of the learner's pages, so the checks can look at pages that are not shown.
function page(name) {
  return new DOMParser().parseFromString(source(name), 'text/html');
}

// The first link on the page that goes to `target`, or undefined.
function linkTo(doc, target) {
  return Array.from(doc.querySelectorAll('a[href]')).find((link) =>
    link.getAttribute('href').trim().replace(/^\.\//, '') === target);
}

function hasWords(link) {
  return Boolean(link) && link.textContent.trim().length > 0;
}

describe('The home page', () => {
  test('It links to the menu', () => {
    const link = linkTo(page('index.html'), 'menu.html');
    expect(link, 'In index.html, add <a href="menu.html">Menu</a>.').toBeTruthy();
    expect(hasWords(link), 'Write some words between <a> and </a> for the menu link.').toBe(true);
  });

  test('It links to the contact page', () => {
    const link = linkTo(page('index.html'), 'contact.html');
    expect(link, 'In index.html, add <a href="contact.html">Contact us</a>.').toBeTruthy();
    expect(hasWords(link), 'Write some words between <a> and </a> for the contact link.')
      .toBe(true);
  });
});

describe('The other pages', () => {
  test('The menu page links home', () => {
    const link = linkTo(page('menu.html'), 'index.html');
    expect(link, 'In menu.html, add <a href="index.html">Home</a>.').toBeTruthy();
    expect(hasWords(link), 'In menu.html, write a word like Home inside the link.').toBe(true);
  });

  test('The contact page links home', () => {
    const link = linkTo(page('contact.html'), 'index.html');
    expect(link, 'In contact.html, add <a href="index.html">Home</a>.').toBeTruthy();
    expect(hasWords(link), 'In contact.html, write a word like Home inside the link.')
      .toBe(true);
  });
});
