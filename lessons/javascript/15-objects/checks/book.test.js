import { describe, expect, test } from '@jest/globals';
import { aboutBook, book, finishBook } from './book';

describe('The book object', () => {
  test('The book has a title', () => {
    expect(book.title, 'Give book a title property: title: "Sea Song"').toBe('Sea Song');
  });

  test('The book has an author', () => {
    expect(book.author, 'Give book an author property: author: "Mo Lee"').toBe('Mo Lee');
  });

  test('The book has a number of pages', () => {
    expect(book.pages, 'Give book a pages property: pages: 120. Write the number with no quotes.')
      .toBe(120);
  });
});

describe('One line about a book', () => {
  test('It tells about Sea Song', () => {
    expect(aboutBook({ title: 'Sea Song', author: 'Mo Lee', pages: 120 }),
      'aboutBook should give back "Sea Song by Mo Lee, 120 pages"')
      .toBe('Sea Song by Mo Lee, 120 pages');
  });

  test('It works for any book', () => {
    expect(aboutBook({ title: 'Big Red', author: 'Ann Cho', pages: 45 }),
      'For another book it should give back "Big Red by Ann Cho, 45 pages". Use the dot to read each fact.')
      .toBe('Big Red by Ann Cho, 45 pages');
  });
});

describe('Finishing a book', () => {
  test('It marks the book as done', () => {
    const story = { title: 'Big Red', author: 'Ann Cho', pages: 45 };
    finishBook(story);
    expect(story.done, 'In finishBook, set book.done to true.').toBe(true);
  });

  test('It keeps the other facts', () => {
    const story = { title: 'Big Red', author: 'Ann Cho', pages: 45 };
    finishBook(story);
    expect(story.title, 'Only add done. Do not change the title.').toBe('Big Red');
  });
});
