import { total, highest } from "./scores";

// One line about the scores, such as "3 quizzes, 16 points, best score 7".
export function report(numbers) {
  return numbers.length + " quizzes, " + total(numbers) + " points, best score " + highest(numbers);
}
