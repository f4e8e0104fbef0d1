// A broken withdraw: you cannot take out all of your money.
export function withdraw(balance, amount) {
  if (amount >= balance) {
    throw new Error('There is not enough money.');
  }
  if (amount < 1) {
    throw new Error('Take out 1 or more.');
  }
  return balance - amount;
}
