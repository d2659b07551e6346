// The festival picker of the studio: typing in an input with data-lookup="festivals" lists
// matches from the address in the form's data-festivals-lookup; choosing one fills the hidden
// festival field. (People are picked with the one person picker, people/picker.js.)
document.querySelectorAll("input[data-lookup=festivals]").forEach(function (input) {
  var form = input.form;
  var hidden = form.querySelector("input[name=festival]");
  var box = form.querySelector(".lookup-results");
  var url = form.dataset.festivalsLookup;
  if (!hidden || !box || !url) { return; }
  input.addEventListener("input", function () {
    hidden.value = "";
    if (input.value.trim().length < 1) { box.textContent = ""; return; }
    fetch(url + "?q=" + encodeURIComponent(input.value)).then(function (r) { return r.json(); }).then(function (data) {
      box.textContent = "";
      data.results.forEach(function (item) {
        var b = document.createElement("button");
        b.type = "button"; b.textContent = item.label;
        b.addEventListener("click", function () { hidden.value = item.id; input.value = item.label; box.textContent = ""; });
        box.appendChild(b);
      });
    });
  });
});
