// countdown(3) should give back "3 2 1 Go!"
export function countdown(start) {
  let text = "";
  let number = start;
  // TODO: Use a while loop. Keep going while number is more than 0.
  //   Each time round: add number and a space to text,
  //   then take 1 away from number.
  return text + "Go!";
}
