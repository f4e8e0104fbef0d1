// Takes money out of a bank balance, and gives back the new balance.
// It throws an error if you take out more than you have.
// It also throws an error if you take out less than 1.
export function withdraw(balance, amount) {
  if (amount > balance) {
    throw new Error('There is not enough money.');
  }
  if (amount < 1) {
    throw new Error('Take out 1 or more.');
  }
  return balance - amount;
}
