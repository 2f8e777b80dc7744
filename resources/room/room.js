// Room Link: live updates for the participants' pages (no framework, no outside files).
// The server sends the meeting's state on each change (Server-Sent Events, /events):
// the header follows at once; the lists are fetched again (/part), at most once a second,
// and never while something is being typed; a new phase or item reloads the page, unless
// text has been typed — then a banner offers to follow (nothing typed is lost).
(function () {
  "use strict";
  var body = document.body;
  var typed = function () {
    var fields = document.querySelectorAll("textarea, input:not([type=hidden])");
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      if (f === document.activeElement) return true;
      if ((f.tagName === "TEXTAREA" || f.type === "text" || !f.type) && f.value !== f.defaultValue) return true;
    }
    return false;
  };
  if (!body.dataset.wait && !body.dataset.phase) return;  // the door: nothing to follow yet
  var source = new EventSource("/events");
  if (body.dataset.wait) {
    source.addEventListener("approved", function () { source.close(); location.replace("/"); });
    source.addEventListener("gone", function () { source.close(); location.replace("/"); });
    return;
  }
  source.addEventListener("gone", function () { source.close(); location.replace("/"); });
  source.addEventListener("approved", function () { source.close(); location.replace("/"); });

  var timer = document.getElementById("timer");
  var left = null, running = false, base = 0;
  var show = function () {
    if (!timer || left === null) return;
    var now = running ? left - Math.floor((Date.now() - base) / 1000) : left;
    var over = now < 0, s = Math.abs(now);
    timer.textContent = (over ? "+" : "") + Math.floor(s / 60) + ":" + ("0" + (s % 60)).slice(-2);
    timer.classList.toggle("over", over);
  };
  if (timer && timer.dataset.left !== "None") { left = parseInt(timer.dataset.left, 10); show(); }
  setInterval(show, 1000);

  var lastFetch = 0, pending = null;
  var refresh = function () {
    var live = document.getElementById("live");
    if (!live) return;
    if (typed()) { pending = setTimeout(refresh, 1500); return; }
    var wait = 1000 - (Date.now() - lastFetch);
    if (wait > 0) { if (!pending) pending = setTimeout(function () { pending = null; refresh(); }, wait); return; }
    lastFetch = Date.now();
    fetch("/part", { credentials: "same-origin" }).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (html !== null && !typed()) live.innerHTML = html;
    }).catch(function () {});
  };

  var first = true;
  source.addEventListener("state", function (e) {
    var state = JSON.parse(e.data);
    if (state.phase !== body.dataset.phase || String(state.item_id || "") !== body.dataset.item) {
      if (!typed()) { location.replace("/"); return; }
      document.getElementById("moved").hidden = false;
      return;
    }
    document.getElementById("phase").textContent = state.phase_label;
    var title = document.getElementById("item-title");
    if (title) title.textContent = state.item_title;
    if (state.left !== null && state.left !== undefined) {
      left = state.left; running = !!state.running; base = Date.now(); show();
    }
    if (!first) refresh();
    first = false;
  });
})();
