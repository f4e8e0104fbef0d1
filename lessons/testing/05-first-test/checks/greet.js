// Says hello to a person by name. greet('Ada') gives 'Hello, Ada!'
export function greet(name) {
  return 'Hello, ' + name + '!';
}
