"""Counted quantities: how many people (or things) an event touched, as the text says it.

For every number that counts something (``52 residents were killed``, ``the
seven allegedly missing residents``, ``hundreds of reports``, ``at least in two
cases``) the layer records the number as written, its value and bounds under
its modifier, the counted noun, the event type read from the governing verb or
noun in the dependency parse (``KILL``, ``WOUND``, ``MISSING`` ...), and the
place and date the sentence gives.  Years, dates, times, percentages, money,
ages, measures, ordinals and citation markers are not counted quantities.

A ``count_mismatch`` problem is raised when the same event and counted noun are
given incompatible values in one article (``52 killed`` ... ``47 killed``).
"""
from __future__ import annotations

import logging
import re
from typing import Any

from ..base import strip_span
from ...dossier import Quantity, Span
from . import numbers as N
from .context import Context, with_context
from .index import RangeIndex
from .rules import found_blocks, is_anaphoric, is_group_size, is_year, not_a_count, of_plural, text_blocks
from .mismatches import find_mismatches  # noqa: F401  (public here too)

LAYER = "quantities"  # Problem.layer of this layer's findings

log = logging.getLogger(__name__)


# ---------------------------------------------------------------- lexicons

EVENTS: dict[str, tuple[str, ...]] = {
    "KILL": ("kill", "killing", "killed", "murder", "murdered", "assassinate", "assassinated", "assassination",
             "execute", "executed", "execution", "massacre", "massacred", "slay", "slain", "slaughter",
             "slaughtered", "die", "died", "death", "deaths", "dead", "martyr", "martyrs", "martyrdom",
             "martyred", "fatality", "fatalities", "behead", "beheaded", "perish", "perished", "lynch",
             "lynched", "drown", "drowned"),
    "WOUND": ("wound", "wounded", "injure", "injured", "injury", "injuries", "hurt", "maim", "maimed"),
    "MISSING": ("missing", "disappear", "disappeared", "disappearance", "vanish", "vanished", "unaccounted"),
    "ARREST": ("arrest", "arrested", "apprehend", "apprehended", "round-up"),
    "DETAIN": ("detain", "detained", "detention", "imprison", "imprisoned", "jail", "jailed", "detainee",
               "detainees", "prisoner", "prisoners", "custody", "incarcerate", "incarcerated", "capture", "captured"),
    "KIDNAP": ("kidnap", "kidnapped", "abduct", "abducted", "abduction", "hostage", "hostages", "kidnapping"),
    "DISPLACE": ("displace", "displaced", "displacement", "flee", "fled", "refugee", "refugees", "homeless",
                 "uproot", "uprooted"),
    "RESETTLE": ("resettle", "resettled", "resettlement", "relocate", "relocated", "relocation", "rehouse",
                 "rehoused", "transfer", "transferred"),
    "EVACUATE": ("evacuate", "evacuated", "evacuation", "evacuee", "evacuees"),
    "RESCUE": ("rescue", "rescued"),
    "TRAP": ("trap", "trapped", "trapping", "stranded", "strand"),
    "SURVIVE": ("survive", "survived", "survivor", "survivors"),
    "CASUALTY": ("casualty", "casualties"),
    "RELEASE": ("release", "released", "freed"),
    "PROTEST": ("protest", "protested", "protester", "protesters", "protestor", "protestors",
                "demonstrator", "demonstrators"),
    "STRIKE": ("strike", "airstrike", "airstrikes", "bombing", "bombings", "attack", "attacks", "raid", "raids"),
}
EVENT_OF: dict[str, str] = {w: ev for ev, words in EVENTS.items() for w in words}
# words that name an event only weakly (the counted noun or governing noun)
_WEAK = {"attack", "attacks", "strike", "raid", "raids", "transfer", "transferred", "custody"}
_STATE_VERBS = {"remain", "be", "stay", "keep", "hold", "sit", "languish", "lie"}

