"""Entity rules from real-article review: furniture labels are no organisations; short first names flagged."""
from __future__ import annotations

import pytest

BODY = "Dan Okafor, a harbour official, said the deal was done. The council met on Monday."


@pytest.mark.parametrize("label", ["UPDATE", "WARNING", "BREAKING", "EXCLUSIVE", "CORRECTION"])
def test_entities_furniture_label_is_no_entity(audit_text, label):
    d = audit_text(f"Harbour deal\n\n{label}: The council has responded to the report.\n\n{BODY}\n")
    assert not any(e.canonical == label for e in d.entities)


@pytest.mark.parametrize("text,name", [
    ("Harbour deal\n\nThe deal was signed by NATO: the alliance said so.\n\nThe council met.\n", "NATO"),
    ("Harbour deal\n\nOfficials at UNICEF said the deal was done.\n\nThe council met.\n", "UNICEF"),
])
def test_entities_acronyms_stay_entities(audit_text, text, name):
    assert any(e.canonical == name for e in audit_text(text).entities)


def test_entities_short_first_name_flagged_as_variant(audit_text):
    d = audit_text(f"Harbour deal\n\n{BODY} Daniel Okafor later told reporters the pier would reopen.\n")
    probs = [p for p in d.problems if p.kind == "name_variant"]
    assert probs and "Dan Okafor" in probs[0].message and "Daniel Okafor" in probs[0].message
    by = {e.canonical: e for e in d.entities}
    assert "Daniel Okafor" in by["Dan Okafor"].variants


@pytest.mark.parametrize("other", ["Danielle Okafor", "Ada Okafor", "Daniel Varga"])
def test_entities_no_variant_for_different_people(audit_text, other):
    d = audit_text(f"Harbour deal\n\nDan Okafor, a harbour official, said the deal was done. {other} disagreed.\n")
    wanted = other == "Danielle Okafor"  # 'Dan' is also a short form of 'Danielle': flagged, never merged
    assert any(p.kind == "name_variant" for p in d.problems) is wanted


@pytest.mark.parametrize("text, name", [
    ("Fighters of the Islamic State attacked Orlen on Monday, the ministry said.", "Islamic State"),
    ("The vote was held in a House Administration Committee hearing on Monday.", "House Administration Committee"),
])
def test_entities_cut_names_grow_and_determiners_drop(audit_text, text, name):
    d = audit_text(text)
    names = [e.canonical for e in d.entities]
    assert name in names, names
    assert not any(n in ("Islamic", "a House Administration Committee") for n in names)
