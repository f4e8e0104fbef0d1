const lamp = document.querySelector("#lamp");
const button = document.querySelector("#switch");
const state = document.querySelector("#state");

// TODO: Write a function called flip(). It should:
//   1. toggle the class "on" on the lamp, with lamp.classList.toggle
//   2. if the lamp has the class "on" now, put "The light is on." in state.textContent
//   3. if not, put "The light is off." in state.textContent

// TODO: Run flip when the button is clicked, with button.addEventListener.
