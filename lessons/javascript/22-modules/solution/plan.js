import { toMinutes } from "./time";

export function planLine(task, hours) {
  return task + " takes " + toMinutes(hours) + " minutes";
}
