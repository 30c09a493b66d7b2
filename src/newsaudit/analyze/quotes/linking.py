"""Quotes layer: direct, mixed and indirect attributions with speaker, cue, addressee, via, citations.

Steps: quoted stretches from their marks (``marks``); attribution
candidates from the parse (``attribution``); each quote is linked to the
candidate whose content holds it, or to a cue in its sentence (``“…,” he
said``, ``X said: “…”``), or kept as speech of the previous speaker when it is
sentence-like and follows a quote; short unlinked quotes are non-speech
(scare quotes, titles, event names).  Candidates without a quote become
indirect attributions.  Pronoun and role-noun speakers are resolved to the
nearest compatible named speaker before them, or left unresolved.
"""
from __future__ import annotations

import bisect
import logging
import re

from ...dossier import Citations, Cue, NonSpeechQuote, Problem, Quote, Span, Via
from . import candidates as attribution
from .candidates import find_candidates
from .cues import RELAY, SPEECH, VERB_RATE, Cand
from .marks import QuoteSpan, find_quotes
from .items import Item, _words
from .surface_cues import MIN_SPEECH_WORDS, STRICT_CUES, _colon_cands, _has_finite_verb, _outlet_like, _sentence_like, _speechy_link, _surface_cue
from .quote_citations import _inherit_markers, _markers_for, _qc
from .speakers import Resolver, vet_speaker
from .voices import voices
from .adjacent import CueIndex, adjacent_cue
from ..common.offsets import Containing, Inside, Overlaps


log = logging.getLogger(__name__)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s")

EVENT_WORDS = re.compile(r"\b(ceremony|festival|conference|summit|operation|campaign|march|rally|day|week|games|"
                         r"award|prize|memorial|celebration|commemoration|congress|convention|meeting|forum|"
                         r"exhibition|parade|tour|war|battle|revolution|uprising|initiative|programme|program|plan|days)\b", re.I)
FIRST_PERSON = re.compile(r"\b(I|we|my|our|us|me)\b")
P_NESTED = 1.01  # cue-model probability for an unrelayed attribution inside a quote to be reported (off: worse on PolNeAr train)
P_NO_SOURCE = 0.5  # cue-model probability to report an attribution whose source the parse does not give (chosen on PolNeAr train)
P_KEEP_NESTED = 0.5  # ... to keep an attribution nested in another indirect one's content
P_AGENTLESS = 0.2  # cue-model probability to report an agentless attribution ("it was revealed that …")
SKIP_GENERIC_YOU = True
NOT_SPEECH = frozenset("seem appear look sound know think believe feel see find want hope expect release show".split())
STRONG_CUE = 0.6  # cue-model probability from which a non-speech verb (``affirm``) is not flagged ``weak_cue``
DROP_NESTED = True  # attributions inside an indirect content: the outer one stands (measured better on PolNeAr train)


