// Says if a whole number is odd. 3, 7 and -5 are odd. 4, 0 and -2 are not.
// TODO: someone says isOdd(-3) gives false. First write a test that shows it.
export function isOdd(number) {
  return number % 2 === 1;
}
