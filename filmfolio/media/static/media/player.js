/* Film page media: HLS playback through hls.js (native HLS where hls.js is unsupported) and a
   small lightbox for album images. No dependencies besides the vendored hls.js. */
(function () {
  "use strict";
  // The film page may carry this script twice (the media every viewer sees, and a viewer's own
  // videos): the first copy starts every player and the lightbox.
  if (window.filmfolioMediaStarted) { return; }
  window.filmfolioMediaStarted = true;

  function startPlayers() {
    document.querySelectorAll("video[data-hls-src]").forEach(function (video) {
      var src = video.getAttribute("data-hls-src");
      if (window.Hls && window.Hls.isSupported()) {
        // Same-origin requests carry the session cookie; segments on S3 arrive through a redirect
        // to a presigned URL and need no credentials (only the bucket's CORS rule).
        var hls = new window.Hls();
        hls.loadSource(src);
        hls.attachMedia(video);
        video.hls = hls;
      } else if (video.canPlayType("application/vnd.apple.mpegurl")) {
        video.src = src;
      }
    });
  }

  function startLightbox() {
    var dialog = document.querySelector("dialog.lightbox");
    var links = Array.prototype.slice.call(document.querySelectorAll("a.lightbox-link"));
    if (!dialog || !links.length) { return; }
    var img = dialog.querySelector("img");
    var caption = dialog.querySelector("figcaption");
    var current = 0;
    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      img.src = link.href;
      img.alt = link.getAttribute("data-caption") || "";
      caption.textContent = [link.getAttribute("data-caption"), link.getAttribute("data-credit")]
        .filter(Boolean).join(" — ");
      if (!dialog.open) { dialog.showModal(); }
    }
    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) { event.preventDefault(); show(index); });
    });
    dialog.querySelector(".lightbox-prev").addEventListener("click", function () { show(current - 1); });
    dialog.querySelector(".lightbox-next").addEventListener("click", function () { show(current + 1); });
    dialog.querySelector(".lightbox-close").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") { show(current - 1); }
      if (event.key === "ArrowRight") { show(current + 1); }
    });
  }

  function start() { startPlayers(); startLightbox(); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
