// Keeps the numbers in a list that are 10 or more, in the same order.
export function bigNumbers(numbers) {
  const big = [];
  for (const number of numbers) {
    if (number >= 10) {
      big.push(number);
    }
  }
  return big;
}

// Makes a person object from a name and an age.
export function makePerson(name, age) {
  return { name: name, age: age };
}
