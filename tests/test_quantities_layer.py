"""Counted quantities from parsed sentences: number, bounds, counted noun, event, exclusions, mismatches."""
from __future__ import annotations

import pytest

from newsaudit.analyze import load_layer
from newsaudit.analyze.quantities import counts as Q
from newsaudit.analyze.base import Article
from newsaudit.dossier import Citations, Marker


def run(nlp, text, found=None):
    art = Article(text=text, body_ranges=((0, len(text)),))
    out = Q.analyse(art, nlp(text), found or {})
    for q in out["quantities"]:
        assert q.text == text[q.start:q.end]
        assert q.number.text == text[q.number.start:q.number.end]
        if q.event_text is not None:
            assert q.event_text.text == text[q.event_text.start:q.event_text.end]
    return out


def one(nlp, text, number):
    qs = [q for q in run(nlp, text)["quantities"] if q.number.text == number]
    assert len(qs) == 1, [q.number.text for q in run(nlp, text)["quantities"]]
    return qs[0]


@pytest.mark.parametrize("text,number,value,low,high,counted,event", [
    ("At least 52 residents were killed in the attack.", "52", 52, 52, None, "residents", "KILL"),
    ("The killing of 52 villagers shocked the country.", "52", 52, 52, 52, "villagers", "KILL"),
    ("The blast left 52 dead.", "52", 52, 52, 52, None, "KILL"),
    ("A ceremony was held for 52 martyrs of the town.", "52", 52, 52, 52, "martyrs", "KILL"),
    ("More than 40 people were wounded by the shelling.", "40", 40, 40, None, "people", "WOUND"),
    ("Officials said 14 people were injured.", "14", 14, 14, 14, "people", "WOUND"),
    ("What happened to the seven allegedly missing residents?", "seven", 7, 7, 7, "residents", "MISSING"),
    ("Police arrested a dozen protesters near the station.", "a dozen", 12, 12, 12, "protesters", "ARREST"),
    ("Some 3.5 million people were displaced by the war.", "3.5 million", 3_500_000, 3_150_000, 3_850_000, "people", "DISPLACE"),
    ("After the resettlement of the 42 survivors in the new camp, talks resumed.", "42", 42, 42, 42, "survivors", "RESETTLE"),
    ("About 1,200 residents were evacuated overnight.", "1,200", 1200, 1080, 1320, "residents", "EVACUATE"),
    ("Up to 30 soldiers were captured by the rebels.", "30", 30, 0, 30, "soldiers", "DETAIN"),
    ("Hundreds of daily monitoring reports suggest abuse.", "Hundreds", None, 200, 999, "reports", "OTHER"),
    ("Dozens of families fled the town.", "Dozens", None, 24, 99, "families", "DISPLACE"),
    ("Tens of thousands of people joined the march.", "Tens of thousands", None, 20_000, 99_999, "people", "OTHER"),
    ("Nearly two hundred migrants drowned off the coast.", "two hundred", 200, 180, 200, "migrants", "KILL"),
    ("Twenty-five people died in the fire.", "Twenty-five", 25, 25, 25, "people", "KILL"),
    ("The rebels kidnapped 9 aid workers.", "9", 9, 9, 9, "workers", "KIDNAP"),
])
def test_quantities_reads_counts(nlp, text, number, value, low, high, counted, event):
    q = one(nlp, text, number)
    assert q.value == (pytest.approx(value) if value is not None else None)
    assert q.low == (pytest.approx(low) if low is not None else None)
    assert q.high == (pytest.approx(high) if high is not None else None)
    assert q.counted == counted
    assert q.event == event


@pytest.mark.parametrize("text,modifier,span", [
    ("At least 52 residents were killed.", "at least", "At least 52 residents killed"),
    ("In the footage, at least in two cases, the injured are wounded.", "at least", "at least in two cases"),
    ("Nearly 4,000 residents left.", "nearly", "Nearly 4,000 residents"),
    ("The blast left more than 40 wounded.", "more than", "more than 40 wounded"),
])
def test_quantities_modifier_and_span(nlp, text, modifier, span):
    qs = run(nlp, text)["quantities"]
    assert len(qs) == 1
    assert qs[0].modifier == modifier
    # the span starts at the modifier and covers the number
    assert qs[0].text.lower().startswith(modifier)
    assert qs[0].number.start >= qs[0].start and qs[0].number.end <= qs[0].end


