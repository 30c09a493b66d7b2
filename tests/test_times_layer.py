"""The times analyser: offsets, anchors (publication and cited source), tense, problems, timeline."""
from __future__ import annotations

from datetime import date

import pytest

from newsaudit.analyze import load_layer
from newsaudit.analyze.times import timeline as layer
from newsaudit.analyze.base import Article
from newsaudit.dossier import Citations, Entry, Meta, Quote, QuoteCitation, Source, Span, Structure


def run(text, nlp, published="2013-09-18", found=None, body=None):
    art = Article(text=text, meta=Meta(published=published), body_ranges=body or ((0, len(text)),))
    return layer.analyse(art, nlp(text), found or {})


def test_times_layer_contract():
    assert load_layer('times').NAME == "times" and load_layer('times').PROVIDES == ("times", "timeline", "problems") and load_layer('times').NEEDS_DOC
    assert set(load_layer('times').REQUIRES) <= {"structure", "citations", "quotes", "entities"}


def test_times_layer_offsets_and_anchor(nlp):
    text = "Rebels attacked the town on Friday. The talks will resume on Friday. They lasted three days."
    out = run(text, nlp)
    for t in out["times"]:
        assert text[t.start:t.end] == t.text
    fridays = [t for t in out["times"] if t.text == "Friday"]
    assert [(t.value, t.tense, t.anchor, t.anchor_source) for t in fridays] == [
        ("2013-09-13", "past", "2013-09-18", "publication"), ("2013-09-20", "future", "2013-09-18", "publication")]
    dur = [t for t in out["times"] if t.type == "DURATION"]
    assert [(t.text, t.value, t.anchor_source) for t in dur] == [("three days", "P3D", "none")]


def test_times_layer_quote_from_dated_source_uses_source_date(nlp):
    text = "“The ministers both denied Friday that the men were held,” reported the agency. [1]\n\n[1] Agency story, 2013-09-04"
    q_end = text.index("”") + 1
    quote = Quote(start=0, end=q_end, text=text[:q_end], kind="direct", content=Span.of(text, 1, q_end - 1),
                  citations=[QuoteCitation(number=1, status="ok", entry=1)])
    e_start = text.index("[1] Agency")
    entry = Entry(number=1, start=e_start, end=len(text), text=text[e_start:], date="2013-09-04",
                  source=Source(title="Agency story", date="2013-09-04"))
    body = ((0, text.index("\n")),)
    found = {"quotes": [quote], "citations": Citations(entries=[entry]),
             "structure": Structure(references=Span.of(text, e_start, len(text)))}
    out = run(text, nlp, found=found, body=body)
    fri = [t for t in out["times"] if t.text == "Friday"][0]
    # the Friday before the source's date (a Wednesday), not the one before publication
    assert (fri.value, fri.anchor, fri.anchor_source, fri.quote, fri.citation) == ("2013-08-30", "2013-09-04", "citation", 0, 1)
    ref = [t for t in out["times"] if t.section == "references"]
    assert [(t.value, t.anchor_source) for t in ref] == [("2013-09-04", "explicit")]
    assert all(item.time != out["times"].index(ref[0]) for item in out["timeline"])  # reference dates stay off the timeline


@pytest.mark.parametrize("status", ["missing_entry", "unresolvable_ibid"])
def test_times_layer_broken_citation_falls_back_to_publication(nlp, status):
    text = "“Both denied Friday that the men were held,” the agency said."
    quote = Quote(start=0, end=45, text=text[:45], kind="direct", content=Span.of(text, 1, 44),
                  citations=[QuoteCitation(number=6, status=status, entry=None)])
    out = run(text, nlp, found={"quotes": [quote], "citations": Citations()})
    fri = [t for t in out["times"] if t.text == "Friday"][0]
    assert (fri.value, fri.anchor_source) == ("2013-09-13", "publication")


@pytest.mark.parametrize("text, kind, span", [
    ("The ceasefire began on Tuesday September 11th.", "weekday_mismatch", "Tuesday September 11th"),
    ("The ceasefire began on Tuesday, September 11, 2011.", "weekday_mismatch", "Tuesday, September 11, 2011"),
    ("The deal was signed on February 30.", "impossible_date", "February 30"),
    ("Troops withdrew from the town on October 5, 2013.", "future_date_past_tense", "October 5, 2013"),
])
def test_times_layer_problems(nlp, text, kind, span):
    probs = run(text, nlp)["problems"]
    assert [(p.kind, p.text, p.layer) for p in probs] == [(kind, span, "times")]
    p = probs[0]
    assert text[p.start:p.end] == p.text and p.message


@pytest.mark.parametrize("text", [
    "The ceasefire began on Wednesday September 11th.",
    "Troops will withdraw from the town on October 5, 2013.",
    "Officials said the vote is scheduled for October 5, 2013.",
    "The deal was signed on February 28.",
    "Troops withdrew from the town on September 5, 2013.",
])
def test_times_layer_no_false_problems(nlp, text):
    assert run(text, nlp)["problems"] == []


def test_times_layer_timeline_in_order_with_sentences(nlp):
    text = ("The strike ended on Monday. It began on September 1st, a week after talks failed in August. "
            "A review is due in 2014.")
    out = run(text, nlp)
    values = [i.value for i in out["timeline"]]
    assert values == ["2013-08", "2013-09-01", "2013-09-16", "2014"]
    for item in out["timeline"]:
        t = out["times"][item.time]
        assert text[item.sentence_start:item.sentence_end] == item.sentence
        assert item.sentence_start <= t.start and t.end <= item.sentence_end
    assert out["timeline"][2].sentence == "The strike ended on Monday."


def test_times_layer_without_publication_date(nlp):
    out = run("They met on Friday and again on 3 March 2012.", nlp, published=None)
    vals = {t.text: (t.value, t.anchor_source) for t in out["times"]}
    assert vals == {"Friday": ("XXXX-WXX-5", "none"), "3 March 2012": ("2012-03-03", "explicit")}


@pytest.mark.parametrize("text", ["", "\n\n", "No dates here at all.", "“Unclosed quote on Friday", "[1] ibid"])
def test_times_layer_empty_and_odd_inputs(nlp, text):
    out = run(text, nlp)
    assert set(out) == {"times", "timeline", "problems"}


def test_times_layer_does_not_mutate_found(nlp):
    found = {"quotes": [], "citations": Citations()}
    before = repr(found)
    run("They met on Friday.", nlp, found=found)
    assert repr(found) == before


def test_times_layer_full_audit(audit_text):
    d = audit_text("Officials met on Friday, 13 September 2013.\n\nThey will meet again next week.\n", published=date(2013, 9, 18))
    assert [(t.text, t.value) for t in d.times] == [("Friday, 13 September 2013", "2013-09-13"), ("next week", "2013-W39")]
    for t in d.times:
        assert d.text[t.start:t.end] == t.text


def test_times_layer_anaphora_anchor_to_the_text(audit_text):
    from newsaudit.report.sections import times as section

    d = audit_text("The plant opened on June 3, 2011.\n\nThe following month it hired 200 workers.\n",
                   published=date(2013, 9, 18))
    t = next(t for t in d.times if t.text == "The following month")
    assert (t.value, t.anchor, t.anchor_source) == ("2011-07", "2011-06-03", "text")
    assert d.text[t.start:t.end] == t.text
    assert "date before it 2011-06-03" in section.render_markdown(d)
