/* Film page media: HLS playback through hls.js (native HLS where hls.js is unsupported) and a
   small keyboard-friendly lightbox for album images. hls.js (half a megabyte) is fetched only
   when a player needs it: when its "Play" button is pressed, or at once for a player without
   one. No dependencies besides the vendored hls.js. */
(function () {
  "use strict";
  // The film page may carry this script several times (the media every viewer sees, and a
  // viewer's own videos): the first copy starts every player and the lightbox.
  if (window.filmfolioMediaStarted) { return; }
  window.filmfolioMediaStarted = true;
  var script = document.currentScript;
  var hlsSource = script ? script.getAttribute("data-hls") : null;
  var hlsLoading = null;

  function loadHls() {
    if (window.Hls || !hlsSource) { return Promise.resolve(); }
    if (!hlsLoading) {
      hlsLoading = new Promise(function (resolve) {
        var tag = document.createElement("script");
        tag.src = hlsSource;
        tag.onload = resolve;
        tag.onerror = resolve;
        document.head.appendChild(tag);
      });
    }
    return hlsLoading;
  }

  function attach(video) {
    if (video.getAttribute("data-attached")) { return; }
    video.setAttribute("data-attached", "1");
    var src = video.getAttribute("data-hls-src");
    if (window.Hls && window.Hls.isSupported()) {
      // Same-origin requests carry the session cookie; segments on S3 arrive through a redirect
      // to a presigned URL and need no credentials (only the bucket's CORS rule).
      var hls = new window.Hls(window.filmfolioSignedConfig ? window.filmfolioSignedConfig(video) : {});
      hls.on(window.Hls.Events.SUBTITLE_TRACKS_UPDATED, function () { subtitleMenu(video, hls); });
      hls.loadSource(src);
      hls.attachMedia(video);
      video.hls = hls;
    } else if (video.canPlayType("application/vnd.apple.mpegurl")) {
      video.src = src;
    }
  }

  // The viewer's subtitle choice (a language, or "off"), kept for every video of the site.
  var SUBTITLE_KEY = "filmfolio.subtitles";

  function storedSubtitles() {
    try { return window.localStorage.getItem(SUBTITLE_KEY); } catch (e) { return null; }
  }

  function chooseSubtitles(hls, index) {
    hls.subtitleTrack = index;
    hls.subtitleDisplay = index >= 0;
    var choice = index >= 0 ? hls.subtitleTracks[index].lang : "off";
    try { window.localStorage.setItem(SUBTITLE_KEY, choice); } catch (e) { /* private mode */ }
  }

  // A menu of the video's subtitle tracks under the player: "Off" and each track by name.
  function subtitleMenu(video, hls) {
    var player = video.parentNode;
    var tracks = hls.subtitleTracks || [];
    var old = player.querySelector(".player-subtitles");
    if (old) { old.remove(); }
    if (!tracks.length) { return; }
    var label = document.createElement("label");
    label.className = "player-subtitles";
    label.textContent = (player.getAttribute("data-subtitles-label") || "Subtitles") + " ";
    var select = document.createElement("select");
    var off = document.createElement("option");
    off.value = "-1";
    off.textContent = player.getAttribute("data-subtitles-off") || "Off";
    select.appendChild(off);
    tracks.forEach(function (track, index) {
      var option = document.createElement("option");
      option.value = String(index);
      option.textContent = track.name;
      option.lang = track.lang || "";
      select.appendChild(option);
    });
    var stored = storedSubtitles();
    var wanted = stored === "off" ? -1 : hls.subtitleTrack;
    if (stored && stored !== "off") {
      tracks.forEach(function (track, index) { if (track.lang === stored) { wanted = index; } });
    }
    hls.subtitleTrack = wanted;
    hls.subtitleDisplay = wanted >= 0;
    select.value = String(wanted);
    select.addEventListener("change", function () { chooseSubtitles(hls, Number(select.value)); });
    label.appendChild(select);
    player.appendChild(label);
  }

  function startPlayer(video) {
    var button = video.parentNode.querySelector(".player-start");
    if (!button) {
      loadHls().then(function () { attach(video); });
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      loadHls().then(function () {
        attach(video);
        video.controls = true;
        button.hidden = true;
        video.focus();
        var playing = video.play();
        if (playing && playing.catch) { playing.catch(function () { /* the controls are there */ }); }
      });
    });
  }

  function startPlayers() {
    document.querySelectorAll("video[data-hls-src]").forEach(startPlayer);
  }

  function startLightbox() {
    var dialog = document.querySelector("dialog.lightbox");
    var links = Array.prototype.slice.call(document.querySelectorAll("a.lightbox-link"));
    if (!dialog || !links.length) { return; }
    var img = dialog.querySelector("img");
    var caption = dialog.querySelector("figcaption");
    var current = 0;
    var opener = null;
    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      img.src = link.href;
      img.alt = link.getAttribute("data-caption") || link.getAttribute("data-alt") || "";
      caption.textContent = [link.getAttribute("data-caption"), link.getAttribute("data-credit")]
        .filter(Boolean).join(" — ");
      if (!dialog.open) { dialog.showModal(); dialog.querySelector(".lightbox-close").focus(); }
    }
    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        opener = link;
        show(index);
      });
    });
    dialog.querySelector(".lightbox-prev").addEventListener("click", function () { show(current - 1); });
    dialog.querySelector(".lightbox-next").addEventListener("click", function () { show(current + 1); });
    dialog.querySelector(".lightbox-close").addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("close", function () { if (opener) { opener.focus(); } });
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
