// A menu to try your code on.
export const menu = [
  { name: "pizza", price: 9 },
  { name: "soup", price: 4 },
  { name: "salad", price: 6 },
];

// Give back the dish with this name.
// findDish(menu, "soup") should give back { name: "soup", price: 4 }
export function findDish(dishes, name) {
  // TODO: Use dishes.find to give back the dish whose name is the same as name.
}

// Give back the dishes with the lowest price first: soup, salad, pizza.
export function cheapestFirst(dishes) {
  // TODO: Use dishes.sort with (a, b) => a.price - b.price, and give back the list.
  return dishes;
}
