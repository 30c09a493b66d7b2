"""Per-article facts for comparison, read from a store.

For each kind of fact the layer's table is used when that layer produced rows
anywhere in the store; otherwise the light text rules of ``compare.text`` fill
in (``Corpus.sources`` says which was used, and the reports print it).
"""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import text as T
from .instances import counted_class, group_size_spans, noun_after, other_event, part_noun
from .intervals import VAGUE
from .resolve import clean_voice, text_places
from .sources import affiliations, clause_source, clauses

log = logging.getLogger(__name__)

GROUP_NOUNS = {"officials", "police", "authorities", "witnesses", "residents", "investigators", "officers", "rescuers",
               "doctors", "experts", "analysts", "sources", "activists", "survivors", "medics", "paramedics",
               "firefighters", "diplomats", "aides", "organisers", "organizers", "local officials", "state officials",
               "senior officials", "government officials", "health officials", "security officials"}


@dataclass
class NumberFact:
    event: str
    value: float
    modifier: str | None
    start: int
    end: int
    text: str
    sentence: T.Sentence
    source: str | None = None  # on whose word
    date: str | None = None
    counted: str = ""  # the counted group: people (the event's victims), soldiers, members, children ...
    scope: str | None = None  # None: this event; else why it is another event ("another event: last year")


@dataclass
class VoiceFact:
    name: str
    start: int
    end: int
    text: str  # the quote (or the sentence of an indirect attribution)
    kind: str  # direct | indirect


@dataclass
class DateFact:
    value: str
    start: int
    end: int
    text: str
    trigger: str | None
    klass: str | None
    sentence: T.Sentence


@dataclass
class ArticleFacts:
    id: str
    outlet: str
    url: str | None
    title: str | None
    published: str | None
    text: str
    sentences: list[T.Sentence] = field(default_factory=list)
    numbers: list[NumberFact] = field(default_factory=list)
    voices: list[VoiceFact] = field(default_factory=list)
    names: list[tuple[str, int, int]] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)
    statements: list[T.Sentence] = field(default_factory=list)
    variant_pairs: list[tuple[str, str]] = field(default_factory=list)  # from the entities layer
    affiliations: dict[str, str] = field(default_factory=dict)  # spokesman → organisation
    places: set[str] = field(default_factory=set)  # names the entities layer types as places

    @property
    def pub_date(self) -> date | None:
        try:
            return date.fromisoformat((self.published or "")[:10])
        except ValueError:
            return None

    def sentence_at(self, pos: int) -> T.Sentence | None:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None


@dataclass
class Corpus:
    articles: list[ArticleFacts]
    sources: dict[str, str]  # fact kind -> "layer" | "text rules"


LAYER_TABLES = {"numbers": "quantities", "voices": "quotes", "names": "mentions", "dates": "times",
                "statements": "claims"}


def load_corpus(store: str | os.PathLike, *, where: str | None = None, params: list[Any] | None = None,
                limit: int | None = None, use_layers: bool = True) -> Corpus:
    """Read the articles of ``store`` (optionally filtered by an SQL ``where`` on ``articles``) and their facts.

    ``use_layers=False`` ignores the layers' tables and uses the text rules only.
    """
    from ..store.catalog import connect

    con = connect(store)
    try:
        sql = "SELECT article_id, outlet, url, title, published, text, structure FROM articles"
        if where:
            sql += f" WHERE {where}"
        sql += " ORDER BY published DESC NULLS LAST, article_id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = con.execute(sql, params or []).fetchall()
        ids = [r[0] for r in rows]
        con.execute("CREATE TEMP TABLE _sel(article_id VARCHAR)")
        if ids:
            import pyarrow as pa

            sel = pa.table({"article_id": ids})  # noqa: F841 - read by DuckDB
            con.execute("INSERT INTO _sel SELECT article_id FROM sel")
        layer_rows: dict[str, dict[str, list[dict]]] = {}
        sources: dict[str, str] = {}
        for kind, table in LAYER_TABLES.items():
            n = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] if use_layers else 0
            if n:
                cur = con.execute(f"SELECT t.* FROM {table} t JOIN _sel USING (article_id) ORDER BY article_id, idx")
                by: dict[str, list[dict]] = {}
                cols = [d[0] for d in cur.description]
                for rec in cur.fetchall():
                    d = dict(zip(cols, rec))
                    by.setdefault(d["article_id"], []).append(d)
                layer_rows[table] = by
                sources[kind] = "layer"
            else:
                sources[kind] = "text rules"
        ent_rows: dict[str, list[dict]] = {}
        if use_layers and con.execute("SELECT count(*) FROM entities").fetchone()[0]:
            cur = con.execute("SELECT t.article_id, t.canonical, t.variants FROM entities t JOIN _sel USING (article_id)")
            for aid, canon, variants in cur.fetchall():
                ent_rows.setdefault(aid, []).append({"canonical": canon, "variants": variants})
        claims_holders: dict[str, list[dict]] = {}
        if sources["statements"] == "layer":
            claims_holders = layer_rows.get("claims", {})
    finally:
        con.close()
    arts = []
    for aid, outlet, url, title, published, text, structure in rows:
        arts.append(build_facts(aid, outlet or T.clean_name(_host(url) or "") or "(unknown outlet)", url, title,
                                published, text or "", structure, layer_rows, ent_rows.get(aid, []),
                                claims_holders.get(aid, [])))
    return Corpus(arts, sources)


