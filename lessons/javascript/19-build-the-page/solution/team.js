const heading = document.querySelector("#heading");
const list = document.querySelector("#team");
const names = ["Ada", "Sam", "Kim"];

heading.textContent = "Our team";

for (const name of names) {
  const item = document.createElement("li");
  item.textContent = name;
  list.append(item);
}
