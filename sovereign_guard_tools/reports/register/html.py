"""The register as one self-contained HTML page: inline CSS, inline SVG and a few lines of vanilla JavaScript, no
network access needed to view it. Per stack: a summary, a tile map of Europe with the number of data stores per
country (places outside the map and areas spanning countries listed beside it), and the register's table (the CSV's
cells), sortable by clicking a column heading and filterable by text and verdict."""
from __future__ import annotations

from html import escape

from .tables import flat

# A tile map: each country one square at (column, row), roughly where it lies.
TILES = {
    "IS": (0, 0), "NO": (5, 0), "SE": (6, 0), "FI": (7, 0),
    "IE": (1, 1), "GB": (2, 1), "DK": (5, 1), "EE": (7, 1),
    "NL": (3, 2), "DE": (4, 2), "PL": (5, 2), "LT": (6, 2), "LV": (7, 2),
    "BE": (3, 3), "LU": (4, 3), "CZ": (5, 3), "SK": (6, 3),
    "FR": (3, 4), "CH": (4, 4), "LI": (5, 4), "AT": (6, 4), "HU": (7, 4), "RO": (8, 4),
    "PT": (1, 5), "ES": (2, 5), "IT": (4, 5), "SI": (5, 5), "HR": (6, 5), "BG": (8, 5),
    "MT": (4, 6), "GR": (7, 6), "CY": (8, 6),
}
TILE, GAP = 40, 3
# (table heading, CSV column) in display order
HEADINGS = (("Resource", "resource"), ("Type", "type"), ("Category", "category"), ("Service", "service"),
            ("Platform", "platform"), ("Location", "location"),
            ("City", "city"), ("Country", "country"), ("Replicas, backups, flows", "replicas_backups_flows"),
            ("Their countries", "their_countries"), ("Keys held", "keys_held"), ("Key", "key"),
            ("Key location", "key_location"), ("Key country", "key_country"), ("Protection", "key_protection"),
            ("Rotation", "key_rotation"), ("Verdict", "verdict"), ("Waiver", "waiver_reason"),
            ("Waiver expires", "waiver_expires"))

STYLE = """
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem;color:#1f2933}
h1{margin:0 0 .25rem}h2{margin:2rem 0 .25rem;border-bottom:2px solid #1f4e79}.muted{color:#5f6b7a}
dl.summary{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}
dl.summary div{background:#f1f5f9;border-radius:6px;padding:.5rem .9rem;min-width:9rem}
dl.summary dt{font-size:12px;color:#5f6b7a}dl.summary dd{margin:0;font-size:20px;font-weight:600}
.where{display:flex;flex-wrap:wrap;gap:2rem;align-items:flex-start}.where figure{margin:0}.where ul{margin:.25rem 0;padding-left:1.2rem}
svg text{font:11px system-ui,sans-serif;pointer-events:none}svg .n{font-weight:700;font-size:13px}
.filters{margin:1rem 0 .5rem;display:flex;gap:.5rem}.filters input{width:22rem;padding:.3rem}
.scroll{overflow-x:auto}table{border-collapse:collapse;font-size:12px}
th,td{border:1px solid #d5dbe3;padding:.3rem .4rem;vertical-align:top;text-align:left}
th{background:#1f4e79;color:#fff;cursor:pointer;position:sticky;top:0;white-space:nowrap}
th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
tr.violation td[data-col=verdict]{background:#fde2e1}tr.waived td[data-col=verdict]{background:#fff3cd}
tr.advisory td[data-col=verdict]{background:#e0ecff}tr.compliant td[data-col=verdict]{background:#def7e5}
small.note{color:#5f6b7a;display:block;max-width:18rem}details{margin-top:.25rem}details p{margin:.25rem 0;max-width:40rem}
table.changes td:first-child{font-weight:600;white-space:nowrap}
"""

