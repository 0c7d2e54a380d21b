/* Charts with Plotly's bundled JavaScript (served by the app, no CDN).  Data comes from
   <script type="application/json"> blocks, which the browser never executes. */
(function () {
  "use strict";
  if (!window.Plotly) return;
  var QUAD = {
    "1": { name: "Verbal cooperation", color: "#3b82f6" },
    "2": { name: "Material cooperation", color: "#10b981" },
    "3": { name: "Verbal conflict", color: "#f59e0b" },
    "4": { name: "Material conflict", color: "#ef4444" }
  };
  var FONT = { family: "Inter, system-ui, -apple-system, Segoe UI, Roboto, sans-serif", size: 12, color: "#334155" };
  var CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["lasso2d", "select2d"] };
  function base(extra) {
    var layout = {
      font: FONT, margin: { l: 48, r: 48, t: 16, b: 40 }, paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)", legend: { orientation: "h", y: -0.18 }, hovermode: "x unified",
      xaxis: { gridcolor: "#e2e8f0", linecolor: "#cbd5e1" }, yaxis: { gridcolor: "#e2e8f0", zeroline: false }
    };
    for (var k in extra) layout[k] = extra[k];
    return layout;
  }
  function data(el) {
    var src = document.getElementById(el.dataset.source);
    return src ? JSON.parse(src.textContent) : null;
  }

  var DAY = 86400000, PERIOD = { day: DAY, week: 7 * DAY, month: 31 * DAY };
  function padRange(dates, by) {
    var ms = dates.map(function (x) { return Date.parse(x); }), pad = PERIOD[by] || PERIOD.month;
    var lo = Math.min.apply(null, ms) - pad, hi = Math.max.apply(null, ms) + pad;
    return [new Date(lo).toISOString().slice(0, 10), new Date(hi).toISOString().slice(0, 10)];
  }

  function maxCount(d) {
    return Math.max.apply(null, d.periods.map(function (_, i) {
      return Object.keys(d.quads).reduce(function (sum, q) { return sum + (d.quads[q][i] || 0); }, 0);
    }).concat([0]));
  }
  function xaxis(periods, by) {
    var axis = { type: "date", gridcolor: "#e2e8f0", linecolor: "#cbd5e1", range: padRange(periods, by),
      tickformat: by === "month" ? "%b %Y" : "%b %d, %Y" };
    var span = (Date.parse(axis.range[1]) - Date.parse(axis.range[0])) / (PERIOD[by] || PERIOD.month);
    if (span <= 14) axis.dtick = by === "month" ? "M1" : PERIOD[by];
    return axis;
  }

  var draw = {
    timeline: function (el, d) {
      var width = 0.8 * (PERIOD[d.by] || PERIOD.day);
      var traces = Object.keys(QUAD).map(function (q) {
        return { type: "bar", name: QUAD[q].name, x: d.periods, y: d.quads[q], marker: { color: QUAD[q].color },
          width: d.periods.map(function () { return width; }), offset: 0 };
      });
      var middles = d.periods.map(function (x) { return new Date(Date.parse(x) + width / 2).toISOString(); });
      traces.push({ type: "scatter", mode: "lines+markers", name: "Mean Goldstein", x: middles, y: d.goldstein,
        yaxis: "y2", line: { color: "#0f172a", width: 2 }, marker: { size: 8, color: "#0f172a" } });
      Plotly.newPlot(el, traces, base({
        barmode: "stack",
        xaxis: xaxis(d.periods, d.by),
        yaxis: { title: { text: "events" }, gridcolor: "#e2e8f0", rangemode: "tozero", tickformat: "d",
          dtick: maxCount(d) <= 10 ? 1 : null },
        yaxis2: { title: { text: "mean Goldstein" }, overlaying: "y", side: "right", range: [-10.5, 10.5], dtick: 5,
          zeroline: true, zerolinecolor: "#94a3b8", showgrid: false }
      }), CONFIG);
    },
    events: function (el, rows) {
      if (!rows.length) { el.classList.add("empty"); return; }
      var traces = Object.keys(QUAD).map(function (q) {
        var mine = rows.filter(function (r) { return String(r.quad) === q; });
        return { type: "scatter", mode: "markers", name: QUAD[q].name, x: mine.map(function (r) { return r.date; }),
          y: mine.map(function (r) { return r.goldstein; }), marker: { color: QUAD[q].color, size: 10, opacity: 0.8 } };
      });
      Plotly.newPlot(el, traces, base({
        hovermode: "closest", xaxis: { type: "date", gridcolor: "#e2e8f0", range: padRange(rows.map(function (r) { return r.date; }), "month") },
        yaxis: { title: { text: "Goldstein" }, range: [-10.5, 10.5], zeroline: true, zerolinecolor: "#94a3b8", gridcolor: "#e2e8f0" }
      }), CONFIG);
    },
    network: function (el, d) {
      var nodes = d.nodes, centre = nodes[0], traces = [];
      nodes.slice(1).forEach(function (n) {
        var g = n.goldstein;
        var color = g === null ? "#94a3b8" : g > 0 ? "#10b981" : g < 0 ? "#ef4444" : "#64748b";
        traces.push({ type: "scatter", mode: "lines", x: [centre.x, n.x], y: [centre.y, n.y], hoverinfo: "skip",
          showlegend: false, line: { color: color, width: 1 + Math.min(8, n.events * 1.5) }, opacity: 0.6 });
      });
      var max = Math.max.apply(null, nodes.map(function (n) { return n.events; }).concat([1]));
      traces.push({ type: "scatter", mode: "markers+text", showlegend: false,
        x: nodes.map(function (n) { return n.x; }), y: nodes.map(function (n) { return n.y; }),
        text: nodes.map(function (n) { return n.code; }), textposition: "top center",
        customdata: nodes.map(function (n) { return [n.events, n.goldstein === null ? "—" : n.goldstein]; }),
        hovertemplate: "%{text}<br>%{customdata[0]} events<br>mean Goldstein %{customdata[1]}<extra></extra>",
        marker: { size: nodes.map(function (n, i) { return i === 0 ? 30 : 12 + 18 * n.events / max; }),
          color: nodes.map(function (n, i) { return i === 0 ? "#4f46e5" : "#e0e7ff"; }),
          line: { color: "#4f46e5", width: 2 } } });
      Plotly.newPlot(el, traces, base({
        hovermode: "closest", margin: { l: 10, r: 10, t: 20, b: 10 },
        xaxis: { visible: false, range: [-1.35, 1.35] }, yaxis: { visible: false, range: [-1.3, 1.35], scaleanchor: "x" }
      }), CONFIG);
      el.on("plotly_click", function (ev) {
        var p = ev.points && ev.points[0];
        if (p && p.text && p.pointIndex > 0) window.location.href = "/actors/" + encodeURIComponent(p.text);
      });
    }
  };

  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var d = data(el);
    if (d && draw[el.dataset.chart]) { draw[el.dataset.chart](el, d); el.classList.add("drawn"); }
  });
})();
