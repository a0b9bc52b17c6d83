// 会员名录: instant filtering of the directory (layouts/members/section.html)
// by the four classifications and by name. The page is complete without
// this script: every member is listed and every classification has its own
// page. The script only shows the filter form and hides the members that do
// not match; the filter is kept in the address (?regions=jinshui&q=…) so a
// filtered view can be bookmarked or shared.
(function () {
  "use strict";
  var form = document.getElementById("dir-filter");
  var list = document.getElementById("dir-list");
  if (!form || !list || !window.URLSearchParams) return;

  var result = document.getElementById("dir-result");
  var nomatch = document.getElementById("dir-nomatch");
  var query = form.elements.q;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var levels = Array.prototype.slice.call(list.querySelectorAll(".dir-level"));
  var cards = Array.prototype.slice.call(list.querySelectorAll(".dir-card"));
  var total = cards.length;
  var timer = 0;

  // Normalise text for matching: lower case, no spaces, full-width letters
  // and digits folded to ASCII.
  function norm(s) {
    s = String(s || "").toLowerCase().replace(/\s+/g, "");
    return s.normalize ? s.normalize("NFKC") : s;
  }

  function apply() {
    var want = {};
    selects.forEach(function (sel) { if (sel.value) want[sel.name] = sel.value; });
    var q = norm(query.value);
    var shown = 0;
    levels.forEach(function (level) {
      var items = level.querySelectorAll(".dir-card");
      var n = 0;
      for (var i = 0; i < items.length; i++) {
        var li = items[i];
        var ok = !q || norm(li.getAttribute("data-search")).indexOf(q) >= 0;
        for (var k in want) {
          if (!ok) break;
          ok = (" " + (li.getAttribute("data-" + k) || "") + " ").indexOf(" " + want[k] + " ") >= 0;
        }
        li.hidden = !ok;
        if (ok) n++;
      }
      shown += n;
      var filtered = q || Object.keys(want).length;
      level.hidden = filtered && n === 0;
      var count = level.querySelector("[data-count]");
      if (count) {
        var all = level.getAttribute("data-total");
        count.textContent = filtered ? n + " 个（共 " + all + " 个）" : all + " 个";
      }
    });
    var active = q || Object.keys(want).length;
    nomatch.hidden = !(active && shown === 0);
    result.textContent = active ? "符合条件的会员 " + shown + " 个（共 " + total + " 个）" : "共 " + total + " 个会员";
    save(want, query.value.trim());
  }

  // Keep the filter in the address without adding history entries.
  function save(want, q) {
    if (!window.history || !history.replaceState) return;
    var p = new URLSearchParams();
    selects.forEach(function (sel) { if (want[sel.name]) p.set(sel.name, want[sel.name]); });
    if (q) p.set("q", q);
    var s = p.toString();
    history.replaceState(null, "", location.pathname + (s ? "?" + s : "") + location.hash);
  }

  function restore() {
    var p = new URLSearchParams(location.search);
    selects.forEach(function (sel) {
      var v = p.get(sel.name);
      if (v && sel.querySelector('option[value="' + v.replace(/[^a-z0-9-]/g, "") + '"]')) sel.value = v;
    });
    if (p.get("q")) query.value = p.get("q");
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.addEventListener("change", apply);
  query.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(apply, 120);
  });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });

  // Fill the status line before the form is shown, so that screen readers
  // announce only the reader's own changes.
  restore();
  apply();
  form.hidden = false;
})();
