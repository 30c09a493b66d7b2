"""Line rules of the structure layer: dates, bylines, headings, furniture, notes; and small whole-text cases."""
from __future__ import annotations

import pytest

from newsaudit.analyze import load_layer
from newsaudit.analyze.structure import segment as structure
from newsaudit.analyze.structure import line_rules as R
from newsaudit.analyze.common.dates import find_dates, first_full_date


@pytest.mark.parametrize("text,iso", [
    ("September18, 2013", "2013-09-18"),
    ("March3, 2021", "2021-03-03"),
    ("September1st, 2021", "2021-09-01"),
    ("Sept. 18th, 2013", "2013-09-18"),
    ("18 September 2013", "2013-09-18"),
    ("3rd of March 2021", "2021-03-03"),
    ("2013-09-18", "2013-09-18"),
    ("Wednesday, March 3, 2021", "2021-03-03"),
])
def test_structure_full_dates(text, iso):
    d = first_full_date(text)
    assert d is not None and d.iso == iso


@pytest.mark.parametrize("text", ["February 30, 2021", "It may 2013 be", "13/09/2013", "September 1st", "in 2013"])
def test_structure_full_dates_negative(text):
    assert first_full_date(text) is None


@pytest.mark.parametrize("text,iso,precision", [
    ("In July 2013, the", "2013-07", "month"),
    ("Smith (2019). Title", "2019", "year"),
    ("camp september1st clashes", None, "monthday"),
])
def test_structure_partial_dates(text, iso, precision):
    (d,) = find_dates(text)
    assert (d.iso, d.precision) == (iso, precision)


@pytest.mark.parametrize("line,authors,iso", [
    ("By Mazda Parsi, September18, 2013", ["Mazda Parsi"], "2013-09-18"),
    ("By Jane Roe, March3, 2021", ["Jane Roe"], "2021-03-03"),
    ("BY JANE ROE AND IVO BRACK", ["JANE ROE", "IVO BRACK"], None),
    ("By Jane Roe and Ivo Brack, Staff Writers", ["Jane Roe", "Ivo Brack"], None),
    ("By Jane Roe, Ivo Brack & Kit Dunmore | Coastline Daily", ["Jane Roe", "Ivo Brack", "Kit Dunmore"], None),
    ("By Tamsin Odell, Port Verran Gazette", ["Tamsin Odell"], None),
    ("By Jane Roe | Coastline Daily | March 3, 2021 10:40 GMT", ["Jane Roe"], "2021-03-03"),
    ("Posted on 3 March 2021 by Jane Roe", ["Jane Roe"], "2021-03-03"),
    ("Written by Anna-Lena de Vries", ["Anna-Lena de Vries"], None),
    ("Author: Tamsin Odell", ["Tamsin Odell"], None),
    ("Jane Roe | March 3, 2021", ["Jane Roe"], "2021-03-03"),
    ("Tamsin Odell, March 3, 2021", ["Tamsin Odell"], "2021-03-03"),
])
def test_structure_byline_lines(line, authors, iso):
    bp = R.parse_byline(line)
    assert bp is not None
    assert [line[a:b] for a, b in bp.authors] == authors
    assert (bp.date.iso if bp.date else None) == iso


@pytest.mark.parametrize("line", [
    "By Monday, the river had risen.",
    "By the time rescuers arrived, the bridge was gone",
    "By The Associated Press",
    "By Sunday evening",
    "Residents were told to leave by Jane Roe, the mayor.",
    "Jane Roe said on March 3, 2021 that the river would rise",
    "March 3, 2021",
    "Rome, August 22, 2018",
])
def test_structure_byline_lines_negative(line):
    assert R.parse_byline(line) is None


@pytest.mark.parametrize("line,kind", [
    ("What happened to the seven allegedly missing residents?", "question"),
    ("Who knew about the cracks?", "question"),
    ("A Long History of Repairs", "heading"),
    ("WHAT THE COUNCIL WILL DO NEXT", "heading"),
    ("## Background", "heading"),
    ("The vote", "heading"),
])
def test_structure_heading_lines(line, kind):
    assert R.heading_kind(line) == kind


@pytest.mark.parametrize("line", [
    "Residents were told to leave.",
    "The council listed three steps in its statement:",
    "“We stay,” she said",
    "Firefighters say they did not. [1]",
    "the river kept rising through the night",
    "It rained. Then it flooded",
    "A long road ahead for the small riverside town and its people",
    "3", "Email *", "Robert Fastiggi • 13 hours ago", "#Floods #Bridges", "Whoa!",
])
def test_structure_heading_lines_negative(line):
    assert R.heading_kind(line) is None


@pytest.mark.parametrize("line,section", [
    ("Related posts", True), ("Related articles", True), ("You may also like", True), ("Leave a comment", True),
    ("Share this:", True), ("Share this article", True), ("Subscribe to our newsletter", True),
    ("Tags: floods, bridges", True), ("Read more: the flood in numbers", True), ("© 2022 The Ledger", True),
    ("Related to this, the council met again.", False), ("Share prices fell", False),
])
def test_structure_furniture_sections(line, section):
    assert bool(R.BOILER_SECTION.match(line)) is section


