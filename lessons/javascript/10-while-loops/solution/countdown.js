// countdown(3) gives back "3 2 1 Go!"
export function countdown(start) {
  let text = "";
  let number = start;
  while (number > 0) {
    text = text + number + " ";
    number = number - 1;
  }
  return text + "Go!";
}
