import { describe, expect, test } from '@jest/globals';
import { $, $$, check } from '@tutor/checks';

const follows = (first, second) =>
  Boolean(first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING);

describe('The top of the page', () => {
  test('There is a header', () => {
    expect($('header'), 'Change the top <div> into a <header>.').not.toBeNull();
  });

  test('The header holds the site name', () => {
    check($('header'), 'Add the <header> first.');
    expect($('header h1'), 'Keep the <h1> inside the <header>.').not.toBeNull();
  });

  test('There is a nav with the links', () => {
    expect($('nav'), 'Change the box of links into a <nav>.').not.toBeNull();
    expect($$('nav a').length, 'Keep the three links inside the <nav>.').toBe(3);
  });
});

describe('The main part', () => {
  test('There is one main', () => {
    expect($$('main').length, 'Change the middle <div> into a <main>. Use just one.').toBe(1);
  });

  test('Each story is an article', () => {
    expect($$('article').length, 'Change each news story <div> into an <article>.').toBe(2);
  });

  test('The stories sit inside main', () => {
    check($('main') && $('article'), 'Add the <main> and the two <article> tags first.');
    expect($$('main article').length, 'Keep both <article> tags inside the <main>.').toBe(2);
  });

  test('Each story keeps its heading', () => {
    check($('article'), 'Add the two <article> tags first.');
    for (const story of $$('article')) {
      expect(story.querySelector('h2'), 'Keep the <h2> heading inside each <article>.')
        .not.toBeNull();
    }
  });
});

describe('The bottom of the page', () => {
  test('There is a footer', () => {
    expect($('footer'), 'Change the bottom <div> into a <footer>.').not.toBeNull();
  });

  test('The parts are in order', () => {
    const header = $('header');
    const main = $('main');
    const footer = $('footer');
    check(header && main && footer, 'Add the <header>, <main> and <footer> first.');
    expect(follows(header, main) && !header.contains(main),
      'Close the </header> before the <main> starts.').toBe(true);
    expect(follows(main, footer) && !main.contains(footer),
      'Close the </main> before the <footer> starts.').toBe(true);
  });

  test('No plain div boxes are left', () => {
    expect($$('div').length, 'Change every <div> into the tag its TODO names.').toBe(0);
  });
});
