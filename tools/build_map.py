#!/usr/bin/env python3
"""Rebuild assets/map/borders.ron from Natural Earth data (world-atlas TopoJSON).

Natural Earth is public domain; the `world-atlas` npm package (ISC) repackages
its 1:50m admin-0 countries as TopoJSON. Get it and run this script:

    npm pack world-atlas@2.0.2            # -> world-atlas-2.0.2.tgz
    tar xzf world-atlas-2.0.2.tgz         # -> package/
    python3 tools/build_map.py package/countries-50m.json > assets/map/borders.ron

Standard library only. The output is deterministic: the same input gives the
same bytes, so a rebuild can be checked with `git diff --exit-code`.

What it does:
  1. decodes the TopoJSON arcs (quantized, delta-encoded, with a transform);
  2. simplifies every arc once with Douglas-Peucker, so that borders shared by
     two countries stay identical after simplification (tighter tolerance for
     the playable region, looser for the context countries);
  3. assembles each country's rings from its arcs, clips them to the view box
     (Sutherland-Hodgman), rounds to 2 decimals, drops specks;
  4. takes the Caspian Sea from the holes of the merged `land` object;
  5. writes RON: `(source, command, bbox, countries: [...], water: [...])`.
"""

import json
import math
import os
import sys

# Clip box: lon_min, lat_min, lon_max, lat_max. Wide enough for the Eurasia
# zoom at any terminal aspect, small enough to leave Siberia's Arctic coast
# and most of Africa and the Indian Ocean out.
BBOX = (-12.0, 12.0, 136.0, 68.0)

# Douglas-Peucker tolerances, in degrees.
TOL_FOCUS = 0.03
TOL_MAIN = 0.06
TOL_CONTEXT = 0.14

# Rings (islands) smaller than this, in square degrees, are dropped, except a
# country's largest ring.
MIN_RING_AREA = {"focus": 0.005, "main": 0.06, "context": 0.25}

FOCUS = {
    "kazakhstan", "uzbekistan", "kyrgyzstan", "tajikistan", "turkmenistan",
    "afghanistan", "azerbaijan", "georgia", "armenia",
}
MAIN = {
    "iran", "turkey", "russia", "china", "mongolia", "ukraine", "belarus",
    "moldova", "romania", "bulgaria", "greece", "poland", "germany",
    "belgium", "netherlands", "france", "austria", "czechia", "slovakia",
    "hungary", "serbia", "estonia", "latvia", "lithuania", "pakistan",
    "india", "luxembourg", "syria", "iraq",
}
EU_MEMBERS = {
    "austria", "belgium", "bulgaria", "croatia", "cyprus", "czechia",
    "denmark", "estonia", "finland", "france", "germany", "greece",
    "hungary", "ireland", "italy", "latvia", "lithuania", "luxembourg",
    "malta", "netherlands", "poland", "portugal", "romania", "slovakia",
    "slovenia", "spain", "sweden",
}
# Natural Earth's abbreviated names -> (id, display name).
RENAME = {
    "Bosnia and Herz.": ("bosnia_and_herzegovina", "Bosnia and Herzegovina"),
    "Macedonia": ("north_macedonia", "North Macedonia"),
    "N. Cyprus": ("northern_cyprus", "Northern Cyprus"),
    "Dem. Rep. Korea": ("north_korea", "North Korea"),
    "W. Sahara": ("western_sahara", "Western Sahara"),
    "United Kingdom": ("united_kingdom", "United Kingdom"),
    "Siachen Glacier": ("siachen_glacier", "Siachen Glacier"),
}
SKIP = {"Åland", "Faeroe Is.", "Guernsey", "Jersey", "Isle of Man", "Gibraltar"}


def slug(name):
    out = []
    for ch in name.lower():
        out.append(ch if ch.isalnum() else "_")
    s = "".join(out)
    while "__" in s:
        s = s.replace("__", "_")
    return s.strip("_")


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def perp_dist(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return math.hypot(px - ax, py - ay)
    t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)
    t = max(0.0, min(1.0, t))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def douglas_peucker(pts, tol):
    if len(pts) < 3:
        return list(pts)
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        best, idx = -1.0, -1
        for k in range(i + 1, j):
            d = perp_dist(pts[k], pts[i], pts[j])
            if d > best:
                best, idx = d, k
        if idx >= 0 and best > tol:
            keep[idx] = True
            stack.append((i, idx))
            stack.append((idx, j))
    return [p for p, k in zip(pts, keep) if k]


