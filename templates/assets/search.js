// search.js searches the site's own index, /suche/index.json, in the
// browser: no request leaves the site. Words are compared in a German-aware
// way: case, umlauts (ä = ae), accents and common endings do not matter.
(function () {
  "use strict";
  var box = document.getElementById("suchergebnisse");
  var form = document.querySelector("form.search-form");
  if (!box || !form || !window.fetch) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var index = null;

  function fold(s) {
    s = s.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
    return s.normalize ? s.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : s;
  }
  // stem drops common German endings, so that "Runden" finds "Runde".
  function stem(w) {
    var ends = ["ungen", "ern", "em", "en", "er", "es", "e", "n", "s"];
    for (var i = 0; i < ends.length; i++) {
      var e = ends[i];
      if (w.length - e.length >= 4 && w.slice(-e.length) === e) {
        return w.slice(0, -e.length);
      }
    }
    return w;
  }
  function words(s) {
    return fold(s).split(/[^a-z0-9]+/).filter(function (w) { return w.length > 1; }).map(stem);
  }
  function prepare(entries) {
    return entries.map(function (e) {
      return { e: e, title: " " + words(e.t).join(" "), text: " " + words(e.k + " " + e.x).join(" ") };
    });
  }
  function search(q) {
    var terms = words(q);
    var hits = [];
    if (!terms.length) {
      return hits;
    }
    index.forEach(function (d) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var t = " " + terms[i];
        var inTitle = d.title.indexOf(t) >= 0;
        if (!inTitle && d.text.indexOf(t) < 0) {
          return;
        }
        score += inTitle ? 10 : 1;
      }
      hits.push({ d: d.e, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    return hits;
  }
  function show(q) {
    var hits = search(q);
    box.textContent = "";
    var status = document.createElement("p");
    status.textContent = hits.length
      ? box.getAttribute("data-count").replace("{0}", hits.length).replace("{1}", q)
      : box.getAttribute("data-none").replace("{0}", q);
    box.appendChild(status);
    if (!hits.length) {
      return;
    }
    var list = document.createElement("ol");
    hits.slice(0, 50).forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = h.d.u;
      a.textContent = h.d.t;
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = h.d.k;
      var text = document.createElement("p");
      text.textContent = h.d.x.length > 200 ? h.d.x.slice(0, 200) + " …" : h.d.x;
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(kind);
      li.appendChild(text);
      list.appendChild(li);
    });
    box.appendChild(list);
  }
  function run(q) {
    if (index) {
      show(q);
      return;
    }
    fetch(box.getAttribute("data-index"))
      .then(function (r) { return r.json(); })
      .then(function (entries) { index = prepare(entries); show(q); });
  }
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = input.value.trim();
    if (window.history && history.replaceState) {
      history.replaceState(null, "", "?q=" + encodeURIComponent(q));
    }
    run(q);
  });
  var q = new URLSearchParams(location.search).get("q");
  if (q) {
    input.value = q;
    run(q);
  }
})();
