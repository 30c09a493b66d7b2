"""Reference-list entries: recognise numbered lines and parse them into sources.

Used by the structure layer (to find the reference block) and the citations
layer (to read its entries).  Handles the common shapes of news and blog
reference lists:

* ``Dunmore, Kit, Title of story, The Valley Wire, March4, 2021``
* ``Kit Dunmore and Lea Moss, "Title," Outlet, 13 September 2013, https://...``
* ``Moss, L. & Reyes, K. (2019). Title of report. Publisher. https://...``
* ``"Title", Outlet, 2020`` / ``Outlet: Title (2020)``
* ``ibid``, ``Ibid., p. 4``, ``id.``, ``op. cit.``, ``Moss, op. cit., p. 9``
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import find_dates

# A numbered line: "[3] ...", "3. ...", "(3) ...", "3) ...", "³ ..."
ENTRY_LINE = re.compile(
    r"^[ \t]*(?:\[(?P<b>\d{1,3})\]|\((?P<p>\d{1,3})\)|(?P<d>\d{1,3})[.)](?=\s)|(?P<s>[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}))[ \t]*(?P<rest>\S.*)?$"
)
MAX_ENTRY_CHARS = 1000  # a reference entry is short; longer lines are read only this far
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

REF_HEADING = re.compile(
    r"^[ \t]*(?:#+\s*)?(?:references?|notes?|sources?|footnotes?|end\s*notes?|bibliography|works\s+cited|"
    r"citations?|further\s+reading|sources\s+and\s+notes)[ \t]*:?[ \t]*$",
    re.I,
)

IBID = re.compile(
    r"^(?P<pre>[^\n]*?)\b(?P<kw>ibid(?:em)?\b\.?|ib\.|id\.|op\.?\s*cit\b\.?|loc\.?\s*cit\b\.?)"
    r"(?P<post>\s*,?\s*(?:(?:pp?|pages?|at)\.?\s*)?[\divxlc]+(?:\s*[-–]\s*[\divxlc]+)?\.?)?\s*[.;,]?\s*$",
    re.I,
)
# "id." alone is only an ibid when it is the whole entry (or the whole entry but a page number)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+", re.I)
_QUOTED = re.compile(r"[“\"‘](?P<t>[^“”\"]{3,}?)[”\"’]")
_ACCESSED = re.compile(r"\b(?:retrieved|accessed|archived|last\s+visited|viewed)\b[^,;]*", re.I)

_NAME_TOKEN = r"(?:[A-ZÀ-Ý][\w'’À-ÿ-]*\.?|(?:de|da|del|della|di|van|von|der|den|ter|al|el|bin|ibn|la|le|du|dos|das)(?=[\s-]))"
_PERSON = re.compile(r"^" + _NAME_TOKEN + r"(?:[ \t]+" + _NAME_TOKEN + r"){1,4}$")
_SURNAME = re.compile(r"^(?:(?:de|da|van|von|der|al|el|bin|ibn|la|le|du)[ -])*[A-ZÀ-Ý][\w'’À-ÿ-]+$")
_GIVEN = re.compile(r"^(?:[A-ZÀ-Ý][\w'’À-ÿ-]*\.?|[A-Z]\.)(?:[ \t]*(?:[A-ZÀ-Ý][\w'’À-ÿ-]*\.?|[A-Z]\.)){0,2}$")
_AND = re.compile(r"\s*(?:,\s*)?(?:\band\b|&|;)\s*")
# words that make a capitalised phrase an organisation or a title, not a person
_NOT_NAME = {
    "the", "news", "press", "times", "post", "agency", "daily", "journal", "report", "reports", "ministry",
    "council", "office", "department", "university", "institute", "center", "centre", "association",
    "committee", "commission", "bureau", "service", "services", "network", "radio", "television", "tv",
    "group", "foundation", "organization", "organisation", "government", "police", "court", "bank",
    "company", "inc", "ltd", "llc", "magazine", "gazette", "herald", "tribune", "review", "world", "global",
    "international", "national", "united", "nations", "state", "states", "city", "county", "un", "of", "for",
    "in", "on", "at", "to", "and", "a", "an", "is", "are", "was", "new", "how", "why", "what", "who", "when",
    "staff", "editorial", "board", "reuters", "afp", "ap", "bbc", "cnn", "wire", "online", "blog", "website",
    "channel", "broadcasting", "media", "statement", "release", "health", "school", "hospital", "union",
    "authority", "administration", "party", "federation", "league", "corporation", "corp", "trust", "society",
    "fund", "project", "watch", "rights", "human", "alliance", "coalition", "museum", "library", "court",
    "ministry", "police", "army", "navy", "force", "forces", "club", "partners", "research", "studies",
    "infrastructure", "rail", "railway", "railways", "airline", "airlines", "airport", "energy", "water", "power",
    "systems", "transport", "transit", "education", "regional", "federal", "public", "general", "central",
    "unit", "team", "labs", "lab", "technologies", "technology", "industries", "holdings", "capital",
    "solutions", "works", "community", "region", "province", "district", "municipal", "maritime", "housing",
    "environment", "environmental", "climate", "science", "medical", "care", "rescue", "emergency", "security",
    "defence", "defense", "justice", "prison", "border", "customs", "finance", "treasury", "economic",
    "statistics", "insurance", "trade", "chamber", "commerce", "industry", "northern", "southern", "eastern",
    "western", "observatory", "monitor", "records", "archive", "archives", "official", "officials", "sources",
}


@dataclass
class EntryLine:
    number: int
    style: str  # bracket | paren | dot | superscript
    rest_start: int  # offset (in the line) where the entry's own text begins


def match_entry_line(line: str) -> EntryLine | None:
    m = ENTRY_LINE.match(line)
    if not m or m.group("rest") is None:
        return None
    if m.group("b"):
        num, style = m.group("b"), "bracket"
    elif m.group("p"):
        num, style = m.group("p"), "paren"
    elif m.group("d"):
        num, style = m.group("d"), "dot"
    else:
        num, style = m.group("s").translate(SUPERSCRIPTS), "superscript"
    return EntryLine(int(num), style, m.start("rest"))


def looks_bibliographic(rest: str) -> bool:
    """Does the text after an entry number read like a reference (not a list item of prose)?"""
    rest = rest[:MAX_ENTRY_CHARS]
    if IBID.match(rest.strip()):
        return True
    if _URL.search(rest):
        return True
    has_date = any(f.precision in ("day", "month", "year") for f in find_dates(rest))
    return has_date and rest.count(",") + rest.count(".") >= 2


@dataclass
class ParsedRef:
    authors: list[str] = field(default_factory=list)
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    is_ibid: bool = False
    ibid_author: str | None = None  # "Moss, op. cit." names the work it points back to


def _clean(s: str | None) -> str | None:
    if s is None:
        return None
    s = s.strip(" \t,;:.–—-|()[]")
    s = re.sub(r"\s+", " ", s)
    s = s.strip("“”\"‘’ ")
    return s or None


def _is_person(s: str) -> bool:
    s = s.strip()
    if not _PERSON.match(s):
        return False
    words = [w.strip(".").lower() for w in s.split()]
    return not any(w in _NOT_NAME for w in words)


def _split_people(s: str) -> list[str] | None:
    """``A B and C D`` / ``A B, C D & E F`` → names, or None when it is not a list of people."""
    parts = [p for p in re.split(r"\s*(?:,\s*(?:and\s+|&\s*)?|\band\b|&|;)\s*", s.strip()) if p.strip()]
    if parts and all(_is_person(p) for p in parts):
        return [_clean(p) for p in parts]  # type: ignore[misc]
    return None


def _inverted_authors(segs: list[str]) -> tuple[list[str], int]:
    """Read ``Surname, Given[; Surname, Given | and Surname, Given]`` from the segment list."""
    authors: list[str] = []
    i = 0
    inserted = 0
    while i + 1 < len(segs):
        sur = segs[i].strip()
        given = segs[i + 1].strip()
        lead = re.match(r"^(?:and|&)\s+", sur)
        if lead:
            sur = sur[lead.end():]
        # "Given" may carry the next author after "and"/"&": "Adam and Moss"
        nxt = None
        m = re.match(r"^(?P<g>.+?)\s*(?:\band\b|&)\s*(?P<n>.+)$", given)
        if m and _GIVEN.match(m.group("g").strip()) and _SURNAME.match(m.group("n").strip()):
            given, nxt = m.group("g").strip(), m.group("n").strip()
        if not (_SURNAME.match(sur) and _GIVEN.match(given)) or sur.lower() in _NOT_NAME or given.lower().strip(".") in _NOT_NAME:
            break
        authors.append(f"{given} {sur}")
        i += 2
        if nxt is not None:
            segs = segs[:i] + [nxt] + segs[i:]
            inserted += 1
    return authors, i - inserted


def parse_reference(rest: str) -> ParsedRef:
    """Parse the text of one entry (after its number)."""
    ref = ParsedRef()
    body = " ".join(rest[:MAX_ENTRY_CHARS].split())
    m = IBID.match(body)
    if m and (m.group("kw").lower().startswith(("ib", "op", "loc")) or not m.group("pre").strip()):
        ref.is_ibid = True
        pre = _clean(m.group("pre"))
        if pre:
            ref.ibid_author = pre
        return ref
    work = body
    url = _URL.search(work)
    if url:
        ref.url = url.group(0).rstrip(".,;)]")
        work = work[: url.start()] + " " + work[url.end():]
    work = _ACCESSED.sub(" ", work)
    dates = [d for d in find_dates(work) if d.iso]
    if dates:
        best = max(dates, key=lambda d: ({"day": 3, "month": 2, "year": 1}[d.precision], d.start))
        ref.date = best.iso
        # APA: "Authors (2019). Title. Publisher."
        before, after = work[: best.start], work[best.end:]
        if re.search(r"\(\s*$", before) and re.match(r"^\s*[a-z]?\)", after):
            head = _clean(before)
            names = _authors_from(head or "")
            tail = [s for s in re.split(r"(?<=[^A-Z]\.)\s+|(?<=[?!])\s+", after.lstrip(" )").strip()) if _clean(s)]
            ref.authors = names or []
            if not names and head:
                ref.publisher = head
            if tail:
                ref.title = _clean(tail[0])
            if len(tail) > 1:
                ref.publisher = ref.publisher or _clean(tail[1])
            return ref
        work = before + " " + after
    quoted = _QUOTED.search(work)
    if quoted:
        ref.title = _clean(quoted.group("t"))
        head = _clean(work[: quoted.start()])
        tail = _clean(work[quoted.end():])
        if head:
            names = _authors_from(head)
            if names:
                ref.authors = names
            else:
                ref.publisher = head
        if tail and not ref.publisher:
            ref.publisher = _clean(re.split(r",|\.\s", tail)[0])
        return ref
    segs = [s for s in (x.strip() for x in re.split(r",|;|\s[–—|]\s|(?<=[a-z0-9)])\.\s", work)) if _clean(s)]
    authors, used = _inverted_authors(segs)
    if not authors and segs:
        people = _split_people(segs[0])
        if people and len(segs) > 1:
            authors, used = people, 1
    ref.authors = authors
    rest_segs = [_clean(s) for s in segs[used:]]
    rest_segs = [s for s in rest_segs if s]
    if len(rest_segs) == 1:
        ref.title = rest_segs[0]
    elif len(rest_segs) >= 2:
        ref.title = ", ".join(rest_segs[:-1])
        ref.publisher = rest_segs[-1]
    return ref


def _authors_from(head: str) -> list[str] | None:
    segs = [s.strip() for s in re.split(r",|;", head) if s.strip()]
    inv, used = _inverted_authors(segs)
    if inv and used == len(segs):
        return inv
    return _split_people(head)


def source_key(authors: list[str], title: str | None, publisher: str | None, url: str | None) -> str | None:
    """A normalised identity of a source, for spotting the same source under several numbers."""
    if url:
        return "url:" + re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower()).rstrip("/")
    if not title:
        return None
    norm = lambda s: re.sub(r"[^a-z0-9]+", " ", (s or "").lower()).strip()  # noqa: E731
    return "|".join([norm(" ".join(sorted(authors))), norm(title), norm(publisher)])
