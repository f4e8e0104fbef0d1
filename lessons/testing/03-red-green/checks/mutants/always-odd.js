// A broken isOdd: it says yes to every number.
export function isOdd(number) {
  return true;
}
