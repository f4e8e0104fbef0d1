const form = document.querySelector("#bill-form");
const billBox = document.querySelector("#bill");
const peopleBox = document.querySelector("#people");
const answer = document.querySelector("#answer");

// TODO: Write a function called split(event). It should:
//   1. stop the page from loading again: event.preventDefault();
//   2. read both boxes as numbers, with Number(billBox.value) and Number(peopleBox.value)
//   3. if people is 0, put "Please fill in both boxes." in answer.textContent
//   4. if not, put "Each person pays 20." in answer.textContent, with the right number

// TODO: Run split when the form is sent, with form.addEventListener.
