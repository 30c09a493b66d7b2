"""Evidence for a mention's type and its roles: titles, appositions and offices before or after it.
"""
from __future__ import annotations

import re

from .vocab import CONFUSABLE, _M
from . import names as N


class MentionEvidence:
    """Mixin of ``_Layer``: evidence votes and roles for each mention."""

    # ---- evidence and keys
    def _finish_mention(self, m: _M) -> None:
        s = self.text[m.start:m.end]
        if "," in s and m.source in ("reference", "byline"):
            last, _, first = s.partition(",")
            s = f"{first.strip()} {last.strip()}"
        m.tokens = N.name_tokens(s)
        m.key = " ".join(m.tokens)
        m.acronym = N.is_acronym(self.text[m.start:m.end])
        a = self.tok_at(m.start)
        m.sent = self.sent_of[a.i] if a is not None and m.source not in ("byline", "reference") else 10**9

    def _evidence(self) -> None:
        doc = self.T
        for m in self.mentions:
            if m.weak:
                continue
            if m.title:
                m.votes["PERSON"] += 3
            if len(m.tokens) >= 2 and any(t in N.ORG_WORDS for t in m.tokens):
                m.votes["ORG"] += 3
            if m.source in ("byline", "reference"):
                continue
            span = self.toks(m)
            if not len(span):
                continue
            role = self._role_before(span) or self._role_after(span)
            if role is not None and role[2]:
                m.votes["PERSON"] += 2
            nxt = span.end < len(doc) and doc[span.end]
            if nxt is not None and nxt is not False and nxt.lower_ in ("who", "whom") and m.label in CONFUSABLE:
                m.votes["PERSON"] += 1.5

    # ---- roles
    def _role_before(self, span) -> tuple[int, int, bool] | None:
        """Premodifier role: ``the former EU envoy in Chad Hollis Varga``; ``the group's spokesman, X``."""
        doc = self.T
        i = span.start - 1
        comma = False
        if i >= 0 and doc[i].text == ",":
            comma, i = True, i - 1
        if i < 0 or self.sent_of[i] != self.sent_of[span.start]:
            return None
        last = doc[i]
        if not (last.pos_ in ("NOUN", "PROPN", "ADJ") or last.lower_ in N.ROLE_NOUNS):
            return None
        j = i
        while j - 1 >= 0 and i - j < 9 and self.sent_of[j - 1] == self.sent_of[i]:
            p = doc[j - 1]
            if p.pos_ in ("ADJ", "NOUN", "PROPN", "NUM") or p.tag_ == "POS" or p.lower_ in ("of", "in", "for", "at", "on", "to", "and", "-") or p.text in N.DASHES:
                if p.pos_ == "PROPN" and p.ent_type_ in ("DATE", "TIME"):
                    break
                j -= 1
                continue
            break
        if comma and not (j > 0 and (doc[j - 1].pos_ == "DET" or doc[j - 1].is_sent_start or doc[j - 1].is_punct)):
            return None
        while j <= i and (doc[j].pos_ == "ADP" or doc[j].tag_ == "POS" or doc[j].lower_ == "and"):
            j += 1
        if j > i:
            return None
        # the phrase must hold a role noun, and end in it or in a prepositional phrase after it
        heads = [k for k in range(j, i + 1) if doc[k].lower_ in N.ROLE_NOUNS
                 or (doc[k].pos_ == "NOUN" and doc[k].is_lower and doc[k].lower_ not in N.GENERIC_HEADS)]
        if not heads:
            return None
        h = heads[-1]
        if h != i and not (comma and doc[i].lower_ in ("elect", "designate")):
            if not any(doc[k].pos_ == "ADP" for k in range(h + 1, i + 1)) or doc[h + 1].pos_ != "ADP":
                return None
        a, b = doc[j].idx, doc[i].idx + len(doc[i].text)
        person = any(doc[k].lower_ in N.ROLE_NOUNS for k in range(j, i + 1))
        return (a, b, person)

    def _role_after(self, span) -> tuple[int, int, bool] | None:
        """Apposition: ``X, the leader of the group,``; ``X, former member of Y,``."""
        doc = self.T
        n = len(doc)
        i = span.end
        if i >= n or doc[i].text != ",":
            return None
        j = i + 1
        if j < n and doc[j].pos_ == "DET":
            j += 1
        k = j
        head_ok = False
        while k < n and k - j < 12 and self.sent_of[k] == self.sent_of[span.start]:
            t = doc[k]
            if t.pos_ in ("VERB", "AUX", "PRON", "SCONJ") or (t.is_punct and t.text not in "-'\u2019" + N.DASHES) or t.is_space:
                break
            if t.lower_ in N.ROLE_NOUNS or (t.pos_ == "NOUN" and t.is_lower):
                head_ok = True
            k += 1
        if not head_ok or k == j:
            return None
        if k + 1 < n and doc[k].text == "," and doc[k + 1].pos_ == "PROPN" and doc[k + 1].text[:1].isupper():
            return None  # "Camp X, the UN envoy, Y Z": the apposition belongs to the name after it
        if k < n and doc[k].pos_ in ("VERB", "AUX") and doc[k].text != ",":
            # "X, the president said" is not an apposition
            if not (k < n and doc[k].text == ","):
                return None
        while k > j and (doc[k - 1].pos_ in ("ADP", "CCONJ", "DET") or doc[k - 1].is_punct):
            k -= 1
        a, b = doc[j].idx, doc[k - 1].idx + len(doc[k - 1].text)
        person = any(doc[x].lower_ in N.ROLE_NOUNS for x in range(j, k))
        return (a, b, person)

    def _roles(self, m: _M) -> list[tuple[int, int]]:
        if m.source in ("byline", "reference"):
            return []
        span = self.toks(m)
        if not len(span):
            return []
        out = []
        if m.title:
            low = self.text[m.title[0]:m.title[1]].lower().rstrip(".")
            if low in N.TITLES:
                out.append(m.title)
        for r in (self._role_before(span), self._role_after(span)):
            if r is None:
                continue
            a, b, _ = r
            # split "former member and a member of Y" into its two roles
            piece = self.text[a:b]
            mo = re.search(r"\s+and\s+(?:a|an|the)\s+", piece)
            if mo:
                out.append((a, a + mo.start()))
                out.append((a + mo.end(), b))
            else:
                out.append((a, b))
        return out
