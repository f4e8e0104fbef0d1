const lamp = document.querySelector("#lamp");
const button = document.querySelector("#switch");
const state = document.querySelector("#state");

function flip() {
  lamp.classList.toggle("on");
  if (lamp.classList.contains("on")) {
    state.textContent = "The light is on.";
  } else {
    state.textContent = "The light is off.";
  }
}

button.addEventListener("click", flip);
