// Search suggestions, optional: an ARIA 1.2 combobox; base.html's live region says how
// many. ARIA reflection (el.role…) keeps it small.
(function () {
  "use strict";
  var status = document.getElementById("suggestions-status");
  if (!status) return;
  var say = status.dataset;
  document.querySelectorAll("input[data-autocomplete]").forEach(function (input, n) {
    var list = document.createElement("ul"), items = [], active = -1, timer, last = "";
    list.id = "suggestions-" + n;
    list.className = "suggestions";
    list.role = "listbox";
    list.ariaLabel = say.label;
    input.after(list);
    input.role = "combobox";
    input.ariaAutoComplete = "list";
    input.setAttribute("aria-controls", list.id);
    function show(results) {
      list.replaceChildren(); items = results; active = -1;
      results.forEach(function (r, i) {
        var li = document.createElement("li"), type = document.createElement("span");
        li.id = list.id + "-" + i;
        li.role = "option";
        li.ariaSelected = "false";
        type.textContent = " – " + r.type;
        li.append(r.title, type);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); location.href = r.url; });
        list.append(li);
      });
      list.hidden = !results.length;
      input.ariaExpanded = String(!list.hidden);
      input.removeAttribute("aria-activedescendant");
    }
    function close() { show([]); last = ""; status.textContent = ""; }
    function move(step) {
      if (list.hidden) return;
      active = (active + step + items.length) % items.length;
      [].forEach.call(list.children, function (li, i) { li.ariaSelected = String(i === active); });
      input.setAttribute("aria-activedescendant", list.id + "-" + active);
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 3) { close(); return; }
      timer = setTimeout(function () {
        if (q === last) return;
        last = q;
        fetch(input.dataset.autocomplete + "?" + new URLSearchParams({ limit: 5, locale: input.dataset.locale, q: q }))
          .then(function (r) { return r.json(); })
          .then(function (data) {
            var count = data.results.length;
            if (input.value.trim() !== q) return;
            show(data.results);
            status.textContent = count > 1 ? say.many.replace("{n}", count) : count ? say.one : say.none;
          })
          .catch(close);
      }, 200);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
      // Escape empties a search box: only once the list is closed.
      else if (e.key === "Escape" && !list.hidden) { e.preventDefault(); close(); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); location.href = items[active].url; }
    });
    input.addEventListener("blur", close);
    close();
  });
})();
