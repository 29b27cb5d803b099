// Systems side by side: the "only where systems differ" and "where SYSTEM regressed" filter.
(function () {
  "use strict";
  var select = document.getElementById("sbs-filter");
  if (!select) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll("#sbs-table > tbody.sbs-row"));
  var status = document.getElementById("sbs-status");
  var empty = document.getElementById("sbs-empty");
  function keep(row, value) {
    if (value === "differ") { return row.getAttribute("data-differs") === "1"; }
    if (value.indexOf("regressed:") === 0) {
      var who = value.slice("regressed:".length);
      return (row.getAttribute("data-regressed") || "").split(" ").indexOf(who) >= 0;
    }
    return true;
  }
  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var on = keep(row, select.value);
      row.hidden = !on;
      if (on) { shown += 1; }
    });
    status.textContent = shown + " of " + rows.length + " rows";
    empty.hidden = shown > 0;
  }
  select.addEventListener("change", apply);
  apply();
}());