def ring_from_arcs(ring, arcs):
    pts = []
    for i in ring:
        a = arcs[~i][::-1] if i < 0 else arcs[i]
        # consecutive arcs share their joining point
        pts.extend(a if not pts else a[1:])
    return pts


def unwrap(pts):
    """Removes the jumps of 360 degrees where a ring crosses the antimeridian
    (Russia's Chukotka), so that clipping does not draw a line across Asia."""
    out = []
    shift = 0.0
    for k, (x, y) in enumerate(pts):
        if k:
            step = x + shift - out[-1][0]
            if step > 180.0:
                shift -= 360.0
            elif step < -180.0:
                shift += 360.0
        out.append((x + shift, y))
    return out


def clip_ring(pts, bbox):
    """Sutherland-Hodgman clip of a closed ring against an axis-aligned box."""
    x0, y0, x1, y1 = bbox

    def clip(points, inside, intersect):
        out = []
        n = len(points)
        for k in range(n):
            cur, prev = points[k], points[k - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(intersect(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(intersect(prev, cur))
        return out

    def at_x(x):
        return lambda p, q: (x, p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0]))

    def at_y(y):
        return lambda p, q: (p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]), y)

    if pts and pts[0] == pts[-1]:
        pts = pts[:-1]
    pts = clip(pts, lambda p: p[0] >= x0, at_x(x0))
    pts = clip(pts, lambda p: p[0] <= x1, at_x(x1))
    pts = clip(pts, lambda p: p[1] >= y0, at_y(y0))
    pts = clip(pts, lambda p: p[1] <= y1, at_y(y1))
    return pts


def round_ring(pts):
    out = []
    for x, y in pts:
        p = (round(x, 2) + 0.0, round(y, 2) + 0.0)  # + 0.0 turns -0.0 into 0.0
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def area(pts):
    s = 0.0
    for k in range(len(pts)):
        x1, y1 = pts[k - 1]
        x2, y2 = pts[k]
        s += x1 * y2 - x2 * y1
    return abs(s) / 2.0


def bbox_of_arcs(rings, arcs):
    xs, ys = [], []
    for ring in rings:
        for i in ring:
            for x, y in arcs[~i if i < 0 else i]:
                xs.append(x)
                ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def intersects(b, box):
    return not (b[2] < box[0] or b[0] > box[2] or b[3] < box[1] or b[1] > box[3])


def fmt_num(v):
    s = f"{v:.2f}".rstrip("0")
    return s + "0" if s.endswith(".") else s


