"""Finding mentions: the model's entities repaired by rules (titles, proper-noun runs, acronyms,
definitions, recurrences), trimmed, de-overlapped, and kept out of bylines and references.
"""
from __future__ import annotations

import re

from .vocab import GPE_ACRONYMS, MONTHS_DAYS, NAMED_LABELS, PRONOUNS, _ABBREV_END_RE, _ICAMEL_RE, _M, _MODEL_RE, _POSSESSIVE_RE, _STRIP_CHARS, _YEAR_RE
from . import names as N


_LOWER_DETERMINERS = frozenset({"a", "an", "this", "that", "these", "those"})


class MentionFinding:
    """Mixin of ``_Layer``: the mention-finding passes (``self.mentions`` grows)."""

    # ---- mention finding
    def _trim(self, start: int, end: int) -> tuple[int, int, tuple[int, int] | None]:
        """Trim quote marks, punctuation, a leading 'the', honorifics/titles and a possessive."""
        text = self.text
        title = None
        for _ in range(4):
            while start < end and text[start] in _STRIP_CHARS:
                start += 1
            while end > start and text[end - 1] in _STRIP_CHARS:
                if text[end - 1] == "." and _ABBREV_END_RE.search(text[max(start, end - 40):end]):
                    break  # "U.S.", "Acme Inc."
                end -= 1
            s = text[start:end]
            pm = _POSSESSIVE_RE.search(s)
            if pm and end - start > 3 and " " not in s[pm.start():]:
                # keep "s'"-plurals' s: only drop the apostrophe
                end = start + pm.start() + (1 if pm.group(0)[0] == "s" else 0)
                continue
            head, _, lastw = s.rpartition(" ")
            if head and lastw.lower() in N.FUNCTION_WORDS:
                end = start + len(head)
                continue
            first, _, rest = s.partition(" ")
            low = first.lower().rstrip(".")
            if rest and (low == "the" or first in _LOWER_DETERMINERS):
                start += len(first) + 1  # "the", and "a House committee", "this White House"
                continue
            if rest and (low in N.HONORIFICS or low + "." in N.HONORIFICS or low in N.TITLES) and rest[:1].isupper():
                title = (start, start + len(first))
                start += len(first) + 1
                continue
            break
        return start, end, title

    def _add(self, start: int, end: int, label: str, source: str, title=None) -> _M | None:
        start, end, t2 = self._trim(start, end)
        title = title or t2
        if end <= start:
            return None
        s = self.text[start:end]
        if not any(c.isalpha() for c in s) or not any(c.isupper() for c in s):
            return None
        low = N.fold(s)
        if (low in PRONOUNS and not (s.isupper() and len(s) > 1)) or low in MONTHS_DAYS:
            return None
        if " " not in low and low in N.GENERIC_HEADS:
            return None
        if _label_word(self.text, start, end):
            return None  # ``UPDATE:``, ``WARNING:`` — page furniture in capitals, not an organisation
        m = _M(start=start, end=end, label=label, source=source, title=title)
        self.mentions.append(m)
        return m

    def _ner(self) -> None:
        doc = self.T
        for ent in self.doc.ents:
            if ent.label_ not in NAMED_LABELS:
                continue
            a = ent.start
            if ent.label_ == "PERSON":
                # the model often leaves a first name outside the span ("Sonja [Kettler]")
                while (a > 0 and a - ent.start > -2 and not doc[a - 1].ent_type_ and doc[a - 1].pos_ == "PROPN"
                       and doc[a - 1].is_title and doc[a - 1].is_alpha and doc[a - 1].whitespace_
                       and doc[a - 1].lower_ not in N.HONORIFICS and doc[a - 1].lower_ not in N.TITLES
                       and doc[a - 1].lower_ not in MONTHS_DAYS and not N.is_acronym(doc[a - 1].text)):
                    a -= 1
            self._add(doc[a].idx, ent.end_char, ent.label_, "ner")

    def _product_rule(self) -> None:
        """Model names: a name followed by a model number (``Boeing 787``, ``iPhone 4``), ``A350``, ``iPad``."""
        doc = self.T
        n = len(doc)
        by_end = {}
        for m in self.mentions:
            b = self.tok_at(m.end - 1)
            if b is not None:
                by_end[b.i] = m
        covered = self._covered()
        hits = [i for i, x in enumerate(self.tx) if x[:1].isalnum() and (_MODEL_RE.match(x) or _ICAMEL_RE.match(x))]
        for i in hits:
            t = doc[i]
            if _MODEL_RE.match(t.text) and not _YEAR_RE.match(t.text):
                prev = by_end.get(t.i - 1)
                if prev is not None and prev.label in ("ORG", "PRODUCT", "PERSON", "GPE", "") and t.i > 0 and doc[t.i - 1].whitespace_:
                    j = t.i + 1
                    while j < n and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and doc[j].ent_type_ in ("", "PRODUCT", "ORG"):
                        j += 1
                    prev.end = doc[j - 1].idx + len(doc[j - 1].text)
                    prev.votes["PRODUCT"] += 2
                elif t.idx not in covered and t.text[:1].isupper() and any(c.isalpha() for c in t.text) and len(t.text) >= 3:
                    m = self._add(t.idx, t.idx + len(t.text), "", "product")
                    if m is not None:
                        m.votes["PRODUCT"] += 1.5
            elif _ICAMEL_RE.match(t.text):
                hit = [m for m in self.mentions if m.start <= t.idx < m.end]
                if hit:
                    hit[0].votes["PRODUCT"] += 2
                else:
                    m = self._add(t.idx, t.idx + len(t.text), "", "product")
                    if m is not None:
                        m.votes["PRODUCT"] += 2

    def _title_rule(self) -> None:
        """``Minister X``, ``Mr. X``: a title followed by capitalised words names a person."""
        doc = self.T
        n = len(doc)
        heads = N.TITLES | N.HONORIFICS
        for i, x in enumerate(self.tx):
            xl = x.lower()
            if xl not in heads and xl.rstrip(".") not in heads:
                continue
            t = doc[i]
            low = t.lower_.rstrip(".")
            if not (low in N.TITLES or low in N.HONORIFICS or low + "." in N.HONORIFICS):
                continue
            if low in N.TITLES and not t.text[:1].isupper() and low not in ("spokesman", "spokeswoman", "envoy"):
                continue
            j = t.i + 1
            while j < n and j - t.i <= 4 and self._name_token(doc[j], j > t.i + 1):
                j += 1
            if j > t.i + 1:
                while j > t.i + 1 and doc[j - 1].lower_ in N.PARTICLES:
                    j -= 1
                a, b = doc[t.i + 1].idx, doc[j - 1].idx + len(doc[j - 1].text)
                if N.fold(self.text[a:b]).split()[0] in MONTHS_DAYS:
                    continue
                m = self._add(a, b, "PERSON", "title", title=(t.idx, t.idx + len(t.text)))
                if m is not None:
                    m.votes["PERSON"] += 1

    def _name_token(self, tok, inner: bool) -> bool:
        tx = tok.text
        if tok.is_space or not tx:
            return False
        if inner and tok.lower_ in N.PARTICLES:
            return True
        if inner and tx in N.DASHES + "-" and not tok.whitespace_ and tok.i > 0 and not tok.nbor(-1).whitespace_:
            return True
        return tok.pos_ == "PROPN" and tx[:1].isupper() and any(c.isalpha() for c in tx) and tx.lower() not in MONTHS_DAYS

    def _headline_caps(self, si: int) -> bool:
        if si not in self._caps:
            a, b = self.sent_bounds[si] if si < len(self.sent_bounds) else (0, 0)
            words = [t.text for t in self.T[a:b] if t.is_alpha and len(t.text) > 1]
            self._caps[si] = len(words) >= 3 and sum(w.isupper() for w in words) / len(words) > 0.6
        return self._caps[si]

    def _acronym_rule(self) -> None:
        covered = self._covered()
        for i, x in enumerate(self.tx):
            if not N.is_acronym(x) or self.ix[i] in covered:
                continue
            t = self.T[i]
            if self._headline_caps(self.sent_of[t.i]):
                continue
            m = self._add(t.idx, t.idx + len(t.text), "", "acronym")
            if m is not None:
                m.votes["GPE" if x in GPE_ACRONYMS else "ORG"] += 0.5

    def _propn_rule(self) -> None:
        """Runs of capitalised proper nouns the model left unlabelled (kept only with evidence or as part of a known name)."""
        covered = self._covered()
        doc = self.T
        i, n = 0, len(doc)
        while i < n:
            if not self.tx[i][:1].isupper() or self.ix[i] in covered or not self._name_token(doc[i], False) or doc[i].lower_ in N.HONORIFICS:
                i += 1
                continue
            j = i + 1
            while j < n and doc[j].idx not in covered and self._name_token(doc[j], True):
                j += 1
            while j > i + 1 and (doc[j - 1].lower_ in N.PARTICLES or doc[j - 1].text in N.DASHES + "-"):
                j -= 1
            if not any(N.is_acronym(doc[k].text) for k in range(i, j)) and (j - i >= 2 or len(doc[i].text) > 2):
                # kept later only with evidence, or when it joins a known name (a surname on its own)
                self._add(doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), "", "propn")
            i = j
        # capitalised words the tagger did not call proper nouns: kept only if they repeat a known name exactly
        covered = self._covered()
        for i, x in enumerate(self.tx):
            if not x[:1].isupper() or self.ix[i] in covered:
                continue
            t = doc[i]
            if (t.is_alpha and t.is_title and len(t.text) > 2 and t.pos_ in ("NOUN", "ADJ", "VERB")
                    and t.lower_ not in MONTHS_DAYS and not t.is_stop):
                m = self._add(t.idx, t.idx + len(t.text), "", "weak")
                if m is not None:
                    m.weak = True

    def _covered(self) -> set[int]:
        out: set[int] = set()
        for m in self.mentions:
            a = self.tok_at(m.start)
            b = self.tok_at(m.end - 1)
            if a is not None and b is not None:
                out.update(self.ix[a.i:b.i + 1])
        return out

    def _resolve_overlaps(self) -> None:
        """Keep one mention per stretch: the model's over rules, the longer over the shorter."""
        rank = {"ner": 0, "defined": 0, "title": 1, "recur": 2, "acronym": 3, "product": 3, "propn": 4, "weak": 5}
        ms = sorted(self.mentions, key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[_M] = []
        for m in ms:
            if kept and m.start < kept[-1].end:
                k = kept[-1]
                # a title rule span that covers the model's span (or the reverse) adds evidence
                if m.title and not k.title and k.start <= m.start and m.end <= k.end:
                    k.title = m.title
                winner = k
                if (m.end - m.start) > (k.end - k.start) and rank.get(m.source, 5) <= rank.get(k.source, 5) + 1 and m.source not in ("propn", "weak"):
                    winner = m
                if winner is m:
                    m.votes.update(k.votes)
                    if k.label and not m.label:
                        m.label = k.label
                    m.title = m.title or k.title
                    kept[-1] = m
                else:
                    k.votes.update(m.votes)
                continue
            kept.append(m)
        self.mentions = kept

    def _definitions(self) -> None:
        """``Long Name (LN)`` / ``LN (Long Name)``: link acronym and expansion (adding the expansion if missing)."""
        self.links: list[tuple[_M, _M]] = []
        text = self.text
        by_start = {m.start: m for m in self.mentions}
        for m in list(self.mentions):
            s = text[m.start:m.end]
            if not N.is_acronym(s.replace(" ", "")):
                continue
            letters = N.acronym_letters(s)
            # Long Name (LN)
            before = text[max(0, m.start - 3):m.start]
            after = text[m.end:m.end + 3]
            if re.search(r"[(\[]\s*$", before) and re.match(r"\s*[)\]]", after):
                paren = text.rfind("(", 0, m.start) if "(" in before else text.rfind("[", 0, m.start)
                exp = self._expansion_before(paren, letters)
                if exp is not None:
                    self.links.append((m, exp))
                continue
            # LN (Long Name)
            mo = re.match(r"\s*\(\s*", text[m.end:m.end + 4])
            if mo:
                inner_start = m.end + mo.end()
                close = text.find(")", inner_start, inner_start + 120)
                if close > inner_start:
                    a, b, _ = self._trim(inner_start, close)
                    if b > a and letters in N.initials(text[a:b]):
                        exp = by_start.get(a) or self._add(a, b, "", "defined")
                        if exp is not None:
                            self.links.append((m, exp))

    def _expansion_before(self, paren: int, letters: str) -> _M | None:
        """The shortest run of words ending right before ``paren`` whose initials give ``letters``."""
        tok = self.tok_at(paren)
        if tok is None or tok.i == 0:
            return None
        end_tok = tok.i - 1
        while end_tok >= 0 and self.T[end_tok].is_space:
            end_tok -= 1
        for k in range(end_tok, max(-1, end_tok - 14), -1):
            if self.T[k].is_punct and self.T[k].text not in N.DASHES + "-'\u2019":
                break
            a = self.T[k].idx
            b = self.T[end_tok].idx + len(self.T[end_tok].text)
            cand = self.text[a:b]
            if not cand[:1].isupper():
                continue
            if letters in N.initials(cand):
                for m in self.mentions:  # an existing mention ending there: widen it to the whole expansion
                    if m.start < b and a < m.end and not m.acronym and not N.is_acronym(self.text[m.start:m.end]):
                        m.start, m.end = min(m.start, a), max(m.end, b)
                        m.start, m.end, _ = self._trim(m.start, m.end)
                        return m
                return self._add(a, b, "", "defined")
        return None

    def _recurrences(self) -> None:
        """Later (or earlier) occurrences of a known name the model missed, e.g. a surname on its own."""
        keys: dict[str, str] = {}
        for m in self.mentions:
            s = self.text[m.start:m.end]
            toks = N.name_tokens(s)
            if not toks:
                continue
            if N.is_acronym(s):
                keys[s] = "acr"
            elif m.label == "PERSON" or m.votes.get("PERSON"):
                if len(toks) >= 2:
                    keys[toks[-1]] = "person"
                    keys[" ".join(toks)] = "person"
        if not keys:
            return
        covered = self._covered()
        for i, x in enumerate(self.tx):
            if not x[:1].isupper() or self.ix[i] in covered:
                continue
            t = self.T[i]
            if t.text in keys and keys[t.text] == "acr" and not self._headline_caps(self.sent_of[t.i]):
                self._add(t.idx, t.idx + len(t.text), "", "recur")
            elif keys.get(N.fold(t.text)) == "person" and t.pos_ in ("PROPN", "NOUN", "ADJ", "VERB") and len(t.text) > 2:
                self._add(t.idx, t.idx + len(t.text), "", "recur")

    def _cut_names(self) -> None:
        """Grow model mentions that are a piece of a longer capitalised name the model cut (``Islamic [State]``,
        ``[Justice] Against Sponsors of Terrorism Act``): the next or previous word, in the same sentence and with
        one space between, is a capitalised name word outside every mention.  Titles, honorifics, sentence starts
        and title-case lines (headlines) are not evidence."""
        doc = self.T
        n = len(doc)

        def name_word(t) -> bool:
            low = t.lower_.rstrip(".")
            return (t.i not in covered and t.is_alpha and t.text[:1].isupper() and t.pos_ == "PROPN" and not t.is_sent_start
                    and low not in N.HONORIFICS and low + "." not in N.HONORIFICS and low not in N.TITLES
                    and low not in MONTHS_DAYS and low not in N.FUNCTION_WORDS)

        covered = set()
        for m in self.mentions:
            sp = self.toks(m)
            covered.update(range(sp.start, sp.end))
        st = self.found.get("structure") if hasattr(self.found, "get") else None
        heads = [(h.start, h.end) for h in (getattr(st, "title", None), getattr(st, "subtitle", None),
                                             *(getattr(st, "headings", None) or [])) if h is not None]
        keep = []
        for m in self.mentions:
            span = self.toks(m)
            if m.source != "ner" or span.end <= span.start:
                keep.append(m)
                continue
            a, b = span.start, span.end
            if m.label in ("ORG", "GPE", "LOC", "FAC") or titlecase_line(self._line(m)) \
                    or any(a0 <= m.start < b0 for a0, b0 in heads):
                keep.append(m)
                continue
            # extend over the cut-off name words (at most three on each side), and let the votes retype it
            grown = False
            while a > 0 and span.start - a < 3 and doc[a - 1].whitespace_ == " " and name_word(doc[a - 1]) \
                    and self.sent_of[a - 1] == self.sent_of[a]:
                a -= 1
                grown = True
            while b < n and b - span.end < 3 and doc[b - 1].whitespace_ == " " and name_word(doc[b]) \
                    and self.sent_of[b] == self.sent_of[b - 1]:
                b += 1
                grown = True
            if grown:
                m.start, m.end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
                if m.label in ("NORP", "PRODUCT", "WORK_OF_ART", "LAW", "PERSON"):
                    m.label = ""  # "Islamic" (NORP) + "State" is no nationality any more
                    m.votes["ORG"] += 1
            keep.append(m)
        self.mentions = keep

    def _line(self, m) -> str:
        a = self.text.rfind("\n", 0, m.start) + 1
        b = self.text.find("\n", m.end)
        return self.text[a: b if b != -1 else len(self.text)]

    def _outside_body(self) -> None:
        """Byline authors and the authors of reference entries (outside the parsed body)."""
        st = self.found.get("structure") if hasattr(self.found, "get") else None
        by = getattr(st, "byline", None)
        for a in getattr(by, "authors", None) or []:
            m = self._add(a.start, a.end, "PERSON", "byline")
            if m:
                m.votes["PERSON"] += 3
        cit = self.found.get("citations") if hasattr(self.found, "get") else None
        for e in getattr(cit, "entries", None) or []:
            etext = e.text or ""
            for name in e.authors or []:
                if not name or len(name) < 3:
                    continue
                forms = [name]
                first, _, last = name.rpartition(" ")
                if first:
                    forms.append(f"{last}, {first}")  # references often write "Last, First"
                for form in forms:
                    pos = etext.find(form)
                    a = e.start + pos
                    if pos >= 0 and self.text[a:a + len(form)] == form:
                        m = self._add(a, a + len(form), "PERSON", "reference")
                        if m:
                            m.votes["PERSON"] += 3
                        break
            pub = e.publisher or ""
            pos = etext.find(pub) if len(pub) > 2 else -1
            a = e.start + pos
            if pos >= 0 and self.text[a:a + len(pub)] == pub:
                m = self._add(a, a + len(pub), "ORG", "reference")
                if m:
                    m.votes["ORG"] += 1


# capitalised labels that open a line of page furniture or an editor's note, never a name
LABEL_WORDS = frozenset("""update updated updates warning breaking exclusive watch video photos photo live opinion
editorial analysis note correction clarification advertisement sponsored alert developing read related subscribe
share listen explainer factbox timeline""".split())


def titlecase_line(line: str) -> bool:
    """A headline-style line: most of its words (4 or more) capitalised."""
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 4:
        return False
    return sum(1 for w in words if w[:1].isupper()) / len(words) >= 0.7


def _label_word(text: str, start: int, end: int) -> bool:
    """A single capitalised word that is a furniture label, or any all-capitals word opening a line and
    followed by a colon (``UPDATE:``), is no entity."""
    s = text[start:end]
    if " " in s.strip():
        return False
    if s.lower().strip(".") in LABEL_WORDS and (s.isupper() or text[end:end + 1] == ":"):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return s.isupper() and len(s) > 4 and not text[line_start:start].strip() and text[end:end + 1] == ":"
