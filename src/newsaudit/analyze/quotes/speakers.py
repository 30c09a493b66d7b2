"""Speaker resolution: pronouns and short names resolved to the full name mentioned earlier, and the
key that says two quotes come from the same person.
"""
from __future__ import annotations

import re

from ..common.offsets import Overlaps
from ...dossier import Quote, Speaker


PRONOUNS_SING = {"he": "m", "she": "f", "him": "m", "her": "f"}
PRONOUNS_PLUR = {"they", "them", "we"}
ROLE_NOUNS = frozenset("""official officials spokesman spokeswoman spokesperson minister envoy president senator
representative lawyer attorney director chairman chairwoman chief leader governor mayor secretary ambassador
general commander officer agent analyst expert adviser advisor aide source sources member candidate nominee
judge prosecutor professor researcher economist executive ceo founder manager diplomat delegate premier
prime king queen prince chancellor mp lawmaker legislator congressman congresswoman candidate activist
campaigner critic witness resident survivor victim doctor nurse police policeman sheriff head""".split())
OUTLET_WORDS = re.compile(r"\b(news|agency|press|times|post|journal|tribune|herald|gazette|reuters|ap|afp|bbc|cnn|"
                          r"nbc|abc|cbs|fox|msnbc|npr|guardian|telegraph|daily|weekly|magazine|radio|tv|television|"
                          r"network|channel|wire|newspaper|broadcaster|xinhua|itar|tass|irna|fars|politico|"
                          r"breitbart|bloomberg)\b", re.I)


def _speaker_key(q: Quote) -> str | None:
    s = q.speaker
    if s is None:
        return None
    if s.entity:
        return s.entity
    return (s.name or s.text).lower()


def _norm_name(s: str) -> str:
    s = re.sub(r"^(the|a|an)\s+", "", s.strip(), flags=re.I)
    s = re.sub(r"[’']s$", "", s)
    return s.strip(" ,.")


