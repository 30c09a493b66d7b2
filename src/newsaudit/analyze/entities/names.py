"""Name helpers for the entities layer: normalisation, lexicons, edit distance, acronyms.

Everything here is pure string work (no spaCy), so it is cheap and easy to test.
The lexicons are small, general lists of English news vocabulary (honorifics,
office titles, organisation keywords, generic heads); they name no particular
person or organisation.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Dashes and apostrophes normalised for matching (the text itself is never changed).
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
APOSTROPHES = "\u2019\u2018\u02bc`\u00b4"
QUOTE_CHARS = "\"'\u201c\u201d\u201e\u201f\u2018\u2019\u00ab\u00bb\u2039\u203a`\u00b4"
_DASH_RE = re.compile(f"\\s*[{DASHES}-]\\s*")
_WS_RE = re.compile(r"\s+")

# Honorifics: dropped from a name, not kept as a role.
HONORIFICS = frozenset("""
mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady madam mme mme. m. herr sr sr. jr jr.
sheikh sheik shaikh sayyid ayatollah hajj haji imam rev rev. reverend fr fr. father sister brother
""".split())

# Office titles that may stand right before a name ("Minister X", "President X"); kept as a role.
TITLES = frozenset("""
president vice-president premier minister secretary chancellor senator sen. sen rep. rep representative
congressman congresswoman governor gov. gov mayor ambassador envoy general gen. gen colonel col. col
lieutenant lt. lt captain capt. capt major maj. sergeant sgt. sgt admiral adm. commander judge justice
king queen prince princess emperor pope cardinal bishop archbishop chairman chairwoman chair ceo cfo
director chief spokesman spokeswoman spokesperson commissioner superintendent inspector officer
professor coach detective deputy speaker leader founder head councillor councilman councilwoman
prosecutor attorney lawyer analyst researcher correspondent reporter editor official
""".split())

# Nouns that make an apposition or premodifier a role ("the group's spokesman X", "X, the UN official").
ROLE_NOUNS = TITLES | frozenset("""
member spokesperson activist author writer journalist expert scientist economist historian member
manager executive founder owner partner resident citizen student teacher doctor nurse soldier
officer worker employee advisor adviser aide consultant candidate delegate diplomat politician
lawmaker legislator negotiator observer monitor representative emissary envoy ruler dictator
commander militant fighter rebel defector dissident survivor victim witness relative wife husband
son daughter mother father brother sister widow colleague friend rival opponent critic supporter
chairman president premier minister leader boss head chief secretary director coordinator
""".split())

# Words that mark a name as an organisation.
ORG_WORDS = frozenset("""
agency association authority bank board bureau center centre church club coalition college commission
committee company conference congress corp corp. corporation council court department directorate
federation forum foundation front fund group inc inc. institute institution league ltd ltd. ministry
movement network office organisation organization parliament party press program programme service
society syndicate trust union university watch airways airlines motors news network times post
guardian tribune journal herald gazette courier chronicle observer mirror telegraph magazine review
television radio broadcasting army navy police force forces brigade
""".split())

# Heads that are generic on their own ("the Camp", "the Council"): not a name by themselves.
GENERIC_HEADS = frozenset("""
camp council ministry department government agency court party company group city state states
province region republic kingdom army police office committee commission organization organisation
university college school hospital church mosque airport station street road river lake sea bay
island islands mountain mountains valley district county center centre capital union embassy
president minister prime secretary spokesman official officials leader leaders chairman
north south east west northern southern eastern western central
""".split())

# Lower-case particles inside names (al-X, bin, van der ...).
PARTICLES = frozenset("al el ad as at ash an ar az bin ibn bint abu abd abdul de da del della der di du la le van von ter den dos das".split())

# Upper-case words that are not names of anything.
NOT_ACRONYMS = frozenset("""
I A OK TV AM PM AD BC CEO CFO COO CTO VIP DNA RNA GDP GMT UTC PS FAQ ID IT PR HR QA RIP NB PDF HTML
URL PC DIY ETA USD EUR GBP AP_STYLE OF THE AND OR FOR IN ON AT BY TO NOT NO YES BUT
""".split())

FUNCTION_WORDS = frozenset("of the and for de du des la le el al in on at to a an & y e".split())


@lru_cache(maxsize=8192)
def fold(s: str) -> str:
    """Lower-case, accent-free, dash- and apostrophe-normalised, single-spaced form of ``s``."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    for c in APOSTROPHES:
        s = s.replace(c, "'")
    s = _DASH_RE.sub("-", s)
    return _WS_RE.sub(" ", s).strip().casefold()


