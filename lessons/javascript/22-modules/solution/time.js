export const MINUTES_PER_HOUR = 60;

export function toMinutes(hours) {
  return hours * MINUTES_PER_HOUR;
}