@pytest.mark.parametrize("line,furniture", [
    ("Advertisement", True), ("Facebook | Twitter | Email", True), ("Home | News | Sport | Weather", True),
    ("Share on Facebook", False),  # a section marker, not a stray line
    ("Rain | wind | flood warnings were issued across the valley today.", False), ("Photo of the bridge", False),
])
def test_structure_furniture_lines(line, furniture):
    assert R.is_furniture_line(line) is furniture


@pytest.mark.parametrize("line,note", [
    ("*Quotes extracted from the mayor's speech.", True), ("Disclosure: the author owns shares.", True),
    ("Editor's note: this story was updated.", True), ("Editor’s Note: corrected the date.", True),
    ("Note the river's height.", False), ("* a bulleted point", False), ("* * *", False), ("*****", False),
    ("* This piece reflects the views of the author alone and not those of the Gazette.", True),
    ("This report was originally published by the Coastline Daily", True),
    ("This story first appeared in the Valley Courier.", True),
    ("This column has been calling for their resignation for a decade.", False),
])
def test_structure_note_lines(line, note):
    assert bool(R.NOTE_ANYWHERE.match(line) or R.is_marked_note(line)) is note


def test_structure_empty_and_blank_text():
    assert structure.analyse_text("").paragraphs == []
    assert structure.analyse_text("   \n\n  \n").title is None


def test_structure_single_paragraph_has_no_title():
    text = "The river rose two metres overnight and the council closed the bridge. Nobody was hurt."
    s = structure.analyse_text(text)
    assert s.title is None and [p.text for p in s.paragraphs] == [text]


def test_structure_html_first_paragraph_is_title():
    text = "The council closed the bridge after the river rose.\n\nThe river rose two metres overnight. Nobody was hurt.\n"
    assert structure.analyse_text(text, html=True).title.text == "The council closed the bridge after the river rose."
    assert structure.analyse_text(text).title is None


def test_structure_hard_wrapped_block_is_one_paragraph():
    text = ("Flood wall holds\n\nThe river peaked at 5.2 metres on Sunday night, half a\nmetre below the top of the"
            " new wall, and the town centre\nstayed dry, the council said.\n")
    s = structure.analyse_text(text)
    assert len(s.paragraphs) == 1 and s.paragraphs[0].text.endswith("the council said.")


def test_structure_numbered_list_in_body_is_not_references():
    text = ("Three steps\n\nThe council listed three steps on Monday after the storm had passed. It gave no dates.\n\n"
            "1. Inspect the wall before the next storm.\n2. Refill the sandbag store.\n3. Publish the gauge readings.\n")
    s = structure.analyse_text(text)
    assert s.references is None
    assert [p.text[:2] for p in s.paragraphs[1:]] == ["1.", "2.", "3."]


def test_structure_everything_after_end_byline_is_not_body():
    text = ("Bridge closes\n\nThe bridge closed on Monday after inspectors found cracks in two of its piers. "
            "It will stay shut.\n\nBy Jane Roe, March 3, 2021\n\nJane Roe covers transport for the Gazette and has "
            "written about the bridge since it opened in 2009.\n\nFollow Jane on the Gazette app\n")
    s = structure.analyse_text(text)
    assert s.byline.position == "end"
    assert len(s.paragraphs) == 1
    assert [n.text[:8] for n in s.notes] == ["Jane Roe"]
    assert [b.text for b in s.boilerplate] == ["Follow Jane on the Gazette app"]


def test_structure_analyser_contract():
    from newsaudit.analyze.base import Article

    art = Article(text="Title here\n\nBody text of the article goes on for a while. It ends.\n")
    out = structure.analyse(art, None, {})
    assert set(out) == set(load_layer('structure').PROVIDES) and load_layer('structure').NEEDS_DOC is False


def test_structure_title_hint_from_metadata():
    text = "The council closed the bridge after the river rose.\n\nThe river rose two metres overnight. Nobody was hurt.\n"
    s = structure.analyse_text(text, title_hint="The council closed the bridge after the river rose")
    assert s.title.text == "The council closed the bridge after the river rose."
    assert structure.analyse_text(text, title_hint="Something else").title is None


LONG = ("The council met on Monday and voted to close the bridge for a month. Engineers will inspect the piers, "
        "and the ferry will run every hour until the work is done.")


@pytest.mark.parametrize("middle,is_heading", [
    ("Who knew about the cracks?", True),
    ("A Long History of Repairs", True),
    ("WHAT HAPPENS NEXT", True),
    ("## Next steps", True),
    ("Is that fair?", False),  # followed by a one-line answer: a rhetorical question, not a heading
    ("The vote", False),  # weak (short, not title case) and followed by a short line
])
def test_structure_heading_needs_body_after_it(middle, is_heading):
    after = LONG if middle != "Is that fair?" and middle != "The vote" else "Nobody thinks so."
    text = f"Bridge closes\n\n{LONG}\n\n{middle}\n\n{after}\n\n{LONG}\n"
    s = structure.analyse_text(text)
    assert [h.text for h in s.headings] == ([middle] if is_heading else [])


