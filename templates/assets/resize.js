// resize.js fits the iframes of offenbar's embed pages to their content,
// on the website that embeds them. That website loads it from the site
// that publishes the embeds, below the iframes:
//
//	<script src="https://weltoffen.musterstadt.de/assets/resize.js" defer></script>
//
// Each embed page tells its height (embed.js) to the embedding page, if
// that page's origin is one that site.toml [embed] allowed lists. This
// script trusts only messages from the origin it was loaded from, and
// only from the window of one of the page's iframes, and sets that
// iframe's height. Without it, an iframe keeps the height its snippet
// gives it. It needs no inline script and sets the height through the
// DOM, which a strict Content-Security-Policy allows.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !window.postMessage || !window.URL || !document.getElementsByTagName) {
    return;
  }
  var origin;
  try {
    origin = new URL(me.src, window.location.href).origin;
  } catch (e) {
    return;
  }
  var frames = document.getElementsByTagName("iframe");

  // ours reports whether an iframe shows a page of the site.
  function ours(frame) {
    return (frame.src || "").indexOf(origin + "/") === 0;
  }

  // ask asks an iframe for its height: at start, the embed page may have
  // told it before this script listened. The question carries nothing,
  // and the embed page answers only to an origin it allows.
  function ask(frame) {
    if (frame.contentWindow) {
      frame.contentWindow.postMessage({ type: "offenbar-embed-ask" }, "*");
    }
  }

  window.addEventListener("message", function (e) {
    if (e.origin !== origin || !e.data || e.data.type !== "offenbar-embed") {
      return;
    }
    var h = Math.ceil(Number(e.data.height));
    if (!(h > 0 && h < 20000)) {
      return;
    }
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source && ours(frames[i])) {
        frames[i].style.height = h + "px";
      }
    }
  });
  for (var i = 0; i < frames.length; i++) {
    if (ours(frames[i])) {
      frames[i].addEventListener("load", function (e) {
        ask(e.target);
      });
      ask(frames[i]);
    }
  }
})();
