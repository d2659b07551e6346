/* Media manager poster: pick a frame of a ready video — play or seek the video and the time
   follows it, or type the time — and ask for that frame as the poster; the background job's
   progress is shown until the new poster is in place. A poster image dropped on the poster area
   is uploaded by uploads.js. */
(function () {
  "use strict";

  var M = window.FilmfolioManager;
  if (!M) { return; }

  function follow(event) {
    var video = event.target, form = video.closest && video.closest(".frame-form");
    if (form) { form.querySelector("input[name=at]").value = video.currentTime.toFixed(2); }
  }
  ["seeked", "timeupdate", "pause"].forEach(function (name) { document.addEventListener(name, follow, true); });

  function sleep(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }

  async function watch(form, job) {
    var bar = form.querySelector("progress"), output = form.querySelector(".frame-message");
    for (;;) {
      bar.value = job.progress;
      output.textContent = job.state_label + " " + job.progress + " %";
      if (job.state === "done" || job.state === "failed") { break; }
      await sleep(1000);
      job = await (await fetch(job.status_url, { credentials: "same-origin" })).json();
    }
    form.dataset.state = job.state;
    if (job.state === "failed") {
      output.textContent = M.text("frame_failed", { reason: job.reason });
      return;
    }
    output.textContent = M.text("frame_done");
    await M.refresh(["#poster-figure"]);
  }

  document.addEventListener("submit", async function (event) {
    var form = event.target;
    if (!form.matches(".frame-form")) { return; }
    event.preventDefault();
    var button = form.querySelector("button[type=submit]"), output = form.querySelector(".frame-message");
    button.disabled = true;
    form.querySelector("progress").hidden = false;
    output.textContent = M.text("frame_waiting");
    try {
      await watch(form, await M.post(form.action, new FormData(form)));
    } catch (error) {
      output.textContent = M.text("frame_failed", { reason: error.message });
    } finally {
      button.disabled = false;
    }
  });

  /* Players put on the page by a refresh start like those of the first load (player.js). */
  document.addEventListener("media:refreshed", function () {
    document.querySelectorAll("#poster video[data-hls-src]").forEach(function (video) {
      if (video.hls || !(window.Hls && window.Hls.isSupported())) { return; }
      video.hls = new window.Hls();
      video.hls.loadSource(video.getAttribute("data-hls-src"));
      video.hls.attachMedia(video);
    });
  });
})();
