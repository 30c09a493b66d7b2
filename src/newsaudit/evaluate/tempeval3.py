"""``newsaudit evaluate tempeval3 DIR [DIR ...]``: TIMEX3 extraction and normalisation on TimeML.

Reads every ``*.tml`` file (with a DCT) under each DIR, tags the text between
``<TEXT>`` and ``</TEXT>`` with newsaudit's time rules (anchored to the DCT),
and scores the result the way TempEval-3 does.

The metric is a port of the official TempEval-3 scorer
(``tools/TE3-evaluation.py`` → ``evaluation-entities/evaluate_entities.py``,
Python 2, with ``TimeML-Normalizer.jar`` aligning entity ids):

* the normaliser gives a system TIMEX3 the id of the gold TIMEX3 it overlaps
  (we pair each system expression with the first still unpaired gold one it
  shares a character with, in text order, one to one);
* **relaxed** match: the pair exists; **strict** match: the two texts are
  identical;
* precision = matches / system TIMEX3s, recall = matches / gold TIMEX3s
  (``t0``, the DCT, is not counted; like the scorer's
  ``<TIMEX3[^>]*>[^<]*</TIMEX3>`` pattern, gold TIMEX3s with nested tags are
  ignored), summed over all files before dividing (micro average);
* attribute F1 for ``type`` / ``value``: (attribute matches among relaxed
  matches ÷ relaxed matches) × relaxed F1, exactly the scorer's
  ``performance_type`` / ``performance_value``.

``--write-tml DIR`` writes the system annotation as TimeML files, so the
official scorer can be run on them to check this port.
"""
from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable

import click

from ..errors import DataNotFoundError

log = logging.getLogger(__name__)

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z]+)="([^"]*)"')


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimeMLDoc:
    name: str
    text: str
    dct: date
    timexes: list[GoldTimex] = field(default_factory=list)
    raw: str = ""


