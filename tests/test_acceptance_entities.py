"""Acceptance: the entities section of EXPECTED.md on the user's example article."""
from __future__ import annotations

import pytest

from newsaudit.analyze.entities.mentions import entity_at, entity_by_id

PEOPLE = ["Maryam Rajavi", "Massoud Rajavi", "Martin Kobler", "Gyorgy Basztin", "Mohammad Mohaddesin",
          "Mohammad Shiyaa al–Sudani", "Georges Bakoos", "Massoud Khodabande", "Adam Schreck", "Louis Charbonneau",
          "Mazda Parsi"]
ORGS = ["MKO", "PMOI", "MEK", "United Nations", "UNHCR", "Security Council", "Human Rights Watch", "US Department of State",
        "RAND", "Tasnim News Agency", "Associated Press", "Reuters", "Terrorism Research Centre"]
PLACES = ["Camp Ashraf", "Camp Liberty", "Camp Hurriyah", "Iraq", "Baghdad"]


def by_name(d):
    out = {}
    for e in d.entities:
        for n in [e.canonical, *e.aliases]:
            out.setdefault(n, e)
    return out


@pytest.mark.parametrize("name", PEOPLE)
def test_acceptance_entities_people(seed_dossier, name):
    e = by_name(seed_dossier).get(name)
    assert e is not None, name
    assert e.type == "PERSON"


@pytest.mark.parametrize("name", ORGS)
def test_acceptance_entities_organisations(seed_dossier, name):
    e = by_name(seed_dossier).get(name)
    assert e is not None and e.type == "ORG", (name, e)


@pytest.mark.parametrize("name", PLACES)
def test_acceptance_entities_places(seed_dossier, name):
    e = by_name(seed_dossier).get(name)
    assert e is not None and e.type in ("GPE", "LOC", "FAC"), (name, e)


def test_acceptance_entities_aliases(seed_dossier):
    names = by_name(seed_dossier)
    assert names["AP"] is names["Associated Press"]
    assert names["UN"] is names["United Nations"]
    assert names["Kobler"] is names["Martin Kobler"]
    assert names["Tasnim"] is names["Tasnim News Agency"]


@pytest.mark.parametrize("pair", [("Basztin", "Busztin"), ("Khodabande", "Khodabandeh")])
def test_acceptance_entities_spelling_variants(seed_dossier, pair):
    probs = [p for p in seed_dossier.problems if p.kind == "spelling_variant" and set(p.details["spellings"]) == set(pair)]
    assert len(probs) == 1, [p.details for p in seed_dossier.problems if p.kind == "spelling_variant"]
    p = probs[0]
    assert p.details["majority"] in pair
    for spelling, spans in p.details["spellings"].items():
        assert spans and all(seed_dossier.text[s["start"]:s["end"]] == spelling for s in spans)


def test_acceptance_entities_rajavi_resolved_or_ambiguous(seed_dossier):
    d = seed_dossier
    names = by_name(d)
    maryam, massoud = names["Maryam Rajavi"], names["Massoud Rajavi"]
    assert maryam is not massoud and maryam.ambiguous and massoud.ambiguous
    bare = [m for m in d.mentions if m.text.startswith("Rajavi")]
    assert bare
    for m in bare:
        if m.entity is None:
            assert set(m.candidates) == {maryam.id, massoud.id}
            assert any(p.kind == "ambiguous_mention" and p.start == m.start for p in d.problems)
        else:
            assert m.entity in (maryam.id, massoud.id)


@pytest.mark.parametrize("name,role", [
    ("Martin Kobler", "former UN envoy in Iraq"),
    ("Mohammad Mohaddesin", "MKO’s spokesman"),
    ("Maryam Rajavi", "leader of the cult"),
    ("Gyorgy Basztin", "UN new envoy in Iraq"),
    ("Massoud Khodabande", "former MKO member"),
    ("Mohammad Shiyaa al–Sudani", "Iraqi Human Rights Minister"),
])
def test_acceptance_entities_roles(seed_dossier, name, role):
    e = by_name(seed_dossier)[name]
    assert role in [r.text for r in e.roles]


def test_acceptance_entities_offsets_and_ids(seed_dossier):
    d = seed_dossier
    ids = [e.id for e in d.entities]
    assert ids == [f"E{i + 1}" for i in range(len(ids))]
    for e in d.entities:
        for s in [*e.mentions, *e.roles]:
            assert d.text[s.start:s.end] == s.text
    for m in d.mentions:
        assert d.text[m.start:m.end] == m.text
        assert (m.entity in ids) or (m.entity is None and len(m.candidates) >= 2)
        if m.entity:
            assert entity_at(d.mentions, m.start, m.end) == m.entity
            assert entity_by_id(d.entities, m.entity).type == m.type


def test_acceptance_entities_report_sections(seed_dossier):
    from newsaudit.report.sections import entities as section

    md = section.render_markdown(seed_dossier)
    assert "## Entities" in md and "Martin Kobler" in md and "spelling_variant" in md
    from newsaudit.report.terminal import render_terminal_text

    assert "Entities" in render_terminal_text(seed_dossier)
