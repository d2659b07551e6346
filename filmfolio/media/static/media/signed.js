/* Signed HLS addresses (see docs/media.md, "Signed addresses"): the master playlist hands out
   addresses whose token lasts about a minute. Before a playlist or segment request, hls.js
   calls xhrSetup; when the tokens held are missing or about to expire, fresh ones are fetched
   from the video's "hls/tokens" address (the access policy again) and put into the request's
   address. player.js passes window.filmfolioSignedConfig(video) to hls.js. */
(function () {
  "use strict";
  var SIGNED = /^(.*\/media\/s\/[0-9a-f-]{36}\/)([^/]+)\/(\w+)\/(.+)$/;
  // Renew when less than this is left (a third of the lifetime when that is shorter).
  var MARGIN_SECONDS = 20;

  window.filmfolioSignedConfig = function (video) {
    var tokensUrl = (video.getAttribute("data-hls-src") || "").replace(/master\.m3u8$/, "tokens");
    var held = { tokens: null, until: 0, margin: MARGIN_SECONDS, pending: null };

    function refresh() {
      if (!held.pending) {
        held.pending = fetch(tokensUrl, { credentials: "same-origin", cache: "no-store" })
          .then(function (response) { return response.ok ? response.json() : null; })
          .then(function (data) {
            if (data) {
              held.tokens = data.tokens;
              held.until = Date.now() / 1000 + data.expires_in;
              held.margin = Math.min(MARGIN_SECONDS, data.expires_in / 3);
            }
          })
          .catch(function () { /* the request goes out with the token it has */ })
          .then(function () { held.pending = null; });
      }
      return held.pending;
    }

    function current(url) {
      var parts = SIGNED.exec(url);
      var token = parts && held.tokens ? held.tokens[parts[3]] : null;
      return token ? parts[1] + token + "/" + parts[3] + "/" + parts[4] : url;
    }

    return {
      xhrSetup: function (xhr, url) {
        if (!SIGNED.test(url)) { return undefined; }
        var stale = !held.tokens || held.until - Date.now() / 1000 < held.margin;
        return (stale ? refresh() : Promise.resolve()).then(function () {
          xhr.open("GET", current(url), true);
        });
      }
    };
  };
})();
