"""Check-worthiness scorer: does a sentence assert a fact someone could check?

A small model (TF-IDF word 1-2-grams + the hand features below → logistic
regression) trained with scikit-learn by ``scripts/train_checkworthy.py`` on
part of CLEF CheckThat! 2020 Task 5 (see ``model/MODEL_CARD.md``), shipped as
plain data (``checkworthy.json.gz``: per-term idf and weight) and scored here in
pure Python — no scikit-learn import at audit time.  Loaded lazily, once per process.

``score_texts(texts)`` returns the model's probabilities; ``hand_features(text)``
is shared by training and scoring; ``split_of(i)`` is the fixed block split of
the training file (train / dev / test) that training and evaluation both use.
"""
from __future__ import annotations

import logging
import math
import re
import threading
from pathlib import Path
from typing import Any, Iterable, Sequence

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parent / "model" / "checkworthy.json.gz"
BLOCK = 1000  # lines per block of the split
SPLITS = {"train": (0, 1, 2), "dev": (3,), "test": (4,)}  # block index mod 5

_lock = threading.Lock()
_model: dict[str, Any] | None = None

_NUM = re.compile(r"\b\d[\d,.]*\b")
_NUMWORD = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                      r"sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|"
                      r"billions|trillion|dozen|dozens|half|double|triple|twice)\b", re.I)
_PCT_MONEY = re.compile(r"%|\bper ?cent\b|[$€£]\s?\d|\b(?:dollars?|euros?|pounds)\b", re.I)
_CAP = re.compile(r"(?<=\s)[A-Z][a-zA-Z'\u2019.-]+")
_REPORT = re.compile(r"\b(?:said|says|say|told|tells|reported|reports|according|announced|stated|claimed|claims|"
                     r"confirmed|denied|denies|accused|warned|added)\b", re.I)
_FIRST = re.compile(r"\b(?:I|I'm|I've|I'll|me|my|mine|we|we're|we've|we'll|us|our|ours)\b")
_SECOND = re.compile(r"\b(?:you|your|yours|you're|you've)\b", re.I)
_MODAL = re.compile(r"\b(?:should|must|would|could|might|may|can|will|shall|ought|need to|have to|going to|gonna)\b", re.I)
_OPINION = re.compile(r"\b(?:think|believe|feel|hope|wish|want|like|love|hate|great|terrible|wonderful|horrible|"
                      r"best|worst|good|bad|beautiful|amazing|disgrace|ridiculous|proud|sad|happy|thank|thanks|"
                      r"welcome|hello|frankly|honestly|obviously|clearly)\b", re.I)
_COMPARE = re.compile(r"\b(?:more|less|fewer|most|least|than|increase[sd]?|decrease[sd]?|rose|fell|doubled|tripled|"
                      r"higher|lower|largest|biggest|highest|lowest|record|percent|rate|average)\b", re.I)
_PAST = re.compile(r"\b(?:was|were|had|did|has been|have been|\w{3,}ed)\b", re.I)
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_WORD = re.compile(r"\w+")

FEATURE_NAMES = ("number", "number_word", "pct_money", "year", "caps", "reporting", "first_person", "second_person",
                 "modal", "opinion", "compare", "past", "question", "exclamation", "length", "short")


def hand_features(text: str) -> list[float]:
    """The hand-made features of one sentence (see ``FEATURE_NAMES``)."""
    n_words = len(_WORD.findall(text))
    return [
        float(bool(_NUM.search(text))),
        float(bool(_NUMWORD.search(text))),
        float(bool(_PCT_MONEY.search(text))),
        float(bool(_YEAR.search(text))),
        min(len(_CAP.findall(" " + text)), 5) / 5.0,
        float(bool(_REPORT.search(text))),
        float(bool(_FIRST.search(text))),
        float(bool(_SECOND.search(text))),
        float(bool(_MODAL.search(text))),
        float(bool(_OPINION.search(text))),
        min(len(_COMPARE.findall(text)), 3) / 3.0,
        min(len(_PAST.findall(text)), 3) / 3.0,
        float(text.rstrip().endswith("?")),
        float("!" in text),
        min(math.log1p(n_words) / math.log(60), 1.0),
        float(n_words < 6),
    ]


