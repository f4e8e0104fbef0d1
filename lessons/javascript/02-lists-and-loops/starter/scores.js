// Add up all the numbers in a list.
// total([4, 7, 5]) should give back 16. An empty list gives back 0.
export function total(numbers) {
  let sum = 0;
  // TODO: Use a loop to add each number to sum.
  return sum;
}

// Find the biggest number in a list.
// highest([4, 7, 5]) should give back 7.
export function highest(numbers) {
  let best = numbers[0];
  // TODO: Use a loop. When a number is bigger than best, put it in best.
  return best;
}
