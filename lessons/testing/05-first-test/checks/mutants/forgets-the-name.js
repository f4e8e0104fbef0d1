// A broken greet: it says the same thing to everyone.
export function greet(name) {
  return 'Hello, friend!';
}
