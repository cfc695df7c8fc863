// The accessibility warnings panel follows the page editor's form: a moment after each edit
// (typing or a change anywhere in the form, Draftail's editors included, and Wagtail's
// unsaved-changes events, which only mark the first edit and the return to what was
// saved), the form is sent, unsaved, to the warnings view and the panel shows its answer;
// an unchanged form is not sent again. Without this script, the panel shows the saved
// draft's.
(function () {
  "use strict";
  var DELAY_MS = 400;
  var IGNORED = ["loaded_revision_id", "loaded_revision_created_at", "next"];

  function start(panel) {
    var form = panel.closest("form");
    var url = panel.dataset.accessibilityWarningsUrl;
    var timer = null;
    var sent = null;
    if (!form || !url) return;

    function formData() {
      var data = new FormData(form);
      IGNORED.forEach(function (name) {
        data.delete(name);
      });
      // Uploads stay out: the checks read the page's text and the chosen images and files.
      Array.from(data.keys()).forEach(function (name) {
        if (data.get(name) instanceof File) data.delete(name);
      });
      return data;
    }

    function refresh() {
      var data = formData();
      var key = new URLSearchParams(data).toString();
      if (key === sent) return;
      sent = key;
      fetch(url, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (response) {
          return response.status === 200 ? response.text() : null;
        })
        .then(function (html) {
          // Unchanged warnings are not announced again to screen readers.
          if (html !== null && html.trim() !== panel.innerHTML.trim()) panel.innerHTML = html;
        })
        .catch(function () {
          sent = null;
        });
    }

    function later() {
      clearTimeout(timer);
      timer = setTimeout(refresh, DELAY_MS);
    }

    ["input", "change", "w-unsaved:add", "w-unsaved:clear"].forEach(function (type) {
      form.addEventListener(type, later);
    });
  }

  function startAll() {
    document.querySelectorAll("[data-accessibility-warnings-url]").forEach(start);
  }

  // Wagtail loads a panel's scripts in the page's head, before the form exists.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startAll);
  } else {
    startAll();
  }
})();