def read_timeml(path: Path) -> TimeMLDoc:
    """Parse one TimeML file: the plain text inside <TEXT>, the DCT and the gold TIMEX3s (offsets into the text)."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d\d-\d\d)", raw)
    if not dct_m:
        raise DataNotFoundError(f"{path} has no DCT (document creation time)",
                                hint="give a directory of TimeML files with a <DCT><TIMEX3 value=...> element")
    tm = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if not tm:
        raise DataNotFoundError(f"{path} has no <TEXT> element", hint="give a directory of TimeML (.tml) files")
    body = tm.group(1)
    out: list[str] = []
    pos = 0
    length = 0
    stack: list[tuple[str, int, dict[str, str], int]] = []
    timexes: list[GoldTimex] = []
    for m in _TAG.finditer(body):
        seg = html.unescape(body[pos:m.start()])
        out.append(seg)
        length += len(seg)
        pos = m.end()
        closing, name, attrs, selfclose = m.group(1), m.group(2), m.group(3), m.group(4)
        if selfclose:
            continue
        if not closing:
            stack.append((name, length, dict(_ATTR.findall(attrs)), len(out)))
            continue
        while stack:
            oname, ostart, oattrs, oidx = stack.pop()
            if oname == name:
                break
        else:
            continue
        if name == "TIMEX3" and oattrs.get("tid") != "t0":
            inner = body[body.rfind("<TIMEX3", 0, m.start()):m.start()]
            nested = "<" in inner[inner.find(">") + 1:]
            if not nested:
                txt = "".join(out)[ostart:length]
                timexes.append(GoldTimex(ostart, length, txt, oattrs.get("type", ""), oattrs.get("value", "")))
    seg = html.unescape(body[pos:])
    out.append(seg)
    return TimeMLDoc(name=path.name, text="".join(out), dct=date.fromisoformat(dct_m.group(1)),
                     timexes=sorted(timexes, key=lambda t: t.start), raw=raw)


def find_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise DataNotFoundError(f"{directory} is not a directory",
                                hint="give a directory of TimeML files, e.g. .../tempeval3/TBAQ-cleaned/TimeBank")
    files = sorted(directory.rglob("*.tml"))
    if not files:
        raise DataNotFoundError(f"no .tml files in {directory}", hint="give a directory of TimeML files with a DCT")
    return files


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict_r: int = 0
    relaxed_r: int = 0
    strict_p: int = 0
    relaxed_p: int = 0
    type_ok: int = 0
    value_ok: int = 0
    files: int = 0

    def add(self, other: "Counts") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))


def score_file(gold: list, system: list) -> tuple[Counts, list[tuple]]:
    """Count matches between gold and system TIMEX3s of one file (objects with start/end/text/type/value).

    Returns the counts and the list of (gold, system) pairs (either may be None) for error analysis.
    """
    c = Counts(gold=len(gold), system=len(system), files=1)
    gold = sorted(gold, key=lambda t: t.start)
    used: set[int] = set()
    pairs: list[tuple] = []
    for s in sorted(system, key=lambda t: t.start):
        hit = None
        for i, g in enumerate(gold):
            if i not in used and g.start < s.end and s.start < g.end:
                hit = i
                break
        if hit is None:
            pairs.append((None, s))
            continue
        used.add(hit)
        g = gold[hit]
        pairs.append((g, s))
        c.relaxed_r += 1
        c.relaxed_p += 1
        if g.text == s.text:
            c.strict_r += 1
            c.strict_p += 1
        if g.type == s.type:
            c.type_ok += 1
        if g.value == (s.value or ""):
            c.value_ok += 1
    for i, g in enumerate(gold):
        if i not in used:
            pairs.append((g, None))
    return c, pairs


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def metrics(c: Counts) -> dict[str, float]:
    """TempEval-3 TIMEX3 figures from summed counts (see the module docstring)."""
    sp = c.strict_p / c.system if c.system else 0.0
    rp = c.relaxed_p / c.system if c.system else 0.0
    sr = c.strict_r / c.gold if c.gold else 0.0
    rr = c.relaxed_r / c.gold if c.gold else 0.0
    if c.system == 0 and c.gold == 0:
        return {"strict_p": 1.0, "strict_r": 1.0, "strict_f1": 1.0, "relaxed_p": 1.0, "relaxed_r": 1.0,
                "relaxed_f1": 1.0, "type_f1": 1.0, "value_f1": 1.0, "type_accuracy": 1.0, "value_accuracy": 1.0}
    rf = _f1(rp, rr)
    type_acc = c.type_ok / c.relaxed_r if c.relaxed_r else 0.0
    value_acc = c.value_ok / c.relaxed_r if c.relaxed_r else 0.0
    return {
        "strict_p": sp, "strict_r": sr, "strict_f1": _f1(sp, sr),
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
        "type_f1": type_acc * rf, "value_f1": value_acc * rf,
        "type_accuracy": type_acc, "value_accuracy": value_acc,
        "gold": c.gold, "system": c.system, "files": c.files,
    }


def tag_documents(docs: list[TimeMLDoc], batch_size: int = 8, use_doc: bool = True) -> list[list]:
    """Run the time rules on each document's text (parsed with spaCy for tense unless ``use_doc`` is False)."""
    from ..analyze.times.recognise import tag

    if not use_doc:
        return [tag(d.text, d.dct) for d in docs]
    from ..nlp import get_nlp

    nlp = get_nlp()
    out = []
    for d, sdoc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=batch_size)):
        out.append(tag(d.text, d.dct, doc=sdoc))
    return out


def evaluate_dir(directory: Path, limit: int | None = None, use_doc: bool = True,
                 write_tml: Path | None = None, errors: list | None = None) -> dict[str, float]:
    files = find_files(directory)
    if limit:
        files = files[:limit]
    docs = [read_timeml(f) for f in files]
    return evaluate_docs(docs, use_doc=use_doc, write_tml=write_tml, errors=errors)


def evaluate_docs(docs: list[TimeMLDoc], use_doc: bool = True, write_tml: Path | None = None,
                  errors: list | None = None) -> dict[str, float]:
    return metrics(count_docs(docs, use_doc=use_doc, write_tml=write_tml, errors=errors))


