// A broken bigNumbers: it stops after the first big number.
export function bigNumbers(numbers) {
  for (const number of numbers) {
    if (number >= 10) {
      return [number];
    }
  }
  return [];
}

export function makePerson(name, age) {
  return { name: name, age: age };
}
