// The first thing in the list.
export function firstItem(list) {
  return list[0];
}

// The last thing in the list.
export function lastItem(list) {
  return list[list.length - 1];
}

// Put item at the end, and say how many things there are now.
export function addItem(list, item) {
  list.push(item);
  return list.length;
}
