// The studio's burned copies: follow each copy that is on its way, and reload the page once
// one is ready or failed (its player, reason or "Try again" come with the page).
(function () {
  "use strict";
  const waiting = Array.from(document.querySelectorAll("[data-copy-status]")).filter(
    (el) => el.dataset.state === "queued" || el.dataset.state === "running",
  );
  if (!waiting.length) return;
  async function poll() {
    for (const el of waiting) {
      try {
        const response = await fetch(el.dataset.copyStatus, { credentials: "same-origin" });
        if (!response.ok) continue;
        const data = await response.json();
        if (data.state === "ready" || data.state === "failed") {
          window.location.reload();
          return;
        }
        el.textContent = data.state === "running" ? `${data.label} — ${data.progress}%` : data.label;
      } catch (error) {
        // the network may come back: keep polling
      }
    }
    window.setTimeout(poll, 2000);
  }
  window.setTimeout(poll, 1000);
})();
