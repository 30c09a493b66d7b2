"""Which event instance a reported count belongs to: event type, counted group, and whether it is this event.

A toll line must hold only counts of the event being compared. Three kinds of number look like tolls and
are not: counts of **other events** mentioned in passing (``Last year, 17 people were executed``, ``In
March 2025, 23 people were killed in a raid on ...``, running totals ``since 2023``), **group sizes**
(the 90 in ``40 of its roughly 90 members``) and **other counted groups** (``three soldiers were killed``
is a line of its own: ``killed — soldiers``). Rules only, over the sentence holding the number.
"""
from __future__ import annotations

import re

# counted nouns that name the event's victims in general (one line: "people")
GENERAL = {"people", "persons", "person", "residents", "resident", "civilians", "civilian", "villagers", "inhabitants",
           "victims", "dead", "bodies", "individuals", "men", "others", "", None}
SECURITY = {"soldiers", "soldier", "troops", "police", "policemen", "officers", "police officers", "guards",
            "servicemen", "security personnel", "personnel", "fighters", "militants", "gunmen", "attackers", "rebels"}
SUBSETS = {"children", "child", "women", "girls", "boys", "minors", "babies", "students", "journalists", "doctors",
           "nurses", "aid workers", "refugees", "pupils"}
MEMBERS = {"members", "member"}

_NOUN_AFTER = re.compile(r"^[ \t]*(?:[a-z]+(?:-[a-z]+)?[ \t]+)?(?P<noun>[a-z]+(?:[ \t]+(?:officers|workers|personnel))?)")
_GROUP_OF = re.compile(r"(?i)\b(?P<part>[\w,.-]+)\s+of\s+(?:its|their|the|his|her|our|an estimated|some)?\s*"
                       r"(?:roughly|about|around|some|nearly|almost|approximately|more than|over)?\s*"
                       r"(?P<whole>\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+(?P<noun>[a-z]+)")
_OTHER_TIME = re.compile(
    r"(?i)\b(?:last|previous|past)\s+(?:year|month|decade|summer|winter|spring|autumn)\b|\b(?:a|one|two|three|several)\s+"
    r"years?\s+(?:ago|earlier|before)\b|\bsince\s+(?:the\s+)?(?:\d{4}|[a-z]+\s+(?:began|started|collapsed))|"
    r"\bsince\s+\d{4}\b|\bin\s+(?:(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s+)?(?P<year>\d{4})\b|\bearlier this year\b|\bthis is not the first\b|\bsimilar (?:raid|attack|"
    r"incident|massacre)\b")
_RUNNING = re.compile(r"(?i)\bsince\b|\bso far this year\b|\bin total\b|\bover the (?:past|last)\b")


def counted_class(noun: str | None) -> str:
    """The counted group a line shows: ``people`` (the event's victims), ``soldiers``, ``members``, ``children`` ..."""
    n = (noun or "").strip().lower()
    if n in GENERAL:
        return "people"
    if n in SECURITY:
        return "soldiers" if n not in ("fighters", "militants", "gunmen", "attackers", "rebels") else "attackers"
    if n in MEMBERS:
        return "members"
    if n in SUBSETS:
        return {"child": "children"}.get(n, n)
    return n if n.endswith("s") else "people"


def noun_after(text: str, end: int) -> str | None:
    """The counted noun right after a number ending at ``end`` (``52 people``, ``three soldiers``)."""
    m = _NOUN_AFTER.match(text[end:end + 40])
    if not m:
        return None
    words = m.group(0).split()
    for w in words:
        lw = w.lower().strip(",.")
        if lw in GENERAL or lw in SECURITY or lw in MEMBERS or lw in SUBSETS:
            return lw
    return m.group("noun").lower()


def group_size_spans(sentence: str) -> list[tuple[int, int, str]]:
    """Spans (within ``sentence``) of the *whole* in ``40 of its roughly 90 members``, with the counted noun."""
    out = []
    for m in _GROUP_OF.finditer(sentence):
        part = m.group("part").strip(",.").lower()
        if not (part[:1].isdigit() or part in _WORDISH):
            continue
        out.append((m.start("whole"), m.end("whole"), m.group("noun").lower()))
    return out


def part_noun(sentence: str, rel: int) -> str | None:
    """For the part of ``40 of its roughly 90 members`` starting at ``rel``: the noun counted (``members``)."""
    for m in _GROUP_OF.finditer(sentence):
        if m.start("part") <= rel < m.end("part"):
            return m.group("noun").lower()
    return None


_WORDISH = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "dozens", "half", "most",
            "many", "some", "all", "hundreds"}


def other_event(sentence: str, rel: int, event_year: int | None) -> str | None:
    """Why the count at offset ``rel`` of ``sentence`` belongs to another event (``last year``, ``since 2023``,
    ``in March 2025``: the marker nearest before it, else the first after it), or None."""
    before, after = None, None
    for m in _OTHER_TIME.finditer(sentence):
        year = m.group("year")
        if year is not None and (not 1900 <= int(year) <= 2100 or event_year is not None and int(year) == event_year):
            continue
        if m.start() <= rel:
            before = m
        elif after is None:
            after = m
    m = before or after
    if m is None:
        return None
    phrase = " ".join(m.group(0).split())
    phrase = phrase[:1].lower() + phrase[1:]
    return ("running total: " if _RUNNING.search(phrase) else "another event: ") + phrase
