const form = document.querySelector("#bill-form");
const billBox = document.querySelector("#bill");
const peopleBox = document.querySelector("#people");
const answer = document.querySelector("#answer");

function split(event) {
  event.preventDefault();
  const bill = Number(billBox.value);
  const people = Number(peopleBox.value);
  if (people === 0) {
    answer.textContent = "Please fill in both boxes.";
  } else {
    answer.textContent = "Each person pays " + bill / people + ".";
  }
}

form.addEventListener("submit", split);
