// The SMS counter beside the text of an SMS being written: encoding, characters, segments,
// recipients of the chosen segment, segments billed and estimated cost, as the editor types.
// It counts exactly as connectors/sms/encoding.py's analyse() does, with the tables the
// server puts in data-sms-counter (newsletters/sms_counter.py). Without this script, the
// "Prévisualiser" button shows the same figures computed by the server.
(function (root) {
  "use strict";

  function tablesFrom(raw) {
    return {
      basic: new Set(Array.from(raw.basic)),
      extension: new Set(Array.from(raw.extension)),
      gsm: raw.gsm,
      ucs: raw.ucs,
      capacity: raw.capacity,
      extenders: raw.extenders,
      joiner: raw.joiner,
      flags: raw.flags,
      spaces: new Set(Array.from(raw.spaces)),
      mention: raw.mention,
      maxSegments: raw.maxSegments,
      priceMicro: raw.priceMicro,
      thousands: raw.thousands,
      decimal: raw.decimal,
    };
  }

  // Python's str.strip(): the characters str.isspace() knows, at both ends.
  function strip(text, tables) {
    var chars = Array.from(text);
    var start = 0;
    var end = chars.length;
    while (start < end && tables.spaces.has(chars[start])) start++;
    while (end > start && tables.spaces.has(chars[end - 1])) end--;
    return chars.slice(start, end).join("");
  }

  // newsletters/sms_text.py's outgoing_text(), composed accents included (NFC).
  function outgoingText(text, urgent, tables) {
    var body = strip(text.replace(/\r\n/g, "\n"), tables).normalize("NFC");
    if (urgent || !tables.mention) return body;
    return body + "\n" + strip(tables.mention, tables).normalize("NFC");
  }

  function inRanges(code, ranges) {
    var low = 0;
    var high = ranges.length - 1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (code < ranges[middle][0]) high = middle - 1;
      else if (code > ranges[middle][1]) low = middle + 1;
      else return true;
    }
    return false;
  }

  // encoding.visible_characters().
  function visibleCharacters(chars, tables) {
    var count = 0;
    var joined = false;
    var pendingFlag = false;
    chars.forEach(function (char) {
      var code = char.codePointAt(0);
      if (code === tables.joiner) {
        joined = true;
        return;
      }
      var flag = code >= tables.flags[0] && code <= tables.flags[1];
      var extending = joined || inRanges(code, tables.extenders) || (flag && pendingFlag);
      pendingFlag = flag && !pendingFlag;
      joined = false;
      if (!extending) count++;
    });
    return count;
  }

  // encoding.segments(): a character that does not fit whole starts the next part.
  function segmentCount(costs, single, perPart) {
    var total = costs.reduce(function (sum, cost) { return sum + cost; }, 0);
    if (total <= single) return total ? 1 : 0;
    var parts = 1;
    var used = 0;
    costs.forEach(function (cost) {
      if (used + cost > perPart) {
        parts++;
        used = 0;
      }
      used += cost;
    });
    return parts;
  }

  // encoding.analyse().
  function analyse(text, tables) {
    var chars = Array.from(text);
    var gsm = chars.every(function (char) {
      return tables.basic.has(char) || tables.extension.has(char);
    });
    var encoding = gsm ? tables.gsm : tables.ucs;
    var costs = chars.map(function (char) {
      if (gsm) return tables.extension.has(char) ? 2 : 1;
      return char.codePointAt(0) > 0xffff ? 2 : 1;
    });
    var single = tables.capacity[encoding][0];
    var perPart = tables.capacity[encoding][1];
    var units = costs.reduce(function (sum, cost) { return sum + cost; }, 0);
    return {
      encoding: encoding,
      characters: visibleCharacters(chars, tables),
      units: units,
      segments: segmentCount(costs, single, perPart),
      per_segment: units <= single ? single : perPart,
    };
  }

  function grouped(number, tables) {
    return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, tables.thousands);
  }

  // Segments times the price in millionths of a euro, rounded half up to the cent as
  // newsletters/stats.py's sms_cost() does.
  function euros(segments, tables) {
    var cents = Math.floor((segments * tables.priceMicro + 5000) / 10000);
    var rest = String(cents % 100).padStart(2, "0");
    return grouped(Math.floor(cents / 100), tables) + tables.decimal + rest + "\u00a0€";
  }

  // The figures as the server's Figures.shown() writes them.
  function figures(text, urgent, recipients, tables) {
    var outgoing = outgoingText(text, urgent, tables);
    var stats = analyse(outgoing, tables);
    var total = recipients === null ? null : recipients * stats.segments;
    return {
      outgoing: outgoing,
      tooLong: stats.segments > tables.maxSegments,
      shown: {
        encoding: stats.encoding,
        characters: grouped(stats.characters, tables),
        units: grouped(stats.units, tables),
        segments: grouped(stats.segments, tables),
        per_segment: grouped(stats.per_segment, tables),
        recipients: recipients === null ? "—" : grouped(recipients, tables),
        total: total === null ? "—" : grouped(total, tables),
        cost: total === null ? "—" : euros(total, tables),
      },
    };
  }

  function start(holder) {
    var form = holder.closest("form");
    if (!form || !form.elements.text) return;
    var tables = tablesFrom(JSON.parse(holder.dataset.smsCounter));
    var text = form.elements.text;
    var urgent = form.elements.urgent;
    var segment = form.elements.segment;
    var announce = holder.querySelector("[data-sms-announce]");
    var recipients = holder.dataset.recipients === "" ? null : Number(holder.dataset.recipients);
    var announceTimer = null;

    function show(name, value) {
      holder.querySelectorAll('[data-figure="' + name + '"]').forEach(function (element) {
        element.textContent = value;
      });
    }

    // Screen readers hear the figures once the editor pauses, not at every key.
    function announceLater() {
      clearTimeout(announceTimer);
      announceTimer = setTimeout(function () {
        var parts = [];
        holder.querySelectorAll("[data-announced]").forEach(function (row) {
          var term = row.querySelector("dt");
          var value = row.querySelector("dd");
          parts.push(term.textContent.trim() + " : " + value.textContent.trim());
        });
        announce.textContent = parts.join(". ") + ".";
      }, 1200);
    }

    function refresh() {
      var result = figures(text.value, Boolean(urgent && urgent.checked), recipients, tables);
      Object.keys(result.shown).forEach(function (name) {
        show(name, result.shown[name]);
      });
      holder.querySelector("[data-sms-outgoing]").textContent = result.outgoing;
      holder.querySelector("[data-sms-too-long]").hidden = !result.tooLong;
      holder.querySelector("[data-sms-ucs]").hidden = result.shown.encoding === tables.gsm;
    }

    function update() {
      refresh();
      announceLater();
    }

    function fetchRecipients() {
      if (!segment || !segment.value) {
        recipients = null;
        update();
        return;
      }
      var query = new URLSearchParams({ segment: segment.value });
      fetch(holder.dataset.recipientsUrl + "?" + query.toString(), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (answer) {
          recipients = answer ? answer.count : null;
          update();
        })
        .catch(function () {});
    }

    text.addEventListener("input", update);
    if (urgent) urgent.addEventListener("change", update);
    if (segment) segment.addEventListener("change", fetchRecipients);
    refresh(); // the server's figures, silently: nothing changed yet
  }

  var api = { tablesFrom: tablesFrom, analyse: analyse, outgoingText: outgoingText, figures: figures };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api; // for the tests, which compare it with the server's counter
  } else {
    // Wagtail loads the panels' scripts at the top of the body, before the form.
    var startAll = function () {
      root.document.querySelectorAll("[data-sms-counter]").forEach(start);
    };
    if (root.document.readyState === "loading") {
      root.document.addEventListener("DOMContentLoaded", startAll);
    } else {
      startAll();
    }
  }
})(this);