def analyse_quotes(article, doc, found) -> dict:
    text = article.text
    ranges = article.body_ranges or ((0, len(text)),)
    qspans, mark_problems = find_quotes(text, ranges)
    cands = [_clean_cand(c, text) for c in find_candidates(doc)] + [
        c for c in _colon_cands(text, ranges, doc) if _in_prose(c, found, text)]
    sent_starts = [s.start_char for s in doc.sents] if doc is not None and len(doc) else []
    items: list[Item] = []
    non_speech: list[NonSpeechQuote] = []
    used_quotes: set[int] = set()

    def tok_at(ch: int):
        return doc.char_span(ch, ch + 1, alignment_mode="expand") if doc is not None else None

    def sent_bounds(ch: int) -> tuple[int, int]:
        pa = text.rfind("\n", 0, ch) + 1
        pb = text.find("\n", ch)
        pb = len(text) if pb < 0 else pb
        if not sent_starts:
            return pa, pb
        k = bisect.bisect_right(sent_starts, ch) - 1
        a = sent_starts[max(k, 0)]
        b = sent_starts[k + 1] if k + 1 < len(sent_starts) else len(text)
        return max(a, pa), min(b, pb)

    q_over = Overlaps(qspans, lambda q: q.start, lambda q: q.end)  # sorted lookups: linear cost (issue 14)

    def in_any_quote(a: int, b: int) -> QuoteSpan | None:
        return next((q for q in q_over.hits(a - 1, b + 1) if q.start <= a and b <= q.end), None)

    # 1. candidates whose cue sits inside a quote are nested attributions (kept only with a named source)
    outside = [c for c in cands if in_any_quote(*c.cue) is None]
    inside = [c for c in cands if in_any_quote(*c.cue) is not None]

    # 2. link quotes to candidates whose content holds them
    by_cand: dict[int, list[int]] = {}
    c_over = Overlaps([ci for ci, c in enumerate(outside) if c.content is not None],
                      lambda ci: outside[ci].content[0], lambda ci: outside[ci].content[1])
    for qi, q in enumerate(qspans):
        qa, qb = q.inner
        best = None
        for ci in c_over.hits(qa, qb):  # contents overlapping the quote: only they can hold half of it
            c = outside[ci]
            ca, cb = c.content
            inter = min(qb, cb) - max(qa, ca)
            if inter > 0.5 * (qb - qa) and not (q.start <= c.cue[0] < q.end):
                # a core reporting verb first; among those the outermost report (PolNeAr-style univocal)
                key = (0 if (c.lemma in SPEECH or c.lemma == "according to") else 1, -(cb - ca))
                if best is None or key < best[0]:
                    best = (key, ci)
        if best is not None and _speechy_link(q, text, outside[best[1]]):
            by_cand.setdefault(best[1], []).append(qi)
            used_quotes.add(qi)

    # 3. quotes not held by a content: a cue in the same sentence, next to the quote
    cue_at = CueIndex(outside, qspans)
    for qi, q in enumerate(qspans):
        if qi in used_quotes:
            continue
        ci = adjacent_cue(q, text, cue_at, sent_bounds)
        if ci is None and _sentence_like(text[q.inner[0]:q.inner[1]]):
            sc = _surface_cue(q, text, qspans)  # glued marks (``added,”Hundreds``) can defeat the parse
            if sc is not None:
                ci = cue_at.append(sc)
        if ci is not None and _speechy_link(q, text, outside[ci]):
            by_cand.setdefault(ci, []).append(qi)
            used_quotes.add(qi)

    linked_cands: set[int] = set()
    for ci, qis in by_cand.items():
        c = outside[ci]
        linked_cands.add(ci)
        qis = sorted(qis)
        qs = [qspans[i] for i in qis]
        quoted = sum(b - a for q in qs for a, b in q.parts)
        ca, cb = c.content if c.content else (qs[0].inner[0], qs[-1].inner[1])
        covered = quoted / max(1, len(text[ca:cb].strip(" “”\"'‘’.,")))
        if c.content is None or covered >= 0.5 or len(qs) > 1 and all(not (ca <= q.start and q.end <= cb) for q in qs[1:]):
            # direct (possibly split around the cue)
            groups = _split_groups(qs, c, text)
            for g in groups:
                parts = [p for q in g for p in q.parts]
                flags = {f for q in g for f in q.flags} | ({"split"} if len(g) > 1 else set())
                if any(q.start > c.cue[1] and _SENTENCE_BREAK.search(text, c.cue[1], q.start) for q in g[1:]):
                    flags.add("continuation")  # ``"We warned them," X said. "Nobody listened."``
                flags = sorted(flags)
                items.append(Item("direct", g[0].start, g[-1].end, (parts[0][0], parts[-1][1]), parts, c, g[0],
                                  c.source, c.source_root, flags))
        else:
            parts = [p for q in qs for p in q.parts]
            flags = sorted({f for q in qs for f in q.flags})
            items.append(Item("mixed", min(ca, qs[0].start), max(cb, qs[-1].end), (ca, cb), parts, c, qs[0], c.source, c.source_root, flags))

    # 4. indirect attributions: candidates with content that no quote took
    taken = [outside[ci].content for ci in linked_cands if outside[ci].content is not None]
    taken_q = [(q.start, q.end) for qi, q in enumerate(qspans) if qi in used_quotes]
    taken_at, taken_q_at = Containing(taken), Overlaps(taken_q, lambda r: r[0], lambda r: r[1])
    free_q = Overlaps([q for qi, q in enumerate(qspans) if qi not in used_quotes], lambda q: q.start, lambda q: q.end)
    for ci, c in enumerate(outside):
        if ci in linked_cands or c.content is None:
            continue
        if not _good_indirect(c, text):
            continue
        if taken_at.first(c.cue[0]) >= 0:
            continue  # inside the content of a quote's attribution
        ca, cb = c.content
        if taken_q_at.hits(ca, cb):
            continue  # its content is (part of) a quote another cue took
        if SKIP_GENERIC_YOU and (text[c.source[0]:c.source[1]].lower() in ("you", "one") if c.source else False):
            continue  # generic "you see"
        nsq = free_q.hits(ca, cb)
        if nsq and sum(min(cb, q.end) - max(ca, q.start) for q in nsq) >= 0.7 * (cb - ca):
            continue  # its content is a scare-quoted phrase
        ca, cb = c.content
        lo, hi = min(ca, c.cue[0], *(x for x in (c.source or ()) )), max(cb, c.cue[1], *(x for x in (c.source or ())))
        items.append(Item("indirect", lo, hi, (ca, cb), [(ca, cb)], c, None, c.source, c.source_root, []))

    # 5. unlinked quotes: speech of the previous speaker, or non-speech marks
    items.sort(key=lambda it: it.start)
    for qi, q in enumerate(qspans):
        if qi in used_quotes:
            continue
        inner = text[q.inner[0]:q.inner[1]]
        if q.single and _words(inner) < MIN_SPEECH_WORDS:
            continue  # single marks: only clearly sentence-long quotes count
        if _sentence_like(inner) and _has_finite_verb(doc, *q.inner):
            prev = _previous_speech(items, q, text)
            it = Item("direct", q.start, q.end, q.inner, list(q.parts), None, q, None, None, list(q.flags))
            if prev is not None:
                it.inherited_speaker = prev
                it.flags += ["speaker_from_previous_quote", "continuation"]
            else:
                it.flags.append("unattributed")
            bisect.insort_right(items, it, key=lambda x: x.start)  # = append + stable sort
        else:
            non_speech.append(NonSpeechQuote(start=q.start, end=q.end, text=text[q.start:q.end],
                                             kind=_non_speech_kind(inner), content=Span.of(text, *q.inner)))

    # 6. nested attributions inside direct quotes (kept when their source is named)
    quoted_items = Containing([(it.start, it.end) for it in items if it.kind in ("direct", "mixed")])
    quoted_list = [it for it in items if it.kind in ("direct", "mixed")]
    for c in inside:
        if c.content is None or c.source is None:
            continue
        k = quoted_items.first(c.cue[0])
        outer = quoted_list[k] if k >= 0 else None
        if outer is None:
            continue
        relayed = _named(doc, c) and outer.cand is not None and (outer.cand.relay or _outlet_like(text, outer.speaker))
        if not relayed and not (c.prob is not None and c.prob >= P_NESTED):
            continue
        ca, cb = c.content
        lo, hi = min(ca, c.cue[0], c.source[0]), max(cb, c.cue[1], c.source[1])
        it = Item("indirect", lo, hi, (ca, cb), [(ca, cb)], c, None, c.source, c.source_root, ["nested"])
        it.in_quote = outer
        items.append(it)
    items.sort(key=lambda it: (it.start, it.end))

    # 7. relays: an indirect relay (``…, reported the AP``) holding other attributions becomes their ``via``
    drop: set[int] = set()
    cue_starts = Inside([j for j, o in enumerate(items) if o.cand is not None], lambda j: items[j].cand.cue[0],
                        lambda j: items[j].cand.cue[0])
    for i, it in enumerate(items):
        c = it.cand
        if it.kind != "indirect" or c is None or not (c.relay or c.lemma in RELAY) or it.in_quote is not None:
            continue
        ca, cb = it.content
        inner = [j for j in cue_starts.within(ca, cb - 1) if j != i and not _in_contrast_clause(doc, items[j].cand)]
        if inner and c.source is not None:
            for j in inner:
                items[j].via.insert(0, (c.source, c))
            drop.add(i)
    # attributions nested in an indirect non-relay content: the outer one stands
    for i, it in enumerate(items if DROP_NESTED else []):
        if it.kind != "indirect" or i in drop or it.in_quote is not None:
            continue
        for j in cue_starts.within(it.content[0], it.content[1] - 1):  # cues inside its content
            o = items[j]
            if j == i or j in drop or o.cand is None or o.kind != "indirect":
                continue
            if it.content[0] <= o.cand.cue[0] < it.content[1] and not (o.cand.relay) and o.in_quote is None and i not in drop \
                    and not (o.cand.prob is not None and o.cand.prob >= P_KEEP_NESTED and o.cand.source is not None):
                drop.add(j)
    # "X quoted Y": X relays
    for it in items:
        if it.cand is not None and it.cand.via is not None:
            it.via.insert(0, (it.cand.via, it.cand))
        if it.in_quote is not None:
            it.via.insert(0, ("QUOTE", None))  # resolved below, once the outer speaker is known
    items = [it for i, it in enumerate(items) if i not in drop]

    # 8. build dossier objects: speakers (with resolution), citations, voices
    ents = list(found.get("entities", []) or [])
    markers = list(getattr(found.get("citations"), "markers", []) or [])
    citations = found.get("citations") or Citations()
    resolver = Resolver(text, doc, ents)
    quotes: list[Quote] = []
    built: dict[int, Quote] = {}
    for it in items:
        speaker = written_source = None
        if it.inherited_speaker is not None and id(it.inherited_speaker) in built:
            prev_q = built[id(it.inherited_speaker)]
            speaker = prev_q.speaker.model_copy() if prev_q.speaker is not None else None
            if speaker is not None:
                resolver.note(speaker, prev_q.speaker)
        elif it.speaker is not None:
            vetted, why = vet_speaker(doc, it.speaker[0], it.speaker[1], it.speaker_root)
            if why:
                it.flags.append(why)
                written_source = Span.of(text, it.speaker[0], it.speaker[1])
            if vetted is not None:
                speaker = resolver.speaker(vetted[0], vetted[1], vetted[2])
        cue = None
        if it.cand is not None:
            cue = Cue(start=it.cand.cue[0], end=it.cand.cue[1], text=text[it.cand.cue[0]:it.cand.cue[1]], lemma=it.cand.lemma)
        addressee = Span.of(text, *it.cand.addressee) if it.cand is not None and it.cand.addressee else None
        via = []
        for v, vc in it.via:
            if v == "QUOTE":
                outer = built.get(id(it.in_quote))
                if outer is not None and outer.speaker is not None:
                    via.append(Via(start=outer.speaker.start, end=outer.speaker.end, text=outer.speaker.text,
                                   entity=outer.speaker.entity, cue=outer.cue))
                continue
            vcue = Cue(start=vc.cue[0], end=vc.cue[1], text=text[vc.cue[0]:vc.cue[1]], lemma=vc.lemma) if vc is not None else None
            via.append(Via(start=v[0], end=v[1], text=text[v[0]:v[1]], entity=resolver.entity_of(v[0], v[1]), cue=vcue))
        if it.cand is not None and "asker_unnamed" in it.cand.flags:
            it.flags.append("asker_unnamed")  # a question put by someone the text does not name
        if it.cand is not None and it.cand.lemma not in SPEECH and it.cand.lemma not in STRICT_CUES \
                and (it.cand.prob is None or it.cand.prob < STRONG_CUE or it.speaker is None or it.cand.lemma in NOT_SPEECH):
            it.flags.append("weak_cue")  # a verb of belief/stance/perception PolNeAr counts, not a speech verb
        q = Quote(start=it.start, end=it.end, text=text[it.start:it.end], kind=it.kind,
                  content=Span.of(text, *it.content), speaker=speaker, source=written_source, cue=cue, addressee=addressee, via=via,
                  citations=[], parts=[Span.of(text, a, b) for a, b in it.parts] if len(it.parts) > 1 else [],
                  flags=sorted(set(it.flags)))
        built[id(it)] = q
        quotes.append((it, q))
    # citations: markers in the item's sentence or right after it; direct quotes without one take the next
    # marker in the paragraph when only quotes of the same speaker stand between
    out_quotes = []
    for k, (it, q) in enumerate(quotes):
        if it.kind == "indirect" and it.cand is not None and _in_contrast_clause(doc, it.cand):
            nums = [m.number for m in markers if it.start <= m.start < it.end]  # background clause: own markers only
        else:
            nums = _markers_for(it, text, markers, sent_bounds, doc)
        if not nums and it.in_quote is not None and id(it.in_quote) in built:
            nums = [c.number for c in built[id(it.in_quote)].citations]
        if not nums and it.kind != "indirect":
            nums = _inherit_markers(k, quotes, text, markers, sent_bounds, doc, article)
        q.citations = [_qc(n, citations) for n in nums]
        out_quotes.append(q)
    # nested items asked their outer quote before it had inherited: fill again
    for it, q in quotes:
        if not q.citations and it.in_quote is not None and id(it.in_quote) in built:
            q.citations = [c.model_copy() for c in built[id(it.in_quote)].citations]
    out_quotes.sort(key=lambda q: (q.start, q.end))
    problems = [Problem(kind=p.kind, severity="info", layer="quotes", start=p.start, end=p.end,
                        text=text[p.start:p.end], message=p.message) for p in mark_problems]
    return {"quotes": out_quotes, "non_speech_quotes": sorted(non_speech, key=lambda n: n.start),
            "voices": voices(out_quotes), "problems": problems}


