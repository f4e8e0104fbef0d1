// A broken total: an empty list gives back undefined, not 0.
export function total(numbers) {
  if (numbers.length === 0) {
    return undefined;
  }
  let sum = 0;
  for (const number of numbers) {
    sum = sum + number;
  }
  return sum;
}
