/* Media manager stills: change their order by dragging a still by its handle (mouse, pen or
   touch, through pointer events; the arrow keys on the focused handle) or with the Earlier /
   Later buttons (the first still has no Earlier, the last no Later); every change is saved at
   once, the whole order in one request.
   New stills uploaded on the page are added at the end of the list. */
(function () {
  "use strict";

  var M = window.FilmfolioManager;
  var list = document.querySelector(".still-list");
  if (!list || !M) { return; }
  var message = document.querySelector(".order-message");

  function items() { return Array.prototype.slice.call(list.children); }
  function order() { return items().map(function (li) { return li.dataset.id; }).join(","); }

  function markEnds() {
    var all = items();
    all.forEach(function (li, index) {
      li.querySelector(".move-earlier").hidden = index === 0;
      li.querySelector(".move-later").hidden = index === all.length - 1;
    });
  }

  async function save(moved) {
    var data = new FormData();
    data.append("order", order());
    var place = items().indexOf(moved) + 1;
    var said = M.text("moved", { place: place, count: items().length });
    try {
      await M.post(list.dataset.orderUrl, data);
      message.textContent = said + " " + M.text("order_saved");
      list.dataset.saved = order();
    } catch (error) {
      message.textContent = M.text("order_failed", { reason: error.message });
    }
  }

  function changed(moved, before) {
    markEnds();
    if (order() !== before) { save(moved); }
  }

  function move(item, earlier) {
    var before = order();
    if (earlier && item.previousElementSibling) {
      list.insertBefore(item, item.previousElementSibling);
    } else if (!earlier && item.nextElementSibling) {
      list.insertBefore(item.nextElementSibling, item);
    }
    changed(item, before);
  }

  list.addEventListener("click", function (event) {
    var button = event.target.closest(".move-earlier, .move-later");
    if (!button) { return; }
    var item = button.closest("li");
    move(item, button.classList.contains("move-earlier"));
    (button.hidden ? item.querySelector(".move-earlier:not([hidden]), .move-later:not([hidden])") : button).focus();
  });

  /* The handle moves its still with the arrow keys too. */
  var ARROWS = { ArrowLeft: true, ArrowUp: true, ArrowRight: false, ArrowDown: false };
  list.addEventListener("keydown", function (event) {
    var handle = event.target.closest(".drag-handle");
    if (!handle || !(event.key in ARROWS)) { return; }
    event.preventDefault();
    move(handle.closest("li"), ARROWS[event.key]);
    handle.focus();
  });

  /* Dragging: the still follows the pointer over the list; dropped, the new order is saved. */
  var drag = null;

  list.addEventListener("pointerdown", function (event) {
    var handle = event.target.closest(".drag-handle");
    if (!handle || event.button !== 0) { return; }
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    drag = { item: handle.closest("li"), before: order() };
    drag.item.classList.add("dragging");
  });

  list.addEventListener("pointermove", function (event) {
    if (!drag) { return; }
    var under = document.elementFromPoint(event.clientX, event.clientY);
    var target = under && under.closest(".still-list > li");
    if (!target || target === drag.item) { return; }
    var all = items();
    var forward = all.indexOf(drag.item) < all.indexOf(target);
    list.insertBefore(drag.item, forward ? target.nextElementSibling : target);
  });

  function drop() {
    if (!drag) { return; }
    drag.item.classList.remove("dragging");
    changed(drag.item, drag.before);
    drag = null;
  }
  list.addEventListener("pointerup", drop);
  list.addEventListener("pointercancel", drop);

  document.addEventListener("media:image-added", function (event) {
    if (event.detail.poster) {
      var figure = document.getElementById("poster-figure");
      if (figure) { figure.outerHTML = event.detail.html; }
      return;
    }
    list.insertAdjacentHTML("beforeend", event.detail.html);
    var empty = document.querySelector(".stills-empty");
    if (empty) { empty.remove(); }
    markEnds();
  });

  markEnds();
  list.dataset.saved = order();
})();
