"""Times layer: temporal expressions (TIMEX3 type and value), a timeline, and date problems.

Expressions are found by the rule tagger in ``recognise`` over the whole
article except boilerplate (the byline's and the reference list's dates are
explicit and worth keeping), and resolved against

* the publication date (``article.published``), or
* inside a quote relayed from a cited source whose reference entry has a full
  date, that source's date (``anchor_source="citation"``): "denied Friday" in
  an agency story is the Friday before the story, not before the article.

Weekday names, months and yearless days resolve to the nearest such day before
the anchor when the governing verb is in the past tense, after it in the
future tense (the verb's tense is read from the spaCy ``Doc``).

Problems (``layer="times"``): ``weekday_mismatch`` (a weekday that does not fit
its date), ``impossible_date`` (February 30), ``future_date_past_tense`` (a
date after publication, written with its year, told in the past tense).
"""
from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date
from typing import Any

from ..common.offsets import Overlaps
from ...dossier import Problem, TimeExpression, TimelineItem
from .normalise import MONTHS, WEEKDAYS, value_end, value_start
from .recognise import tag
from .tense import tense_direction
from .timex import Timex

log = logging.getLogger(__name__)


def analyse(article, doc, found) -> dict[str, Any]:
    text = article.text
    pub = article.published
    sections = _sections(article, found)
    skip = [(a, b) for kind, a, b in sections if kind == "boilerplate"]
    quote_anchors = _quote_anchors(found)
    body = _Body(list(article.body_ranges) or [(0, len(text))])
    anchors_at = Overlaps(quote_anchors, lambda r: r[0], lambda r: r[1])

    def in_body(s: int, e: int) -> bool:
        return body.covering(s, e) is not None

    def quote_anchor(s: int, e: int):
        """The first quote anchor (in order) whose range holds [s, e]."""
        return next((r for r in anchors_at.hits(s - 1, e + 1) if r[0] <= s and e <= r[1]), None)

    def anchor_at(s: int, e: int) -> tuple[date | None, str]:
        r = quote_anchor(s, e)
        if r is not None:
            return r[2], "citation"
        return pub, ("publication" if pub else "none")

    def direction_at(s: int, e: int) -> int:
        if doc is None or not in_body(s, e):
            return 0
        try:
            return tense_direction(doc, s, e)
        except Exception:  # a parse oddity must not stop the layer
            log.debug("tense lookup failed at %d", s, exc_info=True)
            return 0

    found_times = [t for t in tag(text, pub, doc=doc, anchor_at=anchor_at, direction_at=direction_at)
                   if not any(a <= t.start < b for a, b in skip)]
    times: list[TimeExpression] = []
    problems: list[Problem] = []
    for t in found_times:
        named = _named_event(text, t)
        if named is not None:  # ``the victims of Sept. 11``: a past event's name, not a date near the anchor
            t = replace(t, value=named, anchor_source="named_event", explicit=True)
        quote = citation = None
        if t.anchor_source == "citation":
            r = quote_anchor(t.start, t.end)
            if r is not None:
                quote, citation = r[3], r[4]
        times.append(TimeExpression(
            start=t.start, end=t.end, text=t.text, type=t.type, value=t.value,
            anchor=t.anchor.isoformat() if t.anchor else None, anchor_source=t.anchor_source,
            mod=t.mod, weekday=t.weekday, section=_section_of(sections, body, t.start),
            tense={-1: "past", 1: "future"}.get(t.direction), explicit=t.explicit, quote=quote, citation=citation,
        ))
        problems.extend(_problems(t, text, pub, doc, in_body(t.start, t.end)))
    timeline = _timeline(times, text, doc, body)
    return {"times": times, "timeline": timeline, "problems": problems}


# ----------------------------------------------------------------------------- named past events

# dates used as the name of one past event (``since 9/11``, ``the attacks of Sept. 11``)
NAMED_EVENTS = {(9, 11): "2001-09-11"}
_NOMINAL_BEFORE = re.compile(r"(?:\b(?:of|since|after|before|until|post|pre|on)\s+(?:the\s+)?|\bpost-|\bpre-)$", re.I)
_MONTH_DAY = re.compile(r"^(?P<mon>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?$")


