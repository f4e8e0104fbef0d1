// TODO: Use if and else.
// Under 12 pays 5. Everyone else pays 10.
export function ticketPrice(age) {
  return 0;
}
