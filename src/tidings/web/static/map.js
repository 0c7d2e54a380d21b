/* Maps of located events, drawn as SVG by this file alone: no tiles, no CDN, no inline script or style.
   The outline is /static-vendor/world-110m.json (Natural Earth 1:110m countries, public domain; scripts/build_world_map.py),
   in tenths of a degree on a plain equirectangular grid: x = (lon + 180) * 10, y = (90 - lat) * 10.
   A map is <div data-map data-outline="..."> with its points either at data-points (a JSON endpoint such as
   /api/events/points?<filters>) or in the <script type="application/json"> named by data-source.
   Each point is an SVG link to its evidence, coloured by quad class (CSS .quad-N), sized by mentions,
   with a <title> and an aria-label; the summary element names how many events have a place. */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var W = 3600, H = 1800, WORLD = [0, 60, 3600, 1440]; // the world without Antarctica's empty south
  var outlines = {};

  function make(tag, attrs, parent) {
    var el = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(el);
    return el;
  }
  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error((body && (body.detail || body.title)) || ("HTTP " + r.status));
        return body;
      });
    });
  }
  function outline(url) {
    if (!outlines[url]) outlines[url] = getJSON(url);
    return outlines[url];
  }
  function project(lat, lon) { return [(lon + 180) * 10, (90 - lat) * 10]; }
  function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }

  // the box around the points (some room around them, at least 50 x 25 degrees), in the map's own shape
  function fit(points, aspect) {
    var box;
    if (!points.length) {
      box = WORLD.slice();
    } else {
      var xs = points.map(function (p) { return p.x; }), ys = points.map(function (p) { return p.y; });
      var x0 = Math.min.apply(null, xs) - 120, x1 = Math.max.apply(null, xs) + 120;
      var y0 = Math.min.apply(null, ys) - 100, y1 = Math.max.apply(null, ys) + 100;
      box = [x0, y0, Math.max(x1 - x0, 500), Math.max(y1 - y0, 250)];
      box[0] = (x0 + x1 - box[2]) / 2; box[1] = (y0 + y1 - box[3]) / 2;
    }
    var w = box[2], h = box[3];
    if (w / h > aspect) h = w / aspect; else w = h * aspect;
    if (w > W) { w = W; h = W / aspect; }
    if (h > H) { h = H; w = H * aspect; }
    var cx = box[0] + box[2] / 2, cy = box[1] + box[3] / 2;
    return [clamp(cx - w / 2, 0, W - w), clamp(cy - h / 2, 0, H - h), w, h];
  }
  function radius(p) { return Math.min(16, 4 + 2.5 * Math.sqrt(Math.max(0, (p.mentions || 1) - 1))); }

  function EventMap(el) {
    this.el = el;
    this.summary = document.getElementById(el.id + "-summary");
    this.world = false;
  }
  EventMap.prototype.say = function (text) { if (this.summary) this.summary.textContent = text; };
  EventMap.prototype.load = function () {
    var self = this, el = this.el, points;
    if (el.dataset.points) {
      points = getJSON(el.dataset.points);
    } else {
      var src = document.getElementById(el.dataset.source || "");
      points = Promise.resolve(src ? JSON.parse(src.textContent) : { points: [], located: 0, unlocated: 0 });
    }
    return Promise.all([outline(el.dataset.outline), points]).then(function (got) {
      self.outline = got[0];
      self.data = got[1];
      self.points = (self.data.points || []).map(function (p) {
        var xy = project(p.lat, p.lon);
        return { p: p, x: xy[0], y: xy[1], r: radius(p) };
      }).sort(function (a, b) { return b.r - a.r; }); // the big ones first, so the small stay clickable
      self.places = (self.data.places || []).map(function (p) {
        var xy = project(p.lat, p.lon);
        return { p: p, x: xy[0], y: xy[1] };
      });
      self.say(self.data.summary || (self.data.located + " events located, " + self.data.unlocated + " without a place"));
      self.build();
    }).catch(function (err) {
      el.classList.add("failed");
      self.say("The map could not be drawn: " + err.message);
    });
  };
  EventMap.prototype.build = function () {
    var el = this.el, self = this;
    el.textContent = "";
    var svg = make("svg", { "class": "map-svg", role: "group", "aria-label": el.dataset.label || "Map" }, el);
    if (this.summary) svg.setAttribute("aria-describedby", this.summary.id);
    make("rect", { "class": "map-sea", x: 0, y: 0, width: W, height: H }, svg);
    var land = make("g", { "class": "map-land", "aria-hidden": "true" }, svg);
    this.outline.countries.forEach(function (c) {
      var path = make("path", { d: c.d, "class": "map-country" }, land);
      if (c.iso3) path.setAttribute("data-iso3", c.iso3);
    });
    this.placeLayer = make("g", { "class": "map-places" }, svg);
    this.pointLayer = make("g", { "class": "map-points" }, svg);
    this.svg = svg;
    if (this.points.length) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "map-zoom";
      button.setAttribute("aria-pressed", "false");
      button.textContent = "Whole world";
      button.addEventListener("click", function () {
        self.world = !self.world;
        button.setAttribute("aria-pressed", String(self.world));
        button.textContent = self.world ? "Zoom to events" : "Whole world";
        self.draw();
      });
      el.appendChild(button);
    }
    this.draw();
    el.classList.add("drawn");
  };
  EventMap.prototype.draw = function () {
    var el = this.el, width = el.clientWidth || 600, height = el.clientHeight || 300;
    var all = this.points.concat(this.places);
    var box = this.world ? fit([], width / height) : fit(all, width / height);
    this.svg.setAttribute("viewBox", box.join(" "));
    var unit = box[2] / width; // map units per screen pixel
    this.svg.classList.toggle("zoomed", box[2] < W * 0.6);

    // events at one spot spread round it, so each stays a link of its own
    var groups = {};
    this.points.forEach(function (q) {
      var key = Math.round(q.x / (unit * 3)) + "," + Math.round(q.y / (unit * 3));
      (groups[key] = groups[key] || []).push(q);
    });
    Object.keys(groups).forEach(function (key) {
      var g = groups[key];
      var big = Math.max.apply(null, g.map(function (q) { return q.r; }));
      var ring = g.length > 1 ? Math.max(big + 1, g.length * (big + 1) / Math.PI) : 0;
      g.forEach(function (q, i) {
        var a = 2 * Math.PI * i / g.length - Math.PI / 2;
        q.sx = q.x + ring * unit * Math.cos(a);
        q.sy = q.y + ring * unit * Math.sin(a);
      });
    });

    var layer = this.pointLayer;
    layer.textContent = "";
    this.points.forEach(function (q) {
      var p = q.p;
      var link = make("a", { href: p.href, "class": "map-point quad-" + (p.quad_class || 0), "aria-label": p.title,
        "data-id": String(p.id) }, layer);
      make("title", {}, link).textContent = p.title;
      make("circle", { cx: q.sx.toFixed(2), cy: q.sy.toFixed(2), r: (q.r * unit).toFixed(2) }, link);
    });
    var places = this.placeLayer;
    places.textContent = "";
    this.places.forEach(function (q) {
      var g = make("g", { "class": "map-place", role: "img", "aria-label": q.p.title }, places);
      make("title", {}, g).textContent = q.p.title;
      make("circle", { cx: q.x.toFixed(2), cy: q.y.toFixed(2), r: (2.5 * unit).toFixed(2) }, g);
    });
  };

  var maps = [];
  document.querySelectorAll("[data-map]").forEach(function (el) {
    var m = new EventMap(el);
    maps.push(m);
    m.load();
  });
  var pending = null;
  window.addEventListener("resize", function () {
    if (pending) clearTimeout(pending);
    pending = setTimeout(function () {
      maps.forEach(function (m) { if (m.svg) m.draw(); });
    }, 150);
  });
})();
