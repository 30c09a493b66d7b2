"""A rule-based temporal expression tagger (TIMEX3 spans, types and values).

``tag(text, anchor, doc=...)`` finds dates, times, durations and sets in plain
text with regular expressions (compiled once, lazily), chooses the longest
non-overlapping matches, and normalises each one against an anchor date
(publication date, or a per-span anchor given by ``anchor_at``).  The spaCy
``Doc`` is optional: when given, the governing verb's tense decides whether a
bare weekday or month lies before or after the anchor, and the entity
recogniser's DATE spans confirm bare four-digit years.

Nothing here knows any particular article: the rules follow the TimeML
annotation guidelines and the forms news text uses.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable

from .normalise import (
    MONTHS, SEASONS, WEEKDAYS, day_near, duration, iso_week, month_near, quarter_of, shift,
    thanksgiving, unit_of, valid_day, value_start, weekday_near,
)

log = logging.getLogger(__name__)

# ----------------------------------------------------------------------------- vocabulary

_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
         "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
         "eighteenth", "nineteenth", "twentieth"]
NUMBER_WORDS: dict[str, int] = {w: i + 1 for i, w in enumerate(_ONES)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
NUMBER_WORDS.update({"a": 1, "an": 1, "single": 1, "dozen": 12, "a dozen": 12, "half a": 0.5, "a half": 0.5,
                     "a couple of": 2, "couple of": 2, "hundred": 100, "a hundred": 100})
ORDINAL_WORDS: dict[str, int] = {w: i + 1 for i, w in enumerate(_ORDS)}
ORDINAL_WORDS.update({"twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24,
                      "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28,
                      "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31})
VAGUE = {"few", "a few", "several", "many", "some", "a number of", "numerous", "countless", "dozens of",
         "hundreds of", "a couple", "couple", "the next few", "various"}

_MOD_WORDS = {
    "early": "START", "earlier": "START", "beginning of": "START", "start of": "START", "the beginning of": "START",
    "the start of": "START", "the early": "START", "late": "END", "later": "END", "end of": "END",
    "the end of": "END", "the late": "END", "mid": "MID", "middle of": "MID", "the middle of": "MID",
    "the mid": "MID", "mid-": "MID",
}
_APPROX = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX",
    "nearly": "EQUAL_OR_LESS", "almost": "EQUAL_OR_LESS", "close to": "APPROX", "more than": "MORE_THAN",
    "over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "less than": "LESS_THAN", "under": "LESS_THAN",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
    "just over": "MORE_THAN", "just under": "LESS_THAN", "well over": "MORE_THAN", "a little over": "MORE_THAN",
    "a little more than": "MORE_THAN", "only": None, "just": None, "barely": "EQUAL_OR_LESS",
    "or so": "APPROX",
}

_WD_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon\.|tues?\.|wed\.|thur?s?\.|fri\.|sat\.|sun\.)"
_MONTH_RE = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
             r"jan\.?|feb\.?|mar\.|apr\.?|jun\.|jul\.|aug\.?|sept\.?|sep\.|oct\.?|nov\.?|dec\.?)")
_NUMW = "|".join(sorted([*_TENS, *_ONES], key=len, reverse=True))
_NUM_RE = (rf"(?:\d+\s+1/2|\d+\s*½|(?:\d+|{_NUMW}|a|an)\s+and\s+a\s+half|a\s+hundred|\d+(?:\.\d+)?|(?:{'|'.join(_TENS)})[-\s](?:{'|'.join(_ONES[:9])})|{_NUMW}|a\s+couple\s+of|"
           r"a\s+dozen|dozens\s+of|hundreds\s+of|a\s+few|a\s+number\s+of|few|several|many|numerous|couple\s+of|"
           r"half\s+an?|an?\s+half|a|an)")
_ORDW = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
_DAY_RE = rf"(?:(?:[0-3]?\d)(?:st|nd|rd|th)?|{_ORDW})"
_YEAR_RE = r"(?:1[5-9]\d\d|20\d\d)"
_UNIT_RE = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|"
            r"decades?|centur(?:y|ies))")
_APPROX_RE = ("(?:" + "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _APPROX if k != "or so"),
                                      key=len, reverse=True)) + ")")
_SPY_RE = (r"(?:(?:nineteen|twenty)[-\s]+(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|ten|eleven|twelve|"
           r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:[-\s]+(?:one|two|three|four|five|six|seven|"
           r"eight|nine))?(?![\w-])|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|"
           r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?(?![\w-]))")
_TOD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
_L, _R = r"(?<![\w$#£€.-])", r"(?![\w])"
_LM, _RM = r"(?<![A-Za-z])", r"(?![A-Za-z])"


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    M, D, Y, W = _MONTH_RE, _DAY_RE, _YEAR_RE, _WD_RE
    wd = rf"(?:(?P<wd>{W}),?\s+(?:the\s+)?)?"
    tod = r"(?:\s+(?P<tod>morning|afternoon|evening|night))?"
    rel = r"(?P<rel>this\s+past|this\s+coming|this|last|next|past|previous|coming|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+following|the\s+current|the\s+same)"
    modp = (r"(?:(?P<mod>early|earlier|late|later|mid|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of|"
            r"the\s+start\s+of|middle\s+of|end\s+of|beginning\s+of|start\s+of|the\s+early|the\s+late|the\s+mid)"
            r"(?:\s*[-–]\s*|\s+))")
    approx = rf"(?:(?P<approx>(?!over\s+the\b){_APPROX_RE})\s+)"
    clock = (r"(?P<h>[012]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.\s?m\.?|p\.\s?m\.?|am(?![a-z])|pm(?![a-z]))"
             r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time))?")
    pats = [
        # ISO and numeric dates
        ("iso", rf"{_L}(?P<y>{Y})-(?P<m>[01]\d)-(?P<d>[0-3]\d){_R}(?:T(?P<h>\d\d):(?P<mi>\d\d))?"),
        ("slash", rf"{_L}(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>{Y}|\d\d){_R}"),
        # weekday? month day(,? year)? -- glued forms allowed (September13, 2013; september1st)
        ("mdy", rf"{_LM}{wd}(?P<month>{M})\s*(?P<day>{D})(?!\d)(?!\s*(?:%|percent|million|billion|people))"
                rf"(?:(?:,\s*|\s+|,)(?P<year>{Y})(?!\d))?{_RM}{tod}"),
        # weekday? (the)? day (of)? month (year)?
        ("dmy", rf"{_LM}{wd}(?P<the>the\s+)?(?P<day>{D})(?:\s+of)?\s+(?P<month>{M})(?:,?\s*(?P<year>{Y})(?!\d))?{_RM}"),
        # (mod)? month (of)? year
        ("my", rf"{_LM}{modp}?(?P<month>{M})(?:\s+of|,)?\s*(?P<year>{Y})(?!\d)"),
        ("myspelled", rf"{_LM}{modp}?(?P<month>{M})(?:\s+of|,)?\s+(?P<year>{_SPY_RE})"),
        ("mrel", rf"{_LM}{modp}?(?P<month>{M})\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year{_R}"),
        # (mod)? (rel)? month alone
        ("m", rf"{_LM}(?:{modp}|(?P<relm>last|next|this|this\s+past|this\s+coming|since|in|until|by|of|from|through|before|after|during|early|late)\s+)?(?P<month>{M}){_RM}"),
        # clock times, optionally with a day
        ("clock", rf"{_L}(?P<pre>(?:about|around|approximately|at|shortly\s+(?:before|after))\s+)?{clock}"
                  rf"(?:,?\s+(?:on\s+)?(?P<day>{W}|today|yesterday|tomorrow|(?:{M})\s*{D}))?{_RM}"),
        ("clock24", rf"{_L}(?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?:GMT|UTC|[ECMP][SD]T|hours|hrs){_R}"),
        ("noon", rf"{_L}(?P<word>noon|midnight|midday)(?:,?\s+(?P<day>{W}|today|yesterday|tomorrow))?{_R}"),
        # decades and centuries
        ("decade", rf"{_L}(?:(?P<the>the)\s+)?(?:{modp})?(?P<dec>(?:1[5-9]|20)\d0s|'\d0s|(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)){_R}"),
        ("century", rf"{_L}(?:the\s+)?(?P<c>\d{{1,2}}(?:st|nd|rd|th)|{_ORDW}|twenty-first)[-\s]century{_R}"),
        # seasons
        ("season", rf"{_L}(?:{modp})?(?:(?P<srel>this\s+past|this\s+coming|this|last|next|the|past)\s+)?(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<year>{Y}(?!\d)|{_SPY_RE}))?{_R}"),
        ("yearnamed", rf"{_L}(?:the\s+)?year\s+(?P<year>{Y}(?!\d)|{_SPY_RE}){_R}"),
        # quarters and halves
        ("quarter", rf"{_L}(?:(?P<the>the)\s+)?(?:(?:fiscal|comparable|year[-\s]earlier|year[-\s]ago|same|calendar)[-\s]+)*"
                    rf"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|latest|last|current|next|previous|final|past|recent)"
                    rf"[-\s]+(?:fiscal[-\s]+)?(?P<qu>quarter|half|period)(?:\s+of\s+(?:fiscal\s+)?(?P<year>{Y}|this\s+year|last\s+year|next\s+year|the\s+year))?{_R}"),
        ("yearsquarter", rf"{_L}(?P<yrel>this|last|next)\s+year'?s\s+(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+)?(?:fiscal\s+)?(?P<qu>quarter|period){_R}"),
        ("prevperiod", rf"{_L}(?:the\s+)?(?:(?:same|corresponding|comparable)\s+)?(?P<qu>quarter|period)\s+(?:of\s+|in\s+)?(?P<ya>last\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+(?:previous|prior)\s+year){_R}"),
        ("thequarter", rf"{_L}(?P<the>the)\s+(?P<qu>quarter){_R}"),
        ("yearquarter", rf"{_L}(?:the\s+)?(?P<year>{Y})\s+(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+)?(?:fiscal\s+)?(?P<qu>quarter|period){_R}"),
        ("theyear", rf"{_L}the\s+(?:(?P<which>full|whole|entire|current|fiscal|calendar)\s+)?year(?![\w-])(?!\s+(?:\d|ago|earlier|before|after))"),
        ("yearago", rf"{_L}(?:(?P<the>the)\s+)?(?:comparable\s+)?(?P<ya>year[-\s]earlier|year[-\s]ago|a\s+year\s+(?:ago|earlier|before))(?:\s+(?P<qu>quarter|period|third\s+quarter|second\s+quarter|first\s+quarter|fourth\s+quarter|nine\s+months))?{_R}"),
        ("spelledyear", rf"{_L}(?:(?P<mod2>early|late|mid)[-\s]+)?(?P<c>nineteen|twenty)[-\s]+(?P<t>{'|'.join(_TENS[1:])}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:[-\s]+(?P<o>{'|'.join(_ONES[:9])}))?{_R}"),
        ("fiscal", rf"{_L}(?:the\s+)?(?P<fy>fiscal(?:\s+year)?)\s+(?P<year>{Y}|'\d\d){_R}"),
        # years, with modifiers
        ("year", rf"{_L}(?:{modp})?(?P<year>{Y})(?:s)?(?![\d,.%]\d|[\d%]|\s*(?:%|percent)){_R}"),
        # N units ago / earlier / later / from now
        # relative to the date last mentioned in the text ("that year", "the following day")
        ("anaphor", rf"{_L}(?:(?P<amod>earlier|later)\s+(?:in\s+)?)?(?P<arel>that|the\s+following|the\s+previous|the\s+preceding|the\s+prior|the\s+same|(?=the\s+next\s+(?:day|morning|afternoon|evening|night))the\s+next)\s+(?P<unit>day|week|month|year|quarter|morning|afternoon|evening|night){_R}(?!\s+(?:ago|earlier|later|before|after))"),
        ("modthe", rf"{_L}(?P<mod>the\s+(?:end|beginning|start|middle)\s+of)\s+the\s+(?P<unit>week|month|year){_R}"),
        ("yearend", rf"{_L}(?P<pre>(?:by|at|since|around|before|after|until|through|to)\s+)(?P<word>(?:the\s+)?(?:year[-\s]end|year'?s\s+end)){_R}(?!\s+(?:results|figures|dividend|bonus|report))"),
        ("ago", rf"{_L}{approx}?(?P<num>{_NUM_RE})[\s-]+(?P<unit>{_UNIT_RE})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back){_R}"),
        # durations (the past two years, at least 3 decades, 20 years, decade-long)
        ("dur", rf"{_L}{approx}?(?:(?P<the>the)\s+)?(?:(?P<drel>past|last|next|previous|first|coming|following|latest|final|remaining|initial|same|ensuing|intervening)\s+)?"
                rf"(?P<num>{_NUM_RE})(?:\s+(?P<more>more|additional|extra|further))?(?:\s*[-–]\s*|\s+)(?P<unit>{_UNIT_RE})(?P<long>[-–\s]long|[-–]old)?"
                rf"(?P<half>\s+and\s+a\s+half)?{_R}"),
        ("durlong", rf"{_L}(?P<unit>{_UNIT_RE})[-–](?P<long>long){_R}"),
        ("durvague", rf"{_L}(?:(?P<the>the)\s+(?P<drel>past|last|next|coming|following|previous)\s+)?(?P<vague>few|several|many|some|a\s+few|recent)\s+(?P<unit>{_UNIT_RE}){_R}"),
        ("durplain", rf"(?<=\bfor\s)(?P<unit>hours|days|weeks|months|years|decades|centuries){_R}"),
        # this/last/next unit, with optional early/late
        ("rel", rf"{_L}(?:{modp})?{rel}\s+(?P<unit>week|weekend|month|year|quarter|decade|century|fiscal\s+year|{W}|{M}){tod}{_R}"),
        ("earlier", rf"{_L}(?P<mod>earlier|later|early|late)\s+(?:in\s+)?(?P<rel>this|that|the|last|next)\s+(?P<unit>week|month|year|day|morning|afternoon|evening|decade|century){_R}"),
        ("weekend", rf"{_L}(?P<the>the)\s+weekend{_R}"),
        # weekday (with part of day)
        ("wd", rf"{_L}(?:(?P<mod>early|late|earlier|later)\s+)?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|on)\s+)?(?P<wd>{W})(?P<plural>s)?{tod}(?:\s+(?P<day2>morning|afternoon|evening|night))?{_R}"),
        # deictic words
        ("deixis", rf"{_L}(?:(?P<mod>early|late|earlier|later|mid)[-\s]+)?(?P<word>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
                   rf"(?:this|yesterday|tomorrow|last|the)\s+(?:morning|afternoon|evening|night)|overnight){_R}"),
        ("todmod", rf"{_L}(?P<mod>early|late|mid)[-\s]+(?P<tod>morning|afternoon|evening)(?:,?\s+(?P<day>yesterday|today|tomorrow|{W}))?{_R}"),
        ("ref", rf"{_L}(?P<word>now|right\s+now|just\s+now|currently|nowadays|these\s+days|at\s+present|presently|at\s+the\s+moment|"
                rf"recently|lately|in\s+recent\s+(?:years|months|weeks|days)|recent\s+years|the\s+past|in\s+the\s+past|formerly|previously|once\s+upon\s+a\s+time|"
                rf"the\s+future|in\s+the\s+future|the\s+(?:near|short)\s+term|(?:in\s+)?(?:the\s+)?(?:coming|upcoming)\s+(?:days|weeks|months|quarters|years)|soon|shortly|the\s+near\s+future|a\s+later\s+date|any\s+time\s+soon|"
                rf"current|recent|former){_R}"),
        # sets
        ("set", rf"{_L}(?P<word>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|biannually|"
                rf"(?:every|each|per|a)\s+(?:other\s+)?(?:second|minute|hour|day|night|morning|evening|week|weekend|month|quarter|year|decade|{W})|"
                rf"(?:every|each)\s+(?:{M}|spring|summer|autumn|fall|winter)(?!\s*\d)){_R}"),
        # holidays
        ("holiday", rf"{_L}(?P<hol>christmas(?:\s+(?:day|eve))?|new\s+year'?s?\s+(?:day|eve)|thanksgiving(?:\s+day)?|halloween|valentine'?s\s+day|independence\s+day|labor\s+day|memorial\s+day)(?:\s+(?P<year>{Y}))?{_R}"),
    ]
    return [(name, re.compile(p, re.IGNORECASE)) for name, p in pats]


# Each pattern runs only near words that every match of it contains (its trigger classes):
# a cheap pre-scan that keeps the layer at a few per cent of the parse time.
_TRIGGERS = {
    "DIGIT": r"\d",
    "MONTH": r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
    "WEEKDAY": r"mon|tue|wed|thu|fri|sat|sun",
    "UNIT": r"second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur",
    "TOD": r"morning|afternoon|evening|night|overnight",
    "DEIXIS": r"today|tonight|yesterday|tomorrow|overnight",
    "REF": r"now|current|these|present|moment|recent|lately|past|future|former|previous|once|later|term",
    "SET": r"daily|weekly|monthly|annual|yearly|hourly|nightly|biweekly|biannual",
    "SEASON": r"spring|summer|fall|autumn|winter",
    "HOLIDAY": r"christmas|new\s+year|thanksgiving|halloween|valentine|independence|labor|memorial",
    "QUARTER": r"quarter|half|period",
    "NOON": r"noon|midnight|midday",
    "DECADEW": r"'\d0s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties",
    "FISCAL": r"fiscal",
    "SPELLED": r"nineteen|twenty",
}
_PATTERN_TRIGGERS = {
    "iso": ("DIGIT",), "slash": ("DIGIT",), "mdy": ("MONTH",), "dmy": ("MONTH",), "my": ("MONTH",), "mrel": ("MONTH",), "m": ("MONTH",),
    "clock": ("DIGIT",), "clock24": ("DIGIT",), "noon": ("NOON",), "decade": ("DIGIT", "DECADEW"),
    "century": ("UNIT",), "season": ("SEASON",), "quarter": ("QUARTER",), "thequarter": ("QUARTER",), "theyear": ("UNIT",), "yearquarter": ("QUARTER",),
    "yearago": ("UNIT",), "yearsquarter": ("QUARTER",), "prevperiod": ("QUARTER",), "myspelled": ("MONTH",),
    "yearnamed": ("UNIT",), "anaphor": ("UNIT", "TOD"), "yearend": ("UNIT",), "modthe": ("UNIT",), "todmod": ("TOD",), "fiscal": ("FISCAL",), "spelledyear": ("SPELLED",), "year": ("DIGIT",), "ago": ("UNIT",), "dur": ("UNIT",),
    "durlong": ("UNIT",), "durvague": ("UNIT",), "durplain": ("UNIT",), "rel": ("UNIT", "WEEKDAY", "MONTH"),
    "earlier": ("UNIT", "TOD"), "weekend": ("UNIT",), "wd": ("WEEKDAY",), "deixis": ("DEIXIS", "TOD"),
    "ref": ("REF", "UNIT"), "set": ("SET", "UNIT", "WEEKDAY", "TOD", "MONTH", "SEASON"), "holiday": ("HOLIDAY",),
}
_MARGIN = 40  # characters around a trigger where an expression containing it can start or end


@lru_cache(maxsize=1)
def _trigger() -> tuple[re.Pattern, list[tuple[str, re.Pattern]]]:
    words = sorted({w for k, v in _TRIGGERS.items() if k != "DIGIT" for w in v.split("|")}, key=len, reverse=True)
    scan = re.compile(rf"\d+|(?<![A-Za-z])(?:{'|'.join(words)})", re.IGNORECASE)
    classes = [(k, re.compile(rf"(?:{v})", re.IGNORECASE)) for k, v in _TRIGGERS.items() if k != "DIGIT"]
    return scan, classes


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per trigger class, the merged stretches of ``text`` around its words."""
    n = len(text)
    scan, classes = _trigger()
    out: dict[str, list[tuple[int, int]]] = {}
    for m in scan.finditer(text):
        a, b = max(0, m.start() - _MARGIN), min(n, m.end() + _MARGIN)
        word = m.group(0)
        kinds = ["DIGIT"] if word[0].isdigit() else [k for k, rx in classes if rx.fullmatch(word)]
        for cls in kinds:
            lst = out.setdefault(cls, [])
            if lst and a <= lst[-1][1]:
                lst[-1] = (lst[-1][0], max(lst[-1][1], b))
            else:
                lst.append((a, b))
    return out


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