QUOTE_CHARS = "“”\"«»„‘’"


def _clean(text: str, span, source: bool = True):
    """Trim a source/addressee span: no line breaks, quote marks, markers or edge punctuation inside."""
    if span is None:
        return None
    a, b = span
    nl = text.rfind("\n", a, b)
    if nl >= 0:
        a = nl + 1
    seg = text[a:b]
    m = re.search(r"[“”\"«»„]", seg)
    while m is not None and m.start() == 0:
        a += 1
        seg = text[a:b]
        m = re.search(r"[“”\"«»„]", seg)
    if m is not None:
        b = a + m.start()
    while a < b and not (text[a].isalnum()):
        mm = re.match(r"\[\d+\]", text[a:b])
        a += len(mm.group(0)) if mm else 1
    while b > a and not (text[b - 1].isalnum() or text[b - 1] in ".)"):
        b -= 1
    while True:
        m2 = re.search(r"[\s,]+(at|in|on|to|for|of|by|with|from|the|a|an|and|or|during|after|before)$", text[a:b], re.I)
        if not m2:
            break
        b = a + m2.start()
    if text[a:b].endswith(("’s", "'s")):
        b -= 2
    if b > a and text[b - 1] == "." and not re.search(r"\b(Jr|Sr|Inc|Co|Ltd|Corp|St)\.$", text[a:b]):
        b -= 1
    return (a, b) if b > a else None


