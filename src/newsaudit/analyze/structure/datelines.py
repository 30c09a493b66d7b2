"""Datelines: the place, date and agency a wire or newspaper story opens with.

Recognised at the start of the first body paragraph (or on a line of its own before it), in the common
agency and newspaper forms::

    KESTRAVA, Ruritania, March 3, 2019 (AFP) —      KESTRAVA (Reuters) -
    KESTRAVA, Ruritania —                           KESTRAVA, March 3 (AP) --
    (Kestrava, March 3, 2019) –                     (CNN) —

The place is written in capitals (or, inside parentheses, in title case), a region and a date may
follow after commas, the agency stands in parentheses, and a dash (``—``, ``–``, ``--``, `` - ``, ``_``)
ends the dateline.  A capitalised opening without that closing dash (``NASA said on Monday …``) is no
dateline.  Pure regular expressions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..common.dates import MONTHS

# agencies named in datelines, with the name a reader knows them by
AGENCIES = {
    "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "reuters": "Reuters", "thomson reuters": "Reuters",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "upi": "UPI", "united press international": "UPI",
    "dpa": "dpa", "xinhua": "Xinhua", "efe": "EFE", "ansa": "ANSA", "pti": "PTI", "ians": "IANS",
    "kyodo": "Kyodo", "yonhap": "Yonhap", "tass": "TASS", "itar-tass": "TASS", "anadolu": "Anadolu",
    "aa": "Anadolu", "cnn": "CNN", "bloomberg": "Bloomberg", "interfax": "Interfax", "sputnik": "Sputnik",
    "ria novosti": "RIA Novosti", "kuna": "KUNA", "wafa": "WAFA", "sana": "SANA", "irna": "IRNA",
    "ani": "ANI", "bernama": "Bernama", "antara": "Antara", "aap": "AAP", "cp": "CP",
    "the canadian press": "CP", "canadian press": "CP", "pa": "PA", "press association": "PA",
    "lusa": "Lusa", "pap": "PAP", "mti": "MTI", "bta": "BTA", "ctk": "ČTK", "čtk": "ČTK",
    "ukrinform": "Ukrinform", "unian": "UNIAN", "nna": "NNA", "apa": "APA", "belga": "Belga",
    "kna": "KNA", "cna": "CNA", "bna": "BNA", "spa": "SPA", "wam": "WAM", "mena": "MENA", "qna": "QNA",
    "ap photo": "AP",
}

_MONTH = r"(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_DATE = (r"(?P<date>" + _MONTH + r"\s+[0-3]?\d(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?"
         r"|[0-3]?\d\s+" + _MONTH + r"(?:\s+(?:19|20)\d\d)?)")
_CAPS_WORD = r"[A-Z][A-Z.'’\-]*[A-Z.]"  # KESTRAVA, ST., N.Y., O'NEILL
_PLACE = r"(?P<place>" + _CAPS_WORD + r"(?:\s+" + _CAPS_WORD + r"){0,4})"
_TITLE_WORD = r"[A-Z][A-Za-z.'’\-]*"
_REGION = r"(?P<region>" + _TITLE_WORD + r"(?:\s+(?:of\s+|and\s+)?" + _TITLE_WORD + r"){0,3})"
_AGENCY = r"\((?P<agency>[A-Za-z][A-Za-z.&'’\-]{1,24}(?:\s+[A-Za-z.&'’\-]{1,24}){0,3})\)"
_DASH = r"\s*(?:—|–|―|‒|--|-(?=\s)|_(?=\s)|:(?=\s))\s*"

CAPS_FORM = re.compile(
    r"^[ \t]*" + _PLACE + r"(?:,\s*" + _REGION + r")??(?:,\s*" + _DATE + r")?\s*(?:" + _AGENCY + r")?" + _DASH)
PAREN_FORM = re.compile(
    r"^[ \t]*\((?P<place>" + _TITLE_WORD + r"(?:\s+" + _TITLE_WORD + r"){0,3})(?:,\s*" + _REGION + r")??"
    r"(?:,\s*" + _DATE + r")?\)" + _DASH)
AGENCY_ONLY = re.compile(r"^[ \t]*" + _AGENCY + _DASH)
# ``Washington (AFP) –``, ``Dec 29 (Reuters) -``: a title-case place or a bare date, then a known agency
TITLE_FORM = re.compile(
    r"^[ \t]*(?:(?P<place>" + _TITLE_WORD + r"(?:\s+" + _TITLE_WORD + r"){0,3})(?:,\s*" + _REGION + r")??"
    r"(?:,\s*" + _DATE + r")?|" + _DATE.replace("?P<date>", "?P<date2>") + r")\s*" + _AGENCY + _DASH)

# capitalised openings that are not places (a headline word, a heading, a shout)
_NOT_PLACES = frozenset("""UPDATE UPDATED BREAKING EXCLUSIVE WARNING ALERT WATCH VIDEO PHOTOS LIVE OPINION
EDITORIAL ANALYSIS NOTE CORRECTION ADVERTISEMENT SPONSORED FLASH URGENT BULLETIN NEWS REVIEW COMMENT
EDITOR'S NOTE""".split())