class Resolver:
    """Turns speaker spans into ``Speaker`` objects, resolving pronouns and role nouns to earlier named speakers."""

    def __init__(self, text: str, doc, entities):
        self.text = text
        self.doc = doc
        self.entities = entities
        self.history: list[Speaker] = []  # named speakers so far, in text order
        self.gender: dict[str, str] = {}
        self.etype: dict[int, str | None] = {}  # id(speaker) -> entity label of its name
        self.ents = [e for e in doc.ents if e.label_ in ("PERSON", "ORG", "NORP", "GPE")] if doc is not None else []
        # sorted lookups built once (issue 14: linear cost); they answer what the scans over all entities did
        self._ents_at = Overlaps(self.ents, lambda e: e.start, lambda e: e.end)
        self._mentions_at = Overlaps([(e, m) for e in entities for m in getattr(e, "mentions", [])],
                                     lambda em: em[1].start, lambda em: em[1].end)
        self._by_id: dict = {}
        for e in entities:
            self._by_id.setdefault(e.id, e)

    def entity_of(self, a: int, b: int, prefer: tuple[int, int] | None = None) -> str | None:
        """The entity whose mention overlaps [a, b); one overlapping ``prefer`` (the name) wins, then PERSON."""
        best = None
        for e, m in self._mentions_at.hits(a, b):  # in (entity, mention) order, like the scan
            score = (2 if prefer and m.start < prefer[1] and prefer[0] < m.end else 0) + (1 if e.type == "PERSON" else 0)
            if best is None or score > best[0] or (score == best[0] and m.start > best[2]):
                best = (score, e.id, m.start)
        return best[1] if best else None

    def _entity(self, eid: str | None):
        return self._by_id.get(eid) if eid is not None else None

    def note(self, sp: Speaker, like: Speaker | None = None) -> None:
        if sp.name:
            if like is not None:
                self.etype[id(sp)] = self.etype.get(id(like))
            self.history.append(sp)

    def speaker(self, a: int, b: int, root: int | None) -> Speaker:
        text = self.text
        span = self.doc.char_span(a, b, alignment_mode="expand") if self.doc is not None else None
        written = text[a:b]
        low = written.lower().strip()
        if low in PRONOUNS_SING or low in PRONOUNS_PLUR:
            return self._resolve_pronoun(a, b, low)
        name, etype, nspan = self._name_in(span)
        eid = self.entity_of(a, b, nspan) if nspan is not None else None
        ent = self._entity(eid)
        if ent is not None:
            name, etype = ent.canonical, ent.type
        if name is None and span is not None:
            head = self.doc[root] if root is not None and span.start <= root < span.end else span.root
            if head.lower_ in ROLE_NOUNS and any(t.lower_ in ("the", "this", "that") for t in span[:2]):
                return self._resolve_role(a, b, head.lower_)
            return Speaker(start=a, end=b, text=written, entity=self.entity_of(a, b), name=None, resolved_from="description")
        kind = "outlet" if etype == "ORG" and OUTLET_WORDS.search(name or "") else "name"
        sp = Speaker(start=a, end=b, text=written, entity=eid, name=name, resolved_from=kind)
        if re.search(r"\b(Mr|Sir|Lord|Mister)\b\.?", written):
            self.gender[_surname(name)] = "m"
        elif re.search(r"\b(Mrs|Ms|Miss|Madam|Dame|Lady)\b\.?", written):
            self.gender[_surname(name)] = "f"
        self.etype[id(sp)] = etype
        self.history.append(sp)
        return sp

    def _name_in(self, span) -> tuple[str | None, str | None, tuple[int, int] | None]:
        """The name a speaker span is about: a PERSON inside it, else a named organisation it is headed by."""
        if span is None:
            return None, None, None
        ents = self._ents_at.hits(span.start, span.end)
        person = [e for e in ents if e.label_ == "PERSON"]
        root = span.root
        if not person and root.pos_ == "NOUN":
            # "The operator, Coastline Ferries": a common noun with a named appositive
            for c in root.children:
                if c.dep_ == "appos" and c.pos_ == "PROPN" and span.start <= c.i < span.end:
                    lo = c.i
                    while lo - 1 >= span.start and self.doc[lo - 1].pos_ == "PROPN":
                        lo -= 1
                    ns = self.doc[lo:c.i + 1]
                    lab = next((e.label_ for e in ents if e.start <= c.i < e.end), "PROPN")
                    return _norm_name(ns.text), lab, (ns.start_char, ns.end_char)
        if person:
            pick = person[0]
        else:
            # "UN officials", "a police official", "the party newsletter": headed by a common noun → a description
            if root.pos_ == "NOUN" or root.pos_ == "PRON":
                return None, None, None
            heads = [e for e in ents if e.start <= root.i < e.end]
            pick = heads[0] if heads else None
        if pick is not None:
            return _norm_name(pick.text), pick.label_, (pick.start_char, pick.end_char)
        if root.pos_ == "PROPN":
            lo = root.i
            while lo - 1 >= span.start and self.doc[lo - 1].pos_ == "PROPN":
                lo -= 1
            ns = self.doc[lo:root.i + 1]
            return _norm_name(ns.text), "PROPN", (ns.start_char, ns.end_char)
        return None, None, None

    def _resolve_pronoun(self, a: int, b: int, low: str) -> Speaker:
        written = self.text[a:b]
        plural = low in PRONOUNS_PLUR
        g = PRONOUNS_SING.get(low)
        for sp in reversed(self.history):
            if sp.start >= a:
                continue
            etype = self.etype.get(id(sp))
            if plural:
                if sp.resolved_from == "outlet":
                    continue
                if etype in ("ORG", "NORP", "GPE") or (sp.text.lower().rstrip().endswith("s") and etype != "PERSON"):
                    return self._copy(sp, a, b, "pronoun")
                continue
            if etype not in ("PERSON", "PROPN") or sp.resolved_from == "outlet":
                continue
            known = self.gender.get(_surname(sp.name or ""))
            if known and g and known != g:
                continue
            return self._copy(sp, a, b, "pronoun")
        if not plural and self.doc is not None:
            # no speaker before: the nearest person named shortly before ("Senator X was asked … she said")
            people = [e for e in self.ents if e.label_ == "PERSON" and e.end_char <= a and a - e.end_char < 600]
            for e in reversed(people):
                known = self.gender.get(_surname(e.text))
                if known and g and known != g:
                    continue
                eid = self.entity_of(e.start_char, e.end_char, (e.start_char, e.end_char))
                ent = self._entity(eid)
                name = ent.canonical if ent is not None else _norm_name(e.text)
                sp = Speaker(start=a, end=b, text=written, entity=eid, name=name, resolved_from="pronoun")
                self.etype[id(sp)] = "PERSON"
                return sp
        return Speaker(start=a, end=b, text=written, name=None, resolved_from="unresolved")

    def _resolve_role(self, a: int, b: int, role: str) -> Speaker:
        written = self.text[a:b]
        for sp in reversed(self.history):
            if sp.start >= a:
                continue
            ctx = self.text[max(0, sp.start - 60):sp.end + 60].lower()
            if re.search(rf"\b{re.escape(role)}\b", ctx) and self.etype.get(id(sp)) in ("PERSON", "PROPN"):
                return self._copy(sp, a, b, "role")
        # an appositive right before: "Busztin, the UN official, …" 
        if self.doc is not None:
            span = self.doc.char_span(a, b, alignment_mode="expand")
            if span is not None and span.root.dep_ == "appos":
                head = span.root.head
                hs = self.doc[head.left_edge.i:head.i + 1]
                name, etype, _ = self._name_in(hs)
                if name and etype in ("PERSON", "PROPN"):
                    sp = Speaker(start=a, end=b, text=written, entity=self.entity_of(hs.start_char, hs.end_char), name=name, resolved_from="role")
                    return sp
            if span is not None and span.root.tag_ in ("NNS", "NNPS"):
                return Speaker(start=a, end=b, text=written, entity=self.entity_of(a, b), name=None, resolved_from="description")
        return Speaker(start=a, end=b, text=written, name=None, resolved_from="unresolved")

    def _copy(self, sp: Speaker, a: int, b: int, how: str) -> Speaker:
        out = Speaker(start=a, end=b, text=self.text[a:b], entity=sp.entity, name=sp.name, resolved_from=how)
        self.etype[id(out)] = self.etype.get(id(sp))
        return out


