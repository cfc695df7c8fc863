// Suggestions under search fields (progressive enhancement: the form works without it).
// ARIA 1.2 combobox: arrows move, Enter opens the chosen page, Escape closes.
(function () {
  "use strict";
  document.querySelectorAll("input[data-autocomplete]").forEach(function (input, n) {
    var list = document.createElement("ul"), items = [], active = -1, timer, last = "";
    list.id = "suggestions-" + n;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.after(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    function close() {
      list.hidden = true; active = -1; last = "";
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function show(results) {
      list.textContent = ""; items = results; active = -1;
      results.forEach(function (r, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.textContent = r.title;
        var type = document.createElement("span");
        type.textContent = " – " + r.type;
        li.append(type);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); location.href = r.url; });
        list.append(li);
      });
      list.hidden = !results.length;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
    }
    function move(step) {
      if (list.hidden) return;
      active = (active + step + items.length) % items.length;
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", list.id + "-" + active);
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 3) { close(); return; }
      timer = setTimeout(function () {
        if (q === last) return;
        last = q;
        fetch(input.dataset.autocomplete + "?limit=5&locale=" + encodeURIComponent(input.dataset.locale) + "&q=" + encodeURIComponent(q))
          .then(function (r) { return r.ok ? r.json() : { results: [] }; })
          .then(function (data) { if (input.value.trim() === q) show(data.results); })
          .catch(close);
      }, 200);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
      else if (e.key === "Escape") { close(); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); location.href = items[active].url; }
    });
    input.addEventListener("blur", close);
  });
})();
