export function sayHello() {
  console.log("Hello, world!");
  console.log(42);
}
