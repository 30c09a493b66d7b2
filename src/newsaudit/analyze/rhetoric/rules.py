"""Pattern rules of the rhetoric layer: devices a reader can verify by eye.

Each rule yields ``(start, end, technique, score, reason)`` on a parsed
``Doc``.  The rules are written for English news prose in general:

* ``Rhetorical_Question`` — a question in the author's own voice (not inside
  quotation marks, not a heading);
* ``Sarcastic_Exclamation`` — an exclamation mark closing the author's own
  declarative statement (not inside quotation marks);
* ``Whataboutism,Straw_Men,Red_Herring`` — questions opening with
  "how about" / "what about";
* ``Doubt`` — doubt-casting hedges ("allegedly", "so-called", "seems unclear"),
  and rhetorical questions that ask "why didn't ...?" / "really";
* ``Appeal_to_Authority`` — a claim said to be confirmed/affirmed/backed by
  named institutions ("... affirmed by Human Rights Watch and the State
  Department"), or "experts say/agree";
* ``Name_Calling,Labeling`` and ``Loaded_Language`` — cue words from a small
  hand-written lexicon plus the words mined from the PTC training part
  (``model/lexicon.json``: words whose uses fall mostly inside spans
  of one technique).
"""
from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

LEXICON_FILE = Path(__file__).resolve().parent / "model" / "lexicon.json"

Finding = tuple[int, int, str, float, str]

QUESTION_CUES = {
    "why": "asks 'why'", "really": "'really' questions the claim", "how about": "turns to another matter",
    "what about": "turns to another matter", "isn't": "expects agreement", "aren't": "expects agreement",
    "don't": "expects agreement", "didn't": "implies an answer", "doesn't": "implies an answer",
    "wouldn't": "implies an answer", "shouldn't": "implies an answer", "who would": "implies an answer",
    "how can": "implies an answer", "how could": "implies an answer", "is it not": "expects agreement",
}
CONTRAST_CUES = ("although", "though", "while", "yet", "but", "nonetheless", "nevertheless", "now that", "even")
DOUBT_WORDS = {
    "allegedly": "'allegedly' casts doubt on the statement", "supposedly": "'supposedly' casts doubt",
    "purportedly": "'purportedly' casts doubt", "so-called": "'so-called' distances the writer from the term",
    "dubious": "'dubious' casts doubt", "questionable": "'questionable' casts doubt",
}
DOUBT_ADJ = frozenset("unclear doubtful questionable suspicious strange odd dubious unlikely implausible fishy murky".split())
AUTHORITY_VERBS = frozenset("affirm confirm endorse back verify corroborate support recognize recognise acknowledge attest certify approve document".split())
# "approved by Apple", "backed by the senator", "confirmed by police": how news reports a fact, not an appeal to
# authority.  These stay below the display threshold (kept in the JSON) unless the verb is one of pure vouching.
VOUCHING_VERBS = frozenset("affirm attest certify corroborate".split())
EXPERT_NOUNS = frozenset("expert experts scientist scientists scholar scholars doctor doctors economist economists researchers".split())
EXPERT_VERBS = frozenset("say agree warn believe confirm".split())

# Hand-written cues; the mined lexicon adds to these.
NAME_CALLING = frozenset(
    "cult cultist cultists thug thugs traitor traitors puppet puppets stooge stooges shill shills lunatic lunatics "
    "idiot idiots moron morons fanatic fanatics zealot zealots demagogue tyrant tyrants despot despots "
    "globalist globalists snowflake snowflakes hack hacks crook "
    "crooks liar liars fascist fascists mob regime henchmen cronies".split())
# Words that label in opinion writing but describe in news reporting ("a terrorist attack", "radical groups"):
# found, but held below the display threshold.
DESCRIPTIVE_LABELS = frozenset("terrorist terrorists extremist extremists radical radicals".split())
MINED_CAP = 0.65  # a mined cue word alone is weak evidence on news prose: kept in the JSON, not shown by default
LOADED = frozenset(
    "massacre massacres massacred bloodshed slaughter slaughtered liquidate liquidating liquidated indoctrinate "
    "indoctrinated indoctrination brainwash brainwashed brainwashing butcher butchered atrocity atrocities "
    "horrific horrendous barbaric brutal sinister shadowy notorious shocking outrageous disgraceful heinous "
    "vile evil monstrous draconian catastrophic disastrous mysterious suspicious eye-opening".split())
