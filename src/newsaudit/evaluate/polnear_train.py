"""Mine the reporting-cue lexicon shipped as ``models/quotes_cues.json`` from PolNeAr *train*.

    python -m newsaudit.evaluate.polnear_train TRAIN_DIR [OUT]

For every lemma, counts how often a token with that lemma heads a gold Cue
span versus how often it occurs at all (as VERB/NOUN/ADJ/ADP) in the train
texts; keeps lemmas seen as a cue at least ``MIN_COUNT`` times, with their
cue rate.  Only train is read: dev stays held out for measurement.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from .polnear_data import load_dir

MIN_COUNT = 3
POS = {"VERB", "NOUN", "ADJ", "ADP", "AUX"}


def mine(train_dir: str | Path, limit: int | None = None) -> dict:
    from ..nlp import get_nlp

    nlp = get_nlp()
    docs = load_dir(train_dir, limit=limit)
    seen_text: dict[str, object] = {}
    cue_n: Counter = Counter()
    all_n: Counter = Counter()
    counted_texts: set[str] = set()
    with nlp.select_pipes(disable=["parser", "ner"]):
        uniq = {}
        for d in docs:
            uniq.setdefault(d.name, d.text)
        parsed = dict(zip(uniq, nlp.pipe(uniq.values(), batch_size=16)))
    for d in docs:
        doc = parsed[d.name]
        if d.name not in counted_texts:
            counted_texts.add(d.name)
            for t in doc:
                if t.pos_ in POS:
                    all_n[(t.lemma_.lower(), t.pos_)] += 1
        for s in d.spans:
            if s.label != "Cue":
                continue
            for a, b in s.frags:
                span = doc.char_span(a, b, alignment_mode="expand")
                if span is None:
                    continue
                toks = [t for t in span if t.pos_ in POS]
                # the lexical head of the cue: last verb, else last noun/adj/adp
                verbs = [t for t in toks if t.pos_ == "VERB"]
                head = verbs[-1] if verbs else (toks[-1] if toks else None)
                if head is not None:
                    cue_n[(head.lemma_.lower(), head.pos_)] += 1
    lex = {}
    for (lemma, pos), n in cue_n.items():
        if n < MIN_COUNT:
            continue
        total = max(all_n[(lemma, pos)], n)
        lex.setdefault(pos, {})[lemma] = {"cue": n, "seen": total, "rate": round(n / total, 3)}
    del seen_text
    return {"source": "PolNeAr v1.0.0 train split", "min_count": MIN_COUNT, "lemmas": lex}


if __name__ == "__main__":  # pragma: no cover
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parents[1] / "models" / "quotes_cues.json"
    res = mine(sys.argv[1])
    out.write_text(json.dumps(res, indent=1, sort_keys=True), encoding="utf-8")
    print(f"wrote {out}: {sum(len(v) for v in res['lemmas'].values())} lemmas")