# words that must be capitalised to count as month / weekday / holiday names
_FULL_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "sept"}
_CAP_MONTHS = {"may", "march", "mar.", "jan", "dec", "oct", "aug", "sept", "sep.", "nov", "feb", "apr", "jun.", "jul."}


# ----------------------------------------------------------------------------- results


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None
    anchor: date | None = None
    anchor_source: str = "none"
    weekday: str | None = None  # weekday named in the text
    rule: str = ""
    explicit: bool = False  # the text gives the full date itself (year included)
    invalid: bool = False  # an impossible calendar date (February 30)
    direction: int = 0  # tense used: -1 past, +1 future, 0 unknown
    parts: dict = field(default_factory=dict)  # year / month / day as written


AnchorFn = Callable[[int, int], "tuple[date | None, str]"]
DirectionFn = Callable[[int, int], int]


def _num(s: str | None) -> float | None:
    if s is None:
        return None
    s = " ".join(s.lower().replace("-", " ").split())
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    if s in NUMBER_WORDS:
        return NUMBER_WORDS[s]
    parts = s.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS and NUMBER_WORDS[parts[0]] >= 20:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    frac = re.fullmatch(r"(.+?)\s*(?:1/2|½|and a half)", s)
    if frac:
        whole = _num(frac.group(1))
        return None if whole is None else whole + 0.5
    if s.startswith("half") or s.endswith("half"):
        return 0.5
    return None  # vague: few, several, many, dozens of ...


