"""Claims layer: check-worthiness, holder, sourcing, hedges, ids, summary — on hand-built inputs."""
from __future__ import annotations

import re

import pytest

from newsaudit.analyze import load_layer
from newsaudit.analyze.claims import sourcing as C
from newsaudit.analyze.base import Article
from newsaudit.dossier import Citations, Entry, Marker, Meta, Quote, QuoteCitation, Source, Span, Speaker

TEXT = (
    "At least 23 people were killed in the floods on Tuesday, the governor told reporters.[1] "
    "He added that 140 people were injured.[2]\n\n"
    "Officials say the dam had not been inspected since 2019. "
    "The operator denied any fault, according to Karsenia Radio.\n\n"
    "The dam was built with cheap concrete in 1998. Is anyone surprised? Let us remember the victims. "
    "I think the company should pay.\n\n"
    "Engineers warned in March that the spillway was blocked.[3]"
)


def paragraphs(text):
    out, pos = [], 0
    for part in text.split("\n\n"):
        out.append((pos, pos + len(part)))
        pos += len(part) + 2
    return tuple(out)


def markers(text):
    return [Marker(number=int(m.group(1)), start=m.start(), end=m.end(), text=m.group(0)) for m in re.finditer(r"\[(\d+)\]", text)]


def citations(text):
    src = Source(authors=["Halden, Mira"], title="Flood kills 23", publisher="Karsenia Daily", date="2024-05-02")
    return Citations(markers=markers(text), entries=[
        Entry(number=1, start=0, end=1, text="x", title="Flood kills 23", source=src),
        Entry(number=3, start=0, end=1, text="x", is_ibid=True, ibid_of=None, source=None),  # unresolvable ibid
    ])  # no entry [2]: a missing entry


def run(nlp, text=TEXT, found=None, authors=("Ann Writer",)):
    art = Article(text=text, meta=Meta(authors=list(authors)), body_ranges=paragraphs(text))
    f = {"citations": citations(text), "quotes": [], "mentions": [], "times": [], "quantities": []}
    f.update(found or {})
    out = C.analyse(art, nlp(text), f)
    for c in out["claims"]:
        assert c.text == text[c.start:c.end]
        for h in c.hedges:
            assert h.text == text[h.start:h.end]
    return out


def claim(out, prefix):
    hits = [c for c in out["claims"] if c.text.startswith(prefix)]
    assert len(hits) == 1, [c.text for c in out["claims"]]
    return hits[0]


@pytest.mark.parametrize("prefix,sourcing,citations_,holder_kind", [
    ("At least 23 people", "cited", [1], "speaker"),
    ("He added that 140", "cited_broken", [2], "speaker"),
    ("Officials say", "attributed", [], "speaker"),
    ("The operator denied", "attributed", [], "speaker"),
    ("The dam was built", "unsourced", [], "author"),
    ("Engineers warned in March", "cited_broken", [3], "speaker"),
])
def test_claims_sourcing(nlp, prefix, sourcing, citations_, holder_kind):
    c = claim(run(nlp), prefix)
    assert c.sourcing == sourcing
    assert c.citations == citations_
    assert c.holder.kind == holder_kind


def test_claims_holder_names(nlp):
    out = run(nlp)
    assert "governor" in claim(out, "At least 23 people").holder.name
    assert claim(out, "Officials say").holder.name == "Officials"
    assert claim(out, "The dam was built").holder.name == "Ann Writer"


@pytest.mark.parametrize("prefix,checkworthy", [
    ("At least 23 people", True),
    ("The dam was built", True),
    ("Officials say", True),
    ("Is anyone surprised?", False),
    ("Let us remember", False),
    ("I think the company", False),
])
def test_claims_checkworthiness(nlp, prefix, checkworthy):
    c = claim(run(nlp), prefix)
    assert c.checkworthy is checkworthy
    assert 0.0 <= c.score <= 1.0


def test_claims_summary(nlp):
    out = run(nlp)
    s = out["sourcing"]
    cw = [c for c in out["claims"] if c.checkworthy]
    assert s.checkworthy == len(cw)
    assert sum(s.counts.values()) == len(cw)
    assert set(s.counts) == set(C.STATUSES)
    assert abs(sum(s.shares.values()) - 1.0) < 1e-3
    assert [out["claims"][i].sourcing for i in s.unsourced] == ["unsourced"] * len(s.unsourced)
    assert any(out["claims"][i].text.startswith("The dam was built") for i in s.unsourced)


