import { describe, expect, test } from '@jest/globals';
import { $, $$, check, text } from '@tutor/checks';

// Resolves to true once the picture has loaded, or false if it cannot load.
function pictureLoaded(image) {
  if (image.complete) {
    return Promise.resolve(image.naturalWidth > 0);
  }
  return new Promise((resolve) => {
    image.addEventListener('load', () => resolve(true));
    image.addEventListener('error', () => resolve(false));
  });
}

const words = (element) => element.textContent.replace(/\s+/g, ' ').trim().toLowerCase();
const bread = () => $$('img').find((image) =>
  (image.getAttribute('src') || '').trim().replace(/^\.\//, '') === 'bread.png');

describe('The header', () => {
  test('There is a header with the name', () => {
    expect($('header'), 'Add a <header> at the top of the body.').not.toBeNull();
    expect($('header h1'), 'Put the <h1> inside the <header>.').not.toBeNull();
    expect(text('header h1').toLowerCase(), 'Make the <h1> say Sunny Bakes.').toBe('sunny bakes');
  });

  test('The page has just one h1', () => {
    expect($$('h1').length, 'Put one <h1> on the page, and no more.').toBe(1);
  });

  test('The nav links to the order page', () => {
    expect($('header nav'), 'Put a <nav> inside the <header>, under the <h1>.').not.toBeNull();
    const link = $$('nav a').find((a) =>
      (a.getAttribute('href') || '').trim().replace(/^\.\//, '') === 'order.html');
    expect(link, 'In the <nav>, add <a href="order.html">Order a cake</a>.').toBeTruthy();
    expect(words(link), 'Write some words inside the order link.').not.toBe('');
  });
});

describe('The picture', () => {
  test('The page shows bread.png', () => {
    expect(bread(), 'Add <img src="bread.png"> inside the <main>.').toBeTruthy();
    expect($('main img'), 'Put the picture inside the <main>.').not.toBeNull();
  });

  test('The picture has good alt text', () => {
    const image = bread();
    check(image, 'Add the <img> for bread.png first.');
    const alt = (image.getAttribute('alt') || '').trim();
    expect(alt.length, 'Give the picture alt text that says what it shows.').toBeGreaterThan(5);
    expect(alt.toLowerCase(), 'Do not use the file name as alt text. Say what you see.')
      .not.toContain('.png');
  });

  test('The picture loads', async () => {
    const image = bread();
    check(image, 'Add the <img> for bread.png first.');
    await expect(pictureLoaded(image), 'The picture did not load. Check the name in src.')
      .resolves.toBe(true);
  });
});

describe('The list and the table', () => {
  test('There is a list of three breads', () => {
    expect($('main ul'), 'Add a <ul> list under "Our bread".').not.toBeNull();
    const items = $$('main ul > li');
    expect(items.length, 'Put three <li> items in the list of bread.').toBeGreaterThanOrEqual(3);
    for (const item of items) {
      expect(words(item), 'One of your <li> items is empty. Name a bread in it.').not.toBe('');
    }
  });

  test('The table has Day and Hours headers', () => {
    expect($('main table'), 'Add a <table> under "Opening times".').not.toBeNull();
    expect($$('table th').map(words), 'Give the table two <th> cells: Day and Hours.')
      .toEqual(['day', 'hours']);
  });

  test('The table has two rows of times', () => {
    check($('table'), 'Add a <table> first.');
    const rows = $$('table tr').filter((row) => row.querySelector('td'));
    expect(rows.length, 'Add at least two rows of times under the header row.')
      .toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row.querySelectorAll('td').length, 'Give each row two <td> cells: a day and its hours.')
        .toBe(2);
    }
  });
});

describe('The news form', () => {
  test('There is a form with an email box', () => {
    expect($('main form'), 'Add a <form> under "Get our news".').not.toBeNull();
    expect($('form input[type="email"]'), 'Add <input type="email" id="email"> to the form.')
      .not.toBeNull();
  });

  test('Every box has a label', () => {
    check($('input'), 'Add the email box first.');
    for (const input of $$('input')) {
      expect(input.labels.length, 'Tie a <label> to the box, with for and id that match.')
        .toBeGreaterThan(0);
      expect(words(input.labels[0]), 'Write some words in the <label>, like Your email.')
        .not.toBe('');
    }
  });

  test('The button says Sign up', () => {
    expect($('form button'), 'Add a <button> to the form.').not.toBeNull();
    expect(words($('form button')), 'Make the button say Sign up.').toBe('sign up');
  });
});

describe('The whole page', () => {
  test('There is a footer at the bottom', () => {
    const footer = $('footer');
    expect(footer, 'Add a <footer> after the </main> tag.').not.toBeNull();
    expect(words(footer), 'Write a short line of small print in the <footer>.').not.toBe('');
    const main = $('main');
    check(main, 'Keep the <main> on the page.');
    expect(Boolean(main.compareDocumentPosition(footer) & Node.DOCUMENT_POSITION_FOLLOWING)
      && !main.contains(footer), 'Put the <footer> after the </main> tag.').toBe(true);
  });

  test('The headings keep their order', () => {
    const list = $$('h1, h2, h3, h4, h5, h6');
    check(list.length > 0 && list[0].tagName === 'H1', 'The first heading on the page must be the <h1>.');
    for (let i = 1; i < list.length; i += 1) {
      const jump = Number(list[i].tagName[1]) - Number(list[i - 1].tagName[1]);
      expect(jump, 'Do not skip a heading level.').toBeLessThanOrEqual(1);
    }
  });

  test('The three headings stay', () => {
    const headings = $$('main h2').map(words);
    for (const name of ['our bread', 'opening times', 'get our news']) {
      expect(headings, `Keep the <h2> heading "${name}" inside the <main>.`).toContain(name);
    }
  });
});
