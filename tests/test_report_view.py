"""The default view: findings below their layer's display threshold are held back, counted, and shown with --all."""
from __future__ import annotations

import pytest

from newsaudit.report import render, view

TEXT = ('KESTRAVA (Reuters) - At least 40 residents were killed on Monday, the ministry said. '
        '"We warned them," said Mara Velt, a spokeswoman for the Kestrava Relief Council. '
        'Three soldiers died in Orlen on Tuesday, the army said.\n')


@pytest.fixture(scope="module")
def dossier(nlp):
    from newsaudit import audit

    return audit(TEXT, published="2026-03-04")


def _with_confidence(d, value):
    d = d.model_copy(deep=True)
    for items in (d.quotes, d.entities, d.times, d.quantities, d.claims, d.rhetoric, d.problems):
        for x in items:
            x.__dict__["confidence"] = value  # works before and after the schema carries the field
    return d


def test_view_without_confidence_holds_nothing_back(dossier):
    shown, counts = view.default_view(dossier)
    assert counts == {}
    assert shown is dossier


def test_view_holds_back_low_confidence_and_renumbers(dossier, monkeypatch):
    monkeypatch.setitem(view.THRESHOLDS, "times", 0.5)
    d = _with_confidence(dossier, None)
    assert d.times, "the fixture must have time expressions"
    d.times[0].__dict__["confidence"] = 0.2
    shown, counts = view.default_view(d)
    assert counts == {"times": 1}
    assert len(shown.times) == len(d.times) - 1
    assert all(0 <= item.time < len(shown.times) for item in shown.timeline)
    for item in shown.timeline:
        assert shown.times[item.time].start == item.sentence_start or shown.times[item.time].text in shown.text
    assert len(d.times) == len(dossier.times), "the dossier itself is not changed"
    assert any(w.code == "held_back" for w in shown.meta.warnings)


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_view_reports_say_how_many_were_held_back(dossier, monkeypatch, fmt):
    for layer in view.THRESHOLDS:
        monkeypatch.setitem(view.THRESHOLDS, layer, 0.5)
    d = _with_confidence(dossier, 0.1)
    out = render(d, fmt)
    assert "Held back as below their confidence threshold" in out
    full = render(d, fmt, show_all=True)
    assert "Held back as below their confidence threshold" not in full
    assert full.count("Velt") >= out.count("Velt")


def test_view_json_keeps_everything(dossier, monkeypatch):
    monkeypatch.setitem(view.THRESHOLDS, "quotes", 0.9)
    d = _with_confidence(dossier, 0.1)
    assert render(d, "json") == d.model_dump_json(indent=2)


def test_view_claims_summary_counts_what_is_shown(dossier, monkeypatch):
    monkeypatch.setitem(view.THRESHOLDS, "claims", 0.5)
    d = _with_confidence(dossier, None)
    cw = [c for c in d.claims if c.checkworthy]
    if not cw:
        pytest.skip("no check-worthy claim in the fixture")
    cw[0].__dict__["confidence"] = 0.1
    shown, counts = view.default_view(d)
    assert counts.get("claims") == 1
    assert shown.sourcing.checkworthy == d.sourcing.checkworthy - 1
    assert all(0 <= i < len(shown.claims) and shown.claims[i].sourcing == "unsourced" for i in shown.sourcing.unsourced)


def test_view_cli_all_flag(tmp_path):
    from click.testing import CliRunner

    from newsaudit.cli import cli

    p = tmp_path / "a.txt"
    p.write_text(TEXT)
    res = CliRunner().invoke(cli, ["audit", str(p), "--all", "-f", "markdown"])
    assert res.exit_code == 0, res.output
    assert "Mara Velt" in res.output
