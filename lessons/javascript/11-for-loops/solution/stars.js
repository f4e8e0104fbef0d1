// stars(3) gives back "***"
export function stars(count) {
  let line = "";
  for (let i = 0; i < count; i = i + 1) {
    line = line + "*";
  }
  return line;
}
