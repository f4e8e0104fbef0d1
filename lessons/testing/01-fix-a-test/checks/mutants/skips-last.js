// A broken total: the loop stops one number too soon.
export function total(numbers) {
  let sum = 0;
  for (let index = 0; index < numbers.length - 1; index++) {
    sum = sum + numbers[index];
  }
  return sum;
}
