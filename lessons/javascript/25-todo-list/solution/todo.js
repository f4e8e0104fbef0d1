const form = document.querySelector("#add-form");
const taskBox = document.querySelector("#new-task");
const list = document.querySelector("#tasks");
const left = document.querySelector("#left");

// Count the tasks that are not done yet, and show the count, like "2 left".
function updateCount() {
  let count = 0;
  for (const item of list.querySelectorAll("li")) {
    if (!item.classList.contains("done")) {
      count = count + 1;
    }
  }
  left.textContent = count + " left";
}

function addTask(event) {
  event.preventDefault();
  const text = taskBox.value;
  if (text === "") {
    return;
  }
  const item = document.createElement("li");
  item.textContent = text;
  item.addEventListener("click", () => {
    item.classList.toggle("done");
    updateCount();
  });
  list.append(item);
  taskBox.value = "";
  updateCount();
}

form.addEventListener("submit", addTask);
