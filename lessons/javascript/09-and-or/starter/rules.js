// TODO: Use &&. Age 8 or more AND height 120 or more.
export function canRide(age, height) {
  return false;
}

// TODO: Use ||. True for "Saturday" OR "Sunday".
export function isWeekend(day) {
  return false;
}

// TODO: Use if, else if and else.
// Below 10: "coat". Below 20: "jumper". Else: "t-shirt".
export function whatToWear(temperature) {
  return "";
}
