// A broken greet: the ! at the end is missing.
export function greet(name) {
  return 'Hello, ' + name;
}
