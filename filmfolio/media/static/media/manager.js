/* Media manager: what the upload, stills and poster scripts share — the page's sentences in the
   active language (JSON data written by the server), the CSRF token, JSON requests, sizes and
   times as people read them, and refreshing one part of the page from the server. */
(function () {
  "use strict";

  var source = document.getElementById("media-manager-text");
  var sentences = source ? JSON.parse(source.textContent) : {};
  var lang = document.documentElement.lang || "en";

  function text(key, values) {
    var sentence = sentences[key] || key;
    return sentence.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && values[name] !== undefined ? values[name] : whole;
    });
  }

  function csrf() {
    var field = document.querySelector("[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function number(value, digits) {
    return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
  }

  function bytes(size) {
    var units = ["B", "KB", "MB", "GB", "TB"], unit = 0;
    while (size >= 1000 && unit < units.length - 1) { size /= 1000; unit += 1; }
    return number(size, unit ? 1 : 0) + " " + units[unit];
  }

  function duration(seconds) {
    seconds = Math.max(0, Math.round(seconds));
    if (seconds < 60) { return text("seconds", { seconds: seconds }); }
    return text("minutes", { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
  }

  async function reason(response) {
    try { return (await response.json()).error || response.statusText; } catch (e) { return response.statusText; }
  }

  /* POST a form's fields; the server answers JSON ({error} when it refuses). */
  async function post(url, data) {
    var response = await fetch(url, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": csrf() }
    });
    if (!response.ok) { throw new Error(await reason(response)); }
    return response.json();
  }

  /* Replace the elements matching each selector with the server's current version of them. */
  async function refresh(selectors) {
    var response = await fetch(window.location.href, { credentials: "same-origin" });
    var fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    selectors.forEach(function (selector) {
      var now = document.querySelector(selector), next = fresh.querySelector(selector);
      if (now && next) { now.replaceWith(document.importNode(next, true)); }
    });
    document.dispatchEvent(new CustomEvent("media:refreshed", { detail: selectors }));
  }

  window.FilmfolioManager = {
    text: text, csrf: csrf, bytes: bytes, duration: duration, number: number,
    post: post, reason: reason, refresh: refresh
  };
})();
