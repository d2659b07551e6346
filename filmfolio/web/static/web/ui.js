/* Behaviour of the signed-in pages (web/base.html loads it for signed-in users; the CSP allows
   no inline script):
   - a table that scrolls sideways inside its box can be focused, so it scrolls by keyboard;
   - a form with data-confirm="Question?" asks before it is submitted (destructive actions);
   - a button with data-copy="#selector" copies the value or text of that element and says so
     with the label of the page's <body data-copied-label="…">. */
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    var submitter = event.submitter;
    if (submitter && submitter.hasAttribute("data-confirm")) {
      question = submitter.getAttribute("data-confirm");
    }
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  function textOf(target) {
    if ("value" in target && typeof target.value === "string") { return target.value; }
    return target.textContent.trim();
  }

  function selectText(target) {
    if (typeof target.select === "function") { target.select(); return; }
    var range = document.createRange();
    range.selectNodeContents(target);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function announce(button) {
    var label = document.body.getAttribute("data-copied-label") || "Copied";
    button.setAttribute("data-copied", label);
    var status = document.getElementById("copy-status");
    if (status) { status.textContent = label; }
    window.setTimeout(function () {
      button.removeAttribute("data-copied");
      if (status) { status.textContent = ""; }
    }, 2500);
  }

  function copy(button) {
    var target = document.querySelector(button.getAttribute("data-copy"));
    if (!target) { return; }
    var text = textOf(target);
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { announce(button); }, function () {
        selectText(target);
      });
      return;
    }
    selectText(target);
    if (document.execCommand && document.execCommand("copy")) { announce(button); }
  }

  // A table wider than its box scrolls inside it; keyboard users must be able to scroll it too.
  function markScrollableTables() {
    document.querySelectorAll("main table").forEach(function (table) {
      var scrolls = table.scrollWidth > table.clientWidth + 1 &&
        window.getComputedStyle(table).overflowX !== "visible";
      if (scrolls && !table.hasAttribute("tabindex")) {
        table.setAttribute("tabindex", "0");
        table.setAttribute("data-scroll-focus", "");
      } else if (!scrolls && table.hasAttribute("data-scroll-focus")) {
        table.removeAttribute("tabindex");
        table.removeAttribute("data-scroll-focus");
      }
    });
  }
  markScrollableTables();
  window.addEventListener("resize", markScrollableTables);

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-copy]");
    if (button) {
      event.preventDefault();
      copy(button);
    }
  });
})();
