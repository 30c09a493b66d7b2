"""Datelines (agency and newspaper forms) and false bylines, on invented openings."""
from __future__ import annotations

import pytest

from newsaudit.analyze.structure.datelines import date_value, find_dateline
from newsaudit.analyze.structure.segment import analyse_text

BODY = " Officials in the harbour town said on Monday that the barrier had held overnight."

# (opening, place, region, written date, agency)
POSITIVE = [
    ("KESTRAVA, Ruritania, March 3, 2019 (AFP) —", "KESTRAVA", "Ruritania", "March 3, 2019", "AFP"),
    ("KESTRAVA (Reuters) -", "KESTRAVA", None, None, "Reuters"),
    ("KESTRAVA, Ruritania —", "KESTRAVA", "Ruritania", None, None),
    ("KESTRAVA, March 3 (AP) --", "KESTRAVA", None, "March 3", "AP"),
    ("PORT VELLIN (AP) —", "PORT VELLIN", None, None, "AP"),
    ("PORT VELLIN, Ost. (AP) —", "PORT VELLIN", "Ost.", None, "AP"),
    ("ST. ARDEN, N.V., Sept. 28 (UPI) —", "ST. ARDEN", "N.V.", "Sept. 28", "UPI"),
    ("DUNMERE, Dec. 8 (UPI) —", "DUNMERE", None, "Dec. 8", "UPI"),
    ("Dunmere (AFP) –", "Dunmere", None, None, "AFP"),
    ("New Kestrava (AFP) –", "New Kestrava", None, None, "AFP"),
    ("Aug 27 (Reuters) -", None, None, "Aug 27", "Reuters"),
    ("TARSK, Aug 31 (Reuters) -", "TARSK", None, "Aug 31", "Reuters"),
    ("(Kestrava, March 3, 2019) –", "Kestrava", None, "March 3, 2019", None),
    ("(CNN) —", None, None, None, "CNN"),
    ("TARSK -", "TARSK", None, None, None),
    ("TARSK ―", "TARSK", None, None, None),
    ("TARSK --", "TARSK", None, None, None),
    ("ORVALO, Velm. -", "ORVALO", "Velm.", None, None),
    ("BRINDLEMOOR (Xinhua) --", "BRINDLEMOOR", None, None, "Xinhua"),
    ("BRINDLEMOOR, 3 March 2019 (dpa) —", "BRINDLEMOOR", None, "3 March 2019", "dpa"),
    ("PELLIN, Ruritania, Jan. 1 (Kyodo) —", "PELLIN", "Ruritania", "Jan. 1", "Kyodo"),
    ("PELLIN (Associated Press) —", "PELLIN", None, None, "AP"),
    ("PELLIN (Yonhap) —", "PELLIN", None, None, "Yonhap"),
    ("PELLIN, Ruritania (EFE) —", "PELLIN", "Ruritania", None, "EFE"),
    ("LOWER ASHBY, Vell. —", "LOWER ASHBY", "Vell.", None, None),
    ("O'DARRA, Kell., April 1 (UPI) —", "O'DARRA", "Kell.", "April 1", "UPI"),
    ("KESTRAVA _", "KESTRAVA", None, None, None),
    ("MARNE CITY (Bloomberg) —", "MARNE CITY", None, None, "Bloomberg"),
    ("Velmora, Ruritania (AFP) –", "Velmora", "Ruritania", None, "AFP"),
    ("VELMORA, March 3, 2019 (Reuters) -", "VELMORA", None, "March 3, 2019", "Reuters"),
]


@pytest.mark.parametrize("opening,place,region,written,agency", POSITIVE)
def test_datelines_forms(opening, place, region, written, agency):
    found = find_dateline(opening + BODY)
    assert found is not None, opening
    line = opening + BODY
    assert found.place == place and found.region == region and found.agency == agency
    assert (line[found.date[0]:found.date[1]] if found.date else None) == written
    assert line[found.end:].startswith("Officials")


NEGATIVE = [
    "NASA said on Monday that the launch would go ahead.",
    "UPDATE — The council has since responded.",
    "BREAKING: The barrier has failed.",
    "WARNING - graphic images below.",
    "NOTE: This article was updated.",
    "SIEGEL--Thank you for joining us.",
    "By Monday morning, the water had reached the square.",
    "The KESTRAVA council met (again) — and voted.",
    "WASHINGTON (Senate Democrats) — said nothing.",
    "THE MAYOR OF KESTRAVA AND HIS DEPUTIES WERE — as ever — late.",
    "US officials said the talks would resume.",
]


@pytest.mark.parametrize("line", NEGATIVE)
def test_datelines_not_a_dateline(line):
    assert find_dateline(line) is None


@pytest.mark.parametrize("written,year,value", [
    ("March 3, 2019", None, "2019-03-03"), ("Sept. 28", None, "XXXX-09-28"), ("Sept. 28", 2016, "2016-09-28"),
    ("3 March 2019", None, "2019-03-03"), ("Aug 31", None, "XXXX-08-31"), ("Smarch 3", None, None),
])
def test_datelines_date_value(written, year, value):
    assert date_value(written, year) == value


def test_structure_dateline_cut_from_first_paragraph():
    text = "Barrier holds at Kestrava.\n\nKESTRAVA, Ruritania, March 3, 2019 (AFP) — Officials said the barrier held.\n\nMore rain is due.\n"
    s = analyse_text(text)
    assert s.dateline is not None and s.dateline.agency == "AFP" and s.dateline.date_value == "2019-03-03"
    assert text[s.dateline.start:s.dateline.end] == s.dateline.text == "KESTRAVA, Ruritania, March 3, 2019 (AFP) —"
    assert s.paragraphs[0].text.startswith("Officials said")
    assert all(p.start >= s.dateline.end or p.end <= s.dateline.start for p in s.paragraphs)
    assert s.title is not None and s.title.text == "Barrier holds at Kestrava."


def test_structure_dateline_alone_on_its_line():
    text = "KESTRAVA, March 3 (AP) —\nOfficials said the barrier held.\n\nMore rain is due.\n"
    s = analyse_text(text)
    assert s.dateline is not None and s.dateline.place == "KESTRAVA"
    assert s.title is None  # a dateline is not a title
    assert s.paragraphs[0].text.startswith("Officials")


def test_structure_no_dateline_after_prose():
    long = "The council met for four hours on Monday and argued about the barrier, the budget and the road. " * 3
    text = f"Title line here\n\n{long}\n\nKESTRAVA (AP) — A second story starts here.\n"
    assert analyse_text(text).dateline is None


@pytest.mark.parametrize("opening", [
    "By Monday morning, the water had reached the square and the council had fled.",
    "By the time the pumps arrived, the cellars were full.",
    "By then, nobody was listening to the mayor.",
    "By March 3, 2019, the barrier had been closed for a week.",
    "On July 6, 2015, the mayor made the following comment:",
])
def test_structure_time_openings_are_not_bylines(opening):
    text = f"Flood reaches Kestrava square\n\n{opening}\n\nThe mayor said he would return.\n"
    s = analyse_text(text)
    assert s.byline is None, s.byline


def test_pipeline_dateline_fills_meta(audit_text):
    d = audit_text("KESTRAVA, Ruritania, March 3, 2019 (AFP) — Officials said on Monday that the barrier held.\n")
    assert d.meta.agency == "AFP" and d.meta.published == "2019-03-03" and d.meta.published_source == "dateline"
    # the place is not a speaker: the dateline is out of the parse
    assert all(q.speaker is None or "KESTRAVA" not in q.speaker.text for q in d.quotes)
