"""Citation markers, reference parsing, ibid resolution and problems, on small hand-built texts."""
from __future__ import annotations

import pytest

from newsaudit.analyze import load_layer
from newsaudit.analyze.citations import markers as citations
from newsaudit.analyze.structure import segment as structure
from newsaudit.analyze.common.reference_entries import match_entry_line, parse_reference
from newsaudit.dossier import Citations, Dossier, Paragraph, Span, Structure


def body_only(text: str) -> Structure:
    return Structure(paragraphs=[Paragraph(start=0, end=len(text), text=text)])


def with_refs(body: str, refs: str) -> tuple[str, Structure]:
    text = body + "\n\n" + refs
    a = len(body) + 2
    return text, Structure(paragraphs=[Paragraph(start=0, end=len(body), text=body)],
                           references=Span.of(text, a, len(text)))


@pytest.mark.parametrize("body,numbers,texts", [
    ("The bridge fell. [3]", [3], ["[3]"]),
    ("It fell.[3, 4]", [3, 4], ["[3, 4]"] * 2),
    ("It fell [3–5] today", [3, 4, 5], ["[3–5]"] * 3),
    ("It fell [3-5]", [3, 4, 5], ["[3-5]"] * 3),
    ("It fell [1, 3-4][7]", [1, 3, 4, 7], ["[1, 3-4]"] * 3 + ["[7]"]),
    ("Mixed “quote.”[2] then more.", [2], ["[2]"]),
])
def test_citations_bracket_markers(body, numbers, texts):
    ms = citations.find_markers(body, [(0, len(body))], 0)
    assert [m.number for m in ms] == numbers
    assert [m.text for m in ms] == texts
    for m in ms:
        assert body[m.start:m.end] == m.text and body[m.numeral.start:m.numeral.end] == m.numeral.text


def test_citations_range_numerals_are_per_number():
    body = "It fell [3–5] and [7, 8]"
    ms = citations.find_markers(body, [(0, len(body))], 0)
    assert [m.numeral.text for m in ms] == ["3", "3–5", "5", "7", "8"]


@pytest.mark.parametrize("body", [
    "The council [sic] met.", "In [2013] it fell.", "A range [2010-2013] of years", "Odd [5-2] range",
    "Zero [0] is not a note", "Words [the mayor] added",
])
def test_citations_bracket_markers_negative(body):
    assert citations.find_markers(body, [(0, len(body))], 0) == []


@pytest.mark.parametrize("body,list_max,numbers", [
    ("The schools closed (1). Readings were high (2).", 5, [1, 2]),
    ("The schools closed (1).", 0, []),  # no numbered list: an enumeration, not a marker
    ("Two questions: (1) who pays, (2) when.", 0, []),
    ("It was founded in (1998).", 5, []),
    ("Closed (see map) and (7)", 5, []),
    ("The deck³ corroded² badly.", 4, [3, 2]),
    ("The deck³ corroded.", 0, []),
    ("About 600 m² of deck and 20 km² of forest", 4, []),
    ("Closed on Tuesday.¹,²", 4, [1, 2]),
])
def test_citations_paren_and_superscript_markers(body, list_max, numbers):
    ms = citations.find_markers(body, [(0, len(body))], list_max)
    assert [m.number for m in ms] == numbers


def test_citations_markers_only_in_prose():
    text = "Intro. [1]\n\nBy Jane Roe [2]\n\n[1] Roe, Jane, A story, Gazette, 2021"
    s = Structure(paragraphs=[Paragraph(start=0, end=10, text=text[:10])])
    assert [m.number for m in citations.find_markers(text, citations._prose_ranges(s), 0)] == [1]


@pytest.mark.parametrize("line,number,style", [
    ("[3] Roe, Jane, Title", 3, "bracket"), ("3. Roe, Jane, Title", 3, "dot"), ("(3) Roe, Jane", 3, "paren"),
    ("3) Roe, Jane", 3, "dot"), ("³ Roe, Jane", 3, "superscript"), ("  [12]  ibid", 12, "bracket"),
])
def test_citations_entry_lines(line, number, style):
    el = match_entry_line(line)
    assert el is not None and (el.number, el.style) == (number, style)


@pytest.mark.parametrize("line", ["[3]", "3.14 is pi", "2021. A year", "Roe [3] said", "[a] note"])
def test_citations_entry_lines_negative(line):
    assert match_entry_line(line) is None