# Adjectives that colour the noun they qualify (span = adjective + noun).
INSINUATING_ADJ = frozenset("mysterious suspicious eye-opening shadowy sinister notorious shocking so-called".split())


@lru_cache(maxsize=1)
def mined_lexicon() -> dict[str, tuple[str, float, int]]:
    """word → (technique, precision, count) mined from PTC train; empty when the file is absent."""
    try:
        data = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        log.info("no mined rhetoric lexicon at %s", LEXICON_FILE)
        return {}
    return {w: (v[0], float(v[1]), int(v[2])) for w, v in data.get("words", {}).items()}


def _sent_bounds(sent, text: str) -> tuple[int, int]:
    """The sentence's character range, trimmed, starting after its last blank line (spaCy may join paragraphs)."""
    s, e = sent.start_char, sent.end_char
    cut = text.rfind("\n\n", s, e)
    if cut >= 0 and text[cut:e].strip():
        s = cut + 2
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _last_mark(text: str, s: int, e: int) -> tuple[str, int]:
    """The last sentence mark (?, !, .) of text[s:e] ignoring closing quotes/brackets, and its offset."""
    k = e - 1
    while k >= s and text[k] in "\"'”’»)] \t":
        k -= 1
    return (text[k], k) if k >= s else ("", -1)


def _is_heading(s: int, e: int, headings: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for a, b in headings)


