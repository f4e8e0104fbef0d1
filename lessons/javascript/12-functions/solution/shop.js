// The cost of count things that each cost price.
export function totalCost(price, count) {
  return price * count;
}

// True when there is enough money to buy them all.
export function canAfford(money, price, count) {
  return money >= totalCost(price, count);
}
