/* Autocomplete for the search boxes (#site-search-q in the header, #search-q on /search/).
   Asks /search/autocomplete?q= after a short pause and lists titles and names under the box;
   arrow keys move, Enter opens, Escape closes. Without JavaScript the boxes still submit. */
(function () {
  "use strict";
  var DELAY_MS = 120;

  function attach(input) {
    if (!input || input.dataset.autocomplete === "on") { return; }
    input.dataset.autocomplete = "on";
    var list = document.createElement("ul");
    list.className = "search-suggestions";
    list.id = input.id + "-suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-autocomplete", "list");
    input.insertAdjacentElement("afterend", list);
    var timer = null;
    var active = -1;
    var latest = 0;

    function items() { return list.querySelectorAll("[role=option]"); }

    function close() { list.hidden = true; active = -1; input.removeAttribute("aria-activedescendant"); }

    function mark(index) {
      var options = items();
      if (!options.length) { return; }
      active = (index + options.length) % options.length;
      options.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", options[active].id);
    }

    function render(results) {
      list.textContent = "";
      results.forEach(function (result, i) {
        var item = document.createElement("li");
        item.id = list.id + "-" + i;
        item.setAttribute("role", "option");
        var link = document.createElement(result.url ? "a" : "span");
        if (result.url) { link.href = result.url; }
        link.textContent = result.title;
        item.appendChild(link);
        if (result.subtitle) {
          var small = document.createElement("small");
          small.textContent = " " + result.subtitle;
          item.appendChild(small);
        }
        list.appendChild(item);
      });
      list.hidden = results.length === 0;
      active = -1;
    }

    function ask() {
      var text = input.value.trim();
      if (!text) { close(); return; }
      var ticket = ++latest;
      fetch("/search/autocomplete?q=" + encodeURIComponent(text), { headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (ticket === latest) { render(data.results || []); } })
        .catch(function () { close(); });
    }

    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(ask, DELAY_MS); });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) { return; }
      if (event.key === "ArrowDown") { event.preventDefault(); mark(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); mark(active - 1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) {
        var link = items()[active].querySelector("a");
        if (link) { event.preventDefault(); window.location.href = link.href; }
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  function start() {
    attach(document.getElementById("site-search-q"));
    attach(document.getElementById("search-q"));
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
