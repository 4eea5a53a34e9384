// embed.js does the two small jobs of embeds. On a page that offers the
// HTML snippet of a chart or field, it adds a button that copies the
// snippet. On an embed page in an iframe (templates/embed.html), it tells
// the embedding page its height, so that resize.js there can fit the
// iframe to it; it tells only a page whose origin [embed] allowed lists in
// site.toml, or the site itself. Without script, the snippet can still be
// selected and copied, and the iframe keeps the height the snippet gives
// it. No inline script runs on either page.
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || !document.querySelectorAll) {
    return;
  }

  // offerCopy puts a copy button and a status line after a snippet.
  function offerCopy(area, label, done) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "embed-copy";
    button.textContent = label;
    var status = document.createElement("p");
    status.className = "embed-status";
    status.setAttribute("role", "status");
    function legacy() {
      area.focus();
      area.select();
      try {
        return document.execCommand("copy");
      } catch (e) {
        return false;
      }
    }
    function copied() {
      status.textContent = done;
    }
    button.addEventListener("click", function () {
      status.textContent = "";
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(area.value).then(copied, function () {
          if (legacy()) {
            copied();
          }
        });
      } else if (legacy()) {
        copied();
      }
    });
    area.parentNode.insertBefore(status, area.nextSibling);
    area.parentNode.insertBefore(button, status);
  }

  var label = me.getAttribute("data-copy");
  if (label) {
    var areas = document.querySelectorAll("textarea.embed-snippet");
    for (var i = 0; i < areas.length; i++) {
      offerCopy(areas[i], label, me.getAttribute("data-copied") || "");
    }
  }

  // The embed page in an iframe: find out who frames it.
  var allowed = (me.getAttribute("data-origins") || "").split(" ");
  if (window.parent === window || !window.postMessage || !me.hasAttribute("data-origins")) {
    return;
  }
  var host = "";
  if (window.location.ancestorOrigins && window.location.ancestorOrigins.length) {
    host = window.location.ancestorOrigins[0];
  } else if (document.referrer && window.URL) {
    try {
      host = new URL(document.referrer).origin;
    } catch (e) {
      host = "";
    }
  }
  if (!host || (host !== window.location.origin && allowed.indexOf(host) < 0)) {
    return;
  }
  var told = 0;
  function tell(again) {
    var h = Math.ceil(document.body.getBoundingClientRect().height);
    if (h > 0 && (again || h !== told)) {
      told = h;
      window.parent.postMessage({ type: "offenbar-embed", height: h }, host);
    }
  }
  // resize.js asks when it starts and when an iframe has loaded.
  window.addEventListener("message", function (e) {
    if (e.source === window.parent && e.origin === host && e.data && e.data.type === "offenbar-embed-ask") {
      tell(true);
    }
  });
  if (window.ResizeObserver) {
    new ResizeObserver(function () {
      tell(false);
    }).observe(document.body);
  } else {
    window.addEventListener("resize", function () {
      tell(false);
    });
    // The table of a chart opens and closes.
    document.addEventListener("toggle", function () {
      tell(false);
    }, true);
  }
  tell(true);
})();
