const form = document.querySelector("#signup");
const nameBox = document.querySelector("#name");
const message = document.querySelector("#message");

// TODO: Write a function called showThanks(event). It should:
//   1. stop the page from loading again: event.preventDefault();
//   2. if nameBox.value is empty, put "Please type your name." in message.textContent
//   3. if not, put "Thanks, NAME!" in message.textContent, with the name that was typed

// TODO: Run showThanks when the form is sent, with form.addEventListener.
