"""Acceptance: the "Claims and sourcing" items of EXPECTED.md on the user's example article.

These rest on the citations and quotes layers as well as the claims layer.
"""
from __future__ import annotations

import pytest


def _claims_with(d, fragment):
    return [c for c in d.claims if fragment in c.text]


def test_acceptance_claims_offsets(seed_dossier):
    d = seed_dossier
    assert d.claims
    for c in d.claims:
        assert c.text == d.text[c.start:c.end]
        for h in c.hedges:
            assert h.text == d.text[h.start:h.end]


@pytest.mark.parametrize("number", [1, 2, 3, 4, 5, 8, 9])
def test_acceptance_claims_cited(seed_dossier, number):
    hits = [c for c in seed_dossier.claims if number in c.citations]
    assert hits, f"no claim carries [{number}]"
    assert all(c.sourcing == "cited" for c in hits), [(c.text[:50], c.sourcing) for c in hits]


@pytest.mark.parametrize("number", [6, 7, 10])
def test_acceptance_claims_cited_broken(seed_dossier, number):
    hits = [c for c in seed_dossier.claims if number in c.citations]
    assert hits, f"no claim carries [{number}]"
    assert all(c.sourcing == "cited_broken" for c in hits), [(c.text[:50], c.sourcing) for c in hits]
    assert all(c.holder.kind == "speaker" for c in hits)


@pytest.mark.parametrize("fragment", [
    "The only films and photos of the incident were released by the MKO.",
    "There are no films or photos of how these people were killed.",
    "the attack on Camp Ashraf had been predicted by the group\u2019s propaganda websites",
    "his allegations were previously affirmed by Human Rights Watch, the US Department of State and the RAND institute",
])
def test_acceptance_claims_unsourced_assertions(seed_dossier, fragment):
    (c,) = _claims_with(seed_dossier, fragment)
    assert c.checkworthy
    assert c.sourcing == "unsourced"
    assert c.holder.kind == "author" and c.holder.name == "Mazda Parsi"
    assert seed_dossier.claims.index(c) in seed_dossier.sourcing.unsourced


@pytest.mark.parametrize("hedge", ["seems very unclear", "allegedly missing"])
def test_acceptance_claims_hedged(seed_dossier, hedge):
    hits = [c for c in seed_dossier.claims if any(h.text == hedge for h in c.hedges)]
    assert hits
    assert all(c.certainty == "low" for c in hits)


@pytest.mark.parametrize("fragment", [
    "How about other instances of crimes against humanity?",
    "why didn\u2019t they evacuate the Camp?",
    "What happened to the seven allegedly missing residents?",
])
def test_acceptance_claims_questions_not_checkworthy(seed_dossier, fragment):
    (c,) = _claims_with(seed_dossier, fragment)
    assert not c.checkworthy


def test_acceptance_claims_summary(seed_dossier):
    s = seed_dossier.sourcing
    assert s.checkworthy == sum(1 for c in seed_dossier.claims if c.checkworthy)
    assert sum(s.counts.values()) == s.checkworthy
    assert all(s.counts[k] > 0 for k in ("cited", "cited_broken", "attributed", "unsourced"))


def test_acceptance_claims_summary_in_reports(seed_dossier):
    from newsaudit.report import render

    md = render(seed_dossier, "markdown")
    assert "## Claims and sourcing" in md and "Unsourced assertions" in md
    assert "The only films and photos of the incident were released by the MKO." in md
    term = render(seed_dossier, "terminal")
    assert "Claims and sourcing" in term and "Unsourced assertions" in term
