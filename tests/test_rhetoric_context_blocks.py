"""The contextual span model scored in row blocks gives exactly the numbers of the whole matrix (issue 14)."""
from __future__ import annotations

import pytest

np = pytest.importorskip("numpy")

TEXT = ("The council of Velmora voted on Monday. \u201cThis is a disgrace!\u201d shouted Maren Olsk, who leads the "
        "opposition. Officials said 40 families had been evacuated.\n\nNobody in Ostrand believes the mayor any more. "
        "Why would they? The report, published in March, says the dam was never inspected. " * 6)


def _reference(doc, lex):
    """The former computation: the whole matrix, sentence means by a scan of every row per sentence."""
    from newsaudit.analyze.rhetoric import span_model as pm

    tensor = np.asarray(doc.tensor, dtype=np.float32)
    ns = np.array([t.i for t in doc if not t.is_space], dtype=np.int64)
    tn = tensor[ns]
    zero = np.zeros_like(tn[:1])
    prev, nxt = np.vstack([zero, tn[:-1]]), np.vstack([tn[1:], zero])
    sid = np.zeros(len(doc), dtype=np.int64)
    for k, sent in enumerate(doc.sents):
        sid[sent.start:sent.end] = k
    sidn = sid[ns]
    smean = np.zeros_like(tn)
    for k in np.unique(sidn):
        m = sidn == k
        smean[m] = tn[m].mean(0)
    lp = np.clip(np.asarray(lex, dtype=np.float64)[ns], 1e-4, 1 - 1e-4)
    logit = np.log(lp / (1 - lp))[:, None].astype(np.float32)
    X = np.hstack([tn, prev, nxt, smean, logit])
    model = pm._load(pm.CTX_FILE)
    z = ((X - np.asarray(model["mean"], dtype=np.float32)) / np.asarray(model["scale"], dtype=np.float32)) \
        @ np.asarray(model["coef"], dtype=np.float32) + float(model["bias"])
    pc = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    out = np.asarray(lex, dtype=np.float64).copy()
    out[ns] = float(model["blend"]) * out[ns] + (1 - float(model["blend"])) * pc
    return X, out.tolist()


@pytest.fixture(scope="module")
def parsed(nlp):
    from newsaudit.analyze.rhetoric import span_model as pm

    doc = nlp(TEXT)
    if not pm.tensor_usable(doc):
        pytest.skip("the pipeline's tensor does not fit the contextual model")
    return doc, pm.token_scores(doc)


@pytest.mark.parametrize("rows", [1, 7, 64, 4096])
def test_rhetoric_context_blocks_equal_whole_matrix(parsed, rows):
    from newsaudit.analyze.rhetoric import context_features as cf

    doc, lex = parsed
    X, _ = _reference(doc, lex)
    blocks = list(cf.context_blocks(doc, lex, rows=rows))
    assert len(blocks) == -(-X.shape[0] // rows)
    assert np.array_equal(np.vstack([b for _, b in blocks]), X)
    assert np.array_equal(cf.context_features(doc, lex)[1], X)


def test_rhetoric_ctx_probs_unchanged_by_blocks(parsed):
    from newsaudit.analyze.rhetoric import span_model as pm

    doc, lex = parsed
    assert pm.ctx_probs(doc, lex) == _reference(doc, lex)[1]


def test_rhetoric_context_blocks_detect_a_changed_row(parsed):
    """The comparison above can fail: one altered tensor value changes the rows."""
    from newsaudit.analyze.rhetoric import context_features as cf

    doc, lex = parsed
    X, _ = _reference(doc, lex)
    saved = doc.tensor.copy()
    try:
        doc.tensor[1, 0] += 1.0
        assert not np.array_equal(np.vstack([b for _, b in cf.context_blocks(doc, lex, rows=5)]), X)
    finally:
        doc.tensor = saved
