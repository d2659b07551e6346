/* Press kit links on the film page: the first click asks the press kit's status address (which
   queues the build), says "Preparing…" in the page while the PDF is built, and downloads the
   PDF when it is ready. Without this script the link opens a page that reloads until the PDF
   comes. */
(function () {
  "use strict";
  if (window.filmfolioPresskitStarted) { return; }
  window.filmfolioPresskitStarted = true;
  var POLL_MS = 1500;
  var MAX_POLLS = 120;

  function say(box, key) {
    var status = box.querySelector(".presskit-status");
    if (status) { status.textContent = box.getAttribute("data-" + key) || ""; }
  }

  function poll(link, box, count) {
    fetch(link.getAttribute("data-presskit-status"), {credentials: "same-origin"})
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (data) {
        if (data.ready) {
          say(box, "ready");
          link.removeAttribute("aria-busy");
          window.location.assign(data.url);
        } else if (count < MAX_POLLS) {
          window.setTimeout(function () { poll(link, box, count + 1); }, POLL_MS);
        } else {
          throw new Error("timeout");
        }
      })
      .catch(function () {
        link.removeAttribute("aria-busy");
        say(box, "failed");
      });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-presskit-status]") : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
        event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    if (link.getAttribute("aria-busy") === "true") { return; }
    var box = link.closest(".presskit-actions");
    link.setAttribute("aria-busy", "true");
    say(box, "preparing");
    poll(link, box, 0);
  });
})();