MONTHS = {m.lower() for m in (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec").split()}
TIME_UNITS = {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
              "month", "months", "year", "years", "decade", "decades", "century", "centuries", "night",
              "nights", "weekend", "weekends", "hrs", "yrs", "mins", "millennia", "term", "terms"}
MEASURE_UNITS = {"km", "kilometre", "kilometres", "kilometer", "kilometers", "mile", "miles", "metre",
                 "metres", "meter", "meters", "m", "cm", "mm", "kg", "kilogram", "kilograms", "gram", "grams",
                 "g", "ton", "tons", "tonne", "tonnes", "lb", "lbs", "pound", "feet", "foot", "ft", "inch",
                 "inches", "hectare", "hectares", "acre", "acres", "litre", "litres", "liter", "liters",
                 "gallon", "gallons", "barrel", "barrels", "degree", "degrees", "mph", "kph", "km/h",
                 "square", "sq", "per", "percent", "pc", "%", "points", "point", "mw", "gw", "kwh", "bpd"}
CURRENCY_WORDS = {"dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan",
                  "rupee", "rupees", "rial", "rials", "dinar", "dinars", "ruble", "rubles", "rouble",
                  "roubles", "franc", "francs", "peso", "pesos", "cent", "cents", "usd", "eur", "gbp",
                  "shekel", "shekels", "lira", "won", "riyal", "riyals", "naira", "rand", "krona", "kronor"}
CURRENCY_SIGNS = {"$", "€", "£", "¥", "₹", "us$", "a$", "c$", "hk$", "₽", "₺", "₩", "₦"}
LABEL_WORDS = {"no", "no.", "number", "page", "pages", "p.", "pp.", "article", "chapter", "section", "paragraph",
               "resolution", "room", "flight", "route", "line", "version", "phase", "level", "grade", "item",
               "clause", "act", "rule", "category", "stage", "round", "episode", "season", "vol", "vol.",
               "volume", "issue", "highway", "platform", "gate", "bus", "apartment", "floor", "box", "channel",
               "amendment", "psalm", "verse", "step", "year", "class", "type", "covid", "world"}
VAGUE_HEADS = set(N.VAGUE) | {"tens"}
_TIME_RE = re.compile(r"^\d{1,2}[:.]\d{2}$")
_ORDINAL_RE = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)
_ANCHOR_DEPS = {"nummod", "quantmod", "compound", "nmod", "appos"}


def analyse(article, doc, found) -> dict[str, Any]:
    if doc is None or len(doc) == 0:
        return {"quantities": [], "problems": []}
    text = article.text
    blocked = _blocked_ranges(found, text)
    ctx = Context(doc, text, list(found.get("times") or []), list(found.get("mentions") or []))
    quantities: list[Quantity] = []
    used: set[int] = set()
    for tok in doc:
        if tok.i in used:
            continue
        try:
            q = _quantity_at(tok, doc, text, blocked, used)
        except Exception:  # never let one odd number break the layer
            log.debug("quantity at %d skipped", tok.idx, exc_info=True)
            q = None
        if q is None:
            continue
        quantities.append(with_context(q, ctx))
    return {"quantities": quantities, "problems": find_mismatches(quantities, text)}


# ---------------------------------------------------------------- detection


def _blocked_ranges(found, text: str = "") -> RangeIndex:
    out: list[tuple[int, int]] = found_blocks(found) + text_blocks(text)
    cit = found.get("citations")
    for m in getattr(cit, "markers", None) or []:
        out.append((m.start, m.end))
    for t in found.get("times") or []:
        out.append((t.start, t.end))
    return RangeIndex(out)


def _overlaps(a: int, b: int, ranges: RangeIndex) -> bool:
    return ranges.overlaps(a, b)


def _is_number_token(t) -> bool:
    low = t.lower_
    if N.digit_value(t.text) is not None:
        return True
    if low == "one":
        return t.dep_ == "nummod"
    if N.word_value(low) is not None and low not in ("zero",):
        return True
    if low in ("dozen", "dozens", "hundreds", "thousands", "millions", "billions", "tens"):
        return True
    if low == "scores":
        nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
        return nxt is not None and nxt.lower_ == "of"
    return False


def _number_tokens(tok, doc, used):
    """The run of tokens forming one number starting at ``tok`` (``3.5 million``, ``twenty - five``, ``tens of thousands``)."""
    i = tok.i
    toks = [tok]
    j = i + 1
    while j < len(doc):
        t = doc[j]
        low = t.lower_
        if low in N.SCALES or (low in N.SCALE_ABBREV and toks[-1].text[-1:].isdigit()):
            toks.append(t)
        elif low in ("-", "\u2013", "\u2010") and j + 1 < len(doc) and N.word_value(doc[j + 1].lower_) is not None \
                and toks[-1].lower_ in N.TENS and not t.whitespace_ and not toks[-1].whitespace_:
            toks.extend([t, doc[j + 1]])
            j += 1
        elif low == "of" and toks[-1].lower_ in ("tens", "hundreds") and j + 1 < len(doc) \
                and doc[j + 1].lower_ in ("thousands", "millions"):
            toks.extend([t, doc[j + 1]])
            j += 1
        elif low == "and" and toks[-1].lower_ == "hundred" and j + 1 < len(doc) and _is_number_token(doc[j + 1]):
            toks.extend([t, doc[j + 1]])
            j += 1
        elif N.word_value(low) is not None and toks[-1].lower_ in ("hundred", "thousand"):
            toks.append(t)
        else:
            break
        j += 1
    return toks


def _value(toks) -> tuple[float | None, float | None, float | None, bool]:
    """(value, low, high, vague) of the number tokens."""
    words = [t.lower_ for t in toks]
    if words == ["dozen"]:
        return 12.0, 12.0, 12.0, False
    if len(words) == 3 and (words[0], words[2]) in N.VAGUE_OF:
        lo, hi = N.VAGUE_OF[(words[0], words[2])]
        return None, lo, hi, True
    if words[0] in N.VAGUE and len(words) == 1:
        lo, hi = N.VAGUE[words[0]]
        return None, lo, hi, True
    if words[0] == "dozens":
        lo, hi = N.VAGUE["dozens"]
        return None, lo, hi, True
    v = N.phrase_value(words)
    return v, v, v, False


def _excluded(toks, doc, text, blocked) -> bool:
    first, last = toks[0], toks[-1]
    start, end = first.idx, last.idx + len(last.text)
    if _overlaps(start, end, blocked):
        return True
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if first.ent_type_ in ("PERCENT", "MONEY", "ORDINAL", "QUANTITY"):
        return True
    if first.ent_type_ in ("DATE", "TIME"):
        # the NER sometimes swallows a count into a neighbouring date ("On Monday 52 residents ...")
        if not (nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in TIME_UNITS) and not of_plural(last, doc, TIME_UNITS):
            return True
    # citation marker: [3] or (3) or superscript-like
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if (before and before in "[{") or (before == "(" and after == ")"):
        return True
    if _ORDINAL_RE.match(first.text) or _TIME_RE.match(first.text):
        return True
    prev = doc[first.i - 1] if first.i > 0 else None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    nxt2 = doc[last.i + 2] if last.i + 2 < len(doc) else None
    # years
    v = N.digit_value(first.text) if len(toks) == 1 else None
    if v is not None and "," not in first.text and "." not in first.text and 1000 <= v <= 2199 and len(first.text) == 4:
        if not (nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in TIME_UNITS):
            return True
    # dates next to a month name
    if (prev is not None and prev.lower_.rstrip(".") in MONTHS) or (nxt is not None and nxt.lower_.rstrip(".") in MONTHS):
        return True
    if prev is not None:
        pl = prev.lower_
        if pl in CURRENCY_SIGNS or pl in ("aged", "age", "ages") or pl in LABEL_WORDS or pl.endswith("$"):
            return True
        if prev.text in ("#", "No", "No.", "nr", "Nr"):
            return True
    if nxt is not None:
        nl = nxt.lower_
        if nl in TIME_UNITS or nl in MEASURE_UNITS or nl in CURRENCY_WORDS:
            return True
        if nl in ("a.m.", "p.m.", "am", "pm", "o'clock", "gmt", "utc"):
            return True
        if nl in ("-", "\u2013") and nxt2 is not None and (nxt2.lower_ in TIME_UNITS or nxt2.lower_.startswith("year")):
            return True
        if "year-old" in nl or nl.endswith("-old") or nl in ("per", "%"):
            return True
        if nl == "to" and nxt2 is not None and N.digit_value(nxt2.text) is not None and nxt2.ent_type_ == "DATE":
            return True
    if first.lower_ in ("one",) and nxt is not None and nxt.lower_ in ("another", "of"):
        return True
    return not_a_count(toks, doc, text)


def _modifier(first, doc) -> tuple[int, str | None, str | None]:
    """Look left of the number for a modifier; return (start token index, modifier text, kind)."""
    i = first.i
    # optional determiner / preposition between modifier and number: "at least in two cases", "at least the 52"
    skips = [0]
    if i - 1 >= 0 and doc[i - 1].pos_ == "DET" and doc[i - 1].lower_ in ("the", "a", "an"):
        skips.append(1)
        if i - 2 >= 0 and doc[i - 2].pos_ == "ADP":
            skips.append(2)
    if i - 1 >= 0 and doc[i - 1].pos_ == "ADP" and doc[i - 1].lower_ not in ("than", "of"):
        skips.append(1)
    for skip in skips:
        end = i - skip
        for words in N.MODIFIER_TOKENS:
            n = len(words)
            s = end - n
            if s < 0:
                continue
            span = doc[s:end]
            if tuple(t.lower_ for t in span) != words:
                continue
            if any("\n" in t.whitespace_ for t in span[:-1]):
                continue
            phrase = " ".join(words)
            if n == 1 and skip == 0 and phrase in ("over", "above", "under", "about", "around", "some", "only", "estimated"):
                t = span[0]
                if t.dep_ not in ("advmod", "quantmod", "amod", "nummod") and t.head.i != first.i and phrase not in ("some", "only"):
                    # "over" / "about" as a preposition ("talked about two cases") is no modifier
                    if not (t.pos_ in ("ADV", "ADJ")):
                        continue
            if skip and n == 1:
                continue  # single-word modifiers must touch the number
            return s, phrase, N.MODIFIERS[phrase]
    return i, None, None


def _counted(toks, doc):
    """The counted noun token of the number, or None."""
    last = toks[-1]
    first = toks[0]
    head = last.head
    if last.dep_ in _ANCHOR_DEPS and head.i > last.i and head.pos_ in ("NOUN", "PROPN") and head.i - last.i <= 5:
        if head.lower_ not in N.SCALES:
            return head
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "of":
        for j in range(nxt.i + 1, min(len(doc), nxt.i + 6)):
            t = doc[j]
            if t.pos_ in ("NOUN", "PROPN") and (t.head.i == nxt.i or t.dep_ == "pobj" or
                                                 (t.i + 1 < len(doc) and doc[t.i + 1].pos_ not in ("NOUN", "PROPN"))):
                if t.pos_ == "PROPN" and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "NOUN":
                    continue
                return t
            if t.pos_ in ("VERB", "AUX", "PUNCT") or t.lower_ in ("that", "which", "who"):
                break
        return None
    # right after the number, skipping adverbs/adjectives/participles: "seven allegedly missing residents"
    for j in range(last.i + 1, min(len(doc), last.i + 5)):
        t = doc[j]
        if t.pos_ in ("NOUN",) and t.tag_ in ("NNS", "NN"):
            if t.lower_ in EVENT_OF and EVENT_OF[t.lower_] == "KILL" and t.tag_ == "JJ":
                return None
            return t
        if t.pos_ in ("ADV", "ADJ", "PROPN") or (t.pos_ == "VERB" and t.tag_ in ("VBN", "VBG") and t.dep_ in ("amod", "acl", "compound")):
            if t.pos_ == "PROPN" and not (j + 1 < len(doc) and doc[j + 1].pos_ in ("NOUN", "PROPN")):
                break
            continue
        break
    return None


def _event_word(t) -> str | None:
    low = t.lower_
    ev = EVENT_OF.get(low) or EVENT_OF.get(t.lemma_.lower())
    if ev == "MISSING" and t.lemma_.lower() == "miss" and low not in ("missing",):
        return None
    return ev


def _event(toks, counted, doc):
    """(EVENT, token) read from the words around the number, its governing verb/noun, or the counted noun."""
    first, last = toks[0], toks[-1]
    # 1. words between the number and the counted noun, and the word right after ("40 wounded", "52 killed")
    stop = counted.i if counted is not None else last.i + 1
    for t in list(doc[last.i + 1:stop]):
        ev = _event_word(t)
        if ev:
            return ev, t
    after = doc[(counted.i if counted is not None else last.i) + 1] if (counted.i if counted is not None else last.i) + 1 < len(doc) else None
    if after is not None and after.tag_ in ("VBN", "JJ") and _event_word(after) and after.lower_ not in _WEAK:
        return _event_word(after), after
    anchor = counted if counted is not None else last
    if counted is not None and last.i + 1 < len(doc) and doc[last.i + 1].lower_ == "of" and counted.i > last.i:
        anchor = last  # "80 of the detainees": the number heads the phrase
    # 2. modifiers of the anchor: "residents killed", "people who were killed", "missing residents"
    for child in anchor.children:
        if child.dep_ in ("amod", "acl", "relcl") and child.i not in range(first.i, last.i + 1):
            ev = _event_word(child)
            if ev:
                return ev, child
            if child.dep_ == "relcl":
                for gc in child.children:
                    if gc.dep_ in ("acomp", "xcomp", "oprd") and _event_word(gc):
                        return _event_word(gc), gc
    # 3. walk up to the governing verb or noun
    node = anchor
    for _ in range(5):
        head = node.head
        if head.i == node.i or (node.dep_ == "appos" and node.pos_ != "NUM"):
            break  # the root, or a descriptive appositive ("home to 5,000 residents"): the count's clause ends
            # (a numeric appositive restates the count: "6 miners had died, not five")
        if node.dep_ == "pobj" and head.pos_ == "ADP" and head.lower_ != "of" and head.head.pos_ in ("VERB", "AUX"):
            break  # "wounded in two cases": the count is of the cases, not of the wounded
        ev = _event_word(head)
        if ev and head.lower_ not in _WEAK and head.lemma_.lower() not in _WEAK:
            return ev, head
        if head.pos_ in ("VERB", "AUX"):
            if head.lemma_.lower() in _STATE_VERBS:  # "remain in custody", "are in detention"
                for child in head.children:
                    if child.dep_ == "prep":
                        for gc in child.children:
                            if gc.dep_ == "pobj" and _event_word(gc):
                                return _event_word(gc), gc
            for child in head.children:
                if child.dep_ in ("xcomp", "oprd", "acomp", "dobj", "attr") and child.i != node.i and _event_word(child):
                    if child.dep_ == "dobj" and child.pos_ not in ("ADJ",) and child.lower_ not in ("dead", "wounded", "injured"):
                        continue
                    return _event_word(child), child
                if child.dep_ in ("xcomp", "oprd") and child.pos_ in ("VERB", "AUX"):
                    for gc in child.children:
                        if gc.dep_ in ("acomp", "xcomp", "oprd") and _event_word(gc):
                            return _event_word(gc), gc
            break
        node = head
    # 4. the counted noun itself ("52 martyrs", "42 survivors", "12 dead")
    if counted is not None:
        ev = _event_word(counted)
        if ev:
            return ev, counted
    return "OTHER", None


_GLUED = re.compile(r"[\"'“”‘’,;:(]([A-Za-z]+|\d[\d,]*(?:\.\d+)?)$")


def _glued_quantity(tok, doc, text, blocked) -> Quantity | None:
    """A number glued to punctuation by a missing space (``added,”Hundreds of reports``)."""
    m = _GLUED.search(tok.text)
    if m is None or m.start(1) == 0 or not any(c.isalpha() for c in tok.text[: m.start(1)]):
        return None
    word = m.group(1)
    low = word.lower()
    if low in N.VAGUE:
        value, lo, hi = None, *N.VAGUE[low]
    else:
        value = N.digit_value(word)
        if value is None:
            value = N.word_value(low) if low != "one" else None
        if value is None:
            return None
        lo = hi = value
    start = tok.idx + m.start(1)
    end = tok.idx + len(tok.text)
    if _overlaps(start, end, blocked):
        return None
    counted = None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "of":
        counted = _counted([tok], doc)
    elif nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ == "NNS":
        counted = nxt
    if counted is not None and counted.lower_ in (TIME_UNITS | MEASURE_UNITS | CURRENCY_WORDS):
        return None
    q_end = counted.idx + len(counted.text) if counted is not None else end
    ev = _event_word(counted) if counted is not None else None
    sent = tok.sent
    s0, s1 = strip_span(text, sent.start_char, sent.end_char)
    return Quantity(
        start=start, end=q_end, text=text[start:q_end], number=Span.of(text, start, end), value=value, low=lo,
        high=hi, counted=counted.lower_ if counted is not None else None, event=ev or "OTHER",
        event_text=Span.of(text, counted.idx, counted.idx + len(counted.text)) if ev else None,
        sentence=Span.of(text, s0, s1),
    )


def _quantity_at(tok, doc, text, blocked, used) -> Quantity | None:
    if not _is_number_token(tok):
        if tok.pos_ != "SPACE" and not tok.is_alpha and not tok.like_num and len(tok.text) > 2:
            return _glued_quantity(tok, doc, text, blocked)
        return None
    if tok.i > 0 and _is_number_token(doc[tok.i - 1]) and doc[tok.i - 1].i in used and not is_year(doc[tok.i - 1]):
        return None
    toks = _number_tokens(tok, doc, used)
    if _excluded(toks, doc, text, blocked):
        for t in toks:
            used.add(t.i)
        return None
    value, low, high, vague = _value(toks)
    if value is None and low is None:
        return None
    for t in toks:
        used.add(t.i)
    first, last = toks[0], toks[-1]
    # "a dozen"
    num_start = first.idx
    if first.lower_ == "dozen" and first.i > 0 and doc[first.i - 1].lower_ in ("a", "one"):
        num_start = doc[first.i - 1].idx
    counted = _counted(toks, doc)
    if counted is not None and counted.lower_ in (TIME_UNITS | MEASURE_UNITS | CURRENCY_WORDS):
        return None
    mod_i, modifier, kind = _modifier(first, doc)
    if not vague:
        low, high = N.bounds(value, kind)
    elif kind in ("min", "gt"):
        high = None
    elif kind in ("max", "lt"):
        low = 0.0
    event, ev_tok = _event(toks, counted, doc)
    group = is_group_size(toks, doc)
    if event != "OTHER" and group:
        event, ev_tok = "OTHER", None  # "40 of its 90 members": the 90 is the group, not a count of the event
    if event == "OTHER" and (counted is None or (is_anaphoric(toks, doc) and not group)):
        return None  # "the two", "dozens" on their own, "the two women": no new count of anything
    start = doc[mod_i].idx if modifier else num_start
    end = last.idx + len(last.text)
    if counted is not None and counted.i > last.i:
        end = counted.idx + len(counted.text)
    if ev_tok is not None and ev_tok.i == (counted.i if counted is not None and counted.i > last.i else last.i) + 1 \
            and ev_tok.tag_ in ("VBN", "JJ"):
        end = ev_tok.idx + len(ev_tok.text)  # "40 wounded", "52 residents killed"
    number = Span.of(text, num_start, last.idx + len(last.text))
    q = Quantity(
        start=start, end=end, text=text[start:end], number=number, value=value, low=low, high=high,
        modifier=modifier, counted=counted.lower_ if counted is not None else None, event=event,
        event_text=Span.of(text, ev_tok.idx, ev_tok.idx + len(ev_tok.text)) if ev_tok is not None else None,
    )
    sent = first.sent
    s0, s1 = strip_span(text, sent.start_char, sent.end_char)
    return q.model_copy(update={"sentence": Span.of(text, s0, s1)})
