// TODO: Bring in toMinutes from time.js with import.

// TODO: Give back one line about a task.
// planLine("Painting", 2) should give back "Painting takes 120 minutes"
export function planLine(task, hours) {
  return "";
}
