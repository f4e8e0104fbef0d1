// A broken price: the child price stops one year too soon.
export function ticketPrice(age) {
  if (age < 11) {
    return 3;
  }
  if (age >= 65) {
    return 5;
  }
  return 8;
}
