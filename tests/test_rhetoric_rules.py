"""Rules of the rhetoric layer on single sentences (invented examples), positive and negative."""
from __future__ import annotations

import pytest

from newsaudit.analyze.rhetoric import rules
from newsaudit.analyze.rhetoric.span_model import quote_mask


def _run(nlp, text):
    doc = nlp(text)
    q = quote_mask(text)
    found = rules.questions_and_exclamations(doc, q, [], lone_line_is_heading=True)
    found += rules.lexicon_cues(doc, q)
    found += rules.authority(doc, q)
    for s, e, *_ in found:
        assert 0 <= s < e <= len(text)
    return found


def _has(found, text, technique, piece):
    return any(t == technique and piece in text[s:e] for s, e, t, _, _ in found)


@pytest.mark.parametrize("text,technique,piece", [
    ("The minister says the roads are safe. Why, then, did three bridges collapse this year?", "Rhetorical_Question", "Why, then"),
    ("The mayor opened the new library on Monday. Who would object to that?", "Rhetorical_Question", "Who would object"),
    ("The minister promised lower prices. What about the farmers who lost everything?", "Whataboutism,Straw_Men,Red_Herring", "What about"),
    ("The board said it acted in good faith. If it really knew about the leak, why didn't it warn anyone?", "Doubt", "really knew"),
    ("The company cut wages again, although its chief had promised a raise to every worker!", "Sarcastic_Exclamation", "although"),
    ("The funds were allegedly spent on a new stadium.", "Doubt", "allegedly"),
    ("The origin of the money seems very unclear.", "Doubt", "seems very unclear"),
    ("The report was confirmed by the World Bank and the Red Cross, the spokesman said.", "Appeal_to_Authority", "confirmed by the World Bank"),
    ("Experts agree that the dam is unsafe.", "Appeal_to_Authority", "Experts agree"),
    ("The cult leaders ordered the members to stay.", "Name_Calling,Labeling", "cult leaders"),
    ("He was silenced by the Veltran propaganda for years.", "Name_Calling,Labeling", "Veltran propaganda"),
    ("The village saw a massacre in the spring.", "Loaded_Language", "massacre"),
    ("The mysterious killings were never solved.", "Loaded_Language", "mysterious killings"),
    ("The so-called reform changed nothing.", "Doubt", "so-called"),
])
def test_rhetoric_rules_find(nlp, text, technique, piece):
    assert _has(_run(nlp, text), text, technique, piece)


@pytest.mark.parametrize("text,technique", [
    ('She asked, "Will the bridge open on time?" The engineer said it would.', "Rhetorical_Question"),
    ('The coach shouted "Run faster!" at the players.', "Sarcastic_Exclamation"),
    ("Stop the demolition now!", "Sarcastic_Exclamation"),  # an imperative is a call, not sarcasm
    ("The council met on Monday and approved the budget.", "Rhetorical_Question"),
    ("The council met on Monday and approved the budget.", "Doubt"),
    ("The council met on Monday and approved the budget.", "Appeal_to_Authority"),
    ("The bridge was built by workers from three towns.", "Appeal_to_Authority"),
    ('He said the group was "a cult" and left.', "Name_Calling,Labeling"),  # inside a quotation: the speaker's word
])
def test_rhetoric_rules_do_not_find(nlp, text, technique):
    assert not any(t == technique for _, _, t, _, _ in _run(nlp, text))


def test_rhetoric_rules_headline_question_skipped(nlp):
    text = "Intro paragraph of the story.\n\nWhat happened to the ferry?\n\nThe ferry sank in a storm.\n"
    found = _run(nlp, text)
    assert not any(t == "Rhetorical_Question" for _, _, t, _, _ in found)


def test_rhetoric_rules_one_sentence_per_line_questions_kept(nlp):
    text = "The ferry sank in a storm.\nWhy did nobody check the hull?\nThe owner said nothing.\n"
    assert _has(_run(nlp, text), text, "Rhetorical_Question", "Why did nobody")


@pytest.mark.parametrize("text,expected", [
    ('a "b" c', [0, 0, 0, 1, 0, 0, 0]),
    ("a “b” c", [0, 0, 0, 1, 0, 0, 0]),
    ('"a\nb', [0, 1, 0, 0]),  # reset at line breaks
])
def test_rhetoric_rules_quote_mask(text, expected):
    assert list(quote_mask(text)) == expected