def _day(s: str) -> int | None:
    s = s.lower()
    if s in ORDINAL_WORDS:
        return ORDINAL_WORDS[s]
    m = re.match(r"(\d+)", s)
    return int(m.group(1)) if m else None


def _month(s: str) -> int | None:
    return MONTHS.get(s.lower().rstrip("."))


def _weekday(s: str | None) -> int | None:
    if not s:
        return None
    s = s.lower().rstrip(".")
    for i, w in enumerate(WEEKDAYS):
        if w.startswith(s[:3]) and (s == w or len(s) <= 5):
            return i
    return None


def _mod(s: str | None) -> str | None:
    if not s:
        return None
    s = " ".join(s.lower().replace("-", " ").split())
    return _MOD_WORDS.get(s) or _MOD_WORDS.get(s.replace("the ", "")) or _APPROX.get(s)


def _spelled_year(s: str) -> int | None:
    """A year written in digits or words ("1994", "nineteen ninety-four", "two thousand and one")."""
    s = " ".join(s.lower().replace("-", " ").split())
    if s.isdigit():
        return int(s)
    parts = [w for w in s.split() if w != "and"]
    if parts[:2] == ["two", "thousand"]:
        rest = parts[2:]
        return 2000 + (NUMBER_WORDS.get(rest[0], 0) if rest else 0)
    if len(parts) < 2 or parts[0] not in ("nineteen", "twenty"):
        return None
    y = (19 if parts[0] == "nineteen" else 20) * 100 + NUMBER_WORDS.get(parts[1], 0)
    if len(parts) > 2:
        y += NUMBER_WORDS.get(parts[2], 0)
    return y


def _year2(s: str) -> int:
    y = int(s.lstrip("'"))
    if y >= 100:
        return y
    return 1900 + y if y >= 30 else 2000 + y


# ----------------------------------------------------------------------------- tagging


