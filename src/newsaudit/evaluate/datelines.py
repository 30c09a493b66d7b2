"""``newsaudit evaluate datelines DIR``: agencies and places from datelines, scored on PolNeAr's metadata.

PolNeAr (``../shared/benchmarks/polnear``) lists each text's wire agency in ``metadata.tsv`` (column
``wire``: ``AP``, ``UPI``, ``AFP``, ``reuters`` …, or ``None`` for a staff story).  Only the structure
layer runs (no parse), so the whole corpus takes seconds.

Printed:

* agency accuracy on wire texts — over all of them, and over those whose opening carries a
  parenthesised agency (what a dateline can give);
* false agencies: an agency found on a text the metadata calls a staff story (``None``), listed so a
  reader can check them (a staff story can quote a wire dateline);
* places found on wire texts, and a sample of them;
* bylines whose names are really time words (``By Monday morning, …``): false bylines.
"""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import click

WIRE_NAMES = {"ap": "AP", "upi": "UPI", "afp": "AFP", "reuters": "Reuters"}
STAFF = {"none"}
_TIME_WORDS = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|evening|night|"
                         r"afternoon|noon|midnight|today|yesterday|tomorrow|week|month|year|time|then|now|"
                         r"january|february|march|april|june|july|august|september|october|november|december)\b", re.I)
_OPENING_AGENCY = re.compile(r"\((?:AP|UPI|AFP|Reuters)\)")


def _texts(root: Path) -> dict[str, Path]:
    out = {}
    for p in sorted(root.glob("*/text/*.txt")):
        out[p.stem] = p
    return out


def evaluate_dir(root: Path, limit: int | None = None) -> dict:
    from ..analyze.structure.segment import analyse_text
    from ..errors import DataNotFoundError

    meta_file = root / "metadata.tsv"
    if not meta_file.is_file():
        raise DataNotFoundError(f"no metadata.tsv in {root}", hint="pass the PolNeAr folder, e.g. ../shared/benchmarks/polnear")
    texts = _texts(root)
    rows = []
    with meta_file.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            path = texts.get(row["filename"]) or next((p for k, p in texts.items() if k.startswith(row["filename"])), None)
            if path is not None:
                rows.append((row, path))
    if limit:
        rows = rows[:limit]
    wire = wire_ok = opening = opening_ok = staff = false_agency = places = false_bylines = bylines = 0
    misses: list[dict] = []
    false_list: list[dict] = []
    false_byline_list: list[dict] = []
    place_sample: list[str] = []
    for row, path in rows:
        text = path.read_text(encoding="utf-8")
        s = analyse_text(text)
        found = s.dateline.agency if s.dateline else None
        gold = WIRE_NAMES.get((row.get("wire") or "").strip().lower())
        head = text[:400]
        if gold:
            wire += 1
            ok = found == gold
            wire_ok += ok
            if _OPENING_AGENCY.search(head):
                opening += 1
                opening_ok += ok
                if not ok:
                    misses.append({"file": path.name, "gold": gold, "found": found, "opening": head[:120]})
            if s.dateline and s.dateline.place:
                places += 1
                if len(place_sample) < 12:
                    place_sample.append(s.dateline.place + (f", {s.dateline.region}" if s.dateline.region else ""))
        elif (row.get("wire") or "").strip().lower() in STAFF:
            staff += 1
            if found:
                false_agency += 1
                false_list.append({"file": path.name, "found": found, "dateline": s.dateline.text if s.dateline else None})
        if s.byline is not None:
            bylines += 1
            names = " ".join(s.byline.author_names)
            if not names or _TIME_WORDS.search(names):
                false_bylines += 1
                false_byline_list.append({"file": path.name, "byline": s.byline.text[:80]})
    return {
        "texts": len(rows), "wire_texts": wire, "agency_accuracy": wire_ok / wire if wire else None,
        "wire_texts_with_opening_agency": opening,
        "agency_accuracy_opening": opening_ok / opening if opening else None,
        "staff_texts": staff, "false_agencies": false_agency, "false_agency_list": false_list[:20],
        "places_on_wire_texts": places, "place_sample": place_sample, "misses": misses[:20],
        "bylines": bylines, "false_bylines": false_bylines, "false_byline_list": false_byline_list[:20],
    }


@click.command()
@click.argument("root", type=click.Path(path_type=Path))
@click.option("--limit", type=int, default=None, help="score only the first N texts of metadata.tsv")
@click.option("--json", "as_json", is_flag=True, help="print the metrics as JSON")
def command(root: Path, limit: int | None, as_json: bool) -> None:
    """Datelines: agency accuracy and false agencies/bylines on PolNeAr's metadata (ROOT holds metadata.tsv)."""
    m = evaluate_dir(root, limit=limit)
    if as_json:
        click.echo(json.dumps(m, indent=2, ensure_ascii=False))
        return
    pct = lambda x: "n/a" if x is None else f"{x:.1%}"  # noqa: E731
    click.echo(f"texts: {m['texts']}   wire texts (metadata): {m['wire_texts']}   staff texts: {m['staff_texts']}")
    click.echo(f"agency accuracy, all wire texts:               {pct(m['agency_accuracy'])}")
    click.echo(f"agency accuracy, wire texts opening '(AGENCY)': {pct(m['agency_accuracy_opening'])}"
               f"  ({m['wire_texts_with_opening_agency']} texts)")
    click.echo(f"false agencies on staff texts:                 {m['false_agencies']}")
    click.echo(f"places found on wire texts:                    {m['places_on_wire_texts']}"
               f"  e.g. {'; '.join(m['place_sample'][:6])}")
    click.echo(f"bylines found: {m['bylines']}   false bylines (time words as names): {m['false_bylines']}")
    for x in m["misses"]:
        click.echo(f"  miss  {x['file']}: gold {x['gold']}, found {x['found']}: {x['opening'][:80]!r}")
    for x in m["false_agency_list"]:
        click.echo(f"  false agency  {x['file']}: {x['found']} ({x['dateline']!r})")
    for x in m["false_byline_list"]:
        click.echo(f"  false byline  {x['file']}: {x['byline']!r}")
