// site.js offers an interactive version of every chart on a page. The build
// draws each chart as SVG, so pages show their charts without any script; a
// button below each chart loads the ECharts runtime only when a visitor asks
// for it, and redraws the chart from the options in the
// <script type="application/json"> block next to it. No inline script runs,
// so a strict Content-Security-Policy holds.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !document.querySelectorAll || !window.JSON) {
    return;
  }
  var runtime = me.getAttribute("data-runtime");
  var label = me.getAttribute("data-label");
  var media = function (q) {
    return window.matchMedia ? window.matchMedia(q).matches : false;
  };
  var charts = [];
  var waiting = [];
  var loading = false;

  // load calls done once the runtime is there, fetching it the first time.
  function load(done, failed) {
    if (window.echarts) {
      done();
      return;
    }
    waiting.push(done);
    if (loading) {
      return;
    }
    loading = true;
    var s = document.createElement("script");
    s.src = runtime;
    s.onload = function () {
      var w = waiting;
      waiting = [];
      for (var i = 0; i < w.length; i++) {
        w[i]();
      }
    };
    s.onerror = function () {
      loading = false;
      waiting = [];
      failed();
    };
    document.head.appendChild(s);
  }

  // start draws the chart in el with ECharts, in place of the SVG.
  function start(el) {
    var options = JSON.parse(document.getElementById(el.getAttribute("data-chart")).textContent);
    var dark = media("(prefers-color-scheme: dark)");
    if (media("(prefers-reduced-motion: reduce)")) {
      options.animation = false;
    }
    options.backgroundColor = "transparent";
    if (dark && el.getAttribute("data-palette-dark")) {
      // Series colours that keep 3:1 contrast on the dark background.
      options.color = JSON.parse(el.getAttribute("data-palette-dark"));
    }
    while (el.firstChild) {
      el.removeChild(el.firstChild);
    }
    el.className += " is-live";
    if (options.radar && el.clientWidth < 560) {
      // On phones, long axis names would be cut off: wrap them and shrink the web.
      options.radar.radius = "46%";
      options.radar.axisName = { fontSize: 11, lineHeight: 14 };
      for (var k = 0; k < options.radar.indicator.length; k++) {
        options.radar.indicator[k].name = options.radar.indicator[k].name.replace(/ /g, "\n");
      }
    }
    if (window.Intl && Intl.NumberFormat) {
      // Numbers as the page writes them: "62,5" in German, "٦٢٫٥" in Arabic.
      var locale = me.getAttribute("data-locale") || document.documentElement.lang;
      var nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
      var fmt = function (v) { return typeof v === "number" ? nf.format(v) : v; };
      // Values, as the table and the drawn labels write them, say their
      // unit: "75 %", not "75". The axis keeps bare numbers.
      var value = fmt;
      if (el.getAttribute("data-unit") === "%") {
        var pf = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
        value = function (v) { return typeof v === "number" ? pf.format(v / 100) : v; };
      }
      options.tooltip = options.tooltip || {};
      options.tooltip.valueFormatter = value;
      [].concat(options.xAxis || [], options.yAxis || []).forEach(function (a) {
        if (a.type === "value") {
          a.axisLabel = a.axisLabel || {};
          a.axisLabel.formatter = fmt;
        }
      });
      (options.series || []).forEach(function (s) {
        if (s.label && s.label.show) {
          s.label.formatter = function (p) { return value(p.value); };
        }
      });
    }
    if (document.documentElement.dir === "rtl" && options.xAxis && options.yAxis) {
      // Right to left, as the SVG: bars grow from the right, time runs
      // from right to left, and the axis labels stand on the right.
      [].concat(options.xAxis).forEach(function (a) { a.inverse = !a.inverse; });
      [].concat(options.yAxis).forEach(function (a) { a.position = "right"; });
    }
    var chart = window.echarts.init(el, dark ? "dark" : null, { renderer: "svg" });
    chart.setOption(options);
    charts.push(chart);
  }

  function offer(el) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "chart-interactive";
    button.textContent = label;
    // Every chart has such a button: its title tells them apart.
    if (document.getElementById(el.id + "-title")) {
      button.setAttribute("aria-describedby", el.id + "-title");
    }
    button.addEventListener("click", function () {
      button.disabled = true;
      load(function () {
        start(el);
        el.setAttribute("tabindex", "-1");
        button.parentNode.removeChild(button);
        el.focus();
      }, function () {
        button.disabled = false;
      });
    });
    el.parentNode.insertBefore(button, el.nextSibling);
  }

  var nodes = document.querySelectorAll("[data-chart]");
  for (var i = 0; i < nodes.length; i++) {
    if (document.getElementById(nodes[i].getAttribute("data-chart"))) {
      offer(nodes[i]);
    }
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
