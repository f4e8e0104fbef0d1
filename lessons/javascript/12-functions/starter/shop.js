// TODO: Add two parameters: price and count.
//   Give back price times count.
//   totalCost(3, 4) should give back 12
export function totalCost() {
}

// TODO: Add three parameters: money, price and count.
//   Give back true when money is the same as or more than totalCost(price, count).
//   canAfford(10, 3, 4) should give back false
export function canAfford() {
}
