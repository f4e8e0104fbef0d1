const form = document.querySelector("#signup");
const nameBox = document.querySelector("#name");
const message = document.querySelector("#message");

function showThanks(event) {
  event.preventDefault();
  const name = nameBox.value;
  if (name === "") {
    message.textContent = "Please type your name.";
  } else {
    message.textContent = "Thanks, " + name + "!";
  }
}

form.addEventListener("submit", showThanks);