def _clamp_para(text: str, span, anchor: int):
    if span is None:
        return None
    pa = text.rfind("\n", 0, anchor) + 1
    pb = text.find("\n", anchor)
    pb = len(text) if pb < 0 else pb
    a, b = max(span[0], pa), min(span[1], pb)
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if b > a else None


def _clean_cand(c: Cand, text: str) -> Cand:
    c.source = _clean(text, _clamp_para(text, c.source, c.cue[0]))
    c.addressee = _clean(text, _clamp_para(text, c.addressee, c.cue[0]))
    c.via = _clean(text, _clamp_para(text, c.via, c.cue[0]))
    c.content = _clamp_para(text, c.content, c.cue[0])
    if c.content is not None:
        a, b = c.content
        while a < b and text[a] in ",;:–—-]) ":
            a += 1
        c.content = (a, b) if b > a else None
    return c


def _split_groups(qs: list[QuoteSpan], c: Cand, text: str) -> list[list[QuoteSpan]]:
    """``“A,” he said, “B.”`` is one quote in two parts; other quotes of the same cue stay separate."""
    groups: list[list[QuoteSpan]] = []
    for q in qs:
        if groups:
            last = groups[-1][-1]
            between = text[last.end:q.start]
            if last.end <= c.cue[0] and c.cue[1] <= q.start and len(between) < 80 and "\n" not in between:
                groups[-1].append(q)
                continue
        groups.append([q])
    return groups