def test_claims_quote_gives_holder_and_citation(nlp):
    text = "The mayor said that \u201cthe bridge was closed for 40 days\u201d last year. [4]\n\nThe bridge reopened."
    a = text.index("the bridge was closed")
    b = a + len("the bridge was closed for 40 days")
    q = Quote(start=a - 1, end=b + 1, text=text[a - 1:b + 1], kind="direct", content=Span(start=a, end=b, text=text[a:b]),
              speaker=Speaker(start=4, end=9, text="mayor", entity="E1", name="Anna Kos"),
              citations=[QuoteCitation(number=4, status="missing_entry")])
    out = run(nlp, text, {"quotes": [q], "citations": Citations(markers=markers(text))})
    c = claim(out, "The mayor said")
    assert c.holder.kind == "speaker" and c.holder.name == "Anna Kos" and c.holder.entity == "E1" and c.holder.quote == 0
    assert c.sourcing == "cited_broken" and c.citations == [4]
    assert claim(out, "The bridge reopened").sourcing == "unsourced"


def test_claims_marker_backs_same_holder_sentences_before_it(nlp):
    text = ("The envoy told the council that abuses continued in the camp. "
            "He added that residents were not free to leave. [1]\n\n"
            "The group claims the residents were taken hostage. The agency reported that two officials denied it. [2]")
    found = {"citations": Citations(markers=markers(text), entries=[
        Entry(number=1, start=0, end=1, text="x", source=Source(title="t")),
        Entry(number=2, start=0, end=1, text="x", source=Source(title="u"))])}
    out = run(nlp, text, found)
    assert claim(out, "The envoy told").sourcing == "cited"  # "He" continues the envoy's account
    assert claim(out, "The group claims").sourcing == "attributed"  # another party: the footnote is not theirs
    assert claim(out, "The agency reported").sourcing == "cited"


def test_claims_hedges_and_certainty(nlp):
    text = "The killing of 52 residents seems very unclear. The seven allegedly missing men were named. The camp was closed."
    out = run(nlp, text, {"citations": Citations()})
    assert [h.text for h in claim(out, "The killing").hedges] == ["seems very unclear"]
    assert claim(out, "The killing").certainty == "low"
    assert claim(out, "The seven").hedges[0].text.startswith("allegedly")
    assert claim(out, "The camp").certainty == "high"


def test_claims_ids_of_entities_times_quantities(nlp):
    from newsaudit.dossier import Mention, Quantity, TimeExpression

    text = "Police in Orvalo detained 112 people on Saturday."
    m = Mention(start=10, end=16, text="Orvalo", type="GPE", entity="E7")
    t = TimeExpression(start=40, end=48, text="Saturday", type="DATE", value="2024-05-04")
    q = Quantity(start=26, end=36, text="112 people", number=Span(start=26, end=29, text="112"), value=112)
    assert text[10:16] == "Orvalo" and text[40:48] == "Saturday" and text[26:36] == "112 people"
    out = run(nlp, text, {"citations": Citations(), "mentions": [m], "times": [t], "quantities": [q]})
    c = out["claims"][0]
    assert c.entities == ["E7"] and c.times == [0] and c.quantities == [0]


def test_claims_rules_only_when_model_missing(nlp, monkeypatch):
    monkeypatch.setattr(C.cw, "score_texts", lambda texts: None)
    out = run(nlp)
    assert claim(out, "Is anyone surprised?").checkworthy is False
    assert claim(out, "The dam was built").checkworthy is True


@pytest.mark.parametrize("text", ["", "  \n\n ", "[1] [2]", "???", "\u201c\u201d\u201c", "a"])
def test_claims_odd_input(nlp, text):
    art = Article(text=text, body_ranges=((0, len(text)),))
    out = C.analyse(art, nlp(text), {})
    assert set(out) == set(load_layer('claims').PROVIDES)
    assert out["sourcing"].checkworthy == len([c for c in out["claims"] if c.checkworthy])


def test_claims_no_author_known(nlp):
    out = run(nlp, authors=())
    c = claim(out, "The dam was built")
    assert c.holder.kind == "author" and c.holder.name is None


@pytest.mark.parametrize("fragment", ["3:25 p.m.", "11:40 a.m. EDT", "WALLACE: Governor Pence, Senator Kaine."])
def test_claims_verbless_fragment_is_not_checkworthy(audit_text, fragment):
    d = audit_text(f"The council closed the Orlen bridge on Monday after 40 residents were hurt.\n\n{fragment}\n\n"
                   "Engineers said the bridge would reopen in 2027.\n")
    for c in d.claims:
        if c.text.strip() == fragment:
            assert not c.checkworthy, c
