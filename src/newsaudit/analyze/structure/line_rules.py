"""Line-level rules of the structure layer: which line is a byline, boilerplate, a note, a heading.

Each function looks at one line of text (already stripped) and is independent
of any particular article.  Regexes are compiled once at import (cheap).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..common.reference_entries import _NOT_NAME
from ..common.dates import MONTHS, FoundDate, find_dates

# ---------------------------------------------------------------- boilerplate
# A line that opens a trailing block of page furniture: everything after it is boilerplate.
BOILER_SECTION = re.compile(
    r"^[ \t]*(?:#+\s*)?(?:related(?:\s+(?:posts?|articles?|stories|content|coverage|reading|news|links))?|"
    r"you\s+(?:may|might)\s+also\s+(?:like|enjoy|be\s+interested\s+in)|more\s+(?:from|stories|on\s+this|news|to\s+read)\b.*|"
    r"recommended(?:\s+(?:for\s+you|reading|stories|articles))?|read\s+(?:more|next|also)\b.*|see\s+also|"
    r"leave\s+a\s+(?:comment|reply)|post\s+a\s+comment|\d*\s*comments?(?:\s*\(\d+\))?|join\s+the\s+discussion|"
    r"share\s+(?:this|the)(?:\s+(?:article|story|post|page))?(?:\s+(?:on|via)\b.*)?|share\s+on\b.*|"
    r"follow\s+us\b.*|subscribe\b.*|sign\s+up\b.*|newsletter\b.*|tags?\s*:.*|filed\s+under\b.*|posted\s+in\b.*|"
    r"categor(?:y|ies)\s*:.*|about\s+the\s+authors?|most\s+(?:read|popular|viewed)|trending(?:\s+now)?|"
    r"popular\s+(?:posts|stories)|previous\s+(?:post|article)\b.*|next\s+(?:post|article)\b.*|"
    r"(?:©|copyright\b).*|all\s+rights\s+reserved\.?)[ \t]*[:.!]?[ \t]*$",
    re.I,
)
# A line of page furniture that may sit anywhere (it is dropped, nothing else).
_SOCIAL = r"(?:facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|telegram|email|e-mail|print|copy\s+link|tweet|share)"
BOILER_LINE = re.compile(
    r"^[ \t]*(?:advertisement|sponsored(?:\s+content)?|skip\s+to\s+(?:main\s+)?content|click\s+here\b.*|"
    r"loading\.*|image|photo|video|caption)[ \t]*:?[ \t]*$|"
    r"^[ \t]*" + _SOCIAL + r"(?:[ \t]*[|·•,/][ \t]*" + _SOCIAL + r")*[ \t]*$",
    re.I,
)

# teasers for other stories: ``Read also: …``, ``Related: …``, ``SEE ALSO: …``
TEASER_LINE = re.compile(r"^[ \t]*(?:read|see)\s+(?:also|more)\s*[:\-–—]|^[ \t]*(?:related(?:\s+(?:stories|articles|coverage))?|"
                         r"also\s+read|recommended|more\s+from\s+[\w ]{1,30}|you\s+may\s+also\s+like)\s*:", re.I)
_NAV_SEP = re.compile(r"\s+[|·•»›/]\s+|\s*[|·•]\s*")


def is_furniture_line(line: str) -> bool:
    """A single line of page furniture: ``Advertisement``, share buttons, a navigation bar (``Home | News | Sport``)."""
    s = line.strip()
    if len(s.split()) <= 8 and BOILER_LINE.match(s):
        return True
    if len(s.split()) <= 25 and TEASER_LINE.match(s):
        return True
    if not re.search(r"[^\W\d_]", s):  # "* * *", "-----", "3": separators and stray numbers
        return not re.fullmatch(r"\[[\d\s,–-]+\]", s)  # but a lone "[1]" is a citation marker
    if s.startswith("©") and len(s.split()) <= 30:  # a photo credit or copyright line
        return True
    items = [x for x in _NAV_SEP.split(s) if x.strip()]
    return len(items) >= 3 and all(len(x.split()) <= 3 and not x.rstrip().endswith((".", "?", "!")) for x in items)


# ---------------------------------------------------------------- notes
NOTE_ANYWHERE = re.compile(
    r"^[ \t]*(?:\*+|†+|‡)?[ \t]*(?:disclosure|full\s+disclosure|disclaimer|editor['’]?s?\s+note|editors['’]\s+note|"
    r"author['’]?s\s+note|note\s+to\s+readers|correction|clarification|update(?:d)?\s*\(|"
    r"this\s+(?:article|story|post|report|piece|column)\s+(?:(?:was|has\s+been|is)\s+(?:originally\s+|first\s+)?"
    r"(?:published|republished|updated|corrected|amended|adapted|produced|written|reprinted|syndicated|part\s+of|"
    r"funded|supported|sponsored)|(?:first|originally)\s+(?:appeared|ran|published)))\b",
    re.I,
)
NOTE_MARK = re.compile(r"^[ \t]*(?:\*+|†+|‡+)(?=[^\s*†‡])|^[ \t]*(?:\*{1,3}|†|‡)[ \t]+[^\s*]")


def is_marked_note(line: str) -> bool:
    """``*Quotes extracted from ...``, ``† The author ...``; a bullet (``* item``) only when it is a long sentence."""
    m = NOTE_MARK.match(line)
    if not m:
        return False
    if re.match(r"^[ \t]*(?:\*+|†+|‡+)\S", line):
        return True
    return len(line.split()) >= 12 and ends_like_sentence(line)

# ---------------------------------------------------------------- bylines
_BY = re.compile(r"^(?P<lead>(?:(?:written|posted|story|words|reporting|text|report)\s+)?by\s+)", re.I)
_AUTHOR_FIELD = re.compile(r"^(?:author|authors|writer|reporter|byline)s?\s*:\s*", re.I)
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"}
_NAME_TOK = re.compile(r"(?:[A-ZÀ-Ý][\w'’À-ÿ.-]*|de|da|del|di|van|von|der|den|al|el|bin|ibn|la|le|du|dos|ter)")
_ROLE = re.compile(
    r"^(?:staff|senior|chief|special|contributing|guest|political|foreign|science|health|business|"
    r"[a-z]+\s+)?(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|analyst|staff)\b",
    re.I,
)
_TIME = re.compile(r"^\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?\s*", re.I)
_DATE_LEAD = re.compile(r"^(?:published|posted|updated|first\s+published|last\s+updated|date)?\s*:?\s*(?:on\b\s*)?$", re.I)


@dataclass
class BylineParse:
    authors: list[tuple[int, int]] = field(default_factory=list)  # offsets within the line
    date: FoundDate | None = None


def _people(line: str, a: int, b: int) -> tuple[list[tuple[int, int]], int]:
    """Names in ``line[a:b]`` separated by ``,``/``and``/``&``; returns their spans and where reading stopped."""
    spans: list[tuple[int, int]] = []
    pos = a
    sep = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)", re.I)
    while pos < b:
        m = re.compile(r"\s*").match(line, pos)
        pos = m.end()
        toks_end = pos
        n = 0
        words = []
        org = False
        for t in re.finditer(r"\S+", line[pos:b]):
            tok = t.group(0).rstrip(",;|")
            if not _NAME_TOK.fullmatch(tok) or tok.lower() == "and" or (n == 0 and tok[:1].islower()):
                break
            if tok.lower().strip(".") in _NOT_NAME or tok.lower() in _WEEKDAYS or tok.lower().strip(".") in MONTHS:
                org = tok.lower().strip(".") in _NOT_NAME
                break
            words.append(tok)
            toks_end = pos + t.start() + len(tok)
            n += 1
            if t.group(0) != tok or n == 5:  # punctuation closes the name
                break
        if n == 0 or org or not any(w[:1].isupper() for w in words):
            break
        spans.append((pos, toks_end))
        pos = toks_end
        m = sep.match(line, pos)
        if not m or m.end() == pos:
            break
        nxt = line[m.end():b]
        if not nxt[:1].isupper() or _ROLE.match(nxt):
            break
        pos = m.end()
    return spans, (spans[-1][1] if spans else a)


def parse_byline(line: str) -> BylineParse | None:
    """Read a byline: ``By Jane Roe and Ivo Brack, March3, 2021``, ``Posted on 3 March 2021 by Jane Roe``,
    ``Author: Jane Roe``, or ``Jane Roe | March 3, 2021``.  None when the line is not a byline."""
    s = line.rstrip()
    if not s or len(s) > 160 or len(s.split()) > 22:
        return None
    bare = s.rstrip("”\"’')")
    if bare.endswith(".") and not re.search(r"\b[A-Z]\.$|\b(?:Jr|Sr|Dr)\.$", bare):
        return None  # a sentence, not a byline
    dates = [d for d in find_dates(s, years=False) if d.precision in ("day", "monthday")]
    date = next((d for d in dates if d.precision == "day"), None)
    m = _BY.search(s) if _BY.match(s) else re.search(r"\s(?P<lead>by\s+)", s, re.I)
    lead_end = None
    if m and _BY.match(s):
        lead_end = m.end()
    elif m and date is not None and m.start() > date.start:
        # "Posted on March 3, 2021 by Jane Roe"
        head = s[: date.start]
        if not _DATE_LEAD.match(head.strip()):
            return None
        lead_end = m.end()
    else:
        f = _AUTHOR_FIELD.match(s)
        if f:
            lead_end = f.end()
    if lead_end is not None:
        stop = date.start if date is not None and date.start > lead_end else len(s)
        spans, end = _people(s, lead_end, stop)
        if not spans:
            return None
        if not _rest_is_furniture(s, end, date):
            return None
        return BylineParse(spans, date)
    # "Jane Roe, March 3, 2021" / "Jane Roe | 3 March 2021": names then a full date, nothing else
    if date is None:
        return None
    spans, end = _people(s, 0, date.start)
    if not spans or any(len(s[x:y].split()) < 2 for x, y in spans):  # "Rome, August 22, 2018" is a dateline
        return None
    if spans[0][0] > 0 or not re.fullmatch(r"[\s,|·•—–-]*(?:on\s+)?", s[end: date.start]):
        return None
    tail = s[date.end:]
    if tail.strip() and not _TIME.fullmatch(tail):
        return None
    return BylineParse(spans, date)


def _rest_is_furniture(s: str, end: int, date: FoundDate | None) -> bool:
    """After the names: separators, a role, an outlet after ``|``/``,``/``for``, the date, a time."""
    rest = s[end:]
    if date is not None and date.start >= end:
        rest = s[end: date.start] + " " + s[date.end:]
    rest = _TIME.sub(" ", rest)
    rest = re.sub(r"\b(?:updated|published|posted|on|at)\b", " ", rest, flags=re.I)
    words = re.findall(r"[A-Za-z][\w'’.-]*", rest)
    if not words:
        return True
    if not re.match(r"^\s*(?:[,|·•—–-]|\bfor\b|\bof\b|\bin\b)", rest):
        return False
    low = [w for w in words if w[:1].islower() and w.lower() not in ("for", "of", "in", "the", "and", "at", "special", "staff")]
    return len(words) <= 8 and len(low) <= 1


def is_date_line(line: str) -> FoundDate | None:
    """``March 3, 2021``, ``Published: 3 March 2021, 10:40 GMT``, ``Updated on 2021-03-03``."""
    s = line.strip()
    if len(s) > 80:
        return None
    d = next((x for x in find_dates(s, years=False) if x.precision == "day"), None)
    if d is None:
        return None
    head = s[: d.start]
    head = re.sub(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b,?", " ", head)
    if not _DATE_LEAD.match(head.strip()):
        return None
    tail = s[d.end:]
    if tail.strip() and not _TIME.fullmatch(tail) and not re.fullmatch(r"\s*[|·•,—–-].{0,40}", tail):
        return None
    if tail.strip() and not _TIME.fullmatch(tail):
        lower = [w for w in re.findall(r"[A-Za-z][\w'’]*", tail) if w[0].islower()]
        if len(lower) > 2 or tail.rstrip().endswith(":"):
            return None  # ``On July 6, 2015, Sanders made the following comment:`` is a sentence
    return d


# ---------------------------------------------------------------- headings
_STOP = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as",
         "is", "are", "was", "vs", "via", "into", "over", "after", "before", "about", "than", "its", "their"}
_SENTENCE_END = re.compile(r"[.;:,]$")
_QUOTES_END = "”\"’'»"


def _titlecase_share(words: list[str]) -> float:
    content = [w for w in words if w.lower().strip(_QUOTES_END + "“‘«(") not in _STOP and re.search(r"[A-Za-z]", w)]
    if not content:
        return 0.0
    return sum(1 for w in content if w.lstrip("“\"‘'«(")[:1].isupper()) / len(content)


def two_sentences(line: str) -> bool:
    return bool(re.search(r"[a-z0-9][.!?][”\"’]?\s+[A-Z“\"]", line))


def heading_kind(line: str) -> str | None:
    """``"question"``, ``"heading"`` or None: a short line that reads as a subheading."""
    s = line.strip()
    if _TRAILING_MARKERS.search(s):
        return None
    if re.match(r"#{1,6}\s", s):
        return "question" if s.rstrip().endswith("?") else "heading"
    words = s.split()
    if s.startswith(("#", "@")) or not re.search(r"[^\W\d_]{3}", s) or s.endswith("*") or "•" in s:
        return None
    if not words or len(s) > 150 or s[:1].islower() or s[:1] in "“\"‘'«([-–—•*":
        return None
    if s[-1] in _QUOTES_END or _SENTENCE_END.search(s):
        return None
    if two_sentences(s):
        return None
    if s.endswith("?"):
        return "question" if len(words) <= 20 else None
    if len(words) > 14:
        return None
    if s.endswith("!"):
        return "heading" if _titlecase_share(words) >= 0.7 and 2 <= len(words) <= 10 else None
    if s.isupper() and len(words) <= 12:
        return "heading"
    if _titlecase_share(words) >= 0.7 or len(words) <= 6:
        return "heading"
    return None


_TRAILING_MARKERS = re.compile(r"(?:\s*(?:\[[\d\s,;–—-]+\]|\(\d{1,3}\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+))+$")


def ends_like_sentence(line: str) -> bool:
    s = _TRAILING_MARKERS.sub("", line.rstrip()).rstrip(_QUOTES_END + ")]")
    return s.endswith((".", "!", "?", "…", ":"))
