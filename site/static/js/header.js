// Header enhancements, optional: the page works without them.
// Display settings (text size, contrast, line spacing) kept in this browser only: nothing
// is sent to the server. The panel stays hidden without JavaScript, which applies them.
(function () {
  "use strict";
  var KEY = "commune-display", root = document.documentElement, saved = {};
  var panel = document.querySelector(".display-settings");
  if (!panel) return;
  try { saved = JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { saved = {}; }
  function apply(radio) {
    if (radio.value === "normal") root.removeAttribute("data-" + radio.name);
    else root.setAttribute("data-" + radio.name, radio.value);
  }
  // Only values the form offers: a stored one may be stale.
  panel.querySelectorAll("input").forEach(function (radio) {
    if (radio.value === saved[radio.name]) radio.checked = true;
  });
  panel.querySelectorAll("input:checked").forEach(apply);
  panel.addEventListener("change", function (e) {
    saved[e.target.name] = e.target.value;
    apply(e.target);
    try { localStorage.setItem(KEY, JSON.stringify(saved)); } catch (err) { /* this page only */ }
  });
  panel.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); });
  // An open panel floats over the menu: it closes when the focus leaves it (a click on its
  // text focuses its form, tabindex=-1, so stays inside) and on Escape (RGAA 10.7).
  panel.addEventListener("focusout", function (e) {
    if (!panel.contains(e.relatedTarget)) panel.open = false;
  });
  panel.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && panel.open) {
      panel.open = false;
      panel.querySelector("summary").focus();
    }
  });
  panel.hidden = false;
})();
// Main menu: open in the HTML, so that wide screens show it in every browser, with or without
// JavaScript; small screens start with it closed behind its « Menu » button.
(function () {
  "use strict";
  var menu = document.querySelector(".menu-disclosure");
  if (!menu || !window.matchMedia) return;
  var wide = window.matchMedia("(min-width: 48em)");
  function fit() { menu.open = wide.matches; }
  fit();
  wide.addEventListener("change", fit);
})();
