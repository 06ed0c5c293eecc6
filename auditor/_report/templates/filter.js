(function () {
  "use strict";
  var text = document.getElementById("probe-filter");
  var verdict = document.getElementById("verdict-filter");
  var shown = document.getElementById("probe-count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#probes tbody tr"));
  function apply() {
    var needle = text.value.trim().toLowerCase();
    var wanted = verdict.value;
    var visible = 0;
    rows.forEach(function (row) {
      var ok = (!wanted || row.getAttribute("data-verdict") === wanted) &&
        (!needle || row.textContent.toLowerCase().indexOf(needle) !== -1);
      row.hidden = !ok;
      if (ok) { visible += 1; }
    });
    shown.textContent = visible + " of " + rows.length + " probes shown";
  }
  text.addEventListener("input", apply);
  verdict.addEventListener("change", apply);
  document.getElementById("filters").hidden = false;
  apply();
}());
