/* Viewing reports of a screener: while a video of the film page plays, post how far it got.
   Loaded only for a session that holds a screener link (the "screener-heartbeat" panel), with
   the endpoint and the page's CSRF token on its script tag. It listens to the videos' media
   events in the capture phase, so the player (media/player.js) needs no hook of its own.
   One beat when playing starts, then every 15 seconds of playing, on pause and end, and on
   pagehide through sendBeacon. A beat carries the video's public id, a random key of this
   viewing, the ranges the video has played (video.played) and the seconds played since the
   last beat (forward progress only: a seek adds nothing). */
(function () {
  "use strict";
  if (window.filmfolioHeartbeatStarted) { return; }
  window.filmfolioHeartbeatStarted = true;
  var script = document.currentScript;
  if (!script) { return; }
  var endpoint = script.getAttribute("data-endpoint");
  var csrf = script.getAttribute("data-csrf") || "";
  var INTERVAL_MS = 15000;
  var MAX_RANGES = 50;
  var viewings = [];

  function randomKey() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function rangesOf(video) {
    var parts = [];
    var played = video.played;
    for (var i = Math.max(0, played.length - MAX_RANGES); i < played.length; i += 1) {
      parts.push(played.start(i).toFixed(1) + "-" + played.end(i).toFixed(1));
    }
    return parts.join(",");
  }

  function body(state) {
    var params = new URLSearchParams();
    params.set("csrfmiddlewaretoken", csrf);
    params.set("video", state.videoId);
    params.set("viewing", state.key);
    params.set("ranges", rangesOf(state.video));
    params.set("played", state.played.toFixed(1));
    state.played = 0;
    return params;
  }

  function send(state, leaving) {
    var params = body(state);
    if (leaving && navigator.sendBeacon) {
      var blob = new Blob([params.toString()], { type: "application/x-www-form-urlencoded" });
      navigator.sendBeacon(endpoint, blob);
      return;
    }
    fetch(endpoint, { method: "POST", body: params, credentials: "same-origin", keepalive: true })
      .catch(function () { /* a lost beat only loses its seconds */ });
  }

  function stateOf(video) {
    for (var i = 0; i < viewings.length; i += 1) {
      if (viewings[i].video === video) { return viewings[i]; }
    }
    return null;
  }

  // The video's public id: from the article around the player, else from its stream address.
  var UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

  function videoIdOf(video) {
    var holder = video.closest("[data-video]");
    if (holder) { return holder.getAttribute("data-video"); }
    var found = UUID.exec(video.getAttribute("data-hls-src") || "");
    return found ? found[0] : null;
  }

  function onPlaying(event) {
    var video = event.target;
    if (!(video instanceof HTMLVideoElement) || stateOf(video)) { return; }
    var videoId = videoIdOf(video);
    if (!videoId) { return; }
    var state = { video: video, videoId: videoId, key: randomKey(), played: 0,
                  last: video.currentTime };
    viewings.push(state);
    send(state, false);
    state.timer = window.setInterval(function () {
      if (!video.paused) { send(state, false); }
    }, INTERVAL_MS);
  }

  function onTimeUpdate(event) {
    var state = stateOf(event.target);
    if (!state) { return; }
    var now = state.video.currentTime;
    var step = now - state.last;
    var rate = state.video.playbackRate || 1;
    if (!state.video.seeking && step > 0 && step <= 1.5 * rate) { state.played += step; }
    state.last = now;
  }

  function onStop(event) {
    var state = stateOf(event.target);
    if (state && state.played > 0) { send(state, false); }
  }

  function onSeeked(event) {
    var state = stateOf(event.target);
    if (state) { state.last = state.video.currentTime; }
  }

  if (!endpoint || !window.URLSearchParams) { return; }
  document.addEventListener("playing", onPlaying, true);
  document.addEventListener("timeupdate", onTimeUpdate, true);
  document.addEventListener("seeked", onSeeked, true);
  document.addEventListener("pause", onStop, true);
  document.addEventListener("ended", onStop, true);
  window.addEventListener("pagehide", function () {
    viewings.forEach(function (state) { if (state.played > 0) { send(state, true); } });
  });
})();
