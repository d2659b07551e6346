/* The screener watermark: the recipient's name, organisation, link id and date drawn over every
   player of the page, for a session that opened the film through a screener link (the screener
   notice carries the lines in data-watermark; nobody else gets this script or the data).

   The mark moves every few seconds. It lives in a shadow root with inline !important
   styles, so page CSS cannot reach its text; a MutationObserver puts it back when it is removed
   or its attributes are changed, and a check on every move pauses the video while the mark is
   not visible (hidden by a style sheet, covered, shrunk). Full screen is moved from the video
   to its player so the mark stays on top. This stops casual removal and screen recordings
   without a name on them; it does not stop a determined viewer with the developer tools or a
   camera pointed at the screen (see docs/sharing.md). */
(function () {
  "use strict";
  var MOVE_MS = 6000;

  function lines() {
    var notice = document.querySelector(".screener-notice[data-watermark]");
    return notice ? notice.getAttribute("data-watermark").split("\n") : null;
  }

  function important(node, styles) {
    Object.keys(styles).forEach(function (name) { node.style.setProperty(name, styles[name], "important"); });
  }

  function makeMark(text) {
    var host = document.createElement("div");
    host.className = "screener-watermark";
    host.setAttribute("aria-hidden", "true");
    important(host, {
      position: "absolute", inset: "0", "pointer-events": "none", "z-index": "2147483647",
      display: "block", visibility: "visible", opacity: "1", overflow: "hidden", margin: "0"
    });
    var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    var label = document.createElement("div");
    label.textContent = text.join("\n");
    important(label, {
      position: "absolute", "white-space": "pre", font: "600 clamp(11px, 2.2vw, 18px)/1.3 sans-serif",
      color: "rgba(255,255,255,.72)", "text-shadow": "0 0 3px rgba(0,0,0,.9)", display: "block",
      visibility: "visible", opacity: "1", transition: "top 1.2s, left 1.2s", top: "8%", left: "6%"
    });
    root.appendChild(label);
    host.filmfolioLabel = label;
    return host;
  }

  function isShown(player, host) {
    if (!host.isConnected || host.parentNode !== player) { return false; }
    var style = window.getComputedStyle(host);
    var box = host.getBoundingClientRect();
    var area = player.getBoundingClientRect();
    return style.display !== "none" && style.visibility === "visible" && Number(style.opacity) > 0.5 &&
      box.width >= area.width * 0.9 && box.height >= area.height * 0.9;
  }

  function guard(player, text) {
    var video = player.querySelector("video");
    var host = null;
    function place() {
      if (!host || host.parentNode !== player) {
        if (host) { host.remove(); }
        host = makeMark(text);
        player.appendChild(host);
      }
      important(player, { position: "relative" });
    }
    function move() {
      if (!isShown(player, host)) {
        if (video && !video.paused) { video.pause(); }
        if (host) { host.remove(); }
        host = null;
        place();
        return;
      }
      host.filmfolioLabel.style.setProperty("top", (5 + Math.random() * 70).toFixed(1) + "%", "important");
      host.filmfolioLabel.style.setProperty("left", (3 + Math.random() * 55).toFixed(1) + "%", "important");
    }
    place();
    new MutationObserver(function () {
      if (!host || host.parentNode !== player || (host.getAttribute("style") || "").indexOf("important") < 0) {
        if (host) { host.remove(); }
        host = null;
        place();
      }
    }).observe(player, { childList: true, subtree: true, attributes: true, attributeFilter: ["style", "class", "hidden"] });
    if (video) {
      video.addEventListener("play", function () { if (!isShown(player, host)) { move(); video.pause(); } });
    }
    window.setInterval(move, MOVE_MS);
    move();
  }

  function refuse(player, message) {
    var note = document.createElement("p");
    note.className = "screener-refusal";
    note.setAttribute("role", "alert");
    note.textContent = message;
    var start = player.querySelector(".player-start");
    if (start) { start.remove(); }
    var video = player.querySelector("video");
    if (video) { video.removeAttribute("data-hls-src"); video.controls = false; }
    player.appendChild(note);
  }

  // A video in full screen would leave the mark behind: full screen goes to its player instead.
  document.addEventListener("fullscreenchange", function () {
    var element = document.fullscreenElement;
    if (element && element.tagName === "VIDEO" && element.parentNode.classList.contains("player")) {
      document.exitFullscreen().then(function () { element.parentNode.requestFullscreen(); });
    }
  });

  function start() {
    var text = lines();
    if (!text) { return; }
    var notice = document.querySelector(".screener-notice");
    var refusal = notice.getAttribute("data-play-refusal");
    document.querySelectorAll(".player").forEach(function (player) {
      if (refusal) { refuse(player, refusal); }
      guard(player, text);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