def count_docs(docs: list[TimeMLDoc], use_doc: bool = True, write_tml: Path | None = None,
               errors: list | None = None) -> Counts:
    total = Counts()
    for d, system in zip(docs, tag_documents(docs, use_doc=use_doc)):
        c, pairs = score_file(d.timexes, system)
        total.add(c)
        if errors is not None:
            for g, s in pairs:
                errors.append((d.name, d.dct, g, s))
        if write_tml is not None:
            write_system_tml(d, system, write_tml / d.name)
    return total


def write_system_tml(d: TimeMLDoc, system: list, path: Path) -> None:
    """Write ``d`` with only the system's TIMEX3 tags in <TEXT> (for the official scorer)."""
    parts: list[str] = []
    pos = 0
    for i, t in enumerate(sorted(system, key=lambda t: t.start)):
        parts.append(html.escape(d.text[pos:t.start], quote=False))
        attrs = f'tid="t{1000 + i}" type="{t.type}" value="{html.escape(t.value or "")}"'
        parts.append(f"<TIMEX3 {attrs}>{html.escape(t.text, quote=False)}</TIMEX3>")
        pos = t.end
    parts.append(html.escape(d.text[pos:], quote=False))
    raw = re.sub(r"<TEXT>.*?</TEXT>", lambda _m: "<TEXT>" + "".join(parts) + "</TEXT>", d.raw, flags=re.S)
    raw = re.sub(r"<(?:TLINK|SLINK|ALINK|MAKEINSTANCE)[^>]*/>\s*", "", raw)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(raw, encoding="utf-8")


_ROWS = [("strict", "strict_p", "strict_r", "strict_f1"), ("relaxed", "relaxed_p", "relaxed_r", "relaxed_f1")]


def format_table(results: dict[str, dict[str, float]]) -> str:
    lines = [f"{'set':<28} {'files':>5} {'gold':>5} {'sys':>5}  {'strict P/R/F1':>20}  {'relaxed P/R/F1':>20}  {'type F1':>7} {'value F1':>8}"]
    for name, m in results.items():
        lines.append(
            f"{name:<28} {m.get('files', 0):>5} {m.get('gold', 0):>5} {m.get('system', 0):>5}  "
            f"{m['strict_p']:.3f}/{m['strict_r']:.3f}/{m['strict_f1']:.3f}  "
            f"{m['relaxed_p']:.3f}/{m['relaxed_r']:.3f}/{m['relaxed_f1']:.3f}  "
            f"{m['type_f1']:>7.3f} {m['value_f1']:>8.3f}")
    return "\n".join(lines)


def run(directories: Iterable[Path], limit: int | None = None, use_doc: bool = True,
        write_tml: Path | None = None) -> dict[str, dict[str, float]]:
    """Score each directory and (when there are several) all of them together."""
    results: dict[str, dict[str, float]] = {}
    total = Counts()
    dirs = list(directories)
    for directory in dirs:
        files = find_files(directory)
        if limit:
            files = files[:limit]
        docs = [read_timeml(f) for f in files]
        sub = write_tml / directory.name if write_tml else None
        c = count_docs(docs, use_doc=use_doc, write_tml=sub)
        total.add(c)
        results[directory.name] = metrics(c)
    if len(dirs) > 1:
        results["ALL"] = metrics(total)
    return results


@click.command()
@click.argument("directories", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--limit", type=int, help="Score only the first N files of each directory.")
@click.option("--no-parse", is_flag=True, help="Skip the spaCy parse (no tense: faster, slightly worse).")
@click.option("--write-tml", type=click.Path(path_type=Path, file_okay=False), help="Write the system TimeML files here (for the official scorer).")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
def command(directories, limit, no_parse, write_tml, as_json):
    """TIMEX3 P/R/F1 (strict, relaxed) and type/value F1 on TimeML DIRECTORIES (TempEval-3 metric)."""
    results = run(directories, limit=limit, use_doc=not no_parse, write_tml=write_tml)
    if as_json:
        click.echo(json.dumps(results, indent=2))
    else:
        click.echo(format_table(results))
