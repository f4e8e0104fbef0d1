// Under 12 pays 5. Everyone else pays 10.
export function ticketPrice(age) {
  if (age < 12) {
    return 5;
  } else {
    return 10;
  }
}