@pytest.mark.parametrize("ref,authors,title,publisher,date,url", [
    ("Schreck, Adam, UN envoy urges calm, The Associated Press, September13, 2013",
     ["Adam Schreck"], "UN envoy urges calm", "The Associated Press", "2013-09-13", None),
    ("Adam Schreck, UN envoy urges calm, The Associated Press, September 13, 2013",
     ["Adam Schreck"], "UN envoy urges calm", "The Associated Press", "2013-09-13", None),
    ('Wren Salter and Otto Fairleigh, "Ministry disputes toll", Valley Wire Service, 11 March 2024',
     ["Wren Salter", "Otto Fairleigh"], "Ministry disputes toll", "Valley Wire Service", "2024-03-11", None),
    ("Odell, Tamsin; Brack, Ivo, Fire inquiry opens, Port Verran Gazette, 4 March 2021, retrieved 5 March 2021",
     ["Tamsin Odell", "Ivo Brack"], "Fire inquiry opens", "Port Verran Gazette", "2021-03-04", None),
    ("Moss, L. & Reyes, K. (2019). Water levels in the basin. Basin Institute Press. https://basin.example/r.pdf",
     ["L. Moss", "K Reyes"], "Water levels in the basin", "Basin Institute Press", "2019", "https://basin.example/r.pdf"),
    ('Hallam City Council, "Structural assessment", Hallam City Council, 3 December 2023, https://hc.example/a.pdf.',
     [], "Structural assessment", "Hallam City Council", "2023-12-03", "https://hc.example/a.pdf"),
    ('"Harbour fire kills three", Coastline Daily, 2020', [], "Harbour fire kills three", "Coastline Daily", "2020", None),
    ("Northern Rail Infrastructure, Inspection summary, 2018", [], "Northern Rail Infrastructure", "Inspection summary",
     "2018", None),
])
def test_citations_reference_parsing(ref, authors, title, publisher, date, url):
    p = parse_reference(ref)
    assert not p.is_ibid
    assert (p.authors, p.title, p.publisher, p.date, p.url) == (authors, title, publisher, date, url)


@pytest.mark.parametrize("ref,author", [
    ("ibid", None), ("Ibid.", None), ("IBID", None), ("ibid., p. 4", None), ("Ibid, pp. 4-5.", None), ("Id.", None),
    ("id. at 12", None), ("op. cit.", None), ("Op. cit., p. 9", None), ("Moss, op. cit., p. 9", "Moss"), ("ibidem", None),
])
def test_citations_ibid_forms(ref, author):
    p = parse_reference(ref)
    assert p.is_ibid and p.ibid_author == author


@pytest.mark.parametrize("ref", ["Ibidun Okafor, Lagos floods, Daily Sun, 2020", "Idaho floods, Boise News, 2020",
                                 "Idris, Musa, Ibid and other Latin words, Style Weekly, 2019"])
def test_citations_ibid_forms_negative(ref):
    assert not parse_reference(ref).is_ibid


def test_citations_ibid_chain_and_gap():
    text, s = with_refs("A [1]. B [2]. C [3]. D [4]. E [6]. F [7].",
                        "[1] Roe, Jane, First story, Gazette, 2021\n[2] ibid\n[3] Ibid.\n[4] Id.\n[6] Brack, Ivo, "
                        "Second story, Daily, 2020\n[7] op. cit.")
    c = citations.analyse_text(text, s)
    assert [(e.number, e.ibid_of) for e in c.entries] == [(1, None), (2, 1), (3, 1), (4, 1), (6, None), (7, 6)]
    assert c.resolve(4)[1].number == 1 and c.resolve(7)[1].number == 6
    assert c.resolve(5) == ("missing_entry", None)


def test_citations_ibid_never_chains_past_a_gap():
    text, s = with_refs("A [1]. B [2]. C [4]. D [5].",
                        "[1] Roe, Jane, First story, Gazette, 2021\n[2] ibid\n[4] ibid\n[5] ibid")
    c = citations.analyse_text(text, s)
    assert [(e.number, e.ibid_of, e.source is None) for e in c.entries] == [(1, None, False), (2, 1, False),
                                                                             (4, None, True), (5, None, True)]
    kinds = sorted((p.kind, tuple(p.numbers)) for p in c.problems)
    assert kinds == [("numbering_gap", (3,)), ("unresolvable_ibid", (4,)), ("unresolvable_ibid", (5,))]
    assert citations.resolve(c, 5) == ("unresolvable_ibid", None)


def test_citations_first_entry_ibid_is_unresolvable():
    text, s = with_refs("A [1].", "[1] ibid")
    c = citations.analyse_text(text, s)
    assert [p.kind for p in c.problems] == ["unresolvable_ibid"]


def test_citations_op_cit_with_author_finds_that_author():
    text, s = with_refs("A [1]. B [2]. C [3].", "[1] Roe, Jane, First story, Gazette, 2021\n"
                        "[2] Brack, Ivo, Second story, Daily, 2020\n[3] Roe, op. cit., p. 4")
    c = citations.analyse_text(text, s)
    assert c.entry(3).ibid_of == 1


