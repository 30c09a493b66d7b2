"""Write ``model/MODEL_CARD.md`` from the results of ``evaluate calibration --fit`` (all layers)."""
from __future__ import annotations

from pathlib import Path

from .apply import MODEL_DIR

FEATURES = {
    "quotes": "kind, how the speaker was resolved (or none), cue lemma (common ones by name, else 'other', or none), "
              "flags, content length (log words), has a source as written, has a relay (via), split by its attribution",
    "speakers": "resolved_from, quote kind, cue lemma class, linked to an entity, speaker length, has a source as "
                "written, flags speaker_from_previous_quote / continuation / agentless / weak_cue / surface",
    "mentions": "type, length (log words), size of its entity (log mentions), capitalised, all capitals, ambiguous",
    "entities": "type, number of mentions (log), canonical length, has aliases, ambiguous, spelling variants, all capitals",
    "times": "TIMEX3 type, anchor_source, value granularity (e.g. 9999-99-99, PAST_REF, duration), tense, explicit, "
             "weekday named, mod, length",
    "quantities": "event, has a modifier, has a counted noun, vague (no value), has a place, has a date",
    "claims": "logit of the claims layer's check-worthiness score (Platt scaling; monotone)",
    "sourcing": "sourcing status, holder kind (author / speaker), hedged",
    "rhetoric": "logit of the finding's score (weight kept ≥ 0: monotone), technique, model or rule",
}
LABELS = {
    "quotes": "right = its content shares a token with a gold attribution's content (PolNeAr evaluator's overlap rule, any annotator)",
    "speakers": "right = the quote is right and its speaker (or source as written) shares a token with that attribution's gold "
                "source; speakers of quotes whose gold has no source are left out",
    "mentions": "right = overlaps a gold MEANTIME entity mention of the mapped type (PERSON→PER, ORG→ORG, GPE/LOC/FAC/NORP→LOC, "
                "PRODUCT/WORK_OF_ART→PRO); other types (EVENT, LAW, LANGUAGE, …) get no confidence",
    "entities": "right = one of its mentions is right and all its mentions that overlap gold point at one gold instance",
    "times": "right = paired with a gold TIMEX3 (the TempEval-3 scorer's pairing) with the same value",
    "quantities": "right = covers a gold quantity with the same event and value/low/high; wrong = wrong event/value or a "
                  "gold negative; unannotated numbers are left out",
    "claims": "right = the sentence is labelled check-worthy (1) in CheckThat! 2020 Task 5",
    "sourcing": "right = a check-worthy claim's sourcing status equals the gold status",
    "rhetoric": "right = overlaps a gold PTC span of the same technique (any gold span for Rhetorical_Question / "
                "Sarcastic_Exclamation)",
}


def _raw(r: dict) -> str:
    return f" (raw score: {r['raw_score_ece']:.4f})" if "raw_score_ece" in r else ""


def write_card(res: dict, directory: Path | None = None) -> Path:
    meta = res["_meta"]
    lines = [
        "# Model card: calibrated confidence (`calibrate/model/<layer>.json`)", "",
        "**What it does.** Gives every quote, speaker, entity mention, entity, time expression, counted quantity,",
        "claim (check-worthiness: `confidence`; sourcing: `sourcing_confidence`) and rhetoric finding a",
        "`confidence` in [0, 1]: the probability, fitted on held-out labelled data, that the finding is right.",
        "Applied in pure Python by `newsaudit.calibrate.apply` right after the dossier is built",
        "(`pipeline.finish`); a missing or unreadable file leaves that layer's confidences empty and adds a",
        "`calibration_unavailable` notice.  `Problem.confidence` exists in the schema but is not set yet.", "",
        "**Method.** Per layer a logistic regression (Platt scaling generalised to a few interpretable features,",
        "L2, C = 1, scikit-learn `lbfgs`), stored as feature weights and an intercept.  A layer whose labels are",
        "all one class gets its Laplace-smoothed base rate.", "",
        "**Data and split.** Findings of each layer's own `analyse` on the benchmark text (all of it body), labelled",
        "by the rule below.  The field set being judged by hand (`tests/field/articles.txt`: PolNeAr dev sorted",
        "i % 4 == 0, PTC id % 10 == 0, MEANTIME sorted i % 8 == 0 per corpus) is excluded from fitting and",
        "measurement.  Split by document: CRC-32 of the document key mod 3 == 2 is measured (ECE below), the",
        "rest fitted (CheckThat!: runs of 40 consecutive lines of the test blocks).",
        "Quantities and sourcing have **no benchmark**: they are fitted and measured on the repo's hand-made",
        "fixtures, in-sample; treat their figures as a sanity check, not a calibration guarantee.",
        "Claims are calibrated on spoken political debate (base rate about 1.5 %), not news: their",
        "confidences are low on news prose by construction, and rank no better than the model does (AP ≈ 0.08).", "",
        f"Fitted with `newsaudit evaluate calibration {Path(meta['dir']).name} --fit` (the benchmarks folder)"
        + (f" (at most {meta['limit']} documents per source)" if meta.get("limit") else "") + ".", "",
        "| layer | data | labels | features | fitted on | measured on | positives | ECE (10 bins) | Brier |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for layer, r in res.items():
        if layer.startswith("_") or "error" in r:
            continue
        lines.append(f"| {layer} | {r['source']} | {LABELS[layer]} | {FEATURES[layer]} | {r['fit_n']} | "
                     f"{r['n']} ({r['measure_docs']} docs{', in-sample' if 'IN-SAMPLE' in r['split'] else ''}) | "
                     f"{r['positives']} | {r['ece']:.4f}{_raw(r)} | {r['brier']:.4f} |")
    lines += ["", "**Reproduce.** `.venv/bin/newsaudit evaluate calibration ../shared/benchmarks --fit` re-fits and",
              "rewrites every file and this card; without `--fit` it scores the shipped files.", ""]
    path = (directory or MODEL_DIR) / "MODEL_CARD.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