def _surname(name: str) -> str:
    parts = name.split()
    return parts[-1].lower() if parts else ""


# ---------------------------------------------------------------- voices


# ---------------------------------------------------------------- what may be a speaker

RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})
# nouns for documents and reports: a source of the claim, but not a voice that speaks
DOCUMENT_NOUNS = frozenset("""report reports litigation lawsuit lawsuits suit complaint filing filings document
documents memo memorandum dossier paper papers article articles story stories reporting findings record records
indictment affidavit transcript transcripts footage""".split())
TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
january february march april may june july august september october november december week month year""".split())


def vet_speaker(doc, a: int, b: int, root: int | None) -> tuple[tuple[int, int, int | None] | None, str | None]:
    """Check a parsed source before it becomes a speaker.

    A speaker is a person, an organisation, a group, a role noun or a pronoun.  A relative pronoun
    (``the mayor, who said …``) stands for the noun it hangs on; a document or report noun (``reports
    say``, ``the litigation claims``), a date or a place (LOC/FAC; a country or city named as a government
    that speaks stays) is no speaker.  Returns the span to use (or None) and a flag saying why it changed.
    """
    span = doc.char_span(a, b, alignment_mode="expand") if doc is not None else None
    if span is None or len(span) == 0:
        return (a, b, root), None
    head = doc[root] if root is not None and span.start <= root < span.end else span.root
    low = head.lower_
    if low in RELATIVE_PRONOUNS and head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "relcl":
        noun = head.head.head
        if noun.pos_ in ("NOUN", "PROPN", "PRON"):
            toks = [t for t in doc[noun.left_edge.i: noun.i + 1] if not t.is_space]
            while toks and toks[0].is_punct:
                toks = toks[1:]
            if toks:
                return (toks[0].idx, noun.idx + len(noun.text), noun.i), "relative_resolved"
        return None, "relative_pronoun"
    if low in RELATIVE_PRONOUNS and len(span) == 1:
        return None, "relative_pronoun"
    if low in DOCUMENT_NOUNS and head.ent_type_ not in ("PERSON", "ORG", "NORP"):
        return None, "document_source"
    if head.ent_type_ in ("DATE", "TIME") or (low in TIME_WORDS and len(span) <= 2):
        return None, "time_not_speaker"
    if head.ent_type_ in ("LOC", "FAC") and not any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in span) \
            and not OUTLET_WORDS.search(span.text):  # ``the Northern Wire`` is an outlet, whatever the NER says
        return None, "place_not_speaker"
    return (a, b, root), None
