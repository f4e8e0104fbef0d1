// TODO: Give back the first thing in the list.
export function firstItem(list) {
  return "";
}

// TODO: Give back the last thing in the list. Use list.length.
export function lastItem(list) {
  return "";
}

// TODO: Put item at the end of the list with push.
//   Then give back how many things are in the list.
export function addItem(list, item) {
  return 0;
}
