// TODO: Give back width times height.
// area(3, 4) should give back 12
export function area(width, height) {
  return 0;
}

// TODO: Add a and b, then divide by 2. Mind the brackets!
// average(4, 10) should give back 7
export function average(a, b) {
  return 0;
}
