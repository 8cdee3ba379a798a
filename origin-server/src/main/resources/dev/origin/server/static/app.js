// Origin web UI: draws the charts whose data the server put in <script type="application/json" class="chart-data">,
// on load and after every htmx swap. No inline script is needed (the pages' Content-Security-Policy forbids it).
(function () {
  "use strict";
  var COLORS = ["#1f4fa3", "#c2410c", "#1a7f37", "#7e22ce", "#b42318", "#0e7490", "#a16207"];

  function draw(root) {
    var nodes = (root || document).querySelectorAll("script.chart-data");
    nodes.forEach(function (node) {
      var canvas = document.getElementById(node.dataset.canvas);
      if (!canvas || canvas.dataset.drawn) return;
      var spec = JSON.parse(node.textContent);
      spec.data.datasets.forEach(function (d, i) {
        var c = d.color || COLORS[i % COLORS.length];
        if (!d.backgroundColor) d.backgroundColor = d.type === "line" || spec.type === "line" ? c : c + "cc";
        if (!d.borderColor) d.borderColor = c;
        delete d.color;
      });
      spec.options = spec.options || {};
      spec.options.responsive = true;
      spec.options.maintainAspectRatio = false;
      spec.options.animation = false;
      canvas.dataset.drawn = "1";
      canvas.chart = new Chart(canvas, spec);
      canvas.setAttribute("data-rendered", "true");
    });
  }

  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSettle", function (e) { draw(e.target); });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("canvas[data-rendered]").forEach(function (c) { if (c.chart) c.chart.resize(); });
  });
})();