SCRIPT = """
document.querySelectorAll("table.register").forEach(function (table) {
  var body = table.tBodies[0], section = table.closest("section");
  var text = section.querySelector("input[data-filter]"), verdict = section.querySelector("select[data-verdict]");
  function cell(row, i) { return row.cells[i].getAttribute("data-sort") || row.cells[i].textContent.trim(); }
  table.querySelectorAll("th").forEach(function (th, i) {
    th.addEventListener("click", function () {
      var up = th.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("th").forEach(function (o) { o.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
      Array.from(body.rows).sort(function (a, b) {
        return (up ? 1 : -1) * cell(a, i).localeCompare(cell(b, i), "en", {numeric: true});
      }).forEach(function (row) { body.appendChild(row); });
    });
  });
  function filter() {
    var words = text.value.toLowerCase().split(/\\s+/).filter(Boolean);
    Array.from(body.rows).forEach(function (row) {
      var content = row.textContent.toLowerCase();
      row.hidden = !words.every(function (w) { return content.indexOf(w) >= 0; }) ||
        (verdict.value !== "" && row.getAttribute("data-verdict") !== verdict.value);
    });
  }
  text.addEventListener("input", filter);
  verdict.addEventListener("change", filter);
});
"""


def render(document: dict) -> str:
    stacks = document["stacks"]
    title = "Residency register: " + ", ".join(f"{s['project']}/{s['stack']}" for s in stacks)
    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{escape(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
             "<header><h1>Residency register</h1>",
             f'<p class="muted">Where each resource keeps its data, who holds its key, and the verdict of the Sovereign '
             f'Guard policies. Generated <time>{escape(document["generatedAt"])}</time> by '
             "<code>sovereign-guard register</code>.</p></header>"]
    if "changes" in document:
        parts.append(_changes(document))
    parts += [_stack(stack) for stack in stacks]
    parts += [f"<script>{SCRIPT}</script>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _changes(document: dict) -> str:
    compared = document["compared"]
    rows = "".join(f'<tr data-kind="{escape(c["kind"])}"><td>{escape(c["kind"])}</td><td>{escape(c["stack"])}</td>'
                   f'<td>{escape(c["resource"])}</td><td>{escape(c["before"])}</td><td>{escape(c["after"])}</td></tr>'
                   for c in document["changes"])
    body = (f'<table class="changes"><thead><tr><th>Change</th><th>Stack</th><th>Resource</th><th>Before</th>'
            f"<th>Now</th></tr></thead><tbody>{rows}</tbody></table>") if rows else "<p>No change.</p>"
    return (f'<section id="changes"><h2>Changes since the register of {escape(compared["generatedAt"])}</h2>'
            f'<p class="muted">Compared with <code>{escape(compared["file"])}</code>.</p>{body}</section>')


def _share(summary: dict) -> str:
    share = summary["customerManagedShare"]
    return "none" if share is None else f"{share:.0%}"


def _stack(stack: dict) -> str:
    summary, name = stack["summary"], f"{stack['project']}/{stack['stack']}"
    facts = (("Data stores", summary["dataStores"]), ("Countries", len(summary["countries"])),
             ("Under customer-managed keys", f"{_share(summary)} ({summary['customerManagedKeys']} of "
                                             f"{summary['dataStores']})"),
             ("Violations", summary["violations"]), ("Waivers", summary["waivers"]),
             ("Advisories", summary["advisories"]), ("Resources listed", summary["resources"]))
    cards = "".join(f'<div data-fact="{escape(label)}"><dt>{escape(label)}</dt><dd>{escape(str(value))}</dd></div>'
                    for label, value in facts)
    options = "".join(f'<option value="{v}">{v}</option>' for v in summary["verdicts"])
    heads = "".join(f'<th scope="col" data-col="{col}">{escape(label)}</th>' for label, col in HEADINGS)
    rows = "".join(_row(stack, row) for row in stack["rows"])
    mode = {"preview": "checked as at preview", "update": "checked as at update",
            "audit": "audited from its deployed state"}[stack["mode"]]
    return (f'<section class="stack" data-stack="{escape(name)}"><h2>{escape(name)}</h2>'
            f'<p class="muted">{mode}; jurisdiction: {escape(stack["jurisdiction"])}.</p>'
            f'<dl class="summary">{cards}</dl>'
            f'<div class="where">{_map(summary)}{_places(summary)}</div>'
            f'<div class="filters"><input type="search" data-filter placeholder="Filter: resource, city, country, '
            f'key..." aria-label="Filter rows"><select data-verdict aria-label="Verdict"><option value="">every '
            f'verdict</option>{options}</select></div>'
            f'<div class="scroll"><table class="register"><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody>'
            "</table></div></section>")


def _row(stack: dict, row: dict) -> str:
    cells = flat(stack, row)
    out = []
    for _, col in HEADINGS:
        value = escape(cells[col])
        if col == "verdict" and row["findings"]:
            notes = "".join(f"<p><b>{escape(f['policy'])}</b> ({escape(f['level'])}): {escape(f['message'])}</p>"
                            for f in row["findings"])
            value += f"<details><summary>{escape(cells['policies'])}</summary>{notes}</details>"
        elif col == "resource":
            value = f'<span title="{escape(row["urn"])}">{value}</span>'
            if row["note"]:
                value += f'<br><small class="note">{escape(row["note"])}</small>'
        out.append(f'<td data-col="{col}">{value}</td>')
    return f'<tr class="{row["verdict"]}" data-urn="{escape(row["urn"])}" data-verdict="{row["verdict"]}">' \
           + "".join(out) + "</tr>"


def _tile(x: int, y: int, code: str, name: str, count: int, outside: bool) -> str:
    fill = "#e5e7eb" if not count else "#c0392b" if outside else ("#2e7d32" if count > 2 else "#66bb6a")
    ink = "#1f2933" if not count else "#fff"
    label = f"{name}: {count} data store{'s' if count != 1 else ''}" + (
        " (outside the jurisdiction)" if outside and count else "")
    return (f'<g class="tile" data-country="{code}" data-count="{count}"><title>{escape(label)}</title>'
            f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="4" fill="{fill}"/>'
            f'<text x="{x + 4}" y="{y + 14}" fill="{ink}">{code}</text>'
            + (f'<text class="n" x="{x + TILE - 5}" y="{y + TILE - 6}" text-anchor="end" fill="{ink}">{count}</text>'
               if count else "") + "</g>")


def _map(summary: dict) -> str:
    found = {c["code"]: c for c in summary["countries"]}
    step = TILE + GAP
    tiles = [_tile(col * step, row * step, code, found[code]["name"] if code in found else code,
                   found.get(code, {}).get("dataStores", 0), found.get(code, {}).get("outsideJurisdiction", False))
             for code, (col, row) in TILES.items()]
    elsewhere = [c for c in summary["countries"] if c["code"] not in TILES]
    top = (max(row for _, row in TILES.values()) + 1) * step + 18
    if elsewhere:
        tiles.append(f'<text x="0" y="{top - 6}">Outside this map</text>')
        tiles += [_tile(i * step, top, c["code"], c["name"], c["dataStores"], c["outsideJurisdiction"])
                  for i, c in enumerate(elsewhere)]
    width = (max(col for col, _ in TILES.values()) + 1) * step
    height = top + (step if elsewhere else 0)
    return (f'<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" aria-label="Data stores per country">{"".join(tiles)}</svg>'
            '<figcaption class="muted">Data stores per country (tiles roughly where each country lies; red: '
            "outside the jurisdiction).</figcaption></figure>")


def _places(summary: dict) -> str:
    countries = "".join(f'<li data-country="{c["code"]}">{escape(c["name"])}: {c["dataStores"]}</li>'
                        for c in summary["countries"]) or "<li>none</li>"
    areas = "".join(f'<li data-area="{escape(a["name"])}">{escape(a["name"])}: {a["dataStores"]}</li>'
                    for a in summary["areas"])
    text = f"<div><h3>Data stores per country</h3><ul>{countries}</ul>"
    if areas:
        text += f"<h3>Places spanning countries</h3><ul>{areas}</ul>"
    if summary["dataStoresWithoutLocation"]:
        text += (f'<p class="muted">{summary["dataStoresWithoutLocation"]} data store(s) with no location of their '
                 "own (each row's note says where their data lives).</p>")
    return text + "</div>"
