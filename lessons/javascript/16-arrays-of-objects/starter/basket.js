// A basket to try your code on. Each item has a name, a price and a count.
export const basket = [
  { name: "eggs", price: 3, count: 2 },
  { name: "milk", price: 1, count: 4 },
  { name: "bread", price: 2, count: 1 },
];

// Add up what the whole basket costs. For the basket above it is 12.
export function basketTotal(items) {
  let sum = 0;
  // TODO: Loop over items. Add item.price * item.count to sum each time.
  return sum;
}

// Give back a list of the names. For the basket above: ["eggs", "milk", "bread"]
export function itemNames(items) {
  const names = [];
  // TODO: Loop over items. Push each item.name on to names.
  return names;
}
