const heading = document.querySelector("#heading");
const list = document.querySelector("#team");
const names = ["Ada", "Sam", "Kim"];

// TODO: Change the text of the heading to "Our team".

// TODO: For each name, make an <li> with document.createElement.
//   Set its textContent to the name, then put it in the list with list.append.