def name_key(s: str) -> str:
    """Matching key of a name: folded, without a leading ``the`` or a trailing possessive."""
    k = fold(s)
    if k.startswith("the "):
        k = k[4:]
    if k.endswith("'s"):
        k = k[:-2]
    elif k.endswith("s'"):
        k = k[:-1]
    return k.strip(" .,;:")


def name_tokens(s: str) -> list[str]:
    """Tokens of a folded name; particles joined by a dash stay attached (``al-rashid``)."""
    return [t for t in name_key(s).replace(",", " ").split() if t]


def surname_keys(tokens: list[str]) -> set[str]:
    """Keys by which a later short mention may refer to a person: the last token, with and without particle."""
    if not tokens:
        return set()
    last = tokens[-1]
    keys = {last}
    if "-" in last:
        head, _, tail = last.partition("-")
        if head in PARTICLES and tail:
            keys.add(tail)
    if len(tokens) >= 2 and tokens[-2] in PARTICLES:
        keys.add(f"{tokens[-2]}-{last}")
    return keys


@lru_cache(maxsize=8192)
def is_acronym(s: str) -> bool:
    """``NATO``, ``UNICEF``, ``U.S.``: 2–8 capitals (dots allowed), not a common non-name."""
    if not s[:1].isupper() or len(s) < 2:
        return False
    core = s.replace(".", "").replace("&", "")
    if not (2 <= len(core) <= 8) or not core.isalpha() or not core.isupper():
        return False
    return core not in NOT_ACRONYMS


def acronym_letters(s: str) -> str:
    return s.replace(".", "").replace("&", "").upper()


def initials(name: str) -> set[str]:
    """Acronyms a multi-word name may be shortened to (``United Nations`` → ``UN``)."""
    words = [w for w in re.split(r"[\s\-\u2010-\u2015/]+", name) if w and w[0].isalnum()]
    if len(words) < 2:
        return set()
    caps = "".join(w[0] for w in words if w[0].isupper())
    content = "".join(w[0] for w in words if w.lower() not in FUNCTION_WORDS)
    every = "".join(w[0] for w in words)
    return {x.upper() for x in (caps, content, every) if len(x) >= 2}


def damerau_levenshtein(a: str, b: str, limit: int = 3) -> int:
    """Optimal-string-alignment distance between ``a`` and ``b`` (stops early above ``limit``)."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def near_spelling(a: str, b: str) -> bool:
    """Whether two different names are plausibly one name spelt two ways.

    Both at least 5 letters, same first letter, Damerau–Levenshtein distance 1,
    or 2 when the longer name has at least 9 letters (≤ ~22 % of it).
    """
    if a == b or min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    d = damerau_levenshtein(a, b, limit=2)
    if d == 1:
        return True
    return d == 2 and max(len(a), len(b)) >= 9


def display_name(s: str) -> str:
    """A mention's text tidied for display: single spaces, no possessive, no leading ``the``."""
    s = _WS_RE.sub(" ", s).strip()
    for suf in ("'s", "\u2019s", "'", "\u2019"):
        if s.endswith(suf) and len(s) > len(suf) + 1:
            s = s[: -len(suf)]
            break
    if s[:4].lower() == "the ":
        s = s[4:]
    return s.strip()