@pytest.mark.parametrize("text", [
    "The camp was founded in 1986 and closed in 2013.",
    "The attack took place on September 1, 2013.",
    "The clashes began on 3 March.",
    "Turnout was 45 percent, up from 38% last time.",
    "The project cost $5 million and 300 euros.",
    "The meeting started at 10:30 and ended at 5 p.m.",
    "The suspect, aged 30, is a 25-year-old's brother and is 45 years old.",
    "He lived there for 20 years and left after three decades.",
    "She finished 2nd and then 1st in the race.",
    "The road is 12 km long and the truck carried 5 tons.",
    "Resolution 2334 was adopted, according to page 12.",
])
def test_quantities_not_counted(nlp, text):
    assert run(nlp, text)["quantities"] == []


def test_quantities_skip_citation_markers(nlp):
    text = "Officials confirmed the figure. [3] Another report followed [4]."
    a, b = text.index("[3]"), text.index("[4]")
    found = {"citations": Citations(markers=[Marker(number=3, start=a, end=a + 3, text="[3]"),
                                             Marker(number=4, start=b, end=b + 3, text="[4]")])}
    assert run(nlp, text, found)["quantities"] == []
    assert run(nlp, text)["quantities"] == []  # bracketed numbers are skipped even without the citations layer


def test_quantities_glued_number(nlp):
    text = "He added,\u201dHundreds of daily reports suggest that the lives are controlled.\u201d"
    q = one(nlp, text, "Hundreds")
    assert q.counted == "reports" and q.low == 200


def test_quantities_place_from_sentence(nlp):
    q = one(nlp, "At least 12 people were killed in Kabul on Monday.", "12")
    assert q.place == "Kabul"


@pytest.mark.parametrize("text,expected", [
    ("On Monday 52 residents were killed, police said. The army said 47 residents were killed.", True),
    ("At least 23 people were killed. A local official said 21 people were killed.", True),
    ("At least 52 residents were killed. By Friday, 60 residents were killed, officials said.", False),
    ("52 residents were killed. Later, 47 soldiers were killed.", False),
    ("Two people were killed in the north and five people were killed in the south.", False),
    ("52 residents were killed. The 52 residents were buried on Sunday.", False),
    ("Seven residents are missing. The seven missing residents were named.", False),
])
def test_quantities_count_mismatch(nlp, text, expected):
    out = run(nlp, text)
    probs = [p for p in out["problems"] if p.kind == "count_mismatch"]
    assert bool(probs) is expected
    for p in probs:
        assert p.layer == "quantities" and len(p.related) == 2
        for r in p.related:
            assert r.text == text[r.start:r.end]
        assert p.text == text[p.start:p.end]


@pytest.mark.parametrize("text,severity", [
    ("The outbreak has so far killed 97 people. Last week, less than 60 people had died.", "info"),
    ("Police said 52 residents were killed. The army said 47 residents were killed.", "warning"),
])
def test_quantities_mismatch_severity_for_updated_tolls(nlp, text, severity):
    (p,) = [p for p in run(nlp, text)["problems"] if p.kind == "count_mismatch"]
    assert p.severity == severity
    assert p.details["possible_update"] is (severity == "info")


def test_quantities_mismatch_respects_different_dates():
    from newsaudit.dossier import Quantity, Span

    def q(start, value, date):
        t = "x" * 10
        return Quantity(start=start, end=start + 2, text="52", number=Span(start=start, end=start + 2, text="52"),
                        value=value, low=value, high=value, counted="people", event="KILL", date=date,
                        sentence=Span(start=start, end=start + 5, text="x" * 5))

    assert Q.find_mismatches([q(0, 5, "2013-09-01"), q(20, 7, "2013-09-02")], "") == []
    assert len(Q.find_mismatches([q(0, 5, "2013-09-01"), q(20, 7, "2013-09-01")], "")) == 1


@pytest.mark.parametrize("text", ["", "   \n\n  ", "!!! ??? [1] [2]", "one one one", "\u201c52\u201d", "2013 2014 - 7", "a" * 500])
def test_quantities_odd_input_never_raises(nlp, text):
    out = Q.analyse(Article(text=text, body_ranges=((0, len(text)),)), nlp(text), {})
    assert set(out) == set(load_layer('quantities').PROVIDES)


def test_quantities_does_not_mutate_found(nlp):
    text = "At least 52 residents were killed."
    found = {"times": [], "mentions": []}
    Q.analyse(Article(text=text, body_ranges=((0, len(text)),)), nlp(text), found)
    assert found == {"times": [], "mentions": []}
