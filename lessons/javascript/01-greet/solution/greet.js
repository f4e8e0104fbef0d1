export function greet(name = "friend") {
  return "Hello, " + name + "!";
}