def _good_indirect(c: Cand, text: str) -> bool:
    if c.lemma in ("according to", ":", "in"):
        return c.source is not None
    if c.source is None:
        if "asker_unnamed" in c.flags:
            return True  # "Asked whether …, X said": the question is reported, its asker unnamed
        # "it was revealed that …": an attribution without a source
        if c.prob is not None and c.prob >= P_NO_SOURCE and c.lemma not in NOT_SPEECH:
            return True  # "…, calling the plan a sham": a strong cue whose speaker the parse does not give
        return "agentless" in c.flags and c.prob is not None and c.prob >= P_AGENTLESS
    if c.prob is not None:
        return c.prob >= attribution.P_INDIRECT
    if c.rate >= VERB_RATE:
        return True
    return c.content_is_clause


def _previous_speech(items: list[Item], q: QuoteSpan, text: str) -> Item | None:
    """The speaker of a quote that follows another one closely, with no new name between."""
    j = bisect.bisect_right(items, q.start, key=lambda it: it.start) - 1  # items are sorted by start
    while j >= 0 and not (items[j].kind in ("direct", "mixed") and items[j].end <= q.start):
        j -= 1
    if j < 0:
        return None
    p = items[j]
    between = text[p.end:q.start]
    if between.count("\n\n") + between.count("\n") > 4 or _words(between) > 12:
        return None
    if p.speaker is None and p.inherited_speaker is None:
        return None
    return p.inherited_speaker or p


