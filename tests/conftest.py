"""Shared fixtures.  The spaCy pipeline is loaded once per test session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("NEWSAUDIT_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seeds" / "000_feb292ecab5413f3.txt"
BENCH = SHARED / "benchmarks"


def require(path: Path) -> Path:
    """Return ``path``; when it is missing, fail under CI=true and skip elsewhere."""
    if not path.exists():
        msg = f"data missing: {path}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg + " (CI=true: benchmark and seed data must be present)")
        pytest.skip(msg)
    return path


@pytest.fixture(scope="session")
def nlp():
    from newsaudit.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def seed_dossier():
    """The user's example article, audited once per session (strict: a crashing layer fails)."""
    import newsaudit
    from newsaudit.settings import AuditOptions

    path = require(SEED)
    return newsaudit.audit(path, options=AuditOptions(strict_layers=True))


@pytest.fixture(scope="session")
def audit_text():
    """audit_text(text, **options) -> Dossier, with crashing layers raising."""
    import newsaudit
    from newsaudit.settings import AuditOptions

    def run(text, **kw):
        kw.setdefault("strict_layers", True)
        return newsaudit.audit(text, options=AuditOptions(**kw))

    return run
