// The person picker. An input with data-person-picker="<lookup address>" lists the people whose
// written names match what is typed (any script, either order, with or without tones), each
// with their other names and films so that two namesakes can be told apart. Choosing one puts
// its id in the hidden input named by data-person-field. When the input names a
// data-create-field, "Create a new person: <name>" is offered as a separate, explicit choice:
// it sets that hidden input to "1" and clears the picked person. Typing a name without choosing
// leaves both empty: the server then finds the existing person by the same rule.
// data-person-exclude names the id of a person never to offer (the one being merged away).
// Keys: Down moves from the input into the list and along it, Up back, Escape closes it.
(function () {
  "use strict";

  function hidden(form, name) {
    return name ? form.querySelector('input[name="' + name + '"]') : null;
  }

  function filmLine(film) {
    var text = film.title + (film.year ? " (" + film.year + ")" : "");
    return film.roles.length ? text + " — " + film.roles.join(", ") : text;
  }

  function candidate(item) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "person-candidate";
    var name = document.createElement("strong");
    name.textContent = item.label;
    button.appendChild(name);
    if (item.names.length) {
      var names = document.createElement("span");
      names.className = "person-candidate-names";
      names.textContent = item.names.join(" · ");
      button.appendChild(names);
    }
    item.films.forEach(function (film) {
      var line = document.createElement("span");
      line.className = "person-candidate-film";
      line.textContent = filmLine(film);
      button.appendChild(line);
    });
    return button;
  }

  function createChoice(create) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button person-create";
    button.textContent = "+ " + create.label;
    return button;
  }

  function setup(input) {
    var form = input.form;
    var picked = hidden(form, input.dataset.personField);
    var create = hidden(form, input.dataset.createField);
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var status = document.getElementById(input.dataset.statusId);
    if (!form || !picked || !list) { return; }
    var asked = 0;
    var timer = null;

    function choose(value, isNew, text) {
      picked.value = value;
      if (create) { create.value = isNew ? "1" : ""; }
      if (status) { status.textContent = text; }
      list.textContent = "";
      input.setAttribute("aria-expanded", "false");
    }

    function add(button, onChoose) {
      var item = document.createElement("li");
      button.addEventListener("click", onChoose);
      item.appendChild(button);
      list.appendChild(item);
    }

    function show(data) {
      list.textContent = "";
      data.results.forEach(function (item) {
        var button = candidate(item);
        add(button, function () {
          input.value = item.label;
          choose(String(item.id), false, button.textContent);
        });
      });
      if (create && data.create) {
        add(createChoice(data.create), function () {
          choose("", true, data.create.label);
        });
      }
      input.setAttribute("aria-expanded", list.children.length ? "true" : "false");
    }

    function ask() {
      var query = input.value.trim();
      var number = ++asked;
      if (!query) { list.textContent = ""; return; }
      var address = input.dataset.personPicker + "?q=" + encodeURIComponent(query);
      if (input.dataset.personExclude) {
        address += "&exclude=" + encodeURIComponent(input.dataset.personExclude);
      }
      fetch(address, {
        headers: { Accept: "application/json" },
        credentials: "same-origin"
      }).then(function (response) {
        return response.ok ? response.json() : { results: [], create: null };
      }).then(function (data) {
        if (number === asked) { show(data); }
      });
    }

    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && list.children.length) {
        event.preventDefault();
        list.textContent = "";
        input.setAttribute("aria-expanded", "false");
      } else if (event.key === "ArrowDown" && list.children.length) {
        event.preventDefault();
        list.querySelector("button").focus();
      }
    });

    list.addEventListener("keydown", function (event) {
      var item = event.target.closest("li");
      if (!item) { return; }
      var next = event.key === "ArrowDown" ? item.nextElementSibling
        : event.key === "ArrowUp" ? item.previousElementSibling : null;
      if (event.key === "ArrowUp" && !next) { event.preventDefault(); input.focus(); return; }
      if (next) { event.preventDefault(); next.querySelector("button").focus(); }
    });

    input.addEventListener("input", function () {
      choose("", false, "");
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, 200);
    });
  }

  document.querySelectorAll("input[data-person-picker]").forEach(setup);
})();
