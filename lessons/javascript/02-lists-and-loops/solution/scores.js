// Add up all the numbers in a list.
export function total(numbers) {
  let sum = 0;
  for (const number of numbers) {
    sum = sum + number;
  }
  return sum;
}

// Find the biggest number in a list.
export function highest(numbers) {
  let best = numbers[0];
  for (const number of numbers) {
    if (number > best) {
      best = number;
    }
  }
  return best;
}
