import { describe, expect, test } from '@jest/globals';
import { $$, check } from '@tutor/checks';

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

const pictureOf = (file) => $$('img').find((image) =>
  (image.getAttribute('src') || '').trim().replace(/^\.\//, '') === file);

function checkAlt(file, name) {
  const image = pictureOf(file);
  check(image, `Add an <img> tag for ${file} first.`);
  const alt = (image.getAttribute('alt') || '').trim();
  expect(alt.length, `Give the ${name} picture alt text that says what it shows.`)
    .toBeGreaterThan(5);
  expect(alt.toLowerCase(), `Do not use the file name as alt text. Say what the ${name} looks like.`)
    .not.toContain('.png');
  expect(alt, `Leave out "picture of" or "image of". Just say what you see.`)
    .not.toMatch(/\b(picture|image|photo) of\b/i);
  expect(alt.toLowerCase(), `Say in the alt text that it is a ${name}.`).toContain(name);
}

describe('The pictures', () => {
  test('The page shows apple.png', () => {
    expect(pictureOf('apple.png'), 'Add <img src="apple.png"> under the Apples heading.')
      .toBeTruthy();
  });

  test('The page shows pear.png', () => {
    expect(pictureOf('pear.png'), 'Add <img src="pear.png"> under the Pears heading.')
      .toBeTruthy();
  });

  test('Both pictures load', async () => {
    for (const file of ['apple.png', 'pear.png']) {
      const image = pictureOf(file);
      check(image, `Add an <img> tag for ${file} first.`);
      await expect(pictureLoaded(image), `${file} did not load. Check the name in src.`)
        .resolves.toBe(true);
    }
  });

  test('Both pictures are 120 pixels wide', () => {
    for (const file of ['apple.png', 'pear.png']) {
      const image = pictureOf(file);
      check(image, `Add an <img> tag for ${file} first.`);
      expect(image.getAttribute('width'), `Set width="120" on the <img> for ${file}.`)
        .toBe('120');
    }
  });
});

describe('The alt text', () => {
  test('The apple has good alt text', () => {
    checkAlt('apple.png', 'apple');
  });

  test('The pear has good alt text', () => {
    checkAlt('pear.png', 'pear');
  });
});
