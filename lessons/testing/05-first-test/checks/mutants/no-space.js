// A broken greet: there is no space after the comma.
export function greet(name) {
  return 'Hello,' + name + '!';
}
