"""Who may be a speaker (issue: trust on real articles): general rules on invented sentences."""
from __future__ import annotations

import pytest


def _quotes(audit_text, text):
    return audit_text(text).quotes


@pytest.mark.parametrize("text,flag,source", [
    ("Reports say the barrier failed overnight.", "document_source", "Reports"),
    ("The litigation claims that the council ignored the warnings.", "document_source", "The litigation"),
    ("The report found that the barrier was poorly built.", "document_source", "The report"),
])
def test_quotes_document_nouns_are_no_speaker(audit_text, text, flag, source):
    qs = _quotes(audit_text, text)
    assert qs, text
    q = qs[0]
    assert q.speaker is None and flag in q.flags
    assert q.source is not None and q.source.text == source


def test_quotes_relative_pronoun_resolves_to_its_noun(audit_text):
    qs = _quotes(audit_text, "The harbour master, who said the barrier would hold, left early.")
    q = next(q for q in qs if q.cue is not None and q.cue.text == "said")
    assert q.speaker is not None and q.speaker.text == "The harbour master"
    assert "relative_resolved" in q.flags and q.source.text == "who"


@pytest.mark.parametrize("text,speaker", [
    ("Mayor Ilse Varga said the barrier would hold.", "Mayor Ilse Varga"),
    ("The council said the barrier would hold.", "The council"),
    ("Officials said the barrier would hold.", "Officials"),
    ("She said the barrier would hold.", "She"),
])
def test_quotes_people_and_groups_stay_speakers(audit_text, text, speaker):
    qs = _quotes(audit_text, text)
    assert qs and qs[0].speaker is not None and qs[0].speaker.text == speaker
    assert qs[0].source is None


def test_quotes_dateline_is_never_a_speaker(audit_text):
    qs = _quotes(audit_text, "KESTRAVA, Ruritania — Officials said on Monday that the barrier had held.\n")
    assert qs and qs[0].speaker is not None and qs[0].speaker.text == "Officials"


def test_quotes_continuation_belongs_to_the_speaker(audit_text):
    qs = _quotes(audit_text, '"We warned them," Mayor Ilse Varga said. "Nobody listened."\n')
    direct = [q for q in qs if q.kind == "direct"]
    assert direct and all(q.speaker is not None and q.speaker.text == "Mayor Ilse Varga" for q in direct)
    assert any("continuation" in q.flags for q in direct)


def test_quotes_no_continuation_within_one_sentence(audit_text):
    qs = _quotes(audit_text, '"We warned them," Mayor Ilse Varga said, "and nobody listened."\n')
    assert qs and not any("continuation" in q.flags for q in qs)


def test_quotes_participle_cue_carries_its_addressee(audit_text):
    qs = _quotes(audit_text, "The minister left the meeting early, telling reporters that the dam was safe.\n")
    q = next(q for q in qs if q.cue is not None and q.cue.text == "telling")
    assert q.addressee is not None and q.addressee.text == "reporters"


def test_quotes_appositive_role_after_a_name(audit_text):
    # the role-resolution path once raised a TypeError and the whole layer vanished
    d = audit_text("Ilse Varga, the harbour official, said the barrier would hold.\n")
    assert d.quotes and d.quotes[0].speaker is not None


def test_quotes_outlet_tagged_as_place_stays_a_source(audit_text):
    qs = audit_text("The Kestrava Gazette reported that the barrier had failed.\n").quotes
    assert not any("place_not_speaker" in q.flags for q in qs)


@pytest.mark.parametrize("text", [
    "Mayor: The barrier will hold\n\nThe mayor spoke at noon about the flood.\n",
    "Barrier row\n\nVarga: We were never warned\n\nThe mayor spoke at noon about the flood and the road.\n",
])
def test_quotes_colon_headline_is_no_quote(audit_text, text):
    qs = audit_text(text).quotes
    assert not any(q.cue is not None and q.cue.text == ":" for q in qs)


def test_quotes_colon_line_in_body_is_still_a_quote(audit_text):
    text = "Barrier row\n\nThe mayor spoke at noon about the flood and the road.\n\nVarga: We were never warned about the water.\n"
    qs = audit_text(text).quotes
    assert any(q.cue is not None and q.cue.text == ":" for q in qs)


@pytest.mark.parametrize("line", ["Read also: Mayor says barrier will hold", "SEE ALSO: Flood maps for Kestrava",
                                  "Related: Council votes to close road", "Read more - The barrier in pictures"])
def test_structure_teaser_lines_are_boilerplate(audit_text, line):
    d = audit_text(f"Barrier row\n\nThe mayor spoke at noon about the flood and the road.\n\n{line}\n\nThe council met later.\n")
    assert not any(line[:10] in p.text for p in d.structure.paragraphs)
    assert not any(line[:10] in q.text for q in d.quotes)


def test_structure_read_as_prose_is_body(audit_text):
    d = audit_text("Barrier row\n\nRead also the council's report, which says the barrier was sound.\n\nThe council met.\n")
    assert any(p.text.startswith("Read also the council") for p in d.structure.paragraphs)
