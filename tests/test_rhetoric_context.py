"""The contextual span model (over the parse's tok2vec ``doc.tensor``) and its lexical fallback."""
from __future__ import annotations

import numpy as np
import pytest
from spacy.tokens import Doc

from newsaudit.analyze.rhetoric import span_model as pm
from newsaudit.analyze.rhetoric import findings as rhetoric
from newsaudit.analyze.base import Article, freeze

pytestmark = pytest.mark.skipif(not (pm.model_available() and pm.ctx_available()), reason="rhetoric models not built")

TEXT = ("The corrupt regime and its puppets must be stopped before they destroy our great nation forever.\n\n  "
        "These traitors have betrayed every patriot, and the so-called experts lie again and again!")


def _analyse(text, doc):
    art = Article(text=text, body_ranges=((0, len(text)),))
    return rhetoric.analyse(art, doc, freeze({}))


def test_rhetoric_context_used_when_tensor_fits(nlp):
    doc = nlp(TEXT)
    assert pm.tensor_usable(doc)
    probs, (th, gap, seed), path = pm.span_probs(doc)
    assert path == "context"
    assert len(probs) == len(doc) and all(0.0 <= p <= 1.0 for p in probs)
    assert 0.0 < th < 1.0 and gap >= 0
    # whitespace tokens (the blanked non-body text becomes such tokens) never score
    assert any(t.is_space for t in doc)
    assert all(probs[t.i] == 0.0 for t in doc if t.is_space)


def test_rhetoric_context_features_shape(nlp):
    doc = nlp(TEXT)
    lex = pm.token_scores(doc)
    ns, X = pm.context_features(doc, lex)
    assert list(ns) == [t.i for t in doc if not t.is_space]
    assert X.shape == (len(ns), 4 * doc.tensor.shape[1] + 1)
    assert np.isfinite(X).all()


@pytest.mark.parametrize("tensor", [
    np.zeros((0, 0), dtype=np.float32),  # a pipeline without tok2vec output
    "wrong_rows",  # one row short
    "wrong_width",  # a tok2vec of another width
])
def test_rhetoric_context_falls_back_to_lexical(nlp, tensor):
    doc = nlp(TEXT)
    n, dim = doc.tensor.shape
    if isinstance(tensor, str):
        tensor = np.ones((n - 1, dim) if tensor == "wrong_rows" else (n, dim + 4), dtype=np.float32)
    doc.tensor = tensor
    assert not pm.tensor_usable(doc)
    probs, params, path = pm.span_probs(doc)
    assert path == "lexical"
    assert probs == pm.token_scores(doc)
    assert params == (pm.si_threshold(), pm.si_max_gap(), pm.si_seed())
    out = _analyse(TEXT, doc)["rhetoric"]
    assert all(TEXT[r.start:r.end] == r.text for r in out)


def test_rhetoric_context_hand_built_doc_without_parse(nlp):
    words = ["These", "traitors", "lie", "again", "!"]
    doc = Doc(nlp.vocab, words=words, spaces=[True, True, True, False, False],
              sent_starts=[True, False, False, False, False])
    assert not pm.tensor_usable(doc)
    out = _analyse(doc.text, doc)
    assert set(out) == {"rhetoric", "problems"}
    assert all(doc.text[r.start:r.end] == r.text for r in out["rhetoric"])


def test_rhetoric_context_doc_without_sentences_does_not_raise(nlp):
    doc = Doc(nlp.vocab, words=["These", "traitors", "lie", "!"], spaces=[True, True, False, False])
    assert _analyse(doc.text, doc) == {"rhetoric": [], "problems": []}


def test_rhetoric_context_changes_scores(nlp):
    doc = nlp(TEXT)
    lex = pm.token_scores(doc)
    ctx, _, _ = pm.span_probs(doc)
    assert any(abs(a - b) > 1e-6 for a, b in zip(lex, ctx) if a > 0)
