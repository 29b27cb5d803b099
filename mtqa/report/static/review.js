// mtqa report: review triage. A verdict (accepted, false alarm, fixed) and a note per finding
// id, by click or by key; kept in localStorage under the run's key; exported as the decisions
// file `mtqa run --decisions` reads, and imported back. Writes no HTML (classes, text, values).
(function () {
  "use strict";
  var VERDICTS = ["accepted", "false_alarm", "fixed"];
  var data = JSON.parse(document.getElementById("mtqa-data").textContent);
  var review = data.review || { key: "mtqa-review", decided: [] };
  var findings = Array.prototype.filter.call(
    document.querySelectorAll("li.finding[data-id]"),
    function (li) { return !!li.getAttribute("data-id"); }
  );
  if (!findings.length) { return; }
  var elements = {};  // finding id -> the elements that show it (its row item, its list line)
  Array.prototype.forEach.call(
    document.querySelectorAll("li.finding[data-id], #compact li.line[data-id]"),
    function (el) {
      var id = el.getAttribute("data-id");
      if (id) { (elements[id] = elements[id] || []).push(el); }
    }
  );
  var statusLine = document.getElementById("review-status");
  var state = {};  // id -> {verdict, note}
  var storage = null;
  try { storage = window.localStorage; } catch (e) { storage = null; }

  var fromRun = {};  // decisions the report was made with (mtqa run --decisions)
  review.decided.forEach(function (d) {
    state[d.id] = { verdict: d.verdict, note: d.note || "" };
    fromRun[d.id] = true;
  });

  function say(text) { if (statusLine) { statusLine.textContent = text; } }

  function decisions() {
    return Object.keys(state).filter(function (id) { return state[id].verdict; }).sort()
      .map(function (id) {
        return { id: id, verdict: state[id].verdict, note: state[id].note || null };
      });
  }

  function save() {
    if (!storage) { return; }
    // A decision of the run taken back here is remembered as taken back.
    var cleared = Object.keys(state).filter(function (id) { return !state[id].verdict; });
    var saved = { decisions: decisions(), cleared: cleared };
    try { storage.setItem(review.key, JSON.stringify(saved)); } catch (e) {
      say("Decisions could not be kept in this browser (" + e.name + "); export them to keep them.");
    }
  }

  // The same rules as mtqa.review.parse_decisions: a wrong file is named, never half-applied.
  function parse(obj) {
    if (!obj || typeof obj !== "object" || !Array.isArray(obj.decisions)) {
      throw new Error('expected {"decisions": [{"id", "verdict", "note"}]}');
    }
    return obj.decisions.map(function (d, i) {
      if (!d || typeof d !== "object") { throw new Error("decisions[" + i + "] is not an object"); }
      if (typeof d.id !== "string" || !d.id) { throw new Error("decisions[" + i + "]: no id"); }
      if (VERDICTS.indexOf(d.verdict) < 0) {
        throw new Error("decisions[" + i + "]: verdict must be one of " + VERDICTS.join(", "));
      }
      if (d.note !== undefined && d.note !== null && typeof d.note !== "string") {
        throw new Error("decisions[" + i + "]: note must be text or null");
      }
      return { id: d.id, verdict: d.verdict, note: d.note || "" };
    });
  }

  function load() {
    if (!storage) { return; }
    var text = null;
    try { text = storage.getItem(review.key); } catch (e) { return; }
    if (!text) { return; }
    try {
      var saved = JSON.parse(text);
      parse(saved).forEach(function (d) { state[d.id] = d; });
      (Array.isArray(saved.cleared) ? saved.cleared : []).forEach(function (id) {
        if (typeof id === "string") { state[id] = { verdict: "", note: "" }; }
      });
    } catch (e) { say("Saved decisions in this browser were unreadable and are ignored."); }
  }

  function show(id) {
    var s = state[id] || { verdict: "", note: "" };
    (elements[id] || []).forEach(function (el) {
      VERDICTS.forEach(function (v) { el.classList.toggle("v-" + v, s.verdict === v); });
      el.setAttribute("data-verdict", s.verdict || "");
      Array.prototype.forEach.call(el.querySelectorAll(".triage button[data-v]"), function (b) {
        b.setAttribute("aria-pressed", String(b.getAttribute("data-v") === s.verdict));
      });
      var note = el.querySelector(".triage input.note");
      if (note && document.activeElement !== note) { note.value = s.note || ""; }
      var label = el.querySelector(".verdict-label");
      if (label) { label.textContent = s.verdict ? s.verdict.replace("_", " ") : ""; }
    });
  }

  function changed() {
    save();
    document.dispatchEvent(new CustomEvent("mtqa:review"));
  }

  function decide(id, verdict, note) {
    var s = state[id] || { verdict: "", note: "" };
    if (verdict !== undefined) { s.verdict = verdict; }
    if (note !== undefined) { s.note = note; }
    if (!s.verdict && !s.note && !fromRun[id]) { delete state[id]; } else { state[id] = s; }
    show(id);
    changed();
  }

  // ---- by click ----
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest && ev.target.closest(".triage button[data-v]");
    if (!button) { return; }
    var li = button.closest("li.finding");
    var id = li.getAttribute("data-id");
    var v = button.getAttribute("data-v");
    var now = state[id] && state[id].verdict;
    decide(id, now === v ? "" : v);  // a second click on the same verdict takes it back
    setCurrentFinding(li);
  });
  document.addEventListener("change", function (ev) {
    var input = ev.target;
    if (!input.matches || !input.matches(".triage input.note")) { return; }
    decide(input.closest("li.finding").getAttribute("data-id"), undefined, input.value.trim());
  });
  document.addEventListener("keydown", function (ev) {
    var input = ev.target;
    if (input.matches && input.matches(".triage input.note") &&
        (ev.key === "Enter" || ev.key === "Escape")) {
      if (ev.key === "Enter") {
        decide(input.closest("li.finding").getAttribute("data-id"), undefined, input.value.trim());
      }
      input.blur();
    }
  });

  // ---- by key ----
  var currentFinding = null;

  function setCurrentFinding(li) {
    if (currentFinding) { currentFinding.classList.remove("fcur"); }
    currentFinding = li;
    if (!li) { return; }
    li.classList.add("fcur");
    var row = li.closest("tbody");
    if (row && !row.classList.contains("current")) {
      // Let the page's row navigation follow: it listens to clicks on rows.
      row.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    }
    var box = li.getBoundingClientRect();
    if (box.top < 60 || box.bottom > window.innerHeight) { li.scrollIntoView({ block: "center" }); }
  }

  function visibleFindings() {
    return findings.filter(function (li) {
      var row = li.closest("tbody");
      return !(row && row.hidden) && !li.classList.contains("dim") && li.getClientRects().length;
    });
  }

  function stepFinding(step) {
    var list = visibleFindings();
    if (!list.length) { return; }
    var row = document.querySelector("#segments-table > tbody.current");
    var i = list.indexOf(currentFinding);
    if (i < 0 || (row && currentFinding.closest("tbody") !== row)) {
      var inRow = row ? list.filter(function (li) { return li.closest("tbody") === row; }) : [];
      if (inRow.length) {
        setCurrentFinding(step > 0 ? inRow[0] : inRow[inRow.length - 1]);
        return;
      }
      i = step > 0 ? -1 : list.length;
    }
    setCurrentFinding(list[Math.max(0, Math.min(list.length - 1, i + step))]);
  }

  function target() {
    var row = document.querySelector("#segments-table > tbody.current");
    if (currentFinding && (!row || currentFinding.closest("tbody") === row)) {
      return currentFinding;
    }
    var first = row && row.querySelector("li.finding[data-id]");
    if (first) { setCurrentFinding(first); }
    return first;
  }

  var keys = { a: "accepted", f: "false_alarm", x: "fixed", u: "" };
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var t = ev.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA" ||
        t.isContentEditable)) { return; }
    if (ev.key === "n" || ev.key === "p") {
      ev.preventDefault();
      stepFinding(ev.key === "n" ? 1 : -1);
      return;
    }
    if (!(ev.key in keys) && ev.key !== "e") { return; }
    var li = target();
    if (!li) { return; }
    ev.preventDefault();
    if (ev.key === "e") {
      var note = li.querySelector(".triage input.note");
      if (note) { note.focus(); }
      return;
    }
    decide(li.getAttribute("data-id"), keys[ev.key]);
  });

  // ---- export and import ----
  document.getElementById("export-decisions").addEventListener("click", function () {
    var list = decisions();
    var text = JSON.stringify({ decisions: list }, null, 2) + "\n";
    var url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = "decisions.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    say("Exported " + list.length + " decision" + (list.length === 1 ? "" : "s") +
      " as decisions.json: pass it to mtqa run --decisions.");
  });

  var importer = document.getElementById("import-decisions");
  importer.addEventListener("change", function () {
    var file = importer.files && importer.files[0];
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () {
      var list;
      try { list = parse(JSON.parse(String(reader.result))); } catch (e) {
        say("Not imported: " + file.name + ": " + e.message);
        importer.value = "";
        return;
      }
      var unknown = 0;
      list.forEach(function (d) {
        state[d.id] = { verdict: d.verdict, note: d.note };
        if (elements[d.id]) { show(d.id); } else { unknown += 1; }
      });
      changed();
      say("Imported " + list.length + " decision" + (list.length === 1 ? "" : "s") +
        " from " + file.name + (unknown ? " (" + unknown + " match no finding in this report)" : ""));
      importer.value = "";
    };
    reader.readAsText(file);
  });

  load();
  Object.keys(state).forEach(show);  // the page arrives showing no verdict but the run's own
  document.getElementById("review-tools").hidden = false;
  document.dispatchEvent(new CustomEvent("mtqa:review"));
}());
