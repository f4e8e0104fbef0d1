// A broken withdraw: it lets you take out more than you have.
export function withdraw(balance, amount) {
  if (amount < 1) {
    throw new Error('Take out 1 or more.');
  }
  return balance - amount;
}
