// A broken total: it only ever looks at the first two numbers.
export function total(numbers) {
  return (numbers[0] ?? 0) + (numbers[1] ?? 0);
}