def _non_speech_kind(inner: str) -> str:
    s = inner.strip(" .,;:!?")
    words = s.split()
    if EVENT_WORDS.search(s) and len(words) >= 2:
        return "event_name"
    caps = [w for w in words if w[:1].isalpha() and len(w) > 3]
    if len(words) >= 2 and caps and all(w[:1].isupper() for w in caps) and not s.isupper():
        return "title"
    return "scare_quote"


def _named(doc, c: Cand) -> bool:
    a, b = c.source
    span = doc.char_span(a, b, alignment_mode="expand")
    return span is not None and any(t.pos_ == "PROPN" for t in span)


def _in_contrast_clause(doc, c: Cand) -> bool:
    """``While X accuses Y, Z denies …``: a concessive clause is background, not what the relay reports."""
    tok = doc[c.cue_tok]
    t = tok
    for _ in range(6):
        if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("while", "although", "though", "whereas") for m in t.children):
            return True
        if t.head.i == t.i:
            break
        t = t.head
    return False



def _in_prose(c, found, text: str) -> bool:
    """``Mayor: barrier will hold`` in a headline or heading is the headline's form, not a quote; a headline
    that quotes (``Senator Voss: "The budget is a fantasy"``) still is."""
    s = found.get("structure")
    heads = [h for h in ([s.title, s.subtitle, *s.headings] if s is not None else []) if h is not None]
    if not any(h.start <= c.cue[0] < h.end for h in heads):
        return True
    content = text[c.content[0]:c.content[1]].strip()
    return content[:1] in QUOTE_OPENERS and content[-1:] in QUOTE_CLOSERS


QUOTE_OPENERS = "“\"‘'«„"
QUOTE_CLOSERS = "”\"’'»“"
