"""The tagger's vocabulary and regular expressions: number and month words, the TIMEX patterns (compiled
once, lazily), the trigger words that pick the windows of text worth matching, and window merging.
"""
from __future__ import annotations

import re
from functools import lru_cache


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
