// The price of a cinema ticket for a person of a given age.
// Children under 12 pay 3. People aged 65 or more pay 5. Everyone else pays 8.
export function ticketPrice(age) {
  if (age < 12) {
    return 3;
  }
  if (age >= 65) {
    return 5;
  }
  return 8;
}
