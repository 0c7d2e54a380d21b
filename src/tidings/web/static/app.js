/* tidings UI: highlight-layer toggles, list <-> text linking, score bars.  No inline script needed. */
(function () {
  "use strict";
  var text = document.getElementById("article-text");

  document.querySelectorAll("input[data-layer]").forEach(function (box) {
    var apply = function () { if (text) text.classList.toggle("hide-" + box.dataset.layer, !box.checked); };
    box.addEventListener("change", apply);
    apply();
  });

  document.querySelectorAll(".score-fill[data-width]").forEach(function (el) {
    el.style.width = Math.max(0, Math.min(100, Number(el.dataset.width) || 0)) + "%";
  });

  var attr = { q: "data-q", ev: "data-ev", sig: "data-sig" };
  function segmentsFor(item) {
    var name = attr[item.dataset.link];
    if (!text || !name) return [];
    var ids = (item.dataset.ids || "").trim().split(/\s+/).filter(Boolean);
    var out = [];
    text.querySelectorAll("[" + name + "]").forEach(function (seg) {
      var mine = seg.getAttribute(name).split(" ");
      if (ids.some(function (i) { return mine.indexOf(i) >= 0; })) out.push(seg);
    });
    return out;
  }
  function setFocus(item, on) {
    segmentsFor(item).forEach(function (seg) { seg.classList.toggle("focus", on); });
    item.classList.toggle("focus", on);
  }
  document.querySelectorAll(".linkable").forEach(function (item) {
    item.addEventListener("mouseenter", function () { setFocus(item, true); });
    item.addEventListener("mouseleave", function () { setFocus(item, false); });
    item.addEventListener("click", function (ev) {
      var segs = segmentsFor(item);
      if (!segs.length) return;
      if (ev.target.closest("a") && ev.target.closest("a").getAttribute("href").charAt(0) !== "#") return;
      ev.preventDefault();
      segs[0].scrollIntoView({ behavior: "smooth", block: "center" });
      segs.forEach(function (seg) {
        seg.classList.remove("flash");
        void seg.offsetWidth;
        seg.classList.add("flash");
      });
    });
  });
})();
