import { describe, expect, test } from '@jest/globals';
import { $, $$, check, sourceWithoutComments, style, text } from '@tutor/checks';
import { mediaBlocks, valueIn } from './css-rules';

const CLEAR = 'rgba(0, 0, 0, 0)';
const SMALL = /max-width:\s*600px/;
const trackCount = (value) => value.trim().split(/\s+/).filter(Boolean).length;

describe('The HTML', () => {
  test('The header has a name', () => {
    expect($('header h1'), 'Add a <header> with an <h1> inside it.').not.toBeNull();
    expect(text('header h1'), 'Write a name in the <h1>.').not.toBe('');
    expect(text('header p'), 'Add a <p> in the header that says the job you want.').not.toBe('');
  });

  test('The page has a main part', () => {
    expect($('main'), 'Add a <main> tag after the header.').not.toBeNull();
  });

  test('There are three or more skills', () => {
    expect($('main ul.skills'), 'Add a <ul class="skills"> inside <main>.').not.toBeNull();
    expect($$('.skills li').length, 'Put at least three <li> skills in the list.').toBeGreaterThanOrEqual(3);
  });

  test('There are two sections in columns', () => {
    expect($('main .columns'), 'Add a <div class="columns"> inside <main>.').not.toBeNull();
    const sections = $$('.columns > section');
    expect(sections.length, 'Put two <section> tags inside the columns div.').toBeGreaterThanOrEqual(2);
    for (const section of sections) {
      expect(section.querySelector('h2'), 'Start each section with an <h2> heading.').not.toBeNull();
    }
  });
});

describe('The CSS', () => {
  test('The body has a font and a colour', () => {
    const css = sourceWithoutComments('style.css');
    const bodyRules = [...css.matchAll(/(^|[\s},])body\s*\{([^}]*)\}/g)].map((found) => found[2]).join(';');
    check(bodyRules, 'Write a body rule in style.css.');
    expect(bodyRules, 'Set a font-family in the body rule.').toMatch(/font-family\s*:/);
    expect(bodyRules, 'Set a text color in the body rule.').toMatch(/(^|[;\s])color\s*:/);
  });

  test('The header has a background and padding', () => {
    check($('header'), 'Add a <header> first.');
    expect(style('header', 'background-color'), 'Give the header a background-color.').not.toBe(CLEAR);
    expect(parseFloat(style('header', 'padding-top')), 'Give the header some padding.').toBeGreaterThan(0);
  });

  test('The main part sits in the middle', () => {
    check($('main'), 'Add a <main> first.');
    const box = $('main').getBoundingClientRect();
    expect(parseFloat(style('main', 'width')), 'Make main 800px wide or less. Try max-width: 800px;')
      .toBeLessThanOrEqual(800);
    const right = document.documentElement.clientWidth - box.right;
    expect(Math.abs(box.left - right), 'Put main in the middle with margin: 0 auto;').toBeLessThan(3);
  });

  test('The skills are a flex row that wraps', () => {
    check($('.skills'), 'Add the <ul class="skills"> first.');
    expect(style('.skills', 'display'), 'Write display: flex; in the .skills rule.').toBe('flex');
    expect(style('.skills', 'flex-wrap'), 'Write flex-wrap: wrap; in the .skills rule.').toBe('wrap');
    expect(parseFloat(style('.skills', 'column-gap')) || 0, 'Put a gap between the skills, like gap: 8px;')
      .toBeGreaterThan(0);
  });

  test('The columns are a grid of two', () => {
    check($('.columns'), 'Add the <div class="columns"> first.');
    expect(style('.columns', 'display'), 'Write display: grid; in the .columns rule.').toBe('grid');
    expect(trackCount(style('.columns', 'grid-template-columns')),
      'Give .columns two columns: grid-template-columns: 1fr 1fr;').toBe(2);
    expect(parseFloat(style('.columns', 'column-gap')) || 0, 'Put a gap between the columns, like gap: 24px;')
      .toBeGreaterThan(0);
  });

  test('Small screens get one column', () => {
    expect(mediaBlocks(SMALL).length, 'Add a media query: @media (max-width: 600px) { ... }')
      .toBeGreaterThan(0);
    const value = valueIn(mediaBlocks(SMALL), '.columns', 'grid-template-columns');
    expect(trackCount(value), 'Inside the media query, give .columns one column: grid-template-columns: 1fr;')
      .toBe(1);
  });
});
