"""Hand-built dossiers for the HTML report tests (no spaCy needed).  Invented article and findings."""
from __future__ import annotations

from pathlib import Path

from newsaudit.dossier import (Citations, Claim, Cue, Dossier, Entity, Entry, Holder, Marker, Mention, Meta, Problem,
                               Quantity, Quote, QuoteCitation, RhetoricSpan, Source, Span, Speaker, SourcingSummary,
                               TimeExpression, TimelineItem, Voice)

HERE = Path(__file__).resolve().parent
REPORT_FIXTURES = HERE / "fixtures" / "report"

XSS_TEXT = (
    'Storm Hits Valemont\n\nBy Jo Ray\n\n'
    'On Tuesday, 40 people were evacuated, officials said. '
    '"We acted fast," said Mayor Ann Lee [1]. "And we will do it again," Lee added [2]. '
    'Critics called it a <script>window.__xss=1</script> disaster [3]! '
    'Is this the <img src=x onerror="window.__xss=2"> end? <a href="javascript:window.__xss=3">click</a>\n\n'
    'References\n1. Ann Lee, "Flood plan", Valemont Post, 2024.\n2. Ibid.\n'
)


def _at(text: str, sub: str, k: int = 0) -> tuple[int, int]:
    a = -1
    for _ in range(k + 1):
        a = text.index(sub, a + 1)
    return a, a + len(sub)


def _s(cls, sub: str, k: int = 0, text: str = XSS_TEXT, **kw):
    a, b = _at(text, sub, k)
    return cls(start=a, end=b, text=text[a:b], **kw)


def built_dossier() -> Dossier:
    """Every layer filled, with XSS payloads in the text and in dossier strings, and crossing spans."""
    t = XSS_TEXT
    src = Source(authors=["Ann Lee"], title="Flood plan", publisher="Valemont Post", date="2024")
    q0 = _s(Quote, '"We acted fast," said Mayor Ann Lee', kind="direct", content=_s(Span, 'We acted fast,'),
            speaker=_s(Speaker, 'Mayor Ann Lee', name="Ann Lee", entity="E1"), cue=_s(Cue, 'said', 1, lemma="say"),
            citations=[QuoteCitation(number=1, entry=1, source_title="Flood plan", source_publisher="Valemont Post")])
    q1 = _s(Quote, '"And we will do it again," Lee added', kind="direct", content=_s(Span, 'And we will do it again,'),
            speaker=_s(Speaker, 'Lee', 1, name="Ann Lee", entity="E1"), cue=_s(Cue, 'added', lemma="add"),
            addressee=None, citations=[QuoteCitation(number=2, entry=1, source_title="Flood plan")])
    markers = [Marker(number=n, start=a, end=b, text=t[a:b]) for n in (1, 2, 3) for a, b in [_at(t, f"[{n}]")]]
    e1 = _s(Entry, '1. Ann Lee, "Flood plan", Valemont Post, 2024.', number=1, authors=["Ann Lee"], title="Flood plan",
            publisher="Valemont Post", date="2024", source=src)
    e2 = _s(Entry, '2. Ibid.', number=2, is_ibid=True, ibid_of=1, source=src)
    missing = _s(Problem, '[3]', kind="missing_entry", severity="error", layer="citations",
                 message="marker [3] has no <b>entry</b>", numbers=[3])
    ent = Entity(id="E1", type="PERSON", canonical="Ann Lee", mentions=[_s(Span, 'Ann Lee')], aliases=["Lee"])
    mentions = [_s(Mention, 'Ann Lee', type="PERSON", entity="E1"), _s(Mention, 'Valemont', type="GPE")]
    tm = _s(TimeExpression, 'Tuesday', type="DATE", value="2024-03-05", anchor="2024-03-07", anchor_source="publication",
            weekday="Tuesday")
    qt = _s(Quantity, '40 people', number=_s(Span, '40'), value=40, counted="people", event="DISPLACE",
            event_text=_s(Span, 'evacuated'))
    c0 = _s(Claim, 'On Tuesday, 40 people were evacuated, officials said.', score=0.8, checkworthy=True,
            holder=Holder(kind="author"), sourcing="attributed", times=[0], quantities=[0])
    c1 = _s(Claim, 'Critics called it a <script>window.__xss=1</script> disaster [3]!', score=0.7, checkworthy=True,
            holder=Holder(kind="author"), sourcing="cited_broken", citations=[3])
    r0 = _s(RhetoricSpan, 'Is this the <img src=x onerror="window.__xss=2"> end?', technique="Rhetorical_Question",
            score=0.9, reason='a question <script>window.__xss="reason"</script> in the body')
    r1 = _s(RhetoricSpan, 'disaster [3]! Is this', technique="Loaded_Language", score=0.6, reason="crosses a sentence")
    p_other = _s(Problem, 'Tuesday', kind="weekday_mismatch", severity="warning", layer="times",
                 message="Tuesday is not <i>the</i> 7th", related=[_s(Span, '2024')])
    return Dossier(
        text=t, meta=Meta(title='Storm <script>window.__xss="title"</script>', authors=["Jo <b>Ray</b>"], published="2024-03-07"),
        citations=Citations(markers=markers, entries=[e1, e2], problems=[missing]), quotes=[q0, q1],
        voices=[Voice(speaker="Ann Lee", entity="E1", quotes=2, cited=2, cues=["say", "add"], words_quoted=8)],
        entities=[ent], mentions=mentions, times=[tm],
        timeline=[TimelineItem(value="2024-03-05", time=0, sentence_start=c0.start, sentence_end=c0.end, sentence=c0.text)],
        quantities=[qt], claims=[c0, c1],
        sourcing=SourcingSummary(checkworthy=2, counts={"attributed": 1, "cited_broken": 1}),
        rhetoric=[r0, r1], problems=[p_other])
