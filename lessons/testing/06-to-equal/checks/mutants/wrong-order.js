// A broken bigNumbers: the big numbers come out back to front.
export function bigNumbers(numbers) {
  const big = [];
  for (const number of numbers) {
    if (number >= 10) {
      big.unshift(number);
    }
  }
  return big;
}

export function makePerson(name, age) {
  return { name: name, age: age };
}
