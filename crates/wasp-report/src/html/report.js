(function () {
  "use strict";
  var details = function () { return document.querySelectorAll("details"); };
  var setAll = function (open) {
    details().forEach(function (d) { d.open = open; });
  };
  var toolbar = document.getElementById("toolbar");
  if (toolbar) {
    toolbar.hidden = false;
    document.getElementById("expand-all").addEventListener("click", function () { setAll(true); });
    document.getElementById("collapse-all").addEventListener("click", function () { setAll(false); });
  }
  window.addEventListener("beforeprint", function () { setAll(true); });
  var filter = document.getElementById("findings-filter");
  var table = document.getElementById("findings-table");
  if (filter && table) {
    var box = filter.querySelector("input");
    var shown = filter.querySelector("output");
    var rows = table.querySelectorAll("tbody tr");
    filter.hidden = false;
    box.addEventListener("input", function () {
      var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      var n = 0;
      rows.forEach(function (tr) {
        var text = tr.textContent.toLowerCase();
        var ok = words.every(function (w) { return text.indexOf(w) !== -1; });
        tr.hidden = !ok;
        if (ok) { n += 1; }
      });
      shown.textContent = n + " of " + rows.length + " shown";
    });
  }
})();
