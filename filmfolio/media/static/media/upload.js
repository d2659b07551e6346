/* Owner's media page: resumable video upload over tus 1.0 with a progress bar, the whole file's
   SHA-256 declared up front and verified by the server at the end, per-chunk SHA-256 checksums
   (when the browser offers Web Crypto), retries with back-off over a flaky
   connection, resume after a reload (the upload address is kept in localStorage), then the
   transcode progress until the video is ready or failed. Also: move images up, poll video states. */
(function () {
  "use strict";

  var form = document.getElementById("video-upload");
  var csrf = (document.querySelector("[name=csrfmiddlewaretoken]") || {}).value || "";

  function b64(text) { return btoa(unescape(encodeURIComponent(text))); }
  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }

  function request(method, url, headers, body) {
    headers = Object.assign({ "Tus-Resumable": "1.0.0", "X-CSRFToken": csrf }, headers || {});
    return fetch(url, { method: method, headers: headers, body: body, credentials: "same-origin" });
  }

  async function errorText(response) {
    try { return (await response.json()).error || response.statusText; } catch (e) { return response.statusText; }
  }

  async function chunkChecksum(blob) {
    if (!(window.crypto && crypto.subtle)) { return null; }
    var digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
    var bytes = new Uint8Array(digest), text = "";
    for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
    return "sha256 " + btoa(text);
  }

  function storageKey(file) { return "filmfolio-upload:" + form.dataset.film + ":" + file.name + ":" + file.size + ":" + file.lastModified; }

  async function wholeFileSha256(file, progress) {
    var hash = new window.FilmfolioSha256(), size = 8 * 1024 * 1024;
    for (var offset = 0; offset < file.size; offset += size) {
      hash.update(new Uint8Array(await file.slice(offset, offset + size).arrayBuffer()));
      progress(Math.min(file.size, offset + size));
    }
    return hash.hex();
  }

  async function create(file, data, sha256) {
    var meta = [["film", form.dataset.film], ["kind", data.get("kind")], ["visibility", data.get("visibility")],
                ["title", data.get("title") || ""], ["filename", file.name], ["sha256", sha256]]
      .map(function (p) { return p[0] + " " + b64(p[1]); }).join(",");
    var response = await request("POST", form.dataset.endpoint, { "Upload-Length": String(file.size), "Upload-Metadata": meta });
    if (response.status !== 201) { throw new Error(await errorText(response)); }
    return response.headers.get("Location");
  }

  async function offsetOf(url) {
    var response = await request("HEAD", url);
    if (response.status !== 200) { return null; }
    return parseInt(response.headers.get("Upload-Offset"), 10);
  }

  async function sendFrom(url, file, offset, progress) {
    var size = parseInt(form.dataset.chunk, 10), failures = 0;
    while (offset < file.size) {
      var chunk = file.slice(offset, Math.min(file.size, offset + size));
      var headers = { "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream" };
      var sum = await chunkChecksum(chunk);
      if (sum) { headers["Upload-Checksum"] = sum; }
      var response;
      try { response = await request("PATCH", url, headers, chunk); } catch (e) { response = null; }
      if (response && response.status === 204) {
        offset = parseInt(response.headers.get("Upload-Offset"), 10);
        failures = 0;
        progress(offset);
        continue;
      }
      if (response && (response.status === 422 || response.status === 403)) { throw new Error(await errorText(response)); }
      failures += 1;
      if (failures > 8) { throw new Error(response ? await errorText(response) : "network"); }
      await sleep(Math.min(30000, 500 * Math.pow(2, failures)));
      var known = await offsetOf(url).catch(function () { return null; });
      if (known !== null) { offset = known; }
    }
    return offset;
  }

  async function followTranscode(statusUrl, message, bar) {
    for (;;) {
      var data = await (await fetch(statusUrl, { credentials: "same-origin" })).json();
      if (data.state === "rejected") { message.textContent = data.reason; return; }
      if (data.video) {
        bar.value = data.video.progress;
        message.textContent = data.video.state_label + (data.video.reason ? ": " + data.video.reason : "");
        if (data.video.state === "ready" || data.video.state === "failed") { window.location.reload(); return; }
      }
      await sleep(1500);
    }
  }

  async function upload(event) {
    event.preventDefault();
    var data = new FormData(form), file = data.get("file");
    var bar = form.querySelector("progress"), message = form.querySelector(".upload-message");
    bar.hidden = false;
    var key = storageKey(file), url = localStorage.getItem(key), offset = url ? await offsetOf(url) : null;
    try {
      if (offset === null) {
        message.textContent = form.dataset.hashingLabel;
        var sha256 = await wholeFileSha256(file, function (done) { bar.value = Math.floor(done * 100 / file.size); });
        url = await create(file, data, sha256);
        offset = 0;
        localStorage.setItem(key, url);
      }
      message.textContent = form.dataset.uploadingLabel;
      await sendFrom(url, file, offset, function (done) { bar.value = Math.floor(done * 100 / file.size); });
      localStorage.removeItem(key);
      bar.value = 0;
      await followTranscode(url + "/status", message, bar);
    } catch (error) {
      localStorage.removeItem(key);
      message.textContent = error.message;
    }
  }

  if (form) { form.addEventListener("submit", upload); }

  document.querySelectorAll(".image-order .move-up").forEach(function (button) {
    button.addEventListener("click", function () {
      var item = button.closest("li");
      if (item.previousElementSibling) { item.parentNode.insertBefore(item, item.previousElementSibling); }
      var ids = Array.prototype.map.call(item.parentNode.children, function (li) { return li.dataset.id; });
      document.getElementById("image-order-field").value = ids.join(",");
    });
  });
  var orderField = document.getElementById("image-order-field");
  if (orderField) {
    orderField.value = Array.prototype.map.call(document.querySelectorAll(".image-order li"), function (li) { return li.dataset.id; }).join(",");
  }

  document.querySelectorAll("[data-video-status]").forEach(function (item) {
    if (item.dataset.state !== "queued" && item.dataset.state !== "transcoding") { return; }
    var timer = setInterval(async function () {
      var data = await (await fetch(item.dataset.videoStatus, { credentials: "same-origin" })).json();
      item.querySelector("progress").value = data.progress;
      item.querySelector(".video-state").textContent = data.state_label;
      if (data.state === "ready" || data.state === "failed") { clearInterval(timer); window.location.reload(); }
    }, 2000);
  });
})();
