// A broken price: the senior price starts one year too late.
export function ticketPrice(age) {
  if (age < 12) {
    return 3;
  }
  if (age > 65) {
    return 5;
  }
  return 8;
}