@pytest.mark.parametrize("refs,kind,numbers,severity", [
    ("[1] Roe, Jane, A, Gazette, 2021\n[1] Brack, Ivo, B, Daily, 2020", "duplicate_number", [1], "error"),
    ("[2] Roe, Jane, A, Gazette, 2021\n[1] Brack, Ivo, B, Daily, 2020", "out_of_order", [1], "warning"),
    ("[2] Roe, Jane, A, Gazette, 2021\n[3] Brack, Ivo, B, Daily, 2020", "numbering_gap", [1], "warning"),
    ("[1] Roe, Jane, A, Gazette, 2021\n[4] Brack, Ivo, B, Daily, 2020", "numbering_gap", [2, 3], "warning"),
    ("[1] Roe, Jane, A, Gazette, 2021\n[2] Roe, Jane, A, Gazette, 2021", "duplicate_source", [1, 2], "info"),
    ("[1] Roe, Jane, A, Gazette, 2021\n[2] Brack, Ivo, B, Daily, 2020\n[3] Moss, Lea, C, Post, 2019",
     "unused_entry", [3], "warning"),
])
def test_citations_list_problems(refs, kind, numbers, severity):
    text, s = with_refs("One [1]. Two [2]. Four [4].", refs)
    c = citations.analyse_text(text, s)
    hits = [p for p in c.problems if p.kind == kind]
    assert len(hits) == 1 and hits[0].numbers == numbers and hits[0].severity == severity
    assert text[hits[0].start:hits[0].end] == hits[0].text


def test_citations_clean_list_has_no_problems():
    text, s = with_refs("One [1]. Two [2].", "[1] Roe, Jane, A, Gazette, 2021\n[2] Brack, Ivo, B, Daily, 2020")
    assert citations.analyse_text(text, s).problems == []


def test_citations_missing_entry_per_bracket():
    text, s = with_refs("One [1–3].", "[1] Roe, Jane, A, Gazette, 2021\n[3] Brack, Ivo, B, Daily, 2020")
    c = citations.analyse_text(text, s)
    miss = [p for p in c.problems if p.kind == "missing_entry"]
    assert len(miss) == 1 and miss[0].numbers == [2] and miss[0].text == "[1–3]"


def test_citations_markers_without_any_list():
    text = "The bridge fell [1]."
    c = citations.analyse_text(text, body_only(text))
    assert [p.kind for p in c.problems] == ["missing_entry"]
    assert "does not have" in c.problems[0].message


def test_citations_markers_first_cited_out_of_order():
    text, s = with_refs("Two [2]. One [1].", "[1] Roe, Jane, A, Gazette, 2021\n[2] Brack, Ivo, B, Daily, 2020")
    c = citations.analyse_text(text, s)
    assert [(p.kind, p.numbers, p.text) for p in c.problems] == [("out_of_order", [1], "[1]")]


def test_citations_wrapped_entry_continues():
    text, s = with_refs("One [1].", "[1] Roe, Jane, A long story about the bridge,\n    Gazette, March 3, 2021")
    (e,) = citations.analyse_text(text, s).entries
    assert e.text.endswith("2021") and e.publisher == "Gazette" and e.date == "2021-03-03"


def test_citations_json_round_trip_and_contract():
    from newsaudit.analyze.base import Article

    text, s = with_refs("A [1]. B [2, 3]. C [5].", "[1] Roe, Jane, First story, Gazette, 2021\n[2] ibid\n[4] ibid")
    art = Article(text=text)
    found = {"structure": s}
    out = citations.analyse(art, None, found)
    assert set(out) == set(load_layer('citations').PROVIDES) and found == {"structure": s}
    c = out["citations"]
    again = Citations.model_validate_json(c.model_dump_json())
    assert again == c
    d = Dossier(text=text, structure=s, citations=c)
    assert Dossier.model_validate_json(d.model_dump_json()) == d


def test_citations_never_raise_on_odd_text():
    odd = ["[", "]", "[1", "(1", "¹", "[999999]", "[1-]", "[,]", "ibid", "[1] ibid\n[1] ibid\n[0] x", "\x00[1]"]
    for text in odd:
        s = structure.analyse_text(text)
        citations.analyse_text(text, s)


def test_citations_explanatory_footnotes_have_no_parsed_source():
    text, s = with_refs("One [1]. Two [2].", "[1] The engineers' report was never published, although the council "
                        "promised it twice. It is not clear why.\n[2] Roe, Jane, Bridge shut, Gazette, March 3, 2021")
    c = citations.analyse_text(text, s)
    assert c.entry(1).source is None and c.entry(1).title is None and c.resolve(1)[0] == "ok"
    assert c.entry(2).authors == ["Jane Roe"]
    assert c.problems == []
