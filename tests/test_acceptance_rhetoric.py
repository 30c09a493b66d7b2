"""Acceptance: the Rhetoric items of EXPECTED.md on the user's example article."""
from __future__ import annotations

import pytest

# (technique, text the finding must cover or overlap); alternatives accepted where a reader would agree
EXPECTED = [
    ("Name_Calling,Labeling", "the cult"),
    ("Name_Calling,Labeling", "cult leaders"),
    ("Name_Calling,Labeling", "cult of personality"),
    ("Name_Calling,Labeling", "MKO propaganda"),
    ("Loaded_Language", "mysterious killings"),
    ("Loaded_Language", "suspicious attack"),
    ("Loaded_Language", "massacre"),
    ("Loaded_Language", "indoctrinated"),
    ("Loaded_Language", "eye-opening assertions"),
    ("Loaded_Language", "liquidating"),
    ("Loaded_Language", "bloodshed"),
    ("Whataboutism,Straw_Men,Red_Herring", "How about other instances of crimes against humanity?"),
    ("Doubt", "seems very unclear"),
    ("Doubt", "allegedly"),
    ("Doubt", "If they really knew about such an attack, why didn’t they evacuate the Camp?"),
    ("Rhetorical_Question", "If they really knew about such an attack, why didn’t they evacuate the Camp?"),
    ("Appeal_to_Authority", "affirmed by Human Rights Watch, the US Department of State and the RAND institute"),
    ("Sarcastic_Exclamation", "to Camp Ashraf!"),
    ("Sarcastic_Exclamation", "heroes!"),
]
# items the layer is known to miss on this article; pinned so that a fix shows up.
# ("cult leaders", missed before the contextual span model, is found since round 2.)
KNOWN_MISSES: set[tuple[str, str]] = set()
FLOOR = len(EXPECTED) - len(KNOWN_MISSES)


def _covered(dossier, technique, piece):
    text = dossier.text
    starts = [i for i in range(len(text)) if text.startswith(piece, i)]
    assert starts, f"expected text not in the article: {piece!r}"
    for s in starts:
        e = s + len(piece)
        for r in dossier.rhetoric:
            if r.technique == technique and r.start < e and s < r.end:
                overlap = min(e, r.end) - max(s, r.start)
                if overlap >= 0.5 * min(len(piece), r.end - r.start):
                    return True
    return False


@pytest.mark.parametrize("technique,piece", [x for x in EXPECTED if x not in KNOWN_MISSES])
def test_acceptance_rhetoric_item(seed_dossier, technique, piece):
    assert _covered(seed_dossier, technique, piece)


def test_acceptance_rhetoric_floor(seed_dossier):
    hits = sum(_covered(seed_dossier, t, p) for t, p in EXPECTED)
    assert hits >= FLOOR


def test_acceptance_rhetoric_offsets_and_reasons(seed_dossier):
    for r in seed_dossier.rhetoric:
        assert seed_dossier.text[r.start:r.end] == r.text
        assert 0.0 <= r.score <= 1.0
        assert r.reason.strip()


def test_acceptance_rhetoric_headline_question_not_rhetorical(seed_dossier):
    q = "What happened to the seven allegedly missing residents?"
    assert not any(r.technique == "Rhetorical_Question" and r.text == q for r in seed_dossier.rhetoric)


def test_acceptance_rhetoric_report_sections(seed_dossier):
    from newsaudit.report.sections import rhetoric as section
    from newsaudit.report.terminal import render_terminal_text

    md = section.render_markdown(seed_dossier)
    assert md.startswith("## Rhetoric") and "Whataboutism" in md
    assert "Rhetoric" in render_terminal_text(seed_dossier)
