// A broken biggest: when the biggest number is 0, it gives null.
export function biggest(numbers) {
  let best = numbers[0];
  for (const number of numbers) {
    if (number > best) {
      best = number;
    }
  }
  return best || null;
}
