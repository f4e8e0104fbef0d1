// A broken isOdd: it gives the answer for even numbers.
export function isOdd(number) {
  return number % 2 === 0;
}
