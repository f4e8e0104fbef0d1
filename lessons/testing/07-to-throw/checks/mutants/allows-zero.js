// A broken withdraw: it lets you take out 0.
export function withdraw(balance, amount) {
  if (amount > balance) {
    throw new Error('There is not enough money.');
  }
  return balance - amount;
}
