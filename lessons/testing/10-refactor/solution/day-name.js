// Gives the name of a day from its number. 1 is Monday and 7 is Sunday.
// Any other number gives 'Unknown'.
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function dayName(number) {
  const name = DAYS[number - 1];
  if (name === undefined) {
    return 'Unknown';
  }
  return name;
}
