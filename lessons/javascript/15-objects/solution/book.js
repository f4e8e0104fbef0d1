export const book = {
  title: "Sea Song",
  author: "Mo Lee",
  pages: 120,
};

export function aboutBook(book) {
  return book.title + " by " + book.author + ", " + book.pages + " pages";
}

export function finishBook(book) {
  book.done = true;
}
