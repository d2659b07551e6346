/* Media manager uploads: drop several files at once (or choose them with the file button); each
   gets a row with its name, size, percentage, speed, time left, and Pause / Resume / Cancel.
   Videos go through tus (the vendored tus-js-client): the whole file's SHA-256 is declared
   first, so the server can verify the file it received; the upload address is kept in
   localStorage under the film and the file's fingerprint, so dropping the same file again after
   a dropped connection or a closed tab goes on where it stopped; Cancel deletes the partial
   upload on the server. Images are posted to the image endpoint with XHR progress: as stills
   from the upload area, as the poster from the poster area. */
(function () {
  "use strict";

  var M = window.FilmfolioManager;
  var root = document.getElementById("upload");
  if (!root || !M || !window.tus) { return; }
  var rows = root.querySelector(".upload-rows");
  var template = document.getElementById("upload-row");
  var running = new Set();
  var VIDEO_EXTENSIONS = /\.(mp4|m4v|mov|mkv|webm|avi|ts|mts|m2ts|mxf|ogv|flv|mpg|mpeg|3gp)$/i;
  var IMAGE_EXTENSIONS = /\.(jpe?g|png|webp|gif|tiff?|heic|avif|bmp)$/i;

  /* One file is sent at a time, in the order they were dropped: each gets the whole connection,
     its time left means something, and the others wait their turn ("Waiting"). */
  var waiting = [], active = null;
  function enqueue(task, run) { waiting.push({ task: task, run: run }); pump(); }
  function pump() {
    if (active) { return; }
    var next = waiting.shift();
    if (!next) { return; }
    active = next.task;
    next.run();
  }
  function release(task) {
    waiting = waiting.filter(function (entry) { return entry.task !== task; });
    if (active === task) { active = null; }
    pump();
  }

  function kindOf(file) {
    if (/^image\//.test(file.type) || (!file.type && IMAGE_EXTENSIONS.test(file.name))) { return "image"; }
    if (/^video\//.test(file.type) || VIDEO_EXTENSIONS.test(file.name)) { return "video"; }
    return "";
  }

  function option(name) { return root.querySelector("select[name=" + name + "]").value; }

  /* Speed over the last few seconds and the time the rest will take at that speed. */
  function Meter() { this.samples = []; }
  Meter.prototype.add = function (done, total) {
    var now = Date.now();
    this.samples.push([now, done]);
    while (this.samples.length > 2 && now - this.samples[0][0] > 5000) { this.samples.shift(); }
    var first = this.samples[0], seconds = (now - first[0]) / 1000;
    if (seconds < 0.5 || done <= first[1]) { return ""; }
    var speed = (done - first[1]) / seconds;
    return M.text("rate", { speed: M.bytes(speed), left: M.duration((total - done) / speed) });
  };
  Meter.prototype.reset = function () { this.samples = []; };

  /* One file's row on the page. */
  function Row(file, task) {
    this.element = template.content.firstElementChild.cloneNode(true);
    this.element.querySelector(".upload-name").textContent = file.name;
    this.element.querySelector(".upload-size").textContent = M.bytes(file.size);
    this.element.upload = task;
    this.meter = new Meter();
    rows.appendChild(this.element);
    this.state(M.text("waiting"));
  }
  Row.prototype.part = function (name) { return this.element.querySelector(name); };
  Row.prototype.state = function (label, kind) {
    this.part(".upload-state").textContent = label;
    this.element.dataset.state = kind || "waiting";
  };
  Row.prototype.progress = function (done, total) {
    var percent = total ? Math.floor(done * 100 / total) : 0;
    this.part("progress").value = percent;
    this.part(".upload-percent").textContent = percent + " %";
    this.part(".upload-rate").textContent = done < total ? this.meter.add(done, total) : "";
    this.element.dataset.percent = String(percent);
  };
  Row.prototype.buttons = function (paused) {
    this.part("[data-action=pause]").hidden = paused;
    this.part("[data-action=resume]").hidden = !paused;
  };
  Row.prototype.finish = function (label, kind) {
    this.state(label, kind);
    this.part(".upload-rate").textContent = "";
    this.part(".upload-actions").hidden = true;
  };

  /* The server's own sentence (it answers in the page's language), else what went wrong. */
  function said(body, status) {
    try { return JSON.parse(body).error; } catch (e) { return M.text("refused", { status: status }); }
  }

  function errorText(error) {
    var response = error && error.originalResponse;
    return response ? said(response.getBody(), response.getStatus()) : M.text("network");
  }

  function fingerprint(file) {
    return ["filmfolio-upload", root.dataset.film, file.name, file.size, file.lastModified].join(":");
  }

  /* The content hash the server computes as the chunks arrive (docs/media.md): SHA-256 of the
     SHA-256 digests of the file's 4 MiB blocks, put end to end. */
  async function contentHash(file, task) {
    var all = new window.FilmfolioSha256(), size = 4 * 1024 * 1024;
    for (var offset = 0; offset < file.size && !task.cancelled; offset += size) {
      var block = new window.FilmfolioSha256();
      block.update(new Uint8Array(await file.slice(offset, offset + size).arrayBuffer()));
      all.update(block.digest());
      var percent = Math.floor(Math.min(file.size, offset + size) * 100 / file.size);
      task.row.state(M.text("hashing", { percent: percent }), "hashing");
    }
    return all.hex();
  }

  /* A video: resumable upload over tus, then the transcode's progress. */
  function VideoUpload(file) {
    this.file = file;
    this.paused = false;
    this.row = new Row(file, this);
    this.upload = new window.tus.Upload(file, {
      endpoint: root.dataset.endpoint,
      chunkSize: parseInt(root.dataset.chunk, 10),
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
      headers: { "X-CSRFToken": M.csrf() },
      metadata: { film: root.dataset.film, kind: option("kind"), visibility: option("visibility"),
                  title: "", filename: file.name },
      fingerprint: function () { return Promise.resolve(fingerprint(file)); },
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onShouldRetry: this.retrying.bind(this),
      onProgress: this.progressed.bind(this),
      onSuccess: this.sent.bind(this),
      onError: this.failed.bind(this)
    });
  }

  VideoUpload.prototype.queue = function () {
    running.add(this);
    enqueue(this, this.begin.bind(this));
  };
  VideoUpload.prototype.begin = async function () {
    var previous = await this.upload.findPreviousUploads();
    var open = openOnServer(this.file);
    this.resuming = Boolean(previous.length || open);
    if (previous.length) {
      this.upload.resumeFromPreviousUpload(previous[0]);
    } else if (open) {
      this.upload.options.uploadUrl = open.dataset.uploadUrl;
    } else {
      this.upload.options.metadata.content_hash = await contentHash(this.file, this);
    }
    if (open) { open.remove(); }
    if (!this.cancelled && !this.paused) { this.go(); }
  };
  VideoUpload.prototype.go = function () {
    this.row.state(M.text("uploading"), "uploading");
    this.row.meter.reset();
    this.upload.start();
  };
  /* Network trouble and server errors are tried again (with tus-js-client's back-off);
     a refusal (403, 404, 413, 422, 460) is not. */
  VideoUpload.prototype.retrying = function (error) {
    var status = error.originalResponse ? error.originalResponse.getStatus() : 0;
    var again = status === 0 || status === 409 || status === 423 || status >= 500;
    if (again) { this.row.state(M.text("retrying"), "retrying"); }
    return again;
  };
  VideoUpload.prototype.progressed = function (sent, total) {
    this.row.progress(sent, total);
    if (this.row.element.dataset.state === "retrying") { this.row.state(M.text("uploading"), "uploading"); }
    if (this.resuming) {  // the first progress after asking the server where it stopped
      this.resuming = false;
      this.row.state(M.text("resumed", { percent: Math.floor(sent * 100 / total) }), "uploading");
    }
    if (sent === total) { this.row.state(M.text("finishing"), "finishing"); }
  };
  VideoUpload.prototype.pause = function () {
    this.paused = true;
    this.upload.abort();
    this.row.state(M.text("paused"), "paused");
    release(this);
  };
  VideoUpload.prototype.resume = function () {
    this.paused = false;
    this.row.state(M.text("waiting"), "waiting");
    enqueue(this, this.go.bind(this));
  };
  VideoUpload.prototype.cancel = async function () {
    this.cancelled = true;
    try {
      await this.upload.abort(true);
      this.row.finish(M.text("cancelled"), "cancelled");
    } catch (error) {
      this.row.finish(M.text("failed", { reason: errorText(error) }), "failed");
    }
    running.delete(this);
    release(this);
  };
  VideoUpload.prototype.failed = function (error) {
    if (!error.originalResponse) {  // the network: Resume, or the connection coming back, goes on
      this.paused = true;
      this.row.state(M.text("offline"), "offline");
      this.row.buttons(true);
      return release(this);
    }
    this.row.finish(M.text("failed", { reason: errorText(error) }), "failed");
    running.delete(this);
    release(this);
  };
  VideoUpload.prototype.sent = async function () {
    release(this);
    this.row.progress(1, 1);
    this.row.part(".upload-actions").hidden = true;
    for (;;) {
      var data = await (await fetch(this.upload.url + "/status", { credentials: "same-origin" })).json();
      if (data.state === "rejected") {
        running.delete(this);
        return this.row.finish(M.text("failed", { reason: data.reason }), "failed");
      }
      var video = data.video;
      if (video && (video.state === "ready" || video.state === "failed")) { break; }
      if (data.state === "checking") {
        this.row.state(M.text("finishing"), "finishing");
      } else {
        this.row.state(M.text("transcoding", { percent: video ? video.progress : 0 }), "transcoding");
      }
      await new Promise(function (resolve) { setTimeout(resolve, 1500); });
    }
    this.row.finish(video.state === "ready" ? M.text("ready") : video.state_label + ": " + video.reason, video.state);
    running.delete(this);
    M.refresh(["#videos", "#poster"]);
  };

  /* The server's unfinished upload of the same file (another browser, or storage cleared). */
  function openOnServer(file) {
    return Array.prototype.find.call(root.querySelectorAll(".open-uploads li"), function (item) {
      return item.dataset.filename === file.name && item.dataset.length === String(file.size);
    });
  }

  /* An image: one POST with XHR progress; pausing stops it, resuming sends it again. */
  function ImageUpload(file, poster) {
    this.file = file;
    this.poster = poster;
    this.row = new Row(file, this);
  }
  ImageUpload.prototype.queue = function () {
    running.add(this);
    enqueue(this, this.go.bind(this));
  };
  ImageUpload.prototype.go = function () {
    var data = new FormData(), xhr = new XMLHttpRequest(), self = this;
    data.append("file", this.file);
    data.append("album", this.poster ? "" : option("album"));
    if (this.poster) { data.append("is_poster", "on"); }
    xhr.open("POST", root.dataset.imageEndpoint);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("X-CSRFToken", M.csrf());
    xhr.upload.onprogress = function (event) { self.row.progress(event.loaded, event.total); };
    xhr.onload = function () { self.loaded(xhr); };
    xhr.onerror = function () {
      self.row.finish(M.text("failed", { reason: M.text("network") }), "failed");
      running.delete(self);
      release(self);
    };
    this.xhr = xhr;
    this.row.meter.reset();
    this.row.state(M.text("uploading"), "uploading");
    xhr.send(data);
  };
  ImageUpload.prototype.loaded = function (xhr) {
    running.delete(this);
    release(this);
    if (xhr.status !== 200) {
      return this.row.finish(M.text("failed", { reason: said(xhr.responseText, xhr.status) }), "failed");
    }
    var answer = JSON.parse(xhr.responseText);
    this.row.progress(1, 1);
    this.row.finish(M.text("done"), "done");
    document.dispatchEvent(new CustomEvent("media:image-added", { detail: answer }));
  };
  ImageUpload.prototype.pause = function () {
    this.paused = true;
    if (this.xhr) { this.xhr.abort(); }
    this.row.progress(0, 1);
    this.row.state(M.text("paused"), "paused");
    release(this);
  };
  ImageUpload.prototype.resume = function () {
    this.paused = false;
    this.row.state(M.text("waiting"), "waiting");
    enqueue(this, this.go.bind(this));
  };
  ImageUpload.prototype.cancel = function () {
    if (this.xhr) { this.xhr.abort(); }
    running.delete(this);
    this.row.finish(M.text("cancelled"), "cancelled");
    release(this);
  };

  function take(files, target) {
    Array.prototype.forEach.call(files, function (file) {
      var kind = kindOf(file);
      if (kind === "video") { return new VideoUpload(file).queue(); }
      if (kind === "image") { return new ImageUpload(file, target === "poster").queue(); }
      var row = new Row(file, null);
      row.finish(M.text("not_media", { name: file.name }), "refused");
    });
  }

  function watchZone(zone) {
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("drop-over"); });
    });
    zone.addEventListener("dragleave", function () { zone.classList.remove("drop-over"); });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      zone.classList.remove("drop-over");
      take(event.dataTransfer.files, zone.dataset.drop);
    });
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches("input[data-files]")) { return; }
    take(input.files, input.dataset.files);
    input.value = "";
  });
  document.querySelectorAll("[data-drop]").forEach(watchZone);
  // A file dropped beside the areas must not make the browser leave the page (and its uploads).
  ["dragover", "drop"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      if (!event.target.closest || !event.target.closest("[data-drop]")) { event.preventDefault(); }
    });
  });
  document.addEventListener("media:refreshed", function () {
    document.querySelectorAll("#poster [data-drop]").forEach(watchZone);
  });

  rows.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    var task = button && button.closest(".upload-row").upload;
    if (!task) { return; }
    var action = button.dataset.action;
    task[action]();
    if (action !== "cancel") { task.row.buttons(action === "pause"); }
  });

  /* Drop what tus-js-client kept in localStorage about a cancelled upload. */
  function forget(url) {
    Object.keys(window.localStorage).forEach(function (key) {
      if (key.indexOf("tus::") !== 0) { return; }
      try {
        var kept = JSON.parse(window.localStorage.getItem(key));
        if (kept.uploadUrl && kept.uploadUrl.slice(-url.length) === url) { window.localStorage.removeItem(key); }
      } catch (e) { /* not ours */ }
    });
  }

  root.addEventListener("click", async function (event) {
    var button = event.target.closest("[data-cancel-open]");
    if (!button) { return; }
    var item = button.closest("li");
    var response = await fetch(item.dataset.uploadUrl, {
      method: "DELETE", credentials: "same-origin",
      headers: { "Tus-Resumable": "1.0.0", "X-CSRFToken": M.csrf() }
    });
    if (response.status === 204 || response.status === 404) {
      item.remove();
      forget(item.dataset.uploadUrl);
    }
  });

  window.addEventListener("online", function () {
    running.forEach(function (task) {
      if (task.upload && task.row.element.dataset.state === "offline") { task.resume(); task.row.buttons(false); }
    });
  });
  window.addEventListener("beforeunload", function (event) {
    if (running.size) { event.preventDefault(); event.returnValue = M.text("leave"); }
  });
})();