def fmt_ring(ring, indent):
    items = [f"({fmt_num(x)},{fmt_num(y)})" for x, y in ring]
    lines, cur = [], ""
    for it in items:
        if cur and len(cur) + len(it) + 1 > 100 - len(indent):
            lines.append(cur)
            cur = ""
        cur += it + ","
    if cur:
        lines.append(cur)
    return "\n".join(indent + line for line in lines)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: build_map.py path/to/world-atlas/countries-50m.json\n")
        return 2
    src = argv[1]
    with open(src, encoding="utf-8") as f:
        topo = json.load(f)
    version = "?"
    pkg = os.path.join(os.path.dirname(os.path.abspath(src)), "package.json")
    if os.path.exists(pkg):
        with open(pkg, encoding="utf-8") as f:
            version = json.load(f).get("version", "?")
    arcs = decode_arcs(topo)

    # Pick the countries, then the tightest tolerance for every arc.
    picked = []
    for g in topo["objects"]["countries"]["geometries"]:
        name = g.get("properties", {}).get("name")
        if not name or name in SKIP or g["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polys = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        rings = [r for poly in polys for r in poly]
        if not intersects(bbox_of_arcs(rings, arcs), BBOX):
            continue
        cid, display = RENAME.get(name, (slug(name), name))
        tier = "focus" if cid in FOCUS else "main" if cid in MAIN else "context"
        picked.append((cid, display, tier, rings))

    # The Caspian: holes of the merged land polygon inside its box.
    caspian_box = (46.0, 36.0, 56.0, 48.0)
    water_rings = []
    for g in topo["objects"]["land"]["geometries"]:
        polys = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        for poly in polys:
            for hole in poly[1:]:
                b = bbox_of_arcs([hole], arcs)
                if b[0] >= caspian_box[0] and b[2] <= caspian_box[2] and \
                        b[1] >= caspian_box[1] and b[3] <= caspian_box[3]:
                    water_rings.append(hole)

    tol = {}
    rank = {"focus": TOL_FOCUS, "main": TOL_MAIN, "context": TOL_CONTEXT}
    for _, _, tier, rings in picked:
        for ring in rings:
            for i in ring:
                k = ~i if i < 0 else i
                tol[k] = min(tol.get(k, 1e9), rank[tier])
    for ring in water_rings:
        for i in ring:
            k = ~i if i < 0 else i
            tol[k] = min(tol.get(k, 1e9), TOL_FOCUS)
    simple = {k: douglas_peucker(arcs[k], t) for k, t in tol.items()}
    simple_arcs = [simple.get(k, a) for k, a in enumerate(arcs)]

    def build(rings, tier):
        out = []
        for ring in rings:
            pts = round_ring(clip_ring(unwrap(ring_from_arcs(ring, simple_arcs)), BBOX))
            if len(pts) >= 3 and area(pts) > 0.0:
                out.append(pts)
        if not out:
            return out
        largest = max(out, key=area)
        return [r for r in out if r is largest or area(r) >= MIN_RING_AREA[tier]]

    countries = []
    for cid, display, tier, rings in picked:
        built = build(rings, tier)
        if built:
            countries.append((cid, display, cid in EU_MEMBERS, built))
    countries.sort(key=lambda c: c[0])
    water = build(water_rings, "focus")

    cmd = "python3 tools/build_map.py package/countries-50m.json > assets/map/borders.ron"
    w = sys.stdout.write
    w("// Borders of Eurasia for Multivector's map. GENERATED: do not edit by hand.\n")
    w(f"// Source: Natural Earth 1:50m admin-0 countries (public domain), via the npm\n")
    w(f"// package world-atlas {version} (countries-50m.json).\n")
    w(f"// Made with: npm pack world-atlas@{version} && tar xzf world-atlas-{version}.tgz &&\n")
    w(f"//   {cmd}\n")
    w(f"// Clipped to lon {BBOX[0]}..{BBOX[2]}, lat {BBOX[1]}..{BBOX[3]}; Douglas-Peucker "
      f"tolerance {TOL_FOCUS}/{TOL_MAIN}/{TOL_CONTEXT} deg\n")
    w("// (Central Asia and the Caucasus / main countries / context); coordinates are\n")
    w("// (lon, lat) in degrees, rings are implicitly closed. See docs/map.md.\n")
    w("(\n")
    w(f'    source: "Natural Earth 1:50m admin-0 countries via world-atlas {version}",\n')
    w(f"    bbox: ({fmt_num(BBOX[0])}, {fmt_num(BBOX[1])}, {fmt_num(BBOX[2])}, "
      f"{fmt_num(BBOX[3])}),\n")
    w("    countries: [\n")
    for cid, display, eu, rings in countries:
        w(f'        (id: "{cid}", name: "{display}", eu: {"true" if eu else "false"}, rings: [\n')
        for ring in rings:
            w("            [\n")
            w(fmt_ring(ring, "    ") + "\n")
            w("            ],\n")
        w("        ]),\n")
    w("    ],\n")
    w("    water: [\n")
    if water:
        w('        (id: "caspian", name: "Caspian Sea", rings: [\n')
        for ring in water:
            w("            [\n")
            w(fmt_ring(ring, "    ") + "\n")
            w("            ],\n")
        w("        ]),\n")
    w("    ],\n")
    w(")\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
