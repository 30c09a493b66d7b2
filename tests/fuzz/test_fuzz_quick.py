"""The quick fuzz profile (CI): a few hundred small mutated inputs through ``audit()``, bounded in time.

The long profile is ``python -m tests.fuzz --cases 10000``.  ``NEWSAUDIT_FUZZ_EXAMPLES`` changes how many
hypothesis examples the quick profile draws (default 100).
"""
from __future__ import annotations

import os
import random

import pytest
from hypothesis import HealthCheck, given, settings

from .check import Outcome, run_case, walk_spans
from .mutate import FORMS, TEXT_MUTATORS, make_case
from .seeds import seed_texts
from .strategies import cases

EXAMPLES = int(os.environ.get("NEWSAUDIT_FUZZ_EXAMPLES", "100"))
CASE_SECONDS = 20  # small inputs (<= 12 kB): far under the 30 s hang limit


def _judge(o: Outcome, describe: str) -> None:
    assert o.status in ("ok", "typed"), f"{describe}: {o.status} {o.detail} {o.mismatches[:3]}"


@pytest.fixture(scope="module", autouse=True)
def _model(nlp):
    return nlp


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=cases(big=False))
def test_fuzz_quick_audit_survives_mutated_input(case):
    _judge(run_case(case.source, timeout=CASE_SECONDS), case.describe())


@pytest.mark.parametrize("k,op", list(enumerate(sorted(TEXT_MUTATORS))))
def test_fuzz_quick_each_mutator(k, op):
    """Every mutator at least once, in rotating input forms (hypothesis may not draw them all)."""
    case = make_case(k, seed_texts(), random.Random(op), big=False, ops=[op], form=FORMS[k % len(FORMS)])
    _judge(run_case(case.source, timeout=CASE_SECONDS), case.describe())


@pytest.mark.parametrize("form", FORMS)
def test_fuzz_quick_each_form(form):
    """Every input form at least once, each with two mutators."""
    case = make_case(0, seed_texts(), random.Random(form), big=False, form=form,
                     ops=random.Random(form).sample(sorted(TEXT_MUTATORS), 2))
    _judge(run_case(case.source, timeout=CASE_SECONDS), case.describe())


@pytest.mark.parametrize("op", sorted(TEXT_MUTATORS))
def test_fuzz_mutators_change_or_keep_text_as_str(op):
    text = seed_texts()[0]
    out = TEXT_MUTATORS[op](text, random.Random(3), False)
    assert isinstance(out, str)


def test_fuzz_walk_spans_flags_bad_offsets(audit_text):
    d = audit_text("The mayor of Velmora said 12 people were hurt on Monday, March 4, 2024.")
    assert walk_spans(d) == []
    spans = [*d.mentions, *d.times, *d.quantities]
    assert spans, "the check needs at least one finding to corrupt"
    spans[0].start += 1
    assert walk_spans(d), "a shifted span must be reported"


@pytest.mark.parametrize("source,status", [
    ("", "typed"),
    (b"\x00\x01\x02\x03" * 100, "typed"),
    ("A short report: 3 people were hurt in Velmora on Monday.", "ok"),
])
def test_fuzz_run_case_classifies(source, status):
    assert run_case(source, timeout=CASE_SECONDS).status == status


def test_fuzz_run_case_reports_hang(monkeypatch):
    import newsaudit

    def spin(*a, **k):
        while True:
            pass

    monkeypatch.setattr(newsaudit, "audit", spin)
    assert run_case("text", timeout=1).status == "hang"
