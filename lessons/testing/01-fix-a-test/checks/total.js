// Adds up a list of numbers. An empty list adds up to 0.
export function total(numbers) {
  let sum = 0;
  for (const number of numbers) {
    sum = sum + number;
  }
  return sum;
}