def split_of(index: int) -> str:
    """Which part of the fixed split the ``index``-th data line (0-based, header excluded) belongs to."""
    b = (index // BLOCK) % 5
    for name, blocks in SPLITS.items():
        if b in blocks:
            return name
    raise AssertionError(b)  # pragma: no cover


def read_tsv(path: Path) -> list[tuple[str, int]]:
    """Rows (text, label) of a CheckThat!-style ``text<TAB>label`` file with a header line."""
    import csv

    from ...errors import DataNotFoundError

    if not Path(path).is_file():
        raise DataNotFoundError(f"no such file: {path}", hint="pass a TSV of text<TAB>label, e.g. ../shared/benchmarks/checkworthy/clef2020-task5/train.tsv")
    rows: list[tuple[str, int]] = []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quotechar='"')
        header = next(reader, None)
        if not header or len(header) < 2 or header[-1].strip().lower() not in ("label", "check_worthiness", "claim_worthiness"):
            raise DataNotFoundError(f"{path} is not a text<TAB>label file (header {header!r})")
        for row in reader:
            if len(row) < 2:
                continue
            try:
                rows.append((row[0], int(row[-1])))
            except ValueError:
                continue
    if not rows:
        raise DataNotFoundError(f"{path} holds no labelled rows")
    return rows


def build_matrix(bundle: dict[str, Any], texts: Sequence[str]):
    """Training-time feature matrix (scikit-learn vectorizer in ``bundle["word"]`` + hand features)."""
    from scipy.sparse import csr_matrix, hstack

    hand = csr_matrix([hand_features(t) for t in texts]) * bundle.get("hand_weight", 1.0)
    return hstack([bundle["word"].transform(texts), hand]).tocsr()


def export(bundle: dict[str, Any]) -> dict[str, Any]:
    """The fitted model as plain data (no scikit-learn needed to score): term → (idf, weight), hand weights, bias."""
    word, clf = bundle["word"], bundle["clf"]
    coef = clf.coef_[0]
    n_word = len(word.vocabulary_)
    terms = {t: [float(f"{word.idf_[i]:.6g}"), float(f"{coef[i]:.6g}")] for t, i in word.vocabulary_.items() if coef[i] != 0.0}
    return {
        "format": FORMAT, "token_pattern": word.token_pattern, "ngram_range": list(word.ngram_range),
        "lowercase": bool(word.lowercase), "sublinear_tf": bool(word.sublinear_tf), "terms": terms,
        "hand_features": list(FEATURE_NAMES), "hand_weight": float(bundle.get("hand_weight", 1.0)),
        "hand_coef": [float(f"{c:.6g}") for c in coef[n_word:]], "intercept": float(clf.intercept_[0]),
        **{k: v for k, v in bundle.items() if k not in ("word", "clf", "features")},
    }


FORMAT = "newsaudit-checkworthy-1"


def load_model(path: Path | None = None) -> dict[str, Any] | None:
    """The shipped model (cached), or None when the file is missing or unreadable."""
    global _model
    if path is not None:
        return _read(path)
    if _model is not None:
        return _model
    with _lock:
        if _model is None:
            _model = _read(MODEL_PATH)
    return _model


def _read(path: Path) -> dict[str, Any] | None:
    import gzip
    import json

    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            model = json.load(fh)
        if model.get("format") != FORMAT or len(model.get("hand_coef", ())) != len(FEATURE_NAMES):
            raise ValueError(f"not a {FORMAT} model")
        model["_re"] = re.compile(model["token_pattern"])
        return model
    except FileNotFoundError:
        log.warning("check-worthiness model %s is missing; using rules only", path)
    except Exception:  # a truncated or foreign file
        log.exception("check-worthiness model %s could not be loaded; using rules only", path)
    return None


def _score_one(model: dict[str, Any], text: str) -> float:
    terms = model["terms"]
    toks = model["_re"].findall(text.lower() if model["lowercase"] else text)
    lo, hi = model["ngram_range"]
    counts: dict[str, int] = {}
    for n in range(lo, hi + 1):
        for i in range(len(toks) - n + 1):
            g = toks[i] if n == 1 else " ".join(toks[i:i + n])
            if g in terms:
                counts[g] = counts.get(g, 0) + 1
    z = model["intercept"]
    if counts:
        ws = {g: ((1.0 + math.log(c)) if model["sublinear_tf"] else c) * terms[g][0] for g, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in ws.values())) or 1.0
        z += sum(w / norm * terms[g][1] for g, w in ws.items())
    hw = model["hand_weight"]
    z += sum(f * hw * c for f, c in zip(hand_features(text), model["hand_coef"]))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def score_texts(texts: Iterable[str], bundle: dict[str, Any] | None = None) -> list[float] | None:
    """Model probability that each text is check-worthy; None when no model is available."""
    texts = list(texts)
    model = bundle or load_model()
    if model is None:
        return None
    return [_score_one(model, t) for t in texts]
