"""Generate ``src/tidings/data/world-110m.json``, the world outline the web UI's maps draw
(served at ``/static-vendor/world-110m.json``, behind the token like the other vendored assets).

Source: Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries (naturalearthdata.com; Natural
Earth is in the public domain: "No permission is needed to use Natural Earth"), as geopandas 0.14.4
ships it in its wheel on PyPI (``geopandas/datasets/naturalearth_lowres``: name, ISO A3 code and
polygons; Crimea drawn with Ukraine, as geopandas' own creation script does).  Only the wheel is
read, as a zip: neither geopandas nor a shapefile library is installed or imported; the shapefile
and its dBASE table are parsed here with the standard library.

The output is the plain equirectangular projection in tenths of a degree: x = (lon + 180) * 10,
y = (90 - lat) * 10, so the map's viewBox is 0 0 3600 1800.  Each country is one SVG path of its
rings, the first point absolute and the rest relative whole numbers (``M1234 567l12-5 3 4z``).

    python scripts/build_world_map.py                 # pip-downloads the wheel, rewrites the file
    python scripts/build_world_map.py --wheel W.whl   # from a wheel already on disk
    python scripts/build_world_map.py --check         # exit 1 when the file is out of date
"""

from __future__ import annotations

import argparse
import json
import struct
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "tidings" / "data" / "world-110m.json"
WHEEL = "geopandas==0.14.4"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
SCALE = 10  # units per degree
# Natural Earth gives no ISO code where ISO has none; the places gazetteer (GeoNames) uses these
ISO3_FOR = {"Kosovo": "XKX"}
SOURCE = ("Natural Earth 1:110m Admin 0 - Countries (public domain, naturalearthdata.com), from the "
          f"geopandas {WHEEL.split('==')[1]} wheel's datasets/naturalearth_lowres; made by scripts/build_world_map.py")

Ring = list[tuple[float, float]]


@dataclass
class Country:
    iso3: str
    name: str
    continent: str
    rings: list[Ring]


def read_shapes(shp: bytes) -> list[list[Ring]]:
    """Every record of a polygon shapefile (shape type 5) as its rings of (lon, lat)."""
    code, = struct.unpack(">i", shp[:4])
    if code != 9994:
        raise ValueError("not a shapefile")
    out: list[list[Ring]] = []
    pos = 100
    while pos < len(shp):
        _, words = struct.unpack(">2i", shp[pos:pos + 8])
        body = shp[pos + 8:pos + 8 + 2 * words]
        pos += 8 + 2 * words
        kind, = struct.unpack("<i", body[:4])
        if kind == 0:  # a null shape
            out.append([])
            continue
        if kind != 5:
            raise ValueError(f"shape type {kind} is not a polygon")
        n_parts, n_points = struct.unpack("<2i", body[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", body[44:44 + 4 * n_parts]))
        start = 44 + 4 * n_parts
        flat = struct.unpack(f"<{2 * n_points}d", body[start:start + 16 * n_points])
        points = list(zip(flat[0::2], flat[1::2]))
        ends = parts[1:] + [n_points]
        out.append([points[a:b] for a, b in zip(parts, ends)])
    return out


def read_table(dbf: bytes, encoding: str) -> list[dict[str, str]]:
    """A dBASE III table's records as text fields (stripped)."""
    n_records, header_len, record_len = struct.unpack("<IHH", dbf[4:12])
    fields: list[tuple[str, int]] = []
    pos = 32
    while dbf[pos] != 0x0D:
        name = dbf[pos:pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, dbf[pos + 16]))
        pos += 32
    rows: list[dict[str, str]] = []
    for i in range(n_records):
        rec = dbf[header_len + i * record_len:header_len + (i + 1) * record_len]
        at = 1  # the deletion flag
        row: dict[str, str] = {}
        for name, width in fields:
            row[name.lower()] = rec[at:at + width].decode(encoding).strip()
            at += width
        if rec[:1] != b"*":
            rows.append(row)
    return rows


def countries(wheel: Path) -> list[Country]:
    with zipfile.ZipFile(wheel) as z:
        shp = z.read(MEMBER + ".shp")
        dbf = z.read(MEMBER + ".dbf")
        encoding = z.read(MEMBER + ".cpg").decode("ascii").strip() or "latin-1"
    shapes = read_shapes(shp)
    table = read_table(dbf, encoding)
    if len(shapes) != len(table):
        raise ValueError(f"{len(shapes)} shapes but {len(table)} table rows")
    return [Country(row["iso_a3"], row["name"], row["continent"], rings) for row, rings in zip(table, shapes)]


def path_of(rings: list[Ring]) -> str:
    """The rings as one SVG path in whole tenths of a degree; points that round onto the one before are dropped."""
    parts: list[str] = []
    for ring in rings:
        pts: list[tuple[int, int]] = []
        for lon, lat in ring:
            p = (round((lon + 180) * SCALE), round((90 - lat) * SCALE))
            if not pts or p != pts[-1]:
                pts.append(p)
        if len(pts) > 1 and pts[0] == pts[-1]:
            pts.pop()  # z closes the ring
        if len(pts) < 3:
            continue
        text = f"M{pts[0][0]} {pts[0][1]}l"
        steps = []
        for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
            dx, dy = x1 - x0, y1 - y0
            steps.append(f"{dx}" + (f"{dy}" if dy < 0 else f" {dy}"))
        parts.append(text + " ".join(steps).replace(" -", "-") + "z")
    return "".join(parts)


def build(wheel: Path) -> str:
    rows = []
    for c in sorted(countries(wheel), key=lambda c: (c.iso3, c.name)):
        d = path_of(c.rings)
        if d:
            iso3 = c.iso3 if c.iso3 != "-99" else ISO3_FOR.get(c.name)
            rows.append({"iso3": iso3, "name": c.name, "d": d})
    doc = {"source": SOURCE, "license": "public domain", "projection": "equirectangular",
           "scale": SCALE, "width": 360 * SCALE, "height": 180 * SCALE, "countries": rows}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"


def fetch_wheel(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", WHEEL, "--no-deps", "--only-binary", ":all:",
                    "-d", str(folder), "-q"], check=True)
    found = sorted(folder.glob("geopandas-*.whl"))
    if not found:
        raise SystemExit(f"pip download {WHEEL} left no wheel in {folder}")
    return found[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, help="the geopandas 0.14.4 wheel (default: pip download it)")
    ap.add_argument("--check", action="store_true", help="exit 1 when the file differs from a fresh build")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        text = build(args.wheel or fetch_wheel(Path(tmp)))
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT} is {'up to date' if same else 'out of date'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text.encode()):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
