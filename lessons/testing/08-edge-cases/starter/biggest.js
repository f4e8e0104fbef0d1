// Finds the biggest number in a list. An empty list gives null.
export function biggest(numbers) {
  if (numbers.length === 0) {
    return null;
  }
  let best = numbers[0];
  for (const number of numbers) {
    if (number > best) {
      best = number;
    }
  }
  return best;
}
