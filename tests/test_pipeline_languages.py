"""English-only layers do not run on another language; the dossier and the reports say so."""
from __future__ import annotations

import pytest

import newsaudit

GERMAN = ("Stadtrat schließt Straße\n\nDer Stadtrat hat am Montag beschlossen, die Hauptstraße zu schließen. "
          "Bürgermeisterin Ilse Varga sagte, viele Menschen hätten unterschrieben. „Wir haben keine Wahl“, sagte sie.\n")
FRENCH = ("Le conseil ferme la route\n\nLe conseil municipal a décidé lundi de fermer la route principale. "
          "La maire a déclaré que des milliers de personnes avaient signé la pétition contre le projet.\n")
ENGLISH = "Road closed\n\nThe council met on Monday and closed the road, the mayor said.\n"


@pytest.mark.parametrize("text,lang", [(GERMAN, "de"), (FRENCH, "fr")])
def test_pipeline_other_language_runs_only_language_free_layers(text, lang):
    d = newsaudit.audit(text)
    assert d.meta.language == lang
    assert d.meta.layers_run == ["structure", "citations"]
    assert not d.quotes and not d.entities and not d.times and not d.claims and not d.rhetoric
    skipped = [w for w in d.meta.warnings if w.code == "layers_skipped"]
    assert skipped and "quotes" in skipped[0].message
    from newsaudit.report import render

    top = render(d, "terminal")[:1500]
    assert "layers_skipped" in top and lang in top


def test_pipeline_english_runs_every_layer():
    d = newsaudit.audit(ENGLISH)
    assert d.meta.language == "en" and "quotes" in d.meta.layers_run and "rhetoric" in d.meta.layers_run
    assert not any(w.code == "layers_skipped" for w in d.meta.warnings)


def test_pipeline_unknown_language_runs_every_layer():
    d = newsaudit.audit("Road closed\n\nOK.\n")
    assert d.meta.language is None and "quotes" in d.meta.layers_run
