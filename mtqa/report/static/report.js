// mtqa report: filter, sort, search and keyboard navigation over the segment rows.
// Reads its data from the JSON block; writes no HTML from data (only classes, hidden, text).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("mtqa-data").textContent);
  var table = document.getElementById("segments-table");
  var statusLine = document.getElementById("status");
  var emptyNote = document.getElementById("empty");
  var ids = ["q", "sort", "rows", "doc", "kind", "sev", "engine", "view"];
  var c = {};
  ids.forEach(function (id) { c[id] = document.getElementById(id); });
  var rows = data.rows.map(function (meta) {
    var el = document.getElementById(meta.id);
    var items = el.querySelectorAll("li.finding");
    var byNumber = {};
    Array.prototype.forEach.call(items, function (li) { byNumber[li.getAttribute("data-f")] = li; });
    return { meta: meta, el: el, text: null, items: items, byNumber: byNumber };
  });
  var listSection = document.getElementById("findings-list");
  var lines = Array.prototype.map.call(document.querySelectorAll("#compact li.line"), function (li) {
    return { el: li, text: null };
  });
  var groups = document.querySelectorAll("#compact li.group");
  var byId = {};
  rows.forEach(function (r) { byId[r.meta.id] = r; });
  var current = null;
  var lastSort = "worst|";  // the page arrives sorted worst first: no need to move rows on load
  var optionLabels = {};

  function state() {
    return {
      q: c.q.value.trim().toLowerCase(),
      sort: c.sort.value,
      rows: c.rows.value,
      doc: c.doc.value,
      kind: c.kind.value,
      sev: c.sev.value,
      engine: c.engine.value,
      view: c.view.value
    };
  }

  function rowText(r) {
    if (r.text === null) {
      // The row's single-sentence labels too, so "MT 15" finds the row labelled "MT 14–15".
      r.text = (r.el.getAttribute("data-labels") + " " + r.el.textContent)
        .replace(/\s+/g, " ").toLowerCase();
    }
    return r.text;
  }

  function findingMatches(f, s) {
    return (!s.kind || f[1] === s.kind) && (!s.sev || f[2] === s.sev) &&
      (!s.engine || f[3].indexOf(s.engine) >= 0);
  }

  function rowPasses(r, s) {
    // The row-level filters: everything except kind, severity and engine.
    if (s.doc !== "" && String(r.meta.doc) !== s.doc) { return false; }
    if (s.rows === "flagged" && !r.meta.f.length) { return false; }
    if (s.rows === "unaligned" && r.meta.status !== "mt-only" && r.meta.status !== "ref-only") {
      return false;
    }
    if (!s.q) { return true; }
    // "MT 14" or "ref 11" names one sentence: the row that holds it, not "MT 140" too.
    var label = /^(mt|ref)\s+(\d+)$/.exec(s.q);
    if (label) {
      var labels = (" " + r.el.getAttribute("data-labels").toLowerCase() + " ").replace(/\s+/g, " ");
      return labels.indexOf(" " + label[1] + " " + label[2] + " ") >= 0;
    }
    return rowText(r).indexOf(s.q) >= 0;
  }

  function score(r, s) {
    var e = s.engine || data.engines[0];
    var v = e ? r.meta.score[e] : null;
    return v === undefined ? null : v;
  }

  function comparator(s) {
    var byOrder = function (a, b) { return a.meta.order - b.meta.order; };
    var bySev = function (a, b) { return a.meta.sev - b.meta.sev; };
    var nullsLast = function (sign) {
      return function (a, b) {
        var x = score(a, s), y = score(b, s);
        if (x === null || y === null) { return (x === null) - (y === null); }
        return sign * (x - y);
      };
    };
    if (s.sort === "order") { return byOrder; }
    if (s.sort === "severity") { return function (a, b) { return bySev(a, b) || byOrder(a, b); }; }
    if (s.sort === "score-asc" || s.sort === "score-desc") {
      var cmp = nullsLast(s.sort === "score-asc" ? 1 : -1);
      return function (a, b) { return cmp(a, b) || byOrder(a, b); };
    }
    // Worst first: severity, then the lowest score; a row with nothing to score counts as worst.
    return function (a, b) {
      var x = score(a, s), y = score(b, s);
      return bySev(a, b) || ((x === null ? -1 : x) - (y === null ? -1 : y)) || byOrder(a, b);
    };
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function countOptions(select, key, s) {
    // Each kind/severity option shows how many findings it would show under the other filters.
    if (!optionLabels[select.id]) {
      optionLabels[select.id] = Array.prototype.map.call(select.options, function (o) {
        return o.textContent;
      });
    }
    var counts = {};
    var other = { kind: s.kind, sev: s.sev, engine: s.engine };
    other[key] = "";
    rows.forEach(function (r) {
      if (!rowPasses(r, s)) { return; }
      r.meta.f.forEach(function (f) {
        if (!findingMatches(f, other)) { return; }
        var v = key === "kind" ? f[1] : f[2];
        counts[v] = (counts[v] || 0) + 1;
      });
    });
    Array.prototype.forEach.call(select.options, function (o, i) {
      if (o.value) { o.textContent = optionLabels[select.id][i] + " (" + (counts[o.value] || 0) + ")"; }
    });
  }

  function waived(r, f) {
    var li = r.byNumber[f[0]];
    return !!li && li.getAttribute("data-verdict") === "false_alarm";
  }

  function applyList(s) {
    // The one-line-per-finding view: the document, kind, severity and search filters.
    lines.forEach(function (line) {
      var el = line.el;
      if (line.text === null) { line.text = el.textContent.replace(/\s+/g, " ").toLowerCase(); }
      el.hidden = (s.doc !== "" && el.getAttribute("data-doc") !== s.doc) ||
        (s.kind && el.getAttribute("data-kind") !== s.kind) ||
        (s.sev && el.getAttribute("data-sev") !== s.sev) ||
        (!!s.q && line.text.indexOf(s.q) < 0);
    });
    Array.prototype.forEach.call(groups, function (g) {
      g.hidden = !g.querySelector("li.line:not([hidden])");
    });
  }

  function apply() {
    var s = state();
    var filtering = !!(s.kind || s.sev || s.engine);
    var shown = 0, found = 0, falseAlarms = 0, bySev = {};
    rows.forEach(function (r) {
      var matched = r.meta.f.filter(function (f) { return findingMatches(f, s); });
      var visible = rowPasses(r, s) && (!filtering || matched.length > 0);
      r.el.hidden = !visible;
      var keep = {};
      matched.forEach(function (f) { keep[f[0]] = true; });
      Array.prototype.forEach.call(r.items, function (li) {
        li.classList.toggle("dim", filtering && !keep[li.getAttribute("data-f")]);
      });
      if (visible) {
        shown += 1;
        matched.forEach(function (f) {
          if (waived(r, f)) { falseAlarms += 1; return; }  // shown, greyed, not counted
          found += 1;
          bySev[f[2]] = (bySev[f[2]] || 0) + 1;
        });
      }
    });
    Array.prototype.forEach.call(table.querySelectorAll("[data-engine]"), function (el) {
      el.hidden = !!s.engine && el.getAttribute("data-engine") !== s.engine;
    });
    var sortKey = s.sort + "|" + s.engine;
    if (sortKey !== lastSort) {
      var fragment = document.createDocumentFragment();
      rows.slice().sort(comparator(s)).forEach(function (r) { fragment.appendChild(r.el); });
      table.appendChild(fragment);
      lastSort = sortKey;
    }
    var parts = data.severities.filter(function (v) { return bySev[v]; }).map(function (v) {
      return bySev[v] + " " + v;
    });
    statusLine.textContent = shown + " of " + plural(rows.length, "row") + " shown · " +
      plural(found, "finding") + (parts.length ? " (" + parts.join(", ") + ")" : "") +
      (falseAlarms ? " · " + falseAlarms + " marked false alarm" : "");
    var listing = s.view === "list";
    table.hidden = listing;
    listSection.hidden = !listing;
    emptyNote.hidden = listing || shown > 0;
    if (listing) { applyList(s); }
    countOptions(c.kind, "kind", s);
    countOptions(c.sev, "sev", s);
    if (current && current.el.hidden) { setCurrent(null); }
  }

  function visibleRows() {
    return Array.prototype.filter.call(table.tBodies, function (el) { return !el.hidden; })
      .map(function (el) { return byId[el.id]; });
  }

  function setCurrent(r, scroll) {
    if (current) { current.el.classList.remove("current"); }
    current = r;
    if (!r) { return; }
    r.el.classList.add("current");
    r.el.focus({ preventScroll: true });
    if (scroll) { reveal(r.el); }
  }

  function reveal(el) {
    // Bring the row's top into view below the sticky filter bar, which would otherwise cover it.
    var bar = c.q.form;
    var top = getComputedStyle(bar).position === "sticky" ? bar.getBoundingClientRect().height : 0;
    var box = el.getBoundingClientRect();
    if (box.top < top || box.top > window.innerHeight - 40 || box.bottom > window.innerHeight) {
      window.scrollBy(0, box.top - top - 6);
    }
  }

  function move(step) {
    var visible = visibleRows();
    if (!visible.length) { return; }
    var i = visible.indexOf(current);
    if (i < 0) { i = step > 0 ? 0 : visible.length - 1; } else {
      i = Math.max(0, Math.min(visible.length - 1, i + step));
    }
    setCurrent(visible[i], true);
  }

  function showTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var r = byId[id];
    if (!r) { return; }
    if (r.el.hidden) { c.q.form.reset(); apply(); }
    if (c.view.value === "list") { c.view.value = "rows"; apply(); }  // a list line's row
    setCurrent(r, true);
  }

  var timer = null;
  c.q.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(apply, 80);
  });
  document.addEventListener("mtqa:review", apply);
  var listLink = document.querySelector('nav a[href="#findings-list"]');
  if (listLink) {
    listLink.addEventListener("click", function () { c.view.value = "list"; apply(); });
  }
  ["sort", "rows", "doc", "kind", "sev", "engine", "view"].forEach(function (id) {
    c[id].addEventListener("change", apply);
  });
  c.q.form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  document.getElementById("reset-filters").addEventListener("click", function () {
    c.q.form.reset();  // resets the values at once; the "reset" event would fire before that
    apply();
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var t = ev.target;
    if (ev.key === "Escape" && t === c.q) { c.q.blur(); return; }
    var typing = t && (t.tagName === "INPUT" || t.tagName === "SELECT" ||
      t.tagName === "TEXTAREA" || t.isContentEditable);
    if (typing) { return; }
    if (ev.key === "/") { ev.preventDefault(); c.q.focus(); c.q.select(); }
    else if (ev.key === "j") { ev.preventDefault(); move(1); }
    else if (ev.key === "k") { ev.preventDefault(); move(-1); }
    else if (ev.key === "o" && current) {
      var boxes = current.el.querySelectorAll("details.evidence");
      var open = Array.prototype.some.call(boxes, function (d) { return !d.open; });
      Array.prototype.forEach.call(boxes, function (d) { d.open = open; });
    }
  });

  table.addEventListener("click", function (ev) {
    var body = ev.target.closest("tbody");
    if (body && byId[body.id] && current !== byId[body.id]) { setCurrent(byId[body.id], false); }
  });

  // Pointing at a finding lights up its highlights in all three columns.
  function light(ev, on) {
    var li = ev.target.closest && ev.target.closest("li.finding");
    if (!li) { return; }
    var n = li.getAttribute("data-f");
    Array.prototype.forEach.call(li.closest("tbody").querySelectorAll("mark.hl"), function (mark) {
      if ((" " + mark.getAttribute("data-f") + " ").indexOf(" " + n + " ") >= 0) {
        mark.classList.toggle("lit", on);
      }
    });
  }
  table.addEventListener("mouseover", function (ev) { light(ev, true); });
  table.addEventListener("mouseout", function (ev) { light(ev, false); });

  // A kind in the summary's count table, or a document in the documents table, opens the
  // segments filtered to it.
  [["kind", "data-kind"], ["doc", "data-doc"]].forEach(function (pair) {
    Array.prototype.forEach.call(document.querySelectorAll("a[" + pair[1] + "]"), function (link) {
      link.addEventListener("click", function () {
        c.q.form.reset();
        c[pair[0]].value = link.getAttribute(pair[1]);
        apply();
      });
    });
  });
  window.addEventListener("hashchange", showTarget);
  apply();
  if (location.hash) { showTarget(); }
  document.documentElement.classList.add("js");
}());
