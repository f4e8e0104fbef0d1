// The size of a box shape: width times height.
export function area(width, height) {
  return width * height;
}

// The middle of two numbers.
export function average(a, b) {
  return (a + b) / 2;
}
