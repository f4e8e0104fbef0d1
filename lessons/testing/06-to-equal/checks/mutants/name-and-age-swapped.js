// A broken makePerson: the name and the age are mixed up.
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
  return { name: age, age: name };
}
