"""Quote-mark scanning: curly, straight, guillemets, broken marks, multi-paragraph quotes, apostrophes (no model needed)."""
from __future__ import annotations

import pytest

from newsaudit.analyze.quotes.marks import find_quotes, paragraphs


def inner_texts(text):
    qs, problems = find_quotes(text, [(0, len(text))])
    return [text[q.inner[0]:q.inner[1]] for q in qs], qs, problems


@pytest.mark.parametrize("text,expected", [
    ("He said “we are ready” today.", ["we are ready"]),
    ('He said "we are ready" today.', ["we are ready"]),
    ("Il a dit « nous sommes prêts » hier.", [" nous sommes prêts "]),
    ("They were promised “Martyrdom”and the “Heaven“by the leaders.", ["Martyrdom", "Heaven"]),  # glued, opener used to close
    ("to defend their”home of 20 years”, the camp.", ["home of 20 years"]),  # closer used to open
    ("He added,”Hundreds of reports suggest it.” [2]", ["Hundreds of reports suggest it."]),
    ("told Tasnim,” Given its record, it acted.”[7]", [" Given its record, it acted."]),  # mark + space used to open
    ("“A,” he said, “B.”", ["A,", "B."]),
    ("She called it ‘a disgrace’ on Monday.", ["a disgrace"]),
])
def test_quotes_marks_find(text, expected):
    got, qs, _ = inner_texts(text)
    assert got == expected
    for q in qs:
        assert text[q.start] in "“”\"«»‘'" and text[q.end - 1] in "“”\"«»’'"


@pytest.mark.parametrize("text", [
    "The players’ union met on Monday.",
    "It’s the ’90s again, isn’t it?",
    "Rock 'n' roll never dies, the band's singer said.",
    "No quotes here at all.",
])
def test_quotes_marks_apostrophes_are_not_quotes(text):
    got, _, problems = inner_texts(text)
    assert got == [] and problems == []


def test_quotes_marks_multi_paragraph():
    text = "He explained:\n\n“First part of it.\n\n“Second part ends here.”\n\nAfter."
    got, qs, problems = inner_texts(text)
    assert len(qs) == 1 and "multi_paragraph" in qs[0].flags
    assert [text[a:b] for a, b in qs[0].parts] == ["First part of it.", "Second part ends here."]
    assert problems == []


@pytest.mark.parametrize("text,kind", [
    ("He said “this never closes.\n\nNext paragraph.", "unmatched_quote_mark"),
    ("A stray closing mark” here.", "unmatched_quote_mark"),
])
def test_quotes_marks_doubtful_marks_are_flagged_not_fatal(text, kind):
    got, qs, problems = inner_texts(text)
    assert problems and problems[0].kind == kind
    for q in qs:
        assert "doubtful_mark" in q.flags


def test_quotes_marks_respect_body_ranges():
    text = "“Outside.”\nInside “quoted words here” ok."
    qs, _ = find_quotes(text, [(11, len(text))])
    assert [text[q.inner[0]:q.inner[1]] for q in qs] == ["quoted words here"]


def test_quotes_marks_paragraphs_trim():
    text = "  one  \n\n two\n"
    assert [text[a:b] for a, b in paragraphs(text, [(0, len(text))])] == ["one", "two"]