def _line_is_sentence(text: str, s: int, e: int) -> bool:
    """The sentence is a paragraph of its own, between blank lines (a headline-like line)."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    if text[ls:s].strip() or text[e:le].strip():
        return False
    before = text[:ls].rstrip(" \t")
    after = text[le:].lstrip(" \t")
    return (ls == 0 or before.endswith("\n\n") or not before.strip()) and (after.startswith("\n\n") or not after.strip())


def questions_and_exclamations(doc, qmask: bytearray, headings: list[tuple[int, int]], lone_line_is_heading: bool,
                               text: str | None = None) -> list[Finding]:
    text = doc.text if text is None else text
    out: list[Finding] = []
    for sent in doc.sents:
        s, e = _sent_bounds(sent, text)
        if e - s < 3:
            continue
        mark, k = _last_mark(text, s, e)
        if mark not in "?!" or not mark:
            continue
        if k >= len(qmask) or qmask[k] or _is_heading(s, e, headings):
            continue
        if mark == "?" and lone_line_is_heading and len(sent) < 16 and _line_is_sentence(text, s, e):
            continue
        low = text[s:e].lower()
        if mark == "?":
            cues = [c for c in QUESTION_CUES if re.search(r"(?<!\w)" + re.escape(c) + r"(?!\w)", low.replace("’", "'"))]
            if low.startswith(("how about", "what about")):
                out.append((s, e, "Whataboutism,Straw_Men,Red_Herring", 0.7,
                            "a question that turns to other cases ('" + low.split()[0] + " " + low.split()[1] + " ...?') instead of answering"))
            score = 0.6 + (0.2 if cues else 0.0)
            reason = "a question in the writer's own voice, not a quote"
            if cues:
                reason += "; " + ", ".join(f"'{c}' {QUESTION_CUES[c]}" for c in cues[:2])
            out.append((s, e, "Rhetorical_Question", round(score, 2), reason))
            if any(c in cues for c in ("really", "why", "didn't", "doesn't", "wouldn't")) and "if " in low:
                out.append((s, e, "Doubt", 0.65, "a conditional rhetorical question ('if ... really ..., why ...?') casts doubt on the account"))
            elif "really" in cues:
                out.append((s, e, "Doubt", 0.6, "'really' in a rhetorical question casts doubt on the account"))
        else:
            first = next((t for t in sent if not t.is_space and not t.is_punct), None)
            if first is not None and first.tag_ == "VB" and first.i == sent.start:
                continue  # an imperative: a call, not sarcasm
            contrast = [c for c in CONTRAST_CUES if re.search(r"(?<!\w)" + c + r"(?!\w)", low)]
            quoted = any(qmask[i] for i in range(s, min(e, len(qmask))))
            score = 0.55 + (0.15 if contrast else 0.0) + (0.1 if quoted else 0.0)
            reason = "an exclamation mark closing the writer's own statement (not a quote)"
            if contrast:
                reason += f"; contrast with '{contrast[0]}'"
            if quoted:
                reason += "; it comments on a quotation"
            out.append((s, e, "Sarcastic_Exclamation", round(score, 2), reason))
    return out


def _chunk_for(doc, i: int) -> tuple[int, int]:
    """The token range of a short labelling phrase around token i ('the cult', 'cult leaders', 'X propaganda')."""
    a, b = i, i + 1
    tok = doc[i]
    if b < len(doc) and doc[b].pos_ == "NOUN" and doc[b].dep_ in ("compound", "ROOT", "nsubj", "dobj", "pobj", "nsubjpass", "attr", "appos", "conj") and tok.dep_ == "compound":
        b += 1
    elif b + 1 < len(doc) and doc[b].lower_ == "of" and doc[b + 1].pos_ == "NOUN":
        b += 2  # 'cult of personality'
    elif a > 0 and doc[a - 1].dep_ == "compound" and doc[a - 1].head.i == i and doc[a - 1].pos_ in ("NOUN", "PROPN"):
        a -= 1
    elif a > 0 and doc[a - 1].lower_ in ("the", "this", "that", "a", "an"):
        a -= 1
    return a, b


def lexicon_cues(doc, qmask: bytearray, text: str | None = None) -> list[Finding]:
    text = doc.text if text is None else text
    mined = mined_lexicon()
    out: list[Finding] = []
    for tok in doc:
        if not tok.is_alpha and "-" not in tok.text:
            continue
        w = tok.lower_
        if tok.idx < len(qmask) and qmask[tok.idx]:
            continue  # words inside quotations are the speaker's, judged by the quotes layer
        if w in DOUBT_WORDS:
            out.append((tok.idx, tok.idx + len(tok), "Doubt", 0.65, DOUBT_WORDS[w]))
            continue
        if w == "propaganda" and tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN":
            a = tok.i - 1
            while a > 0 and doc[a - 1].pos_ == "PROPN":
                a -= 1
            out.append((doc[a].idx, tok.idx + len(tok), "Name_Calling,Labeling", 0.7,
                        "labels a named party's statements as 'propaganda'"))
            continue
        if (w in NAME_CALLING or w in DESCRIPTIVE_LABELS) and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            a, b = _chunk_for(doc, tok.i)
            out.append((doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), "Name_Calling,Labeling",
                        0.7 if w in NAME_CALLING else 0.5, f"labels with the word '{tok.text}'"))
            continue
        if w in INSINUATING_ADJ and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "NOUN":
            nxt = doc[tok.i + 1]
            out.append((tok.idx, nxt.idx + len(nxt), "Loaded_Language", 0.65,
                        f"'{tok.text}' colours the '{nxt.text}' it qualifies"))
            continue
        if w in LOADED:
            out.append((tok.idx, tok.idx + len(tok), "Loaded_Language", 0.6, f"emotionally loaded word '{tok.text}'"))
            continue
        hit = mined.get(w) or mined.get(tok.lemma_.lower())
        if hit and hit[0] in ("Loaded_Language", "Name_Calling,Labeling") and tok.pos_ in ("NOUN", "ADJ", "VERB", "ADV"):
            tech, prec, n = hit
            out.append((tok.idx, tok.idx + len(tok), tech, round(min(MINED_CAP, 0.4 + prec / 2), 2),
                        f"cue word '{tok.text}' ({round(100 * prec)}% of its {n} uses in the PTC training articles were marked {tech.split(',')[0].replace('_', ' ')})"))
    out += _hyphenated(doc, qmask, text)
    # doubt: 'seems (very) unclear'
    for tok in doc:
        if tok.lemma_ in ("seem", "appear", "remain") and tok.i + 1 < len(doc):
            j = tok.i + 1
            if j < len(doc) and doc[j].pos_ == "ADV":
                j += 1
            if j < len(doc) and doc[j].lower_ in DOUBT_ADJ and not (tok.idx < len(qmask) and qmask[tok.idx]):
                out.append((tok.idx, doc[j].idx + len(doc[j]), "Doubt", 0.7,
                            f"'{text[tok.idx:doc[j].idx + len(doc[j])]}' casts doubt without evidence"))
    return out


_HYPHEN_WORDS = sorted({w for w in (*DOUBT_WORDS, *INSINUATING_ADJ, *LOADED) if "-" in w})
_HYPHEN_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in _HYPHEN_WORDS) + r")(?![\w-])", re.IGNORECASE)


def _hyphenated(doc, qmask: bytearray, text: str) -> list[Finding]:
    """Hyphenated cues ('so-called', 'eye-opening'), which the tokenizer splits."""
    out: list[Finding] = []
    for m in _HYPHEN_RE.finditer(text):
        s, e = m.span()
        if s < len(qmask) and qmask[s]:
            continue
        w = m.group(1).lower()
        if w in DOUBT_WORDS:
            out.append((s, e, "Doubt", 0.65, DOUBT_WORDS[w]))
            continue
        nxt = doc.char_span(e, len(text), alignment_mode="expand")
        noun = next((t for t in nxt[:3] if t.pos_ in ("NOUN", "PROPN")), None) if nxt is not None else None
        if w in INSINUATING_ADJ and noun is not None:
            ne = noun.idx + len(noun)
            out.append((s, ne, "Loaded_Language", 0.65, f"'{m.group(1)}' colours the '{noun.text}' it qualifies"))
        else:
            out.append((s, e, "Loaded_Language", 0.6, f"emotionally loaded word '{m.group(1)}'"))
    return out


def authority(doc, qmask: bytearray) -> list[Finding]:
    """'... affirmed/confirmed/backed by <named institutions>' and 'experts say/agree'."""
    out: list[Finding] = []
    n = len(doc)
    for tok in doc:
        if tok.lemma_.lower() in AUTHORITY_VERBS and tok.tag_ in ("VBN", "VBD") and tok.i + 1 < n and doc[tok.i + 1].lower_ == "by":
            j = tok.i + 2
            last = None
            named = 0
            while j < n:
                t = doc[j]
                if t.ent_type_ in ("ORG", "GPE", "PERSON", "NORP") or t.pos_ == "PROPN":
                    last = j
                    named += 1
                elif t.lower_ in ("the", ",", "and", "of", "'s", "’s") or (t.is_title and t.pos_ in ("NOUN", "ADJ")):
                    pass
                else:
                    break
                j += 1
            if last is not None and named:
                a = tok.i
                if a > 0 and doc[a - 1].lemma_ == "be":
                    a -= 1
                    if a > 0 and doc[a - 1].pos_ == "ADV":
                        a -= 1
                end = doc[last].idx + len(doc[last])
                out.append((doc[a].idx, end, "Appeal_to_Authority", 0.7 if tok.lemma_.lower() in VOUCHING_VERBS else 0.5,
                            f"rests the claim on being '{tok.text} by' named institutions rather than on evidence shown"))
        elif tok.lower_ in EXPERT_NOUNS and tok.i + 1 < n and doc[tok.i + 1].lemma_ in EXPERT_VERBS and not (tok.idx < len(qmask) and qmask[tok.idx]):
            nxt = doc[tok.i + 1]
            out.append((tok.idx, nxt.idx + len(nxt), "Appeal_to_Authority", 0.6, f"unnamed '{tok.text}' invoked as authority"))
    return out