def tag(text: str, anchor: date | None, *, doc=None, anchor_at: AnchorFn | None = None,
        direction_at: DirectionFn | None = None) -> list[Timex]:
    """Find and normalise the temporal expressions in ``text``.

    ``anchor`` is the reference date (publication date; ``None`` leaves relative
    expressions unresolved).  ``anchor_at(start, end)`` may override it per span,
    returning ``(date, source)``.  ``direction_at(start, end)`` gives the tense
    (-1 past, +1 future, 0 unknown); by default it is read from ``doc``.
    """
    cands: list[tuple[int, int, int, str, re.Match]] = []
    seen: set[tuple[int, int, int]] = set()
    by_class = _windows(text)
    for prio, (name, pat) in enumerate(_patterns()):
        classes = _PATTERN_TRIGGERS[name]
        windows = by_class.get(classes[0], []) if len(classes) == 1 else _merge(
            [w for c in classes for w in by_class.get(c, [])])
        for a, b in windows:
            for m in pat.finditer(text, a, b):
                key = (m.start(), m.end(), prio)
                if m.end() > m.start() and key not in seen:
                    seen.add(key)
                    cands.append((m.start(), m.end(), prio, name, m))
    year_ents = _year_entities(doc)
    cache: dict[tuple[int, int], tuple[date | None, str, int]] = {}

    def context(start: int, end: int) -> tuple[date | None, str, int]:
        key = (start, end)
        if key not in cache:
            if anchor_at is not None:
                anc, src = anchor_at(start, end)
            else:
                anc, src = anchor, ("publication" if anchor else "none")
            if direction_at is not None:
                direction = direction_at(start, end)
            else:
                direction = tense_direction(doc, start, end) if doc is not None else 0
            cache[key] = (anc, src, direction)
        return cache[key]

    def run(name: str, m: re.Match, last_quarter: list[str]) -> Timex | None:
        anc, _src, direction = context(m.start(), m.end())
        try:
            return _normalise(name, m, text, anc, direction, year_ents, last_quarter)
        except Exception:  # a rule bug must not take the layer down
            log.debug("timex rule %s failed on %r", name, m.group(0), exc_info=True)
            return None

    # longest (normalised) span first; a candidate its rule rejects leaves room for shorter ones
    trial: list[tuple[int, int, int, str, re.Match]] = []
    for start, end, prio, name, m in cands:
        tx = run(name, m, [])
        if tx is None:
            continue
        a, b = _trim(text, tx.start, tx.end)
        if b > a:
            trial.append((a, b, prio, name, m))
    trial.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken = bytearray(len(text))
    chosen: list[tuple[int, int, str, re.Match]] = []
    for start, end, _prio, name, m in trial:
        if any(taken[start:end]):
            continue
        chosen.append((start, end, name, m))
        taken[start:end] = b"\x01" * (end - start)
    chosen.sort(key=lambda c: c[0])
    out: list[Timex] = []
    last_quarter: list[str] = []
    last_date: list[str] = []
    for start, end, name, m in chosen:
        anc, src, direction = context(start, end)
        tx = run(name, m, last_quarter)
        if tx is None:
            continue
        ref = None
        if name == "anaphor":
            tx.value = _resolve_anaphor(m, last_date, last_quarter)
            if tx.value is None:
                continue
            ref = value_start(last_date[0])
        elif tx.type == "DATE" and tx.value and _DATE_VALUE.fullmatch(tx.value):
            last_date[:] = [tx.value]
        tx.start, tx.end = _trim(text, tx.start, tx.end)
        if tx.end <= tx.start:
            continue
        tx.text = text[tx.start:tx.end]
        tx.rule = name
        tx.direction = direction
        if tx.explicit:
            tx.anchor, tx.anchor_source = None, "explicit"
        elif tx.value and (tx.value[:1].isdigit() or tx.value.startswith("X")) and tx.type != "DURATION":
            tx.anchor, tx.anchor_source = anc, (src if anc else "none")
        else:
            tx.anchor, tx.anchor_source = None, "none"
        if ref is not None:
            tx.anchor, tx.anchor_source = ref, "text"
        if tx.value and re.fullmatch(r"\d{4}-Q\d", tx.value) and (name in ("quarter", "thequarter") or name == "yearsquarter" and tx.text[:4].lower() == "this") \
                and not re.search(r"year[-\s](?:earlier|ago)|\d{4}", tx.text.lower()):
            last_quarter[:] = [tx.value]
        out.append(tx)
    return out


_DATE_VALUE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?|-Q[1-4])?")


def _resolve_anaphor(m: re.Match, last_date: list[str], last_quarter: list[str]) -> str | None:
    """The value of "that year", "the following day"... from the date last mentioned before it
    (the reference time of a narrative, as HeidelTime does); None when there is none fine enough."""
    if not last_date:
        return None
    ref = last_date[0]
    rel = " ".join(m.group("arel").lower().split())
    unit = m.group("unit").lower()
    step = 1 if rel in ("the following", "the next") else -1 if rel in ("the previous", "the preceding", "the prior") else 0
    y = int(ref[:4])
    if unit == "year":
        return f"{y + step:04d}"
    if unit in _TOD:
        if len(ref) < 10:
            return None
        try:
            d = date.fromisoformat(ref[:10]) + timedelta(days=step)
        except ValueError:
            return None
        return f"{d.isoformat()}T{_TOD[unit]}"
    if unit == "quarter":
        if "-Q" in ref:
            idx = y * 4 + int(ref[-1]) - 1 + step
        elif len(ref) >= 7:
            idx = y * 4 + (int(ref[5:7]) - 1) // 3 + step
        else:
            return None
        return f"{idx // 4:04d}-Q{idx % 4 + 1}"
    if "-Q" in ref or len(ref) < 7:
        return None
    if unit == "week":
        if len(ref) < 10:
            return None
        try:
            return iso_week(date.fromisoformat(ref[:10]) + timedelta(weeks=step))
        except ValueError:
            return None
    if unit == "month":
        idx = y * 12 + int(ref[5:7]) - 1 + step
        return f"{idx // 12:04d}-{idx % 12 + 1:02d}"
    if len(ref) < 10:
        return None
    try:
        d = date.fromisoformat(ref) + timedelta(days=step)
    except ValueError:
        return None
    return d.isoformat()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,\t\n":
        end -= 1
    while start < end and text[start] in " \t\n":
        start += 1
    return start, end


def _year_entities(doc) -> set[int] | None:
    """Character offsets covered by spaCy DATE entities (None without a Doc)."""
    if doc is None:
        return None
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME", "EVENT"):
            covered.update(range(ent.start_char, ent.end_char))
    return covered


def _cap_ok(word: str) -> bool:
    """Ambiguous month names (May, March) and abbreviations must be capitalised."""
    w = word.lower()
    if w in _CAP_MONTHS or w.rstrip(".") in ("may", "march", "mar", "jan", "dec", "aug", "oct", "nov", "feb", "apr", "sept"):
        return word[:1].isupper()
    return True


