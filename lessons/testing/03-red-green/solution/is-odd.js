// Says if a whole number is odd. 3, 7 and -5 are odd. 4, 0 and -2 are not.
export function isOdd(number) {
  return number % 2 !== 0;
}
