"""Light text rules used by ``compare`` when a layer's table is empty (the layer has not run or not landed).

Everything is regex over the stored article text — no parse — and only fills
gaps: when the quotes, quantities, times or entities layers have rows in the
store, their findings are used instead (see ``compare.facts``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

ABBREV = ("Dr", "St", "Mr", "Mrs", "Ms", "Prof", "Gen", "Col", "Lt", "Sgt", "Gov", "Sen", "Rep", "Jr", "Sr", "Inc",
          "Ltd", "Co", "Corp", "No", "Mt", "Ft", "Capt", "Maj", "Cpl", "Rev", "Hon", "vs", "etc", "approx", "Jan", "Feb",
          "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")

_SENT_END = re.compile(r"(?<=[.!?])(?P<close>[\"”’']?)\s+(?=[\"“‘'(]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str, ranges: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """Split ``text`` (or the given ranges of it) into sentences with offsets; paragraphs never merge."""
    out: list[Sentence] = []
    spans = ranges or [(0, len(text))]
    for a, b in spans:
        for pa, pb in ((m.start() + a, m.end() + a) for m in re.finditer(r"[^\n]+", text[a:b])):
            para = text[pa:pb]
            pos = 0
            for m in _SENT_END.finditer(para):
                last = re.search(r"([\w.]+)\.$", para[:m.start()])
                if last:
                    word = last.group(1).split(".")[-1]
                    if word in ABBREV or re.fullmatch(r"[A-Z]", word):
                        continue
                _add(out, para, pa, pos, m.start() + len(m.group("close")))
                pos = m.end()
            _add(out, para, pa, pos, len(para))
    return out


def _add(out: list[Sentence], para: str, base: int, a: int, b: int) -> None:
    while a < b and para[a].isspace():
        a += 1
    while b > a and para[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Sentence(base + a, base + b, para[a:b]))


# ----------------------------------------------------------------- numbers
UNITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                     "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
_WORDNUM = r"(?:(?:%s)(?:[- ](?:%s))?|(?:%s)|a hundred|one hundred|hundreds|dozens|a dozen)" % (
    "|".join(TENS), "|".join(k for k in UNITS if k != "zero"), "|".join(UNITS))
NUM = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|%s)" % _WORDNUM
MOD = r"(?:(?P<mod>at least|more than|over|about|around|nearly|almost|some|roughly|up to|at most|as many as|fewer than|less than)\s+)?"

EVENTS = {
    "KILL": r"killed|kills|kill|killing|dead|died|deaths|death|fatalities|lives lost|lost their lives",
    "WOUND": r"wounded|wounding|injured|injuring|injuries|hurt",
    "MISSING": r"missing|unaccounted for",
    "ARREST": r"arrested|arresting|detained|arrests",
    "DISPLACE": r"displaced|evacuated|homeless|fled",
    "RESCUE": r"rescued",
}
_EVENT_OF = {}
for _k, _v in EVENTS.items():
    for _w in _v.split("|"):
        _EVENT_OF[_w] = _k
_EVENT_ALT = "|".join(sorted(_EVENT_OF, key=len, reverse=True))
_FILLER = r"(?:(?!(?:%s|and|or|but|while)\b)[a-z][a-z-]*\s+){0,4}?" % _EVENT_ALT
_NUM_FIRST = re.compile(r"(?i)\b%s%s\s+%s(?P<ev>%s)\b" % (MOD, NUM, _FILLER, _EVENT_ALT))
_VERB_FIRST = re.compile(r"(?i)\b(?P<ev>killing|killed|kills|wounding|wounded|injuring|injured|arrested|arresting|"
                         r"detained|evacuated|displaced|rescued)\s+%s%s\b" % (MOD, NUM))
_TOLL = re.compile(r"(?i)\bdeath toll\s+(?:[a-z]+\s+){0,3}?(?:at|of|to|reached|stood at|rose to)\s+%s%s\b" % (MOD, NUM))


def word_value(s: str) -> float | None:
    s = s.lower().replace(",", "").strip()
    try:
        return float(s)
    except ValueError:
        pass
    if s in ("dozens", "hundreds", "a dozen"):
        return {"a dozen": 12.0}.get(s)
    if s in ("a hundred", "one hundred"):
        return 100.0
    parts = re.split(r"[- ]", s)
    total = 0
    for p in parts:
        if p in UNITS:
            total += UNITS[p]
        elif p in TENS:
            total += TENS[p]
        else:
            return None
    return float(total)


@dataclass(frozen=True)
class NumberHit:
    event: str
    value: float
    modifier: str | None
    start: int  # the whole phrase
    end: int
    num_start: int
    num_end: int


def number_hits(text: str, base: int = 0) -> list[NumberHit]:
    """Counted quantities in ``text``: ``52 people were killed``, ``killing at least 52``, ``death toll at 47``."""
    hits: list[NumberHit] = []
    used: list[tuple[int, int]] = []
    for rx, ev_of in ((_TOLL, lambda m: "KILL"), (_VERB_FIRST, lambda m: _EVENT_OF.get(m.group("ev").lower(), "OTHER")),
                      (_NUM_FIRST, lambda m: _EVENT_OF[m.group("ev").lower()])):
        for m in rx.finditer(text):
            a, b = m.span("num")
            if any(x < b and a < y for x, y in used):
                continue
            value = word_value(m.group("num"))
            if value is None:
                continue
            if 1900 <= value <= 2100 and m.group("num").isdigit():  # a year
                continue
            used.append((a, b))
            mod = m.group("mod").lower() if m.group("mod") else None
            hits.append(NumberHit(ev_of(m), value, mod, base + m.start(), base + m.end(), base + a, base + b))
    return sorted(hits, key=lambda h: h.num_start)


# ----------------------------------------------------------------- names and attribution
TITLES = {"governor", "gov.", "dr.", "dr", "mr.", "mrs.", "ms.", "mr", "mrs", "ms", "prof.", "professor", "president",
          "minister", "mayor", "senator", "sen.", "rep.", "general", "gen.", "colonel", "col.", "captain", "capt.",
          "chief", "inspector", "sergeant", "sgt.", "judge", "justice", "spokesman", "spokeswoman", "spokesperson",
          "director", "commander", "officer", "secretary", "chairman", "chairwoman", "ceo", "sir", "dame", "lord",
          "lady", "king", "queen", "prince", "princess", "pope", "father", "sister", "rabbi", "imam", "lieutenant",
          "lt.", "deputy", "premier", "chancellor", "ambassador", "executive"}
_CAP = r"(?:[A-Z][\w'’.-]*|&)"
_NAME = r"(?P<who>%s(?:\s+(?:of\s+|de\s+|van\s+|von\s+|al-)?%s)*)" % (_CAP, _CAP)
SPEECH = r"said|says|told|added|announced|stated|confirmed|reported|claimed|insisted|warned|explained|wrote|noted"
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_GROUP_NOUNS = r"officials|police|authorities|witnesses|residents|investigators|officers|rescuers|doctors|experts|" \
               r"analysts|sources|activists|survivors|medics|paramedics|firefighters|diplomats|aides|organisers|organizers"
_ATTR = [
    re.compile(r"\baccording to (?:the )?%s" % _NAME),
    re.compile(r"\b%s,\s+[^,\"“”]{2,80},\s+(?:%s)\b" % (_NAME, SPEECH)),
    re.compile(r"\b%s\s+(?:%s)\b" % (_NAME, SPEECH)),
    re.compile(r"\b(?:%s)\s+(?:the\s+)?%s" % (SPEECH, _NAME)),
    re.compile(r"(?i)(?:^|,\s+)(?P<who>(?:local |state |senior |government |health |security )?(?:%s))\s+(?:%s)\b"
               % (_GROUP_NOUNS, SPEECH)),
    re.compile(r"(?i)(?:^|[.,;]\s+|\b)(?P<who>he|she|they)\s+(?:%s)\b" % SPEECH),
]
_STOP_LEAD = {"The", "A", "An", "This", "That", "These", "Those", "But", "And", "On", "In", "At", "After", "Before",
              "When", "While", "As", "Meanwhile", "However", "Also", "Local"}
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NOT_NAMES = {m.capitalize() for m in MONTHS + WEEKDAYS} | {"I", "We", "He", "She", "They", "It", "Our", "My"}


def clean_name(raw: str) -> str:
    """Strip a leading article, titles and trailing punctuation: ``the Governor Ann Roe,`` → ``Ann Roe``."""
    words = raw.strip().strip(",.;:").split()
    while words and (words[0] in _STOP_LEAD or words[0].lower() in TITLES):
        words = words[1:]
    if "of" in words and words.index("of") >= 2:  # "Ilse Marrec of St. Mary's Hospital" → the person
        words = words[:words.index("of")]
    while words and (words[-1] in _NOT_NAMES or words[-1].lower() in ("of", "de", "van", "von")):
        words = words[:-1]
    return " ".join(words).strip(",.;:’'")


def attribution(sentence: str) -> tuple[str, int, int] | None:
    """Who a sentence is attributed to (name as written, start, end within the sentence), by the first rule that fires."""
    best: tuple[str, int, int] | None = None
    for rx in _ATTR:
        for m in rx.finditer(sentence):
            who = m.group("who")
            name = who if who.lower() in PRONOUNS else clean_name(who)
            if not name or name in _NOT_NAMES and name.lower() not in PRONOUNS:
                continue
            a = m.start("who") + who.find(name.split()[0]) if name.split() else m.start("who")
            cand = (name, a, a + len(name))
            if best is None or cand[1] < best[1] and rx is not _ATTR[-1]:
                best = cand
            break
        if best is not None and rx is not _ATTR[-1]:
            break
    return best


_QUOTE = re.compile(r"[\"“](?P<q>[^\"“”\n]{3,}?)[\"”]")


def quotes(text: str) -> list[tuple[int, int]]:
    """Spans of the contents of double-quoted passages."""
    return [m.span("q") for m in _QUOTE.finditer(text)]


_NAME_RUN = re.compile(r"\b%s(?:\s+%s)+" % (_CAP, _CAP))


def name_runs(text: str) -> list[tuple[str, int, int]]:
    """Runs of two or more capitalised words (``Anneliese Dovrak``, ``Free Coast Front``), titles stripped."""
    out = []
    for m in _NAME_RUN.finditer(text):
        raw = m.group(0)
        name = clean_name(raw)
        if len(name.split()) >= 2:
            a = m.start() + raw.find(name)
            out.append((name, a, a + len(name)))
    return out


# ----------------------------------------------------------------- dates
_DMY = re.compile(r"(?i)\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>%s)(?:,?\s+(?P<y>\d{4}))?\b" % "|".join(MONTHS))
_MDY = re.compile(r"(?i)\b(?P<m>%s)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?\b" % "|".join(MONTHS))
_WD = re.compile(r"(?i)\b(?:on\s+|last\s+)?(?P<wd>%s)\b" % "|".join(WEEKDAYS))
_REL = re.compile(r"(?i)\b(?P<rel>yesterday|today|last night|tonight)\b")


@dataclass(frozen=True)
class DateHit:
    value: str  # ISO date
    start: int
    end: int
    explicit: bool


def date_hits(text: str, published: date | None, base: int = 0) -> list[DateHit]:
    """Calendar dates in ``text``, resolved against ``published`` where the year or day is implicit."""
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    for rx in (_DMY, _MDY):
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            month = MONTHS.index(m.group("m").lower()) + 1
            year = int(m.group("y")) if m.group("y") else (published.year if published else None)
            if year is None:
                continue
            try:
                d = date(year, month, int(m.group("d")))
            except ValueError:
                continue
            a, b = m.span()
            wd = re.search(r"(?i)\b(%s),?\s*$" % "|".join(WEEKDAYS), text[max(0, a - 12):a])
            if wd:
                a = max(0, a - 12) + wd.start()
            taken.append((a, b))
            hits.append(DateHit(d.isoformat(), base + a, base + b, True))
    if published is not None:
        for rx in (_WD, _REL):
            for m in rx.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                if "wd" in rx.groupindex:
                    back = (published.weekday() - WEEKDAYS.index(m.group("wd").lower())) % 7
                    d = published - timedelta(days=back)
                    a = m.start("wd")
                else:
                    rel = m.group("rel").lower()
                    d = published - timedelta(days=1) if rel in ("yesterday", "last night") else published
                    a = m.start("rel")
                taken.append((a, m.end()))
                hits.append(DateHit(d.isoformat(), base + a, base + m.end(), False))
    return sorted(hits, key=lambda h: h.start)


# ----------------------------------------------------------------- events, denial
INCIDENT = {"explosion", "explosions", "blast", "blasts", "attack", "attacks", "bombing", "bomb", "fire", "crash",
            "collision", "shooting", "earthquake", "quake", "flood", "flooding", "collapse", "collapsed", "exploded",
            "incident", "disaster", "storm", "landslide", "derailment", "massacre", "clashes", "clash", "raid",
            "strike", "airstrike", "shelling", "killed", "died", "overturned", "struck", "hit", "erupted", "happened",
            "occurred", "tore"}
OTHER_EVENTS = {"vigil", "funeral", "funerals", "search", "searched", "rescue", "inquiry", "investigation",
                "meeting", "talks", "vote", "election", "protest", "protests", "hearing", "trial", "visit", "visited",
                "ceremony", "relocation", "evacuation", "evacuated", "announced", "arrested", "arrest", "held",
                "opened", "closed", "began", "ended", "signed", "met"}
REPORTING = {"said", "says", "told", "added", "announced", "stated", "confirmed", "reported", "claimed", "insisted",
             "warned", "explained", "wrote", "noted", "commented", "statement"}

DENIAL = re.compile(r"(?i)\b(denied|denies|deny|denying|rejected|rejects|dismissed|refuted|disputed|"
                    r"nothing to do with|no role|not responsible|not involved|no involvement|false|untrue|"
                    r"baseless|fabricated|did not|didn't|never)\b")
RESPONSIBLE = [
    re.compile(r"\b%s\s+(?:was|were|is|are)\s+(?:responsible|to blame)\s+for\b" % _NAME),
    re.compile(r"\b%s\s+(?:carried out|was behind|were behind|is behind|are behind|caused|staged|orchestrated|"
               r"planned|claimed responsibility for)\b" % _NAME),
    re.compile(r"\bblam(?:ed|es|ing)\s+(?:the\s+)?%s\s+for\b" % _NAME),
    re.compile(r"\b(?:attack|blast|bombing|explosion|strike)\s+(?:was\s+)?(?:carried out|claimed|staged)\s+by\s+(?:the\s+)?%s"
               % _NAME),
]
DENY_ROLE = re.compile(r"\b%s\s+(?:denied|denies|rejected|has denied|have denied)\s+(?:any\s+)?(?:role|responsibility|"
                       r"involvement|blame|that it|it was|being behind)" % _NAME)
DENY_THAT = re.compile(r"(?i)\b(?:denied|denies|deny|denying|rejected|dismissed|disputed)\s+(?:claims?\s+|reports?\s+)?"
                       r"(?:that\s+)?(?P<prop>[^.;]{8,})")


@lru_cache(maxsize=4096)
def content_words(s: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in STOP and len(w) > 1)


STOP = frozenset("""a an the and or but if of in on at to for from by with without about as is are was were be been being
has have had do does did not no it its this that these those he she they we i you his her their our my your him them us
me who whom which what when where why how there here than then so such very can could would should will may might must
also just only still even more most much many some any all each every other into over under after before during while
said says told says according one two said mr mrs ms dr""".split())
