// Gives the name of a day from its number. 1 is Monday and 7 is Sunday.
// Any other number gives 'Unknown'.
// TODO: this works, but it is long. Use a list of names instead of seven ifs.
export function dayName(number) {
  if (number === 1) {
    return 'Monday';
  }
  if (number === 2) {
    return 'Tuesday';
  }
  if (number === 3) {
    return 'Wednesday';
  }
  if (number === 4) {
    return 'Thursday';
  }
  if (number === 5) {
    return 'Friday';
  }
  if (number === 6) {
    return 'Saturday';
  }
  if (number === 7) {
    return 'Sunday';
  }
  return 'Unknown';
}
