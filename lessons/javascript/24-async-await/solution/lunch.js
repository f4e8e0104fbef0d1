import { cook, order } from "./kitchen";

// Cook soup, then bread. Give back "hot soup and hot bread".
export async function makeLunch() {
  const soup = await cook("soup");
  const bread = await cook("bread");
  return soup + " and " + bread;
}

// Order a dish.
export async function tryOrder(dish) {
  try {
    const food = await order(dish);
    return "Here is your " + food + ".";
  } catch (error) {
    return error.message;
  }
}