def _host(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlparse

    return (urlparse(url).hostname or "").removeprefix("www.") or None


def _body_ranges(text: str, structure: str | None) -> list[tuple[int, int]] | None:
    if not structure:
        return None
    try:
        import json

        s = json.loads(structure)
    except ValueError:
        return None
    spans = [s.get("title"), s.get("subtitle"), *(s.get("headings") or []), *(s.get("paragraphs") or [])]
    ranges = sorted((x["start"], x["end"]) for x in spans if x and 0 <= x["start"] <= x["end"] <= len(text))
    return ranges or None


def build_facts(aid: str, outlet: str, url: str | None, title: str | None, published: str | None, text: str,
                structure: str | None, layer_rows: dict[str, dict[str, list[dict]]], entities: list[dict],
                claims: list[dict]) -> ArticleFacts:
    art = ArticleFacts(aid, outlet, url, title, published, text)
    art.sentences = T.sentences(text, _body_ranges(text, structure))
    quotes = layer_rows.get("quotes", {}).get(aid) if "quotes" in layer_rows else None
    art.voices = _voices_from_layer(text, quotes) if quotes is not None else _voices_from_text(art)
    for v in art.voices:
        v.name = clean_voice(v.name)
    speaker_at = _speaker_index(art)
    art.affiliations = affiliations(text)
    art.places |= text_places(text)
    if "mentions" in layer_rows:
        art.places |= {str(r["text"]) for r in layer_rows["mentions"].get(aid, []) if r.get("type") in ("GPE", "LOC", "FAC")}
        art.names = [(r["text"], r["start"], r["end"]) for r in layer_rows["mentions"].get(aid, [])
                     if r.get("type") in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP") and len(str(r["text"]).split()) >= 2]
    else:
        art.names = [n for s in art.sentences for n in ((x, s.start + a, s.start + b) for x, a, b in T.name_runs(s.text))]
    if "quantities" in layer_rows:
        art.numbers = _numbers_from_layer(art, layer_rows["quantities"].get(aid, []), speaker_at)
    else:
        art.numbers = _numbers_from_text(art, speaker_at)
    _place_numbers(art)
    for e in entities:
        for v in e.get("variants") or []:
            art.variant_pairs.append((e["canonical"], v))
    if "times" in layer_rows:
        hits = [T.DateHit(r["value"], r["start"], r["end"], True) for r in layer_rows["times"].get(aid, [])
                if r.get("type") == "DATE" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(r.get("value") or ""))]
    else:
        hits = [h for s in art.sentences for h in T.date_hits(s.text, art.pub_date, s.start)]
    art.dates = [d for d in (_attach_date(art, h) for h in hits) if d is not None]
    if claims:
        art.statements = [T.Sentence(r["start"], r["end"], r["text"]) for r in claims]
    else:
        title_end = art.sentences[0].end if art.sentences and title and art.sentences[0].text.strip() == title.strip() else -1
        art.statements = [s for s in art.sentences if s.end != title_end and len(s.text.split()) >= 4]
    return art


# ----------------------------------------------------------------- voices
def speaker_name(row: dict) -> str | None:
    """The person a quote is attributed to: the name heading the speaker phrase (``Ministry spokesman Ann Roe`` →
    ``Ann Roe``), else the layer's resolved name, else the phrase without titles."""
    st = re.split(r"[,\n(]", str(row.get("speaker_text") or ""))[0].strip()
    whole = T.clean_name(st)
    if len(whole.split()) >= 2 and all(w[:1].isupper() for w in whole.split()):
        return whole
    runs = T.name_runs(st)
    if runs and runs[-1][2] == len(st.rstrip(".")) and len(runs[-1][0].split()) >= 2:
        return runs[-1][0]
    return row.get("speaker_name") or (T.clean_name(st) if st else None)


def _voices_from_layer(text: str, rows: list[dict]) -> list[VoiceFact]:
    out = []
    last: str | None = None
    for r in sorted(rows, key=lambda r: r["start"]):
        name = speaker_name(r)
        if not name or name.lower() in T.PRONOUNS:
            name = last if (r.get("speaker_text") or "").strip().lower() in T.PRONOUNS else None
        if not name:
            continue
        if len(name.split()) >= 2 and name[:1].isupper():
            last = name
        kind = "direct" if r.get("kind") in ("direct", "mixed") else "indirect"
        out.append(VoiceFact(name, r["start"], r["end"], r.get("content_text") or r["text"], kind))
    return out


def _voices_from_text(art: ArticleFacts) -> list[VoiceFact]:
    out: list[VoiceFact] = []
    last: str | None = None
    full: list[str] = []
    for s in art.sentences:
        att = T.attribution(s.text)
        if att is None:
            continue
        name = resolve_name(att[0], last, full)
        if name is None:
            continue
        if name.lower() not in GROUP_NOUNS and name[:1].isupper():
            if len(name.split()) >= 2 and name not in full:
                full.append(name)
            last = name
        q = T.quotes(s.text)
        if q:
            a, b = q[0]
            out.append(VoiceFact(name, s.start + a, s.start + b, s.text[a:b], "direct"))
        else:
            out.append(VoiceFact(name, s.start, s.end, s.text, "indirect"))
    return out


def resolve_name(name: str, last: str | None, full: list[str]) -> str | None:
    """A pronoun → the last named speaker; a lone surname → the full name met earlier in the article."""
    if name.lower() in T.PRONOUNS:
        return last
    if len(name.split()) == 1:
        for f in reversed(full):
            if f.split()[-1] == name:
                return f
    return name


def _speaker_index(art: ArticleFacts) -> list[tuple[int, int, str, str]]:
    return [(v.start, v.end, v.name, v.kind) for v in art.voices]


# ----------------------------------------------------------------- numbers
def _source_for(art: ArticleFacts, sent: T.Sentence, start: int, speaker_at, last: str | None,
                full: list[str]) -> str | None:
    """On whose word the number at ``start`` is given (see ``compare.sources``)."""
    covering = [(name, kind) for a, b, name, kind in speaker_at if a <= start < b and name.lower() not in T.PRONOUNS]
    for name, kind in covering:  # inside quotation marks: the quote's speaker
        if kind == "direct":
            return name
    rel = start - sent.start
    found = clause_source(sent.text, rel) if 0 <= rel <= len(sent.text) else None
    if found is not None:
        name, whole = found
        if name.lower() in T.PRONOUNS or len(name.split()) == 1:
            named = [n for n, _ in covering if n.lower() not in T.PRONOUNS]
            if named and whole:
                return named[0]
        name = resolve_name(name, last, full)
        return _generic(art, clean_voice(name), start) if name else None
    spans = clauses(sent.text)

    def clause_at(pos: int) -> int:
        return next((i for i, (a, b) in enumerate(spans) if a <= pos - sent.start < b), -1)

    for a, b, name, kind in speaker_at:  # reported speech that opens in the number's own clause
        if a <= start < b and name.lower() not in T.PRONOUNS and clause_at(max(a, sent.start)) == clause_at(start):
            return _generic(art, name, start)
    return None


_GENERIC_HEAD = re.compile(r"^(?:the\s+)?(?P<head>society|force|ministry|agency|office|group|organisation|organization|"
                           r"committee|council|army|movement|front|government)$", re.IGNORECASE)


def _generic(art: ArticleFacts, name: str, pos: int) -> str:
    """``the society said`` → the full name ending in that noun met before in the article (or the outlet's)."""
    m = _GENERIC_HEAD.match(name.strip())
    if not m:
        return name
    head = m.group("head").lower()
    best = None
    for n, a, _ in art.names:
        if a < pos and n.split()[-1].lower() == head:
            best = n
    if best is None:
        for v in art.voices:
            if v.start < pos and v.name.split()[-1].lower() == head and len(v.name.split()) >= 2:
                best = v.name
    if best is None and art.outlet.split()[-1].lower() == head:
        best = art.outlet
    return best or name


def _place_numbers(art: ArticleFacts) -> None:
    """Set each number's counted group and whether it counts another event (``compare.instances``)."""
    year = art.pub_date.year if art.pub_date else None
    for nf in art.numbers:
        rel = nf.start - nf.sentence.start
        part = part_noun(nf.sentence.text, rel) if 0 <= rel < len(nf.sentence.text) else None
        nf.counted = counted_class(part or nf.counted or noun_after(art.text, nf.end))
        nf.scope = other_event(nf.sentence.text, rel, year)
        if nf.scope is None and nf.date and year and re.fullmatch(r"\d{4}(?:-\d{2})?", nf.date) \
                and int(nf.date[:4]) < year:  # the layer dated the count to an earlier year or month
            nf.scope = f"another event: {nf.date}"


def _numbers_from_text(art: ArticleFacts, speaker_at) -> list[NumberFact]:
    out = []
    last, full = None, []
    for s in art.sentences:
        att = T.attribution(s.text)
        wholes = [(s.start + a, s.start + b) for a, b, _ in group_size_spans(s.text)]
        for h in T.number_hits(s.text, s.start):
            if any(a <= h.num_start < b for a, b in wholes):
                continue  # the 90 in "40 of its roughly 90 members" is the group's size, not a count
            src = _source_for(art, s, h.num_start, speaker_at, last, full)
            out.append(NumberFact(h.event, h.value, h.modifier, h.num_start, h.num_end, art.text[h.num_start:h.num_end],
                                  s, src))
        if att is not None:
            name = resolve_name(att[0], last, full)
            if name and name.lower() not in GROUP_NOUNS and name[:1].isupper():
                if len(name.split()) >= 2 and name not in full:
                    full.append(name)
                last = name
    return out


def _numbers_from_layer(art: ArticleFacts, rows: list[dict], speaker_at) -> list[NumberFact]:
    out = []
    for r in rows:
        value = r.get("value")
        if value is None:
            value = r.get("low") if r.get("low") is not None else r.get("high")
        if value is None:
            continue
        start = r.get("number_start") if r.get("number_start") is not None else r["start"]
        end = r.get("number_end") if r.get("number_end") is not None else r["end"]
        sent = None
        if r.get("sentence_start") is not None:
            sent = T.Sentence(r["sentence_start"], r["sentence_end"], r["sentence_text"])
        sent = sent or art.sentence_at(start) or T.Sentence(r["start"], r["end"], r["text"])
        src = _source_for(art, sent, start, speaker_at, None, [])
        mod = r.get("modifier")
        surface = art.text[start:end].strip().lower()
        if r.get("value") is None and surface in VAGUE:
            mod = surface  # "dozens" stays a word with its range, never an invented 24
        nf = NumberFact(str(r.get("event") or "OTHER"), float(value), mod, start, end,
                        art.text[start:end], sent, src, r.get("date"))
        nf.counted = r.get("counted") or ""
        out.append(nf)
    # a toll the layer left untyped ("the death toll rose to at least 40"): the text rules' reading of it
    typed = [(nf.start, nf.end) for nf in out if nf.event != "OTHER"]
    for nf in _numbers_from_text(art, speaker_at):
        if nf.event != "OTHER" and not any(a < nf.end and nf.start < b for a, b in typed):
            out.append(nf)
    return out


# ----------------------------------------------------------------- dates
_REPORTING_BEFORE = re.compile(r"(?i)\b(?:%s)(?:\s+[a-z]+){0,2}\s+(?:on\s+|late\s+on\s+|early\s+on\s+)?$" % T.SPEECH)
_WORD = re.compile(r"[A-Za-z]+")
_FIGURE_BEFORE = re.compile(r"\b\d[\d,]*\s+(?:on\s+|by\s+)?$")  # "then at least 40 on Thursday": when a figure was given


def _attach_date(art: ArticleFacts, hit: T.DateHit) -> DateFact | None:
    sent = art.sentence_at(hit.start)
    if sent is None:
        return None
    rel_start = hit.start - sent.start
    before = sent.text[:rel_start]
    if _REPORTING_BEFORE.search(before) or _FIGURE_BEFORE.search(before):
        return DateFact(hit.value, hit.start, hit.end, art.text[hit.start:hit.end], None, "reported", sent)
    trigger = None
    for m in reversed(list(_WORD.finditer(before))):
        w = m.group(0).lower()
        if w in T.INCIDENT or w in T.OTHER_EVENTS:
            trigger = w
            break
    if trigger is None:  # a trigger right after the date ("on Tuesday the blast ...")
        after = sent.text[hit.end - sent.start:hit.end - sent.start + 30]
        for m in _WORD.finditer(after):
            w = m.group(0).lower()
            if w in T.INCIDENT or w in T.OTHER_EVENTS:
                trigger = w
                break
    if trigger is None:
        klass = None
    elif trigger in T.INCIDENT:
        klass = "incident"
    else:
        klass = trigger.rstrip("s") if trigger not in ("searched",) else "search"
    return DateFact(hit.value, hit.start, hit.end, art.text[hit.start:hit.end], trigger, klass, sent)
