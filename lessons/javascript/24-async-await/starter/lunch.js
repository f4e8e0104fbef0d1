import { cook, order } from "./kitchen";

// Cook soup, then bread. Give back "hot soup and hot bread".
export async function makeLunch() {
  // TODO: const soup = await cook("soup");
  // TODO: Cook the bread the same way.
  // TODO: Give back the soup and the bread, joined with " and ".
  return "";
}

// Order a dish.
//   tryOrder("rice") gives back "Here is your rice."
//   tryOrder("cake") gives back "No cake today."
export async function tryOrder(dish) {
  // TODO: Inside try, await order(dish) and give back "Here is your ...".
  // TODO: In catch, give back error.message.
  return "";
}
