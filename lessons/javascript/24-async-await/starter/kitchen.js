// Helpers that take a little time, like a real kitchen.
// You can read this file, but you do not need to change it.

// cook("soup") gives a promise. After a moment it gives "hot soup".
export function cook(food) {
  return new Promise((resolve) => {
    setTimeout(() => resolve("hot " + food), 30);
  });
}

const menu = ["soup", "bread", "rice"];

// order("rice") gives a promise. After a moment it gives "rice".
// order("cake") fails with an error: "No cake today."
export function order(dish) {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      if (menu.includes(dish)) {
        resolve(dish);
      } else {
        reject(new Error("No " + dish + " today."));
      }
    }, 30);
  });
}
