const form = document.querySelector("#add-form");
const taskBox = document.querySelector("#new-task");
const list = document.querySelector("#tasks");
const left = document.querySelector("#left");

// Count the tasks that are not done yet, and show the count, like "2 left".
function updateCount() {
  let count = 0;
  // TODO: Loop over list.querySelectorAll("li").
  //   Add 1 to count for each item that does not have the class "done".
  left.textContent = count + " left";
}

// TODO: Write a function called addTask(event). It should:
//   1. stop the page from loading again: event.preventDefault();
//   2. read the text in taskBox.value, and stop with return if it is empty
//   3. make an <li> with document.createElement, and set its textContent to the text
//   4. give the <li> a click listener that toggles the class "done" and calls updateCount()
//   5. put the <li> in the list, empty the box, and call updateCount()

// TODO: Run addTask when the form is sent, with form.addEventListener.
