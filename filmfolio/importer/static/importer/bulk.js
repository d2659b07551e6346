/* The progress of a bulk import: asks the status address every second, shows rows done of the
   total, and reloads the page (which then lists the films made) when the import has ended. */
(function () {
  "use strict";
  var box = document.querySelector("[data-import-status]");
  if (!box) { return; }
  var bar = box.querySelector("progress");
  var count = document.getElementById("import-count");
  var template = box.getAttribute("data-count-template");

  function show(status) {
    bar.max = status.total_rows;
    bar.value = status.rows_done;
    count.textContent = template.replace("{done}", status.rows_done).replace("{total}", status.total_rows);
  }

  function poll() {
    fetch(box.getAttribute("data-import-status"), { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (!status) { return; }
        show(status);
        if (status.finished) { window.location.reload(); return; }
        window.setTimeout(poll, 1000);
      }, function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 1000);
})();
