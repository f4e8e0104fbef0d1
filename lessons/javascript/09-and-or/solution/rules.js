// Age 8 or more AND height 120 or more.
export function canRide(age, height) {
  return age >= 8 && height >= 120;
}

// True for "Saturday" OR "Sunday".
export function isWeekend(day) {
  return day === "Saturday" || day === "Sunday";
}

// Below 10: "coat". Below 20: "jumper". Else: "t-shirt".
export function whatToWear(temperature) {
  if (temperature < 10) {
    return "coat";
  } else if (temperature < 20) {
    return "jumper";
  } else {
    return "t-shirt";
  }
}
