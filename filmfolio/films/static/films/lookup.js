// Name pickers of the film editor: typing in an input with data-lookup="people" or
// data-lookup="festivals" lists matches from the address in the form's data-people-lookup or
// data-festivals-lookup; choosing one fills the hidden id field.
document.querySelectorAll("input[data-lookup]").forEach(function (input) {
  var kind = input.dataset.lookup;
  var form = input.form;
  var hidden = form.querySelector(kind === "people" ? "input[name=person]" : "input[name=festival]");
  var box = form.querySelector(".lookup-results");
  var url = kind === "people" ? form.dataset.peopleLookup : form.dataset.festivalsLookup;
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