def _named_event(text: str, t) -> str | None:
    """The date of the past event a yearless month-day names, when it is used as a name (``since Sept. 11``,
    ``the victims of Sept. 11``) rather than as the day something happened (``on Sept. 11 the council met``)."""
    if t.type != "DATE" or t.anchor_source == "explicit":
        return None
    m = _MONTH_DAY.match(t.text.strip())
    if not m:
        return None
    month = MONTHS.get(m.group("mon").lower().rstrip("."))
    value = NAMED_EVENTS.get((month, int(m.group("day")))) if month else None
    if value is None:
        return None
    before = text[max(0, t.start - 20):t.start]
    after = text[t.end:t.end + 12]
    if re.match(r"\s*,?\s*(?:19|20)\d\d", after):
        return None
    if re.search(r"(?:^|\s)on$", before.rstrip().lower()) and not re.match(r"\s*(?:attacks?|anniversary)", after):
        return None  # ``on Sept. 11 the council met``: a day
    return value if _NOMINAL_BEFORE.search(before) or re.match(r"\s*(?:attacks?|anniversary|victims|memorial)", after) else None


# ----------------------------------------------------------------------------- anchors and sections


def _quote_anchors(found) -> list[tuple[int, int, date, int, int]]:
    """(start, end, source date, quote index, entry number) for quotes resting on a dated citation."""
    quotes = found.get("quotes") or []
    cits = found.get("citations")
    if not quotes or cits is None:
        return []
    out = []
    for qi, q in enumerate(quotes):
        try:
            hit = _quote_anchor(q, cits)
        except Exception:  # an unexpected quote shape must not stop the layer
            log.debug("quote %d: no citation anchor", qi, exc_info=True)
            hit = None
        if hit is not None:
            out.append((q.start, q.end, hit[0], qi, hit[1]))
    return out


def _quote_anchor(q, cits) -> tuple[date, int] | None:
    """The date and entry number of the first dated source a quote's citations resolve to."""
    for c in getattr(q, "citations", None) or []:
        if getattr(c, "status", "ok") != "ok":
            continue
        number = c.entry if c.entry is not None else c.number
        entry = cits.entry(number) if hasattr(cits, "entry") else None
        if entry is None:
            continue
        raw = (entry.source.date if entry.source and entry.source.date else None) or entry.date
        d = _full_date(raw)
        if d is not None:
            return d, number
    return None


def _full_date(raw: str | None) -> date | None:
    if not raw or len(raw) < 10:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        return None


def _sections(article, found) -> list[tuple[str, int, int]]:
    st = found.get("structure")
    out: list[tuple[str, int, int]] = []
    if st is None:
        return out
    if st.byline is not None:
        out.append(("byline", st.byline.start, st.byline.end))
    if st.references is not None:
        out.append(("references", st.references.start, st.references.end))
    out += [("notes", n.start, n.end) for n in st.notes]
    out += [("boilerplate", b.start, b.end) for b in st.boilerplate]
    return out


class _Body(list):
    """The body ranges, with sorted lookups (issue 14: linear cost) answering what scans over them did."""

    def __init__(self, ranges):
        super().__init__(ranges)
        self._at = Overlaps(range(len(ranges)), lambda i: ranges[i][0], lambda i: ranges[i][1])

    def covering(self, s: int, e: int) -> tuple[int, int] | None:
        """The first range (in order) with ``a <= s and e <= b``."""
        for i in self._at.hits(s - 1, e + 1):
            a, b = self[i]
            if a <= s and e <= b:
                return a, b
        return None

    def holds(self, pos: int) -> bool:
        return bool(self._at.hits(pos, pos + 1))  # some a <= pos < b


def _section_of(sections, body, pos: int) -> str:
    if body.holds(pos) if isinstance(body, _Body) else any(a <= pos < b for a, b in body):
        return "body"
    for kind, a, b in sections:
        if a <= pos < b and kind in ("byline", "references", "notes"):
            return kind
    return "other"


# ----------------------------------------------------------------------------- problems


_NON_EVENT_VERBS = {"say", "announce", "report", "plan", "schedule", "set", "expect", "call", "propose", "predict",
                    "warn", "promise", "agree", "decide", "vote", "order", "postpone", "delay", "move", "book",
                    "reschedule", "fix", "tell", "write", "declare", "pledge", "threaten", "urge", "ask"}


