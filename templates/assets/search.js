// search.js searches the site's own index, /suche/index.json, in the
// browser: no request leaves the site. Words are compared in a German-aware
// way: case, umlauts (ä = ae), accents and common endings do not matter.
// Other scripts are folded too: Arabic and Persian without vowel marks and
// with one form of alef, yeh, kaf and teh marbuta; Cyrillic ё as е.
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
    s = s.normalize ? s.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : s;
    return s
      .replace(/[\u064b-\u065f\u0670\u0640]/g, "") // Arabic vowel marks and tatweel
      .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627") // alef forms
      .replace(/[\u0649\u06cc]/g, "\u064a") // alef maqsura, Persian yeh
      .replace(/\u06a9/g, "\u0643") // Persian kaf
      .replace(/\u0629/g, "\u0647") // teh marbuta
      .replace(/\u0451/g, "\u0435"); // ё
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
  var separator;
  try {
    separator = new RegExp("[^\\p{L}\\p{N}]+", "u");
  } catch (e) {
    separator = /[^a-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u052f\u0590-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+/;
  }
  function words(s) {
    return fold(s).split(separator).filter(function (w) { return w.length > 1; }).map(function (w) {
      return /^[a-z0-9]+$/.test(w) ? stem(w) : w;
    });
  }
  function prepare(entries) {
    return entries.map(function (e) {
      return { e: e, title: " " + words(e.t).join(" "), text: " " + words(e.k + " " + e.x + " " + (e.w || "")).join(" ") };
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
      text.textContent = h.d.x;
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