def test_structure_heading_not_inside_a_paragraph_block():
    text = f"Bridge closes\n\n{LONG}\nWho knew about the cracks?\n{LONG}\n\n{LONG}\n"
    assert structure.analyse_text(text).headings == []


def test_structure_references_below_a_subscribe_line():
    text = (f"Bridge closes\n\n{LONG} [1]\n\n{LONG} [2]\n\n{LONG}\n\nSubscribe today!\n\n"
            "[1] Roe, Jane, Bridge shut for a month, Port Verran Gazette, March 3, 2021\n"
            "[2] ibid\n")
    s = structure.analyse_text(text)
    assert s.references is not None and s.references.text.startswith("[1] Roe")
    assert [b.text for b in s.boilerplate] == ["Subscribe today!"]


def test_structure_dot_numbered_references_without_heading():
    text = (f"Bridge closes\n\n{LONG} [1]\n\n{LONG} [2]\n\n{LONG}\n\n"
            "1. Roe, Jane, Bridge shut for a month, Port Verran Gazette, March 3, 2021\n"
            "2. Brack, Ivo, Ferry timetable changes, Coastline Daily, 4 March 2021, https://coastline.example/ferry\n")
    s = structure.analyse_text(text)
    assert s.references is not None and s.references.text.startswith("1. Roe")
    assert len(s.paragraphs) == 3


def test_structure_reference_heading_with_wrapped_entry():
    text = (f"Bridge closes\n\n{LONG} [1]\n\n{LONG}\n\nSources\n\n"
            "[1] Roe, Jane, Bridge shut for a month while engineers inspect the piers,\n"
            "    Port Verran Gazette, March 3, 2021\n")
    s = structure.analyse_text(text)
    assert s.references.text.startswith("Sources") and s.references.text.endswith("2021")
    assert s.headings == []


def test_structure_wrapped_first_paragraph_is_not_a_title():
    text = ("The river peaked at 5.2 metres in Kestrell on Sunday night, half\na metre below the top of the new"
            " flood wall, and the town centre\nstayed dry, the council said on Monday morning.\n\n"
            "Volunteers filled more than 9,000 sandbags.\n")
    s = structure.analyse_text(text)
    assert s.title is None and len(s.paragraphs) == 2


def test_structure_long_reference_list_after_short_article():
    refs = "\n".join(f"[{k}] Roe, Jane, Story number {k}, Port Verran Gazette, March {k}, 2021" for k in range(1, 21))
    text = f"Bridge closes\n\n{LONG} [1]\n\n{LONG} [2-20]\n\n{refs}\n"
    s = structure.analyse_text(text)
    assert s.references is not None and s.references.text.endswith("March 20, 2021")
    assert len(s.paragraphs) == 2


def test_structure_numbered_lines_before_any_prose_are_not_references():
    text = "[1] Roe, Jane, Story, Gazette, March 3, 2021\n\n" + LONG + "\n"
    assert structure.analyse_text(text).references is None


def test_structure_explanatory_footnotes_are_the_reference_block():
    text = (f"Bridge closes\n\n{LONG} [1]\n\n{LONG}\n[2]\n\n{LONG}\n\n____________\n\n"
            "[1] The engineers' report was never published, although the council promised it twice. It is not "
            "clear why.\n[2] The ferry ran a reduced timetable.\n")
    s = structure.analyse_text(text)
    assert s.references is not None and s.references.text.startswith("[1] The engineers")
    assert len(s.paragraphs) == 4 and s.paragraphs[2].text == "[2]"


def test_structure_title_below_an_editors_note():
    text = f"Editor's note: this story was updated on Monday.\n\nBridge closes for a month\n\n{LONG}\n\n{LONG}\n"
    s = structure.analyse_text(text)
    assert s.title.text == "Bridge closes for a month" and len(s.notes) == 1


@pytest.mark.parametrize("first, is_title", [
    ("Stealth Over Health: Mayor Velt Was Headed to Court But Diverted to Avoid Bad Optics.", True),
    ("Kestrava Council Votes To Close The Orlen Bridge.", True),
    ("Officials in Kestrava said the dam was safe on Monday.", False),  # a sentence, not title case
    ("Mayor Velt Resigns After Audit. Council To Vote.", False),  # two sentences
    ("Velt Resigns.", False),  # too short to tell
])
def test_structure_headline_ending_with_period(first, is_title):
    from newsaudit.analyze.structure.segment import analyse_text

    s = analyse_text(first + "\n\nThe council voted on Monday to close the bridge for repairs. More text follows here.\n")
    assert (s.title is not None and s.title.text == first) == is_title
