"""Claims: an attribution gives a claim its holder only when the reported content is a proposition."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("sentence,sourcing", [
    ("The collapse of the Eastbrook bridge had been predicted by local engineering blogs in 2019.", "unsourced"),
    ("Local engineers said that the Eastbrook bridge had been closed twice in 2019.", "attributed"),
])
def test_claims_holder_needs_a_reported_clause(audit_text, sentence, sourcing):
    d = audit_text(f"Bridge report\n\n{sentence}\n", published="2021-05-01")
    claims = [c for c in d.claims if "2019" in c.text]
    assert len(claims) == 1
    assert claims[0].sourcing == sourcing
