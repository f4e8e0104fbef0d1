// Turn the text into an age, or throw an error.
//   readAge("12") gives back 12
//   readAge("ten") throws an error: "Please type a number."
//   readAge("-3") throws an error: "Age cannot be below 0."
export function readAge(text) {
  const age = Number(text);
  // TODO: If Number.isNaN(age), throw new Error("Please type a number.")
  // TODO: If age is below 0, throw new Error("Age cannot be below 0.")
  return age;
}

// Give back one line for the person to read.
//   ageMessage("12") gives back "You are 12."
//   ageMessage("ten") gives back "Please type a number."
export function ageMessage(text) {
  // TODO: Call readAge inside try. In catch, give back error.message.
  return "";
}
