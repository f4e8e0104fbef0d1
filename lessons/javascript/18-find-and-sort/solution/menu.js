// A menu to try your code on.
export const menu = [
  { name: "pizza", price: 9 },
  { name: "soup", price: 4 },
  { name: "salad", price: 6 },
];

// Give back the dish with this name.
// findDish(menu, "soup") should give back { name: "soup", price: 4 }
export function findDish(dishes, name) {
  return dishes.find((dish) => dish.name === name);
}

// Give back the dishes with the lowest price first: soup, salad, pizza.
export function cheapestFirst(dishes) {
  return dishes.sort((a, b) => a.price - b.price);
}
