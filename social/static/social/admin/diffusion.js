// The "Diffusion" panel: as the editor types a network's own text, ask the server how the
// network counts it and what would be posted (social/views.py count), and show both. The
// server counts exactly as posting does, so the two never disagree. Without this script the
// panel shows the figures of the last saved version.
(function () {
  "use strict";

  function csrfToken(form) {
    var input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function update(panel, fieldset) {
    var body = new FormData();
    body.append("network", fieldset.dataset.network);
    body.append("text", fieldset.querySelector("[data-diffusion-text]").value);
    body.append("page", panel.dataset.page || "");
    fetch(panel.dataset.countUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(panel.closest("form")) },
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (result) {
        if (!result) return;
        var count = fieldset.querySelector("[data-diffusion-count]");
        count.textContent = result.label;
        count.classList.toggle("diffusion__count--over", result.over);
        fieldset.querySelector("[data-diffusion-preview]").textContent = result.text;
      });
  }

  function watch(panel) {
    panel.querySelectorAll("[data-network]").forEach(function (fieldset) {
      var timer = null;
      fieldset.querySelector("[data-diffusion-text]").addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { update(panel, fieldset); }, 300);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-diffusion]").forEach(watch);
  });
})();
