// A broken biggest: it starts at 0, so negative lists give 0.
export function biggest(numbers) {
  if (numbers.length === 0) {
    return null;
  }
  let best = 0;
  for (const number of numbers) {
    if (number > best) {
      best = number;
    }
  }
  return best;
}
