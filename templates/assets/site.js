// site.js starts every chart on a page. Each chart's options sit in a
// <script type="application/json"> block next to it, so no inline script runs
// and a strict Content-Security-Policy holds. Without JavaScript the summary
// and the table next to each chart carry the same information.
(function () {
  "use strict";
  if (!window.echarts || !document.querySelectorAll) {
    return;
  }
  var media = function (q) {
    return window.matchMedia ? window.matchMedia(q).matches : false;
  };
  var reduceMotion = media("(prefers-reduced-motion: reduce)");
  var dark = media("(prefers-color-scheme: dark)");
  var charts = [];
  var nodes = document.querySelectorAll("[data-chart]");
  for (var i = 0; i < nodes.length; i++) {
    var el = nodes[i];
    var src = document.getElementById(el.getAttribute("data-chart"));
    if (!src) {
      continue;
    }
    var options;
    try {
      options = JSON.parse(src.textContent);
    } catch (e) {
      continue;
    }
    if (reduceMotion) {
      options.animation = false;
    }
    el.hidden = false; // before measuring its width below
    options.backgroundColor = "transparent";
    if (dark && el.getAttribute("data-palette-dark")) {
      // Series colours that keep 3:1 contrast on the dark background.
      options.color = JSON.parse(el.getAttribute("data-palette-dark"));
    }
    if (options.radar && el.clientWidth < 560) {
      // On phones, long axis names would be cut off: wrap them and shrink the web.
      options.radar.radius = "46%";
      options.radar.axisName = { fontSize: 11, lineHeight: 14 };
      for (var k = 0; k < options.radar.indicator.length; k++) {
        options.radar.indicator[k].name = options.radar.indicator[k].name.replace(/ /g, "\n");
      }
    }
    var chart = window.echarts.init(el, dark ? "dark" : null, { renderer: "svg" });
    chart.setOption(options);
    charts.push(chart);
  }
  var pending = false;
  window.addEventListener("resize", function () {
    if (pending) {
      return;
    }
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      for (var j = 0; j < charts.length; j++) {
        charts[j].resize();
      }
    });
  });
})();