def _normalise(name: str, m: re.Match, text: str, anc: date | None, direction: int,
               year_ents: set[int] | None, last_quarter: list[str]) -> Timex | None:
    g = m.groupdict()
    s, e = m.start(), m.end()
    mk = lambda t, v, **kw: Timex(start=kw.pop("start", s), end=kw.pop("end", e), text="", type=t, value=v, **kw)  # noqa: E731

    if name == "iso":
        y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
        if not valid_day(y, mo, d):
            return mk("DATE", None, explicit=True, invalid=True, parts={"year": y, "month": mo, "day": d})
        v = f"{y:04d}-{mo:02d}-{d:02d}"
        if g.get("h"):
            return mk("TIME", f"{v}T{g['h']}:{g['mi']}", explicit=True)
        return mk("DATE", v, explicit=True, parts={"year": y, "month": mo, "day": d})

    if name == "slash":
        y, mo, d = _year2(g["y"]), int(g["m"]), int(g["d"])
        if not 1 <= mo <= 12:
            return None
        if not valid_day(y, mo, d):
            return mk("DATE", None, explicit=True, invalid=True, parts={"year": y, "month": mo, "day": d})
        return mk("DATE", f"{y:04d}-{mo:02d}-{d:02d}", explicit=True, parts={"year": y, "month": mo, "day": d})

    if name in ("mdy", "dmy"):
        mword = g["month"]
        if not _cap_ok(mword):
            return None
        mo = _month(mword)
        d = _day(g["day"])
        if mo is None or d is None or d == 0 or d > 31:
            return None
        if name == "dmy" and not g.get("the") and not g["day"][:1].isdigit() and not g.get("wd"):
            return None  # "first March" is rarely a date; "the first of March" is
        if name == "mdy" and not g.get("year") and g["day"].isdigit() and len(g["day"]) > 2:
            return None
        start = s
        if name == "dmy" and g.get("the") and not g.get("wd"):
            start = m.start("the")
        wd = g.get("wd")
        if wd and not wd[0].isupper():
            wd = None
            start = m.start("month") if name == "mdy" else m.start("day") if not g.get("the") else m.start("the")
        end = e
        if g.get("tod"):
            end = m.end("tod")
        if g.get("year"):
            y = int(g["year"])
            explicit = True
        elif anc is not None:
            y = day_near(anc, mo, min(d, 28), direction)
            explicit = False
        else:
            y = None
            explicit = False
        parts = {"year": y, "month": mo, "day": d, "year_written": bool(g.get("year"))}
        tx = mk("DATE", None, start=start, end=end, explicit=explicit, parts=parts, weekday=wd)
        if not valid_day(y or 2000, mo, d):
            tx.invalid = True
            return tx
        if y is None:
            tx.value = f"XXXX-{mo:02d}-{d:02d}"
        else:
            tx.value = f"{y:04d}-{mo:02d}-{d:02d}"
        if g.get("tod"):
            tx.type = "TIME"
            tx.value += "T" + _TOD[g["tod"].lower()]
        return tx

    if name == "my":
        if not _cap_ok(g["month"]):
            return None
        mo = _month(g["month"])
        y = int(g["year"])
        return mk("DATE", f"{y:04d}-{mo:02d}", mod=_mod(g.get("mod")), explicit=True)

    if name == "mrel":
        if not _cap_ok(g["month"]) or anc is None:
            return None
        mo = _month(g["month"])
        y = anc.year + {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()]
        return mk("DATE", f"{y:04d}-{mo:02d}", mod=_mod(g.get("mod")))

    if name == "m":
        word = g["month"]
        if not word[0].isupper():
            return None
        if word.lower() in ("may", "march") and not (g.get("relm") or g.get("mod")):
            # bare "May"/"March": only when clearly a date context follows or precedes
            nxt = text[e:e + 12]
            if not re.match(r"\s*(?:,|\.|;|$|and\b|or\b|to\b|when\b|after\b|before\b)", nxt):
                return None
        if word.endswith(".") and not (g.get("relm") or g.get("mod")):
            return None
        if word.lower().rstrip(".") not in _FULL_MONTHS and not word.endswith("."):
            return None  # "Jan" alone is more often a name
        mo = _month(word)
        rel = (g.get("relm") or "").lower()
        start = s
        if rel and not rel.startswith(("last", "next", "this", "early", "late")):
            start = m.start("month")
        if anc is None:
            return mk("DATE", f"XXXX-{mo:02d}", start=start, mod=_mod(g.get("mod") or (rel if rel in ("early", "late") else None)))
        if rel.startswith("last") or rel == "this past":
            y = anc.year if mo < anc.month else anc.year - 1
        elif rel.startswith("next") or rel == "this coming":
            y = anc.year if mo > anc.month else anc.year + 1
        elif rel == "this":
            y = anc.year
        else:
            y = month_near(anc, mo, direction)
        return mk("DATE", f"{y:04d}-{mo:02d}", start=start, mod=_mod(g.get("mod") or (rel if rel in ("early", "late") else None)))

    if name in ("clock", "clock24"):
        h = int(g["h"])
        mi = int(g["mi"]) if g.get("mi") else 0
        ap = (g.get("ap") or "").lower().replace(".", "").replace(" ", "")
        if ap and not 1 <= h <= 12:
            return None
        if ap == "pm" and h < 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
        base = _day_of(g.get("day"), anc, direction)
        start = s
        pre = (g.get("pre") or "").lower().strip()
        if pre in ("at",):
            start = m.start("h")
        t = f"T{h:02d}:{mi:02d}"
        v = f"{base}{t}" if base else f"XXXX-XX-XX{t}"
        return mk("TIME", v, start=start, mod=_APPROX.get(pre) if pre else None)

    if name == "noon":
        base = _day_of(g.get("day"), anc, direction)
        t = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}[g["word"].lower()]
        return mk("TIME", (base or "XXXX-XX-XX") + t)

    if name == "decade":
        dec = g["dec"].lower()
        mod = _mod(g.get("mod"))
        if dec.startswith("'"):
            y = _year2(dec[1:3])
        elif dec[0].isdigit():
            y = int(dec[:4])
        else:
            tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
            y = 1920 + 10 * tens.index(dec) if dec in tens else None
            if y is None:
                return None
            if not g.get("the"):
                return None
        return mk("DATE", f"{y // 10:03d}", mod=mod)

    if name == "century":
        c = g["c"].lower()
        n = ORDINAL_WORDS.get(c) or (21 if c == "twenty-first" else _day(c))
        if not n:
            return None
        return mk("DATE", f"{n - 1:02d}")

    if name == "season":
        word = g["season"].lower()
        srel = (g.get("srel") or "").lower()
        if word == "fall" and not (srel not in ("", "the") or g.get("year") or g.get("mod")):
            return None
        code = SEASONS[word]
        start = s
        if srel == "the" and not g.get("mod"):
            start = m.start("srel")
        if g.get("year"):
            y = _spelled_year(g["year"])
            if y is None:
                return None
            return mk("DATE", f"{y}-{code}", mod=_mod(g.get("mod")), explicit=True)
        if anc is None:
            return mk("DATE", f"XXXX-{code}", mod=_mod(g.get("mod")))
        smonth = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        y = anc.year
        if srel in ("last", "past", "this past") and smonth >= anc.month:
            y -= 1
        elif srel == "next" and smonth <= anc.month:
            y += 1
        elif srel in ("", "the") and direction < 0 and smonth > anc.month:
            y -= 1
        if not srel and not g.get("mod"):
            return None  # bare "summer" is too often generic
        return mk("DATE", f"{y}-{code}", mod=_mod(g.get("mod")))

    if name == "quarter":
        q, qu = g["q"].lower(), g["qu"].lower()
        yg = (g.get("year") or "").lower()
        if anc is None and not yg[:1].isdigit():
            return None
        y = int(yg) if yg[:1].isdigit() else anc.year if anc else None
        if yg.startswith("last"):
            y -= 1
        elif yg.startswith("next"):
            y += 1
        if qu == "period" and q not in ("latest", "past", "recent", "current", "previous", "last"):
            return None
        if qu == "half":
            n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "last": 2, "final": 2}.get(q)
            if n is None:
                return None
            if not yg and anc and direction < 0 and n == 2 and anc.month <= 6:
                y -= 1
            return mk("DATE", f"{y}-H{n}", explicit=bool(yg[:1].isdigit()))
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(q)
        if n is None:
            if anc is None:
                return None
            cur = anc.year * 4 + quarter_of(anc) - 1
            if q in ("current",):
                idx = cur
            elif q == "next":
                idx = cur + 1
            else:
                idx = cur - 1
            y, n = idx // 4, idx % 4 + 1
        elif not yg and anc is not None and n > quarter_of(anc) and direction <= 0:
            y -= 1
        prefix = text[s:e].lower()
        if re.search(r"year[-\s](?:earlier|ago)", prefix):
            y -= 1
        start = s
        if g.get("the") and re.search(r"\w-quarter", text[s:e].lower()):
            start = m.start("q")
        return mk("DATE", f"{y}-Q{n}", start=start, explicit=bool(yg[:1].isdigit()))

    if name == "thequarter":
        if anc is None:
            return None
        ended = re.match(rf"\s+end(?:ed|ing|s)\s+(?:on\s+)?(?P<month>{_MONTH_RE})", text[e:e + 30], re.IGNORECASE)
        if ended and _month(ended.group("month")):
            mo = _month(ended.group("month"))
            y = month_near(anc, mo, -1 if direction <= 0 else 1)
            return mk("DATE", f"{y}-Q{(mo - 1) // 3 + 1}")
        idx = anc.year * 4 + quarter_of(anc) - 1 + (0 if direction > 0 else -1)
        return mk("DATE", f"{idx // 4}-Q{idx % 4 + 1}")

    if name == "yearquarter":
        y = int(g["year"])
        q = (g.get("q") or "").lower()
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(q)
        if n is None:
            if last_quarter:
                n = int(last_quarter[0][-1])
            elif anc is not None:
                n = (quarter_of(anc) + 2) % 4 + 1
            else:
                return None
        return mk("DATE", f"{y}-Q{n}", explicit=True)

    if name == "theyear":
        which = (g.get("which") or "").lower()
        if which == "fiscal" or re.match(r"\s+(?:that\s+|which\s+)?end(?:ed|ing|s)\b", text[e:e + 20], re.IGNORECASE):
            return mk("DURATION", "P1Y")
        if anc is None:
            return mk("DATE", None)
        return mk("DATE", f"{anc.year:04d}")

    if name == "yearago":
        if anc is None:
            return None
        qu = (g.get("qu") or "").lower()
        if "nine months" in qu:
            return mk("DURATION", "P9M")
        if last_quarter:
            y, q = last_quarter[0].split("-Q")
            return mk("DATE", f"{int(y) - 1}-Q{q}" if int(y) >= anc.year - 1 else f"{anc.year - 1}-Q{q}")
        if "quarter" in qu or "period" in qu:
            idx = anc.year * 4 + quarter_of(anc) - 2 - 4
            return mk("DATE", f"{idx // 4}-Q{idx % 4 + 1}")
        return mk("DATE", f"{anc.year - 1}")

    if name == "modthe":
        if anc is None:
            return None
        return mk("DATE", shift(anc, 0, g["unit"].lower()), mod=_mod(g["mod"]))

    if name == "yearend":
        if anc is None:
            return None
        pre = g["pre"].strip().lower()
        y = anc.year - 1 if (pre == "since" or direction < 0) and anc.month < 12 else anc.year
        return mk("DATE", f"{y:04d}", mod="END", start=m.start("word"))

    if name == "todmod":
        day = _day_of(g.get("day"), anc, direction)
        if day is None:
            return None
        return mk("TIME", f"{day}T{_TOD[g['tod'].lower()]}", mod=_mod(g["mod"]))

    if name == "anaphor":
        unit = g["unit"].lower()
        mod = {"earlier": "START", "later": "END"}.get((g.get("amod") or "").lower())
        return mk("TIME" if unit in _TOD else "DATE", None, mod=mod)  # resolved in tag() against the last date mentioned

    if name in ("myspelled", "yearnamed"):
        y = _spelled_year(g["year"])
        if y is None:
            return None
        if name == "yearnamed":
            return mk("DATE", f"{y:04d}", explicit=True)
        if not _cap_ok(g["month"]):
            return None
        return mk("DATE", f"{y:04d}-{_month(g['month']):02d}", mod=_mod(g.get("mod")), explicit=True)

    if name == "yearsquarter":
        if anc is None:
            return None
        y = anc.year + {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()]
        q = (g.get("q") or "").lower()
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(q)
        if n is None:
            if last_quarter:
                n = int(last_quarter[0][-1])
            else:
                n = (quarter_of(anc) + 2) % 4 + 1
        return mk("DATE", f"{y}-Q{n}")

    if name == "prevperiod":
        if anc is None:
            return None
        if last_quarter:
            y, q = last_quarter[0].split("-Q")
            return mk("DATE", f"{int(y) - 1}-Q{q}")
        idx = anc.year * 4 + quarter_of(anc) - 2 - 4
        return mk("DATE", f"{idx // 4}-Q{idx % 4 + 1}")

    if name == "spelledyear":
        y = (19 if g["c"].lower() == "nineteen" else 20) * 100 + NUMBER_WORDS[g["t"].lower()] + (
            NUMBER_WORDS[g["o"].lower()] if g.get("o") else 0)
        return mk("DATE", f"{y}", mod=_mod(g.get("mod2")), explicit=True)

    if name == "fiscal":
        return mk("DATE", f"{_year2(g['year'])}", explicit=True)

    if name == "year":
        y = int(g["year"][:4])
        ys, ye = m.start("year"), m.end("year")
        plural = text[ye:ye + 1].lower() == "s"
        mod = _mod(g.get("mod"))
        before = text[max(0, ys - 2):ys]
        if "$" in before or "#" in before:
            return None
        if plural:
            return mk("DATE", f"{y // 10:03d}", mod=mod)
        if not mod and not _looks_like_year(text, ys, ye, year_ents):
            return None
        return mk("DATE", f"{y:04d}", mod=mod, explicit=True)

    if name == "ago":
        n = _num(g["num"])
        unit = unit_of(g["unit"])
        if unit is None or unit == "quarter" and anc is None:
            return None
        dirw = g["dir"].lower()
        approx = _APPROX.get(" ".join((g.get("approx") or "").lower().split()))
        if dirw in ("before", "after") or (dirw in ("later", "earlier") and unit in ("day", "night", "week", "hour", "minute", "second")):
            # "two days after the vote": a duration relative to an event
            return mk("DURATION", duration(n, unit), end=m.end("unit"), mod=approx)
        if anc is None:
            return mk("DATE", None)
        if n is None:
            return mk("DATE", "PAST_REF" if dirw in ("ago", "earlier", "back") else "FUTURE_REF", mod=approx)
        sign = -1 if dirw in ("ago", "earlier", "back") else 1
        if unit in ("hour", "minute", "second"):
            return mk("TIME", anc.isoformat(), mod=approx)
        if unit == "day" or unit == "night":
            return mk("DATE", (anc + timedelta(days=sign * int(n))).isoformat(), mod=approx)
        if unit == "week" and n <= 3:
            return mk("DATE", (anc + timedelta(weeks=sign * n)).isoformat(), mod=approx)
        if unit in ("decade", "century"):
            return mk("DATE", f"{anc.year + sign * int(n * (10 if unit == 'decade' else 100)):04d}", mod=approx)
        if unit == "year" and n == 1 and last_quarter and dirw in ("ago", "earlier"):
            y, q = last_quarter[0].split("-Q")
            return mk("DATE", f"{int(y) - 1}-Q{q}", mod=approx)
        if not float(n).is_integer():
            return mk("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod=approx)
        return mk("DATE", shift(anc, sign * int(n), unit), mod=approx)

    if name in ("dur", "durlong", "durvague", "durplain"):
        unit = unit_of(g["unit"])
        if unit is None:
            return None
        approx = _APPROX.get(" ".join((g.get("approx") or "").lower().split()))
        start, end = s, e
        if name == "durlong":
            return mk("DURATION", duration(1, unit))
        if name == "durplain":
            return mk("DURATION", duration(None, unit))
        drel = (g.get("drel") or "").lower()
        if name == "durvague":
            vague = g["vague"].lower()
            if vague == "recent":
                return mk("DATE", duration(None, unit))  # TimeML: "recent years" = DATE PXY
            return mk("DURATION", duration(None, unit), mod=approx)
        numw = g["num"].lower()
        n = _num(numw)
        if n is not None and g.get("half"):
            n += 0.5
        if numw in ("a", "an") and not drel and not g.get("approx") and not g.get("long") and not g.get("half") \
                and not g.get("more"):
            # "a year" alone: a duration only after for/in/within/over or as a measure
            before = text[max(0, s - 10):s].lower()
            if not re.search(r"\b(?:for|in|within|over|than|about|nearly|almost|after|take|takes|took|last|lasted|spent|spend)\s+$", before):
                return None
        if unit == "quarter" and not drel and n == 1:
            return None
        if re.fullmatch(r"1[5-9]\d\d|20\d\d", numw):
            return None  # "the 1988 quarter": a year, not an amount
        if g.get("the") and drel in ("past", "last", "previous") and n == 1 and unit in ("year", "month", "week", "decade"):
            # "the past year" names the last period
            if anc is not None and unit == "year":
                return mk("DATE", f"{anc.year - 1}")
        if g.get("long") and g["long"].strip("-– ").lower() == "old":
            return None  # "a 20-year-old": an age, not a time
        if g.get("long") and numw in ("a", "an") and not g.get("approx"):
            start = m.start("unit")  # "a decade-long effort": the adjective is "decade-long"
        if re.match(r"\d", numw) and unit in ("second", "minute", "hour") and float(n or 0) > 1000:
            return None
        after = text[e:e + 12].lower()
        if re.match(r"\s*(?:-|–)?\s*old\b", after):
            return None
        if unit == "quarter" and re.match(r"\s+of\b", after):
            return None  # "three-quarters of its food": a fraction
        return mk("DURATION", duration(n, unit), start=start, end=end, mod=approx)

    if name == "rel":
        if g["unit"][:1].isupper() and g["unit"].lower() in ("week", "weekend", "month", "year", "quarter", "decade", "century"):
            return None  # a title: ABC's "This Week"
        unit_raw = " ".join(g["unit"].lower().split())
        rel = " ".join(g["rel"].lower().split())
        mod = _mod(g.get("mod"))
        tod = (g.get("tod") or "").lower()
        if rel in ("the same", "the following", "the previous", "the next", "the coming", "the past", "the last") and \
                unit_raw in ("week", "month", "year", "weekend", "decade", "century", "quarter", "fiscal year"):
            if rel in ("the past", "the last", "the previous") and unit_raw == "decade":
                return mk("DURATION", "P10Y")
            if rel in ("the past", "the last") and unit_raw in ("week", "month"):
                return mk("DURATION", duration(1, unit_raw))
            if rel in ("the past", "the last") and unit_raw == "year" and anc is not None:
                return mk("DATE", f"{anc.year - 1}")
            if rel in ("the next", "the coming") and unit_raw in ("week", "month", "year"):
                return mk("DURATION", duration(1, unit_raw))
            return None
        if anc is None:
            return mk("DATE", None, mod=mod)
        step = {"last": -1, "past": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1,
                "the coming": 1, "this": 0, "the current": 0}.get(rel)
        if step is None:
            return None
        wdi = _weekday(unit_raw) if re.fullmatch(_WD_RE, unit_raw) else None
        if wdi is not None:
            if step < 0:
                d = anc - timedelta(days=(anc.weekday() - wdi - 1) % 7 + 1)
            elif step > 0 and rel == "next" :
                d = anc + timedelta(days=(wdi - anc.weekday() - 1) % 7 + 1)
            else:
                d = weekday_near(anc, wdi, 1 if step > 0 else direction)
            v = d.isoformat()
            if tod:
                return mk("TIME", v + "T" + _TOD[tod], weekday=g["unit"])
            return mk("DATE", v, mod=mod, weekday=g["unit"])
        mo = _month(unit_raw) if unit_raw.rstrip(".") in MONTHS else None
        if mo is not None:
            if not g["unit"][0].isupper():
                return None
            if step < 0:
                y = anc.year if mo < anc.month else anc.year - 1
            elif step > 0:
                y = anc.year if mo > anc.month else anc.year + 1
            else:
                y = anc.year
            return mk("DATE", f"{y}-{mo:02d}", mod=mod)
        if tod:
            return None
        if unit_raw == "fiscal year":
            unit_raw = "year"
        if unit_raw == "weekend":
            v = iso_week(anc + timedelta(weeks=step)) + "-WE"
            return mk("DATE", v, mod=mod)
        if unit_raw in ("decade", "century") and step < 0 and rel in ("past", "last"):
            return mk("DURATION", "P10Y" if unit_raw == "decade" else "P100Y", mod=mod)
        return mk("DATE", shift(anc, step, unit_raw), mod=mod)

    if name == "earlier":
        modw = g["mod"].lower()
        rel = g["rel"].lower()
        unit = g["unit"].lower()
        mod = "START" if modw in ("earlier", "early") else "END"
        if anc is None:
            return mk("DATE", None, mod=mod)
        if rel in ("that", "the"):
            return None
        step = {"this": 0, "last": -1, "next": 1}[rel]
        if unit in ("morning", "afternoon", "evening"):
            return mk("TIME", anc.isoformat() + "T" + _TOD[unit], mod=mod)
        if unit == "day":
            return None
        return mk("DATE", shift(anc, step, unit), mod=mod)

    if name == "weekend":
        if anc is None:
            return None
        d = anc - timedelta(days=(anc.weekday() - 5) % 7) if direction <= 0 else anc + timedelta(days=(5 - anc.weekday()) % 7)
        return mk("DATE", iso_week(d) + "-WE")

    if name == "wd":
        wd = g["wd"]
        if not wd[0].isupper():
            return None
        wdi = _weekday(wd)
        if wdi is None:
            return None
        rel = " ".join((g.get("rel") or "").lower().split())
        tod = (g.get("tod") or g.get("day2") or "").lower()
        mod = _mod(g.get("mod"))
        start = s
        if rel == "on":
            start = m.start("wd") if not g.get("mod") else s
            rel = ""
        if g.get("plural"):
            v = f"XXXX-WXX-{wdi + 1}" + (f"T{_TOD[tod]}" if tod else "")
            return mk("SET", v, start=start, weekday=wd)
        if anc is None:
            return mk("DATE", f"XXXX-WXX-{wdi + 1}", start=start, weekday=wd)
        if rel == "last" or rel == "this past":
            d = anc - timedelta(days=(anc.weekday() - wdi - 1) % 7 + 1)
        elif rel in ("next", "this coming", "coming"):
            d = anc + timedelta(days=(wdi - anc.weekday() - 1) % 7 + 1)
        elif rel == "this":
            d = weekday_near(anc, wdi, direction if direction else 1)
        else:
            d = weekday_near(anc, wdi, direction)
        v = d.isoformat()
        if tod:
            return mk("TIME", v + "T" + _TOD[tod], start=start, weekday=wd, mod=mod)
        return mk("DATE", v, start=start, weekday=wd, mod=mod)

    if name == "deixis":
        if g["word"][:1] == "T" and g["word"].lower() in ("today", "tonight", "tomorrow") and _mid_sentence(text, m.start("word")):
            return None  # a title: "USA Today", "VOA Today"
        word = " ".join(g["word"].lower().split())
        mod = _mod(g.get("mod"))
        if anc is None:
            return mk("DATE", None, mod=mod)
        if word == "today":
            return mk("DATE", anc.isoformat(), mod=mod)
        if word == "yesterday":
            return mk("DATE", (anc - timedelta(days=1)).isoformat(), mod=mod)
        if word == "tomorrow":
            return mk("DATE", (anc + timedelta(days=1)).isoformat(), mod=mod)
        if word == "the day before yesterday":
            return mk("DATE", (anc - timedelta(days=2)).isoformat(), mod=mod)
        if word == "the day after tomorrow":
            return mk("DATE", (anc + timedelta(days=2)).isoformat(), mod=mod)
        if word in ("tonight", "overnight"):
            return mk("TIME", anc.isoformat() + "TNI", mod=mod)
        first, part = word.split(" ", 1)
        if part not in _TOD:
            return None
        if first == "the":
            return None
        base = {"this": anc, "yesterday": anc - timedelta(days=1), "tomorrow": anc + timedelta(days=1),
                "last": anc - timedelta(days=1)}[first]
        if first == "last" and part != "night":
            return None
        return mk("TIME", base.isoformat() + "T" + _TOD[part], mod=mod)

    if name == "ref":
        word = " ".join(g["word"].lower().split())
        start = s
        if word.startswith("in "):
            start = s + 3
            word = word[3:]
        if word in ("now", "right now", "just now", "currently", "nowadays", "these days", "at present", "presently",
                    "at the moment", "current"):
            if word == "current" and not _attributive(text, e):
                return None
            return mk("DATE", "PRESENT_REF", start=start)
        if word in ("recently", "lately", "recent years", "recent months", "recent weeks", "recent days", "the past",
                    "formerly", "previously", "recent", "former"):
            if word in ("formerly", "previously", "former"):
                return None
            if word == "recent":
                return None  # a vague modifier ("the recent sale"): TimeML corpora seldom tag it
            if word == "the past" and re.match(r"\s+(?:few|several|\d|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|year|month|week|decade|day|centur|quarter|hour|night)", text[e:e + 10].lower()):
                return None
            return mk("DATE", "PAST_REF", start=start)
        if word in ("soon", "shortly", "any time soon"):
            return None  # TimeML leaves these adverbs untagged more often than not
        if re.fullmatch(r"(?:the\s+)?(?:coming|upcoming)\s+\w+", word):
            return mk("DATE", "FUTURE_REF", start=start)
        if word in ("the future", "the near future", "a later date", "the near term", "the short term"):
            if word == "shortly" and re.match(r"\s+(?:before|after)", text[e:e + 8].lower()):
                return None
            return mk("DATE", "FUTURE_REF", start=start)
        return None

    if name == "set":
        word = " ".join(g["word"].lower().split())
        simple = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                  "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "biannually": "P6M"}
        if word in simple:
            return mk("SET", simple[word])
        parts = word.split()
        det, unit = parts[0], parts[-1]
        if det == "a" and unit not in ("day", "week", "month", "year", "hour"):
            return None
        if det in ("a", "per"):
            before = text[max(0, s - 20):s].lower()
            if not re.search(r"(?:once|twice|times|\d|percent|%|\$[\d.,]+\s*\w*)\s*$", before):
                return None
        wdi = _weekday(unit) if re.fullmatch(_WD_RE, unit) else None
        if wdi is not None:
            return mk("SET", f"XXXX-WXX-{wdi + 1}")
        if unit in SEASONS:
            return mk("SET", f"XXXX-{SEASONS[unit]}")
        mo = _month(unit) if unit not in ("second",) and det in ("every", "each") else None
        if mo is not None and unit.rstrip(".") in _FULL_MONTHS:
            return None if not _cap_ok(text[m.end() - len(unit):m.end()]) else mk("SET", f"XXXX-{mo:02d}")
        if unit in ("morning", "evening", "night"):
            return mk("SET", f"XXXX-XX-XXT{_TOD[unit]}")
        u = unit_of(unit)
        if u is None:
            return None
        n = 2 if "other" in parts else 1
        return mk("SET", duration(n, u))

    if name == "holiday":
        hol = " ".join(g["hol"].lower().split())
        y = int(g["year"]) if g.get("year") else anc.year if anc else None
        if hol.startswith("christmas"):
            md = (12, 24) if hol.endswith("eve") else (12, 25)
        elif hol.startswith("new year"):
            md = (12, 31) if hol.endswith("eve") else (1, 1)
        elif hol.startswith("thanksgiving"):
            md = None
        elif hol == "halloween":
            md = (10, 31)
        elif hol.startswith("valentine"):
            md = (2, 14)
        elif hol == "independence day":
            md = (7, 4)
        else:
            return None
        if y is None:
            return mk("DATE", f"XXXX-{md[0]:02d}-{md[1]:02d}" if md else None)
        day = thanksgiving(y) if md is None else date(y, *md)
        if not g.get("year") and anc is not None and direction <= 0 and day > anc + timedelta(days=7):
            day = thanksgiving(y - 1) if md is None else date(y - 1, *md)
        return mk("DATE", day.isoformat(), explicit=bool(g.get("year")))

    return None


def _mid_sentence(text: str, start: int) -> bool:
    """True when the word at ``start`` follows a word or comma in its sentence (so a capital is a name's)."""
    before = text[max(0, start - 3):start].rstrip(" \t")
    return bool(before) and (before[-1].isalnum() or before[-1] in ",;")


def _attributive(text: str, end: int) -> bool:
    """``current``/``recent`` followed by a noun (``current account`` excluded) count as times."""
    nxt = re.match(r"\s+([a-z]+)", text[end:end + 30])
    if not nxt:
        return False
    return nxt.group(1) not in {"account", "accounts", "affairs", "events", "issue", "issues", "of", "and", "or", "in",
                                "model", "version", "form", "members", "member", "owner", "owners", "holder", "law",
                                "rules", "system", "generation", "electric", "practice"}


def _looks_like_year(text: str, ys: int, ye: int, year_ents: set[int] | None) -> bool:
    """A bare four-digit number is a year unless it counts something."""
    nxt = re.match(r"\s*([A-Za-z]+)", text[ye:ye + 20])
    word = nxt.group(1) if nxt else ""
    prev = re.search(r"([A-Za-z]+)\W*$", text[max(0, ys - 20):ys])
    pword = prev.group(1).lower() if prev else ""
    if pword in ("in", "since", "until", "till", "by", "from", "during", "of", "before", "after", "year", "fiscal",
                 "early", "late", "mid", "through", "between", "and", "to", "circa", "spring", "summer", "autumn",
                 "fall", "winter", "end", "around"):
        if word and word[0].islower() and word not in _YEAR_FOLLOWERS:
            return year_ents is not None and ys in year_ents
        return True
    if year_ents is not None:
        return ys in year_ents
    return not word or word[0].isupper() or word in _YEAR_FOLLOWERS


_YEAR_FOLLOWERS = {"and", "or", "to", "when", "as", "with", "the", "was", "is", "were", "saw", "election", "elections",
                   "budget", "levels", "level", "season", "census", "figures", "report", "to", "through", "until",
                   "after", "before", "in", "on", "at", "for", "by", "but", "while", "because", "under", "that",
                   "has", "had", "have", "will", "would", "could", "deadline", "model", "models", "olympics",
                   "war", "campaign", "game", "games", "earnings", "results", "sales", "target", "agreement"}


def _day_of(word: str | None, anc: date | None, direction: int) -> str | None:
    """The date a clock time is on: a named day, or the anchor."""
    if anc is None:
        return None
    if not word:
        return anc.isoformat()
    w = word.lower()
    if w == "today":
        return anc.isoformat()
    if w == "yesterday":
        return (anc - timedelta(days=1)).isoformat()
    if w == "tomorrow":
        return (anc + timedelta(days=1)).isoformat()
    wdi = _weekday(w.split()[0]) if re.fullmatch(_WD_RE, w) else None
    if wdi is not None:
        return weekday_near(anc, wdi, direction).isoformat()
    mm = re.match(rf"({_MONTH_RE})\s*(\d+)", w, re.I)
    if mm:
        mo, d = _month(mm.group(1)), int(mm.group(2))
        if mo and valid_day(anc.year, mo, d):
            return f"{day_near(anc, mo, d, direction)}-{mo:02d}-{d:02d}"
    return anc.isoformat()


# ----------------------------------------------------------------------------- tense


_FUTURE_WORDS = {"will", "shall", "'ll", "wo"}
_PLAN_LEMMAS = {"schedule", "expect", "plan", "set", "due", "intend", "hope", "aim", "prepare", "propose"}


def tense_direction(doc, start: int, end: int) -> int:
    """-1 when the verb governing the span is past, +1 when future, 0 when neither is clear."""
    if doc is None:
        return 0
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
            break
        if tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return 0
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    for a in auxes:
        low = a.lower_
        if low in _FUTURE_WORDS or (a.tag_ == "MD" and low in ("will", "shall", "'ll")):
            return 1
    for a in auxes:
        if a.tag_ == "VBD" or (a.lemma_ == "have" and tok.tag_ == "VBN"):
            return -1
    if tok.tag_ == "VBD":
        return -1
    if tok.lemma_ in _PLAN_LEMMAS and tok.tag_ != "VBN" or any(a.lemma_ == "go" and a.tag_ == "VBG" for a in auxes):
        return 1
    if tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl", "advcl"):
        return -1
    # "expected to meet Friday", "will try to meet Friday"
    head = tok.head
    if tok.dep_ in ("xcomp", "ccomp", "advcl") and head is not tok:
        if any(c.lower_ in _FUTURE_WORDS for c in head.children if c.dep_ == "aux"):
            return 1
        if head.lemma_ in _PLAN_LEMMAS and head.tag_ in ("VBN", "VBZ", "VBP", "VBG"):
            return 0 if any(c.tag_ == "VBD" for c in head.children if c.dep_ in ("aux", "auxpass")) else 1
        if head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP") and any(c.lower_ == "to" for c in tok.children):
            return 1  # "is to resume Tuesday"
        if head.tag_ == "VBD":
            return -1
    if tok.tag_ in ("VBZ", "VBP") and tok.lemma_ not in _REPORT_LEMMAS and not auxes and span.root.dep_ != "poss":
        return 1  # "meet Monday" in the present: a scheduled event
    return 0


_REPORT_LEMMAS = {"say", "tell", "report", "announce", "claim", "state", "add", "note", "insist", "deny", "confirm",
                  "be", "have", "show", "remain", "suggest", "believe", "think", "know", "want", "need", "seem"}
