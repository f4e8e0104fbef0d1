// A broken biggest: an empty list gives undefined, not null.
export function biggest(numbers) {
  let best = numbers[0];
  for (const number of numbers) {
    if (number > best) {
      best = number;
    }
  }
  return best;
}
