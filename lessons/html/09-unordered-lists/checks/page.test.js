import { describe, expect, test } from '@jest/globals';
import { $, $$, check } from '@tutor/checks';

const items = () => $$('ul > li').map((item) => item.textContent.trim().toLowerCase());

describe('The packing list', () => {
  test('The page has a list with dots', () => {
    expect($('ul'), 'Add a <ul> list under the heading "What to pack".').not.toBeNull();
  });

  test('The list has four items', () => {
    check($('ul'), 'Add a <ul> list first.');
    expect($$('ul > li').length, 'Put four <li> items inside the <ul>, one for each thing.')
      .toBe(4);
  });

  test('Each item has words', () => {
    check($('ul > li'), 'Add <li> items to the list first.');
    for (const item of items()) {
      expect(item, 'One of your <li> items is empty. Write a thing to pack in it.').not.toBe('');
    }
  });

  test('The list holds the four things to pack', () => {
    const list = items().join(' | ');
    for (const thing of ['tent', 'sleeping bag', 'torch', 'rain coat']) {
      expect(list, `Add "${thing}" to the list, in its own <li>.`).toContain(thing);
    }
  });

  test('There is no loose text in the list', () => {
    check($('ul'), 'Add a <ul> list first.');
    const loose = Array.from($('ul').childNodes).filter((node) =>
      node.nodeType === Node.TEXT_NODE && node.textContent.trim() !== '');
    expect(loose.length, 'Every thing in the list must be inside an <li> tag.').toBe(0);
  });
});