@dataclass(frozen=True)
class FoundDateline:
    start: int  # offsets relative to the string searched
    end: int  # end of the whole dateline, closing dash and spaces included
    place: str | None
    region: str | None
    date: tuple[int, int] | None
    agency: str | None  # canonical name (``AP``, ``Reuters``) or as written when unknown
    agency_text: str | None


def canonical_agency(name: str) -> str | None:
    """The agency a parenthesised name stands for; None when it does not look like one."""
    key = " ".join(name.lower().replace("’", "'").split())
    if key in AGENCIES:
        return AGENCIES[key]
    words = name.split()
    # an unknown short all-capitals name (``(KNA)``) is taken as an agency; other words are not
    if len(words) == 1 and re.fullmatch(r"[A-Z]{2,6}", name):
        return name
    return None


def find_dateline(line: str) -> FoundDateline | None:
    """The dateline at the start of ``line``, if it has one."""
    m = AGENCY_ONLY.match(line)
    if m:
        agency = canonical_agency(m.group("agency"))
        if agency:
            return FoundDateline(m.start("agency") - 1, m.end(), None, None, None, agency, m.group("agency"))
        return None
    m = TITLE_FORM.match(line)
    if m and canonical_agency(m.group("agency")) in set(AGENCIES.values()):
        span = m.span("date") if m.group("date") else (m.span("date2") if m.group("date2") else None)
        place = m.group("place")
        if place is None or place.split()[0] not in _NOT_PLACES:
            return FoundDateline(len(line) - len(line.lstrip(" \t")), m.end(), place, m.group("region"), span,
                                 canonical_agency(m.group("agency")), m.group("agency"))
    for form in (CAPS_FORM, PAREN_FORM):
        m = form.match(line)
        if not m:
            continue
        place = m.group("place").strip()
        agency_text = m.groupdict().get("agency")
        agency = canonical_agency(agency_text) if agency_text else None
        if agency_text and agency is None:
            continue  # ``WASHINGTON (Senate Democrats) —``: not an agency, not a dateline we trust
        if form is CAPS_FORM:
            letters = re.sub(r"[^A-Za-z]", "", place)
            if len(letters) < 2 or place.upper() in _NOT_PLACES or place.split()[0] in _NOT_PLACES:
                continue
            bare = not (agency or m.group("date") or m.group("region"))
            if m.group(0).rstrip().endswith(":") and not (agency or m.group("date")):
                continue  # ``NOTE: …``, ``WASHINGTON: …`` without agency or date reads as a label
            if bare and not line[m.end("place"): m.end("place") + 1].isspace():
                continue  # ``SIEGEL--`` glued to its dash: an interview speaker, not a place
            if not (agency or m.group("date") or m.group("region")) and len(place.split()) > 3:
                continue  # a shouted headline, not a place
        rest = line[m.end():]
        if not rest.strip() and not agency and not m.group("date"):
            continue  # ``KESTRAVA —`` alone on a line is a heading, not a dateline
        date = (m.start("date"), m.end("date")) if m.groupdict().get("date") else None
        start = len(line) - len(line.lstrip(" \t"))
        return FoundDateline(start, m.end(), place, m.groupdict().get("region"), date, agency, agency_text)
    return None


def date_value(written: str, year: int | None = None) -> str | None:
    """``March 3, 2019`` → ``2019-03-03``; ``Sept. 28`` → ``XXXX-09-28`` (or the given year)."""
    m = re.match(r"(?P<mon>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?$", written.strip())
    if not m:
        m = re.match(r"(?P<day>\d{1,2})\s+(?P<mon>[A-Za-z]+)\.?(?:\s+(?P<year>\d{4}))?$", written.strip())
    if not m:
        return None
    month = MONTHS.get(m.group("mon").lower())
    day = int(m.group("day"))
    if not month or not 1 <= day <= 31:
        return None
    y = m.group("year") or (str(year) if year else None)
    return f"{y or 'XXXX'}-{month:02d}-{day:02d}"
