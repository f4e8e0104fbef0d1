// A broken makePerson: the age is left out.
export function bigNumbers(numbers) {
  const big = [];
  for (const number of numbers) {
    if (number >= 10) {
      big.push(number);
    }
  }
  return big;
}

export function makePerson(name, age) {
  return { name: name };
}
