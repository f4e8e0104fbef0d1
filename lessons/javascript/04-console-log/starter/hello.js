export function sayHello() {
  // TODO: Show the text "Hello, world!" with console.log.
  // TODO: On the next line, show the number 42 (no quotes).
}