def _problems(t: Timex, text: str, pub: date | None, doc, in_body: bool) -> list[Problem]:
    out: list[Problem] = []
    span = dict(layer="times", start=t.start, end=t.end, text=t.text)
    p = t.parts or {}
    if t.invalid:
        y = p.get("year")
        what = f"{p.get('day')}/{p.get('month')}" + (f"/{y}" if y else "")
        out.append(Problem(kind="impossible_date", severity="error", message=f"'{t.text}' is not a calendar date (day/month {what}).",
                           details={"year": y, "month": p.get("month"), "day": p.get("day")}, **span))
        return out
    if t.weekday and p.get("year") and p.get("month") and p.get("day"):
        try:
            d = date(p["year"], p["month"], p["day"])
        except ValueError:
            d = None
        named = _weekday_index(t.weekday)
        if d is not None and named is not None and d.weekday() != named:
            inferred = "" if p.get("year_written") else f" (year {d.year} taken from the anchor date)"
            out.append(Problem(
                kind="weekday_mismatch", severity="warning",
                message=f"'{t.text}': {d.isoformat()} was a {WEEKDAYS[d.weekday()].capitalize()}, "
                        f"not a {WEEKDAYS[named].capitalize()}{inferred}.",
                details={"named": WEEKDAYS[named], "actual": WEEKDAYS[d.weekday()], "date": d.isoformat(),
                         "year_written": bool(p.get("year_written"))}, **span))
    if pub is not None and in_body and t.type in ("DATE", "TIME") and doc is not None and t.value:
        # never a silent future date: a date after publication, told in the past tense, is flagged whether
        # the text wrote it in full or the year was taken from the anchor
        start = value_start(t.value)
        if start is not None and start > pub and _told_in_past(doc, t.start, t.end):
            inferred = "" if t.explicit and t.anchor_source == "explicit" else " (its year was inferred from the anchor)"
            out.append(Problem(
                kind="future_date_past_tense", severity="warning",
                message=f"'{t.text}' ({t.value}) lies after the publication date {pub.isoformat()} "
                        f"but is told in the past tense{inferred}.",
                details={"value": t.value, "published": pub.isoformat(), "year_inferred": bool(inferred)}, **span))
    return out


def _weekday_index(name: str | None) -> int | None:
    if not name:
        return None
    n = name.lower().rstrip(".")[:3]
    for i, w in enumerate(WEEKDAYS):
        if w.startswith(n):
            return i
    return None


def _told_in_past(doc, start: int, end: int) -> bool:
    """The date is the time of a past-tense event verb (not of a report or plan about it)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    for _ in range(3):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() in _NON_EVENT_VERBS:
        return False
    if any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ in ("will", "shall", "'ll")) for c in tok.children):
        return False
    if tok.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in tok.children)


# ----------------------------------------------------------------------------- timeline


def _timeline(times: list[TimeExpression], text: str, doc, body) -> list[TimelineItem]:
    items: list[tuple[date, date, int, TimelineItem]] = []
    for i, t in enumerate(times):
        if t.type not in ("DATE", "TIME") or t.section != "body" or not t.value:
            continue
        start = value_start(t.value)
        if start is None:
            continue
        end = value_end(t.value) or start
        s, e = _sentence(doc, text, body, t.start, t.end)
        items.append((start, end, i, TimelineItem(value=t.value, time=i, sentence_start=s, sentence_end=e,
                                                  sentence=text[s:e])))
    items.sort(key=lambda x: (x[0], x[1], x[2]))
    return [x[3] for x in items]


def _sentence(doc, text: str, body, start: int, end: int) -> tuple[int, int]:
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            sent = span[0].sent
            s, e = sent.start_char, sent.end_char
            while e > s and text[e - 1].isspace():
                e -= 1
            while s < e and text[s].isspace():
                s += 1
            hit = body.covering(start, end) if isinstance(body, _Body) else \
                next(((a, b) for a, b in body if a <= start and end <= b), None)
            if hit is not None:  # keep to the paragraph (a title and subtitle may parse as one sentence)
                s, e = max(s, hit[0]), min(e, hit[1])
            if s <= start and end <= e:
                return s, e
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", end)
    return s, (len(text) if e < 0 else e)
