"""Unit tests of the rule tagger (no spaCy model needed: no Doc, or a direction given by hand)."""
from __future__ import annotations

from datetime import date

import pytest

from newsaudit.analyze.times.recognise import tag

PUB = date(2013, 9, 18)  # a Wednesday


def one(text: str, anchor: date | None = PUB, direction: int | None = None):
    kw = {"direction_at": (lambda s, e: direction)} if direction is not None else {}
    found = tag(text, anchor, **kw)
    for t in found:
        assert text[t.start:t.end] == t.text
    return found


@pytest.mark.parametrize("text, span, typ, value", [
    ("It happened on September 1st.", "September 1st", "DATE", "2013-09-01"),
    ("It happened on the first of September.", "the first of September", "DATE", "2013-09-01"),
    ("Camp clashes september1st", "september1st", "DATE", "2013-09-01"),
    ("Reported on September13, 2013 by the agency.", "September13, 2013", "DATE", "2013-09-13"),
    ("See July16, 2013.", "July16, 2013", "DATE", "2013-07-16"),
    ("It was completed on Wednesday September 11th.", "Wednesday September 11th", "DATE", "2013-09-11"),
    ("In July 2013, the envoy spoke.", "July 2013", "DATE", "2013-07"),
    ("Fighting resumed in mid-July.", "mid-July", "DATE", "2013-07"),
    ("Prices rose in early 2013.", "early 2013", "DATE", "2013"),
    ("The plant closed late last year.", "late last year", "DATE", "2012"),
    ("They met earlier this week.", "earlier this week", "DATE", "2013-W38"),
    ("They met last week.", "last week", "DATE", "2013-W37"),
    ("Sales fell last month.", "last month", "DATE", "2013-08"),
    ("It rained yesterday.", "yesterday", "DATE", "2013-09-17"),
    ("It opens tomorrow.", "tomorrow", "DATE", "2013-09-19"),
    ("It is open today.", "today", "DATE", "2013-09-18"),
    ("Prices are high now.", "now", "DATE", "PRESENT_REF"),
    ("The talks lasted three days.", "three days", "DURATION", "P3D"),
    ("Abuses went on for at least 3 decades.", "at least 3 decades", "DURATION", "P30Y"),
    ("After a decade–long effort.", "decade–long", "DURATION", "P10Y"),
    ("After a decade-long effort.", "decade-long", "DURATION", "P10Y"),
    ("Their home of 20 years.", "20 years", "DURATION", "P20Y"),
    ("They left over the past few days.", "the past few days", "DURATION", "PXD"),
    ("The strike lasted five hours.", "five hours", "DURATION", "PT5H"),
    ("They have waited for years.", "years", "DURATION", "PXY"),
    ("It happened two years ago.", "two years ago", "DATE", "2011"),
    ("It happened three days ago.", "three days ago", "DATE", "2013-09-15"),
    ("Reports are filed daily.", "daily", "SET", "P1D"),
    ("Orangemen march each July to the church.", "each July", "SET", "XXXX-07"),
    ("They plant every spring.", "every spring", "SET", "XXXX-SP"),
    ("The council meets every Tuesday.", "every Tuesday", "SET", "XXXX-WXX-2"),
    ("Profits rose in the third quarter.", "the third quarter", "DATE", "2013-Q3"),
    ("It was built in the 1990s.", "the 1990s", "DATE", "199"),
    ("They arrived in the summer of 2012.", "the summer of 2012", "DATE", "2012-SU"),
    ("They will arrive next summer.", "next summer", "DATE", "2014-SU"),
    ("Filed 2013-09-01 at noon.", "2013-09-01", "DATE", "2013-09-01"),
    ("The vote is at 3 p.m. today.", "3 p.m. today", "TIME", "2013-09-18T15:00"),
    ("It ended on Christmas Day 2012.", "Christmas Day 2012", "DATE", "2012-12-25"),
    ("In 2009 the camp was handed over.", "2009", "DATE", "2009"),
    ("It was founded in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996"),
    ("Profits rose in the 1988 third quarter.", "the 1988 third quarter", "DATE", "1988-Q3"),
    ("Profits fell in recent years.", "recent years", "DATE", "PXY"),
    ("Three days later the army withdrew.", "Three days", "DURATION", "P3D"),
    ("Revenue was flat for the year.", "the year", "DATE", "2013"),
    ("Revenue for the year ended March 31 rose.", "the year", "DURATION", "P1Y"),
    ("Net sales for this year's third quarter rose.", "this year's third quarter", "DATE", "2013-Q3"),
    ("Sales for next year's first quarter may rise.", "next year's first quarter", "DATE", "2014-Q1"),
    ("It shot up in January nineteen ninety-seven.", "January nineteen ninety-seven", "DATE", "1997-01"),
    ("Oil hit lows in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "DATE", "1994-WI"),
    ("They promised jobs by the year two thousand.", "the year two thousand", "DATE", "2000"),
    ("Rates may fall in coming months.", "coming months", "DATE", "FUTURE_REF"),
    ("They lived in camps for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
    ("But a minute and a half later a pilot landed.", "a minute and a half", "DURATION", "PT1M30S"),
    ("The base stays for at least 20 more years.", "at least 20 more years", "DURATION", "P20Y"),
    ("The loan may be extended for an additional year.", "an additional year", "DURATION", "P1Y"),
    ("By mid afternoon the shelling stopped.", "mid afternoon", "TIME", "2013-09-18TAF"),
    ("Shares were up at mid-afternoon yesterday.", "mid-afternoon yesterday", "TIME", "2013-09-17TAF"),
    ("The sale should close by year-end.", "year-end", "DATE", "2013"),
    ("Rules should be in place by year's end.", "year's end", "DATE", "2013"),
    ("Troops arrive by the end of the month.", "the end of the month", "DATE", "2013-09"),
    ("Prices rose at the start of the year.", "the start of the year", "DATE", "2013"),
    ("We see no gains in the near term.", "the near term", "DATE", "FUTURE_REF"),
    ("It will be offered at a later date.", "a later date", "DATE", "FUTURE_REF"),
])
def test_times_rules_tags_and_normalises(text, span, typ, value):
    found = one(text)
    hits = [t for t in found if t.text == span]
    assert hits, f"{span!r} not found in {[t.text for t in found]}"
    assert (hits[0].type, hits[0].value) == (typ, value)


@pytest.mark.parametrize("text", [
    "May I ask a question?",
    "The fall of the regime was swift.",
    "Jan Novak spoke to reporters.",
    "About 2000 people attended.",
    "A 20-year-old man was arrested.",
    "He paid $1999 for it.",
    "The march began at the square.",
    "She said she would sue.",
    "The current account deficit widened.",
    "Iraq imports about three-quarters of its food.",
    "Year-end results were weak.",
    "They drew up a long-term plan.",
    'Baker said on ABC\'s "This Week" that talks failed.',
    "He told USA Today that talks failed.",
    "The recent sale raised cash.",
    "The term of office ends.",
])
def test_times_rules_negative(text):
    assert [t.text for t in one(text)] == []


@pytest.mark.parametrize("direction, value", [(-1, "2013-09-13"), (1, "2013-09-20"), (0, "2013-09-13")])
def test_times_rules_weekday_follows_tense(direction, value):
    found = one("The ministers met Friday.", direction=direction)
    assert [(t.text, t.value) for t in found] == [("Friday", value)]


def test_times_rules_weekday_on_anchor_day_is_that_day():
    # "denied Friday" in a story dated on a Friday is that very day
    found = one("Both denied Friday that the men were held.", anchor=date(2013, 9, 13), direction=-1)
    assert found[0].value == "2013-09-13"


@pytest.mark.parametrize("text, direction, value", [
    ("The election is in November.", 1, "2013-11"),
    ("The election was in December.", -1, "2012-12"),
    ("The election was in October.", -1, "2013-10"),
    ("The strike ended in August.", -1, "2013-08"),
    ("The strike ends in October.", 0, "2013-10"),
])
def test_times_rules_bare_month_year_by_tense_and_distance(text, direction, value):
    found = one(text, direction=direction)
    assert found[0].value == value


@pytest.mark.parametrize("text, span", [
    ("Talks collapsed on February 30.", "February 30"),
    ("The deal was signed on 31 April 2012.", "31 April 2012"),
    ("Filed 2013-02-29.", "2013-02-29"),
])
def test_times_rules_flags_impossible_dates(text, span):
    found = one(text)
    assert [(t.text, t.invalid, t.value) for t in found] == [(span, True, None)]


def test_times_rules_weekday_kept_for_checks():
    t = one("It was completed on Tuesday September 11th.")[0]
    assert t.weekday == "Tuesday" and t.parts["day"] == 11 and t.parts["month"] == 9 and not t.parts["year_written"]


def test_times_rules_without_anchor_keeps_relative_unresolved():
    found = one("They met Friday and on September 1st, 2013.", anchor=None)
    values = {t.text: t.value for t in found}
    assert values == {"Friday": "XXXX-WXX-5", "September 1st, 2013": "2013-09-01"}


def test_times_rules_anchor_per_span():
    text = "He said on Friday that it would end. The source said Friday was calm."
    cut = text.index("The source")
    found = tag(text, PUB, anchor_at=lambda s, e: (date(2013, 9, 4), "citation") if s >= cut else (PUB, "publication"),
                direction_at=lambda s, e: -1)
    assert [(t.value, t.anchor_source) for t in found] == [("2013-09-13", "publication"), ("2013-08-30", "citation")]


def test_times_rules_survives_odd_input():
    for text in ("", "   ", "September", "the 0th of May", "31st", "'''\u201c\u201d", "9999-99-99", "at 25 p.m."):
        for t in one(text):
            assert t.end > t.start


def test_times_rules_same_period_last_year_follows_the_quarter():
    text = "Profit in the third quarter rose, against a loss in the same period last year."
    found = {t.text: t.value for t in one(text)}
    assert found["the third quarter"] == "2013-Q3" and found["the same period last year"] == "2012-Q3"


@pytest.mark.parametrize("text, span, value", [
    ("On March 2, 1995, he was promoted, and the following year he became attache.", "the following year", "1996"),
    ("The firm was founded in 1988. Imports that year rose.", "that year", "1988"),
    ("He arrived on Oct. 12, 2010. The next day he left.", "The next day", "2010-10-13"),
    ("He arrived on Oct. 12, 2010. On the same day, the talks ended.", "the same day", "2010-10-12"),
    ("Sales peaked in July 2011. The following month they fell.", "The following month", "2011-08"),
    ("Sales peaked in July 2011. The previous month they fell.", "The previous month", "2011-06"),
    ("He arrived on Oct. 12, 2010. Later that day he left.", "Later that day", "2010-10-12"),
    ("He arrived on Oct. 12, 2010. The next morning he left.", "The next morning", "2010-10-13TMO"),
    ("The plan was filed on June 3, 2011. The following week it was dropped.", "The following week", "2011-W23"),
])
def test_times_rules_anaphora_resolve_against_last_date(text, span, value):
    found = {t.text: t.value for t in one(text)}
    assert found.get(span) == value, found


@pytest.mark.parametrize("text", [
    "That year was a good one.",  # no date mentioned before: left out, not guessed
    "The following month was quiet.",
])
def test_times_rules_anaphora_without_reference_are_dropped(text):
    assert one(text) == []


def test_times_rules_anaphora_need_a_fine_enough_reference():
    found = {t.text: t.value for t in one("It was founded in 1988. The following day it closed.")}
    assert "The following day" not in found


@pytest.mark.parametrize("text, value", [
    ("The move follows Tuesday's declaration by the rival firm.", "2013-09-17"),  # a possessive names a past event
    ("The ministers meet Friday in Geneva.", "2013-09-20"),  # present tense, scheduled event
])
def test_times_rules_weekday_tense_from_parse(nlp, text, value):
    found = tag(text, PUB, doc=nlp(text))
    assert [t.value for t in found if t.rule == "wd"] == [value]


def test_times_rules_anaphora_say_their_anchor():
    found = {t.text: t for t in one("The firm was founded on June 3, 2011. The following month it hired staff.")}
    t = found["The following month"]
    assert (t.value, t.anchor, t.anchor_source) == ("2011-07", date(2011, 6, 3), "text")


@pytest.mark.parametrize("text,value,source", [
    ("Memorial\n\nThe memorial for the victims of Sept. 11 was held in the city.\n", "2001-09-11", "named_event"),
    ("Memorial\n\nLife in the city changed after September 11.\n", "2001-09-11", "named_event"),
    ("Council\n\nOn Sept. 11 the council met and closed the road.\n", "2023-09-11", "publication"),
    ("Council\n\nThe council met on Sept. 11, 2019 and closed the road.\n", "2019-09-11", "explicit"),
])
def test_times_named_past_event_not_reanchored(text, value, source):
    import newsaudit

    d = newsaudit.audit(text, published="2024-03-14")
    t = next(t for t in d.times if "11" in t.text)
    assert (t.value, t.anchor_source) == (value, source)


@pytest.mark.parametrize("text,flagged", [
    ("Road closed\n\nThe council met on March 20 and closed the road.\n", True),
    ("Road closed\n\nThe council will meet on March 20 to close the road.\n", False),
    ("Road closed\n\nThe council met on March 2 and closed the road.\n", False),
])
def test_times_future_date_in_past_tense_is_flagged(text, flagged):
    import newsaudit

    d = newsaudit.audit(text, published="2024-03-14")
    assert any(p.kind == "future_date_past_tense" for p in d.problems) is flagged
