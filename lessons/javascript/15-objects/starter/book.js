// TODO: Give the book three properties:
//   title is "Sea Song", author is "Mo Lee", pages is 120
export const book = {
};

// TODO: Give back one line about a book, such as "Sea Song by Mo Lee, 120 pages".
// Use book.title, book.author and book.pages.
export function aboutBook(book) {
  return "";
}

// TODO: Set the property done to true.
export function finishBook(book) {
}
