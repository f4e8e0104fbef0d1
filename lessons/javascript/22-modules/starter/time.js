// TODO: Share this value and this function with other files. Put export in front of each.
const MINUTES_PER_HOUR = 60;

// TODO: Give back how many minutes there are in this many hours.
// toMinutes(2) should give back 120.
function toMinutes(hours) {
  return 0;
}
