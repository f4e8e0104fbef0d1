// A broken price: adults get the child price.
export function ticketPrice(age) {
  if (age >= 65) {
    return 5;
  }
  return 3;
}
