// The live recipient count of the segment being edited: when its criteria change, ask the
// count view and show its answer. Without this script, the count shows after saving.
(function () {
  "use strict";
  var FIELDS = ["channel", "themes", "profiles", "neighbourhoods", "languages"];

  function start(holder) {
    var form = holder.closest("form");
    var output = holder.querySelector("output");
    var timer = null;
    if (!form || !output) return;

    function criteria() {
      var query = new URLSearchParams();
      new FormData(form).forEach(function (value, name) {
        if (FIELDS.indexOf(name) !== -1) query.append(name, value);
      });
      return query;
    }

    function refresh() {
      fetch(holder.dataset.segmentCount + "?" + criteria().toString(), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (answer) {
          if (answer) output.textContent = answer.text;
        })
        .catch(function () {});
    }

    form.addEventListener("change", function (event) {
      if (FIELDS.indexOf(event.target.name) === -1) return;
      clearTimeout(timer);
      timer = setTimeout(refresh, 300);
    });
  }

  function startAll() {
    document.querySelectorAll("[data-segment-count]").forEach(start);
  }

  // Wagtail loads a panel's scripts in the page's head, before the form exists.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startAll);
  } else {
    startAll();
  }
})();
