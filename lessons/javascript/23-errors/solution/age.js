// Turn the text into an age, or throw an error.
export function readAge(text) {
  const age = Number(text);
  if (Number.isNaN(age)) {
    throw new Error("Please type a number.");
  }
  if (age < 0) {
    throw new Error("Age cannot be below 0.");
  }
  return age;
}

// Give back one line for the person to read.
export function ageMessage(text) {
  try {
    const age = readAge(text);
    return "You are " + age + ".";
  } catch (error) {
    return error.message;
  }
}
