"""``newsaudit evaluate polnear DIR``: score the quotes layer on PolNeAr attribution annotations.

DIR has PolNeAr's layout (``text/``, ``attributions/`` brat standoff).  Each
text is parsed whole (treated as body) and run through the quotes layer's own
``analyse``; every dossier quote becomes a (Source, Cue, Content) triple:
Source is the speaker span as written (none when the speaker was carried over
from an earlier quote), Cue the cue span, Content the quoted parts (with their
marks) or the reported span.

Spans are compared as sets of word tokens (``\\w+`` or one punctuation mark):
*exact* = the same tokens, *overlap* = at least one shared token (as in the
PARC / Citron papers).  Precision counts predicted spans that match a gold
span of the same label, recall gold spans matched by a prediction.  A whole
attribution is right when its cue, content and source all overlap those of
one gold attribution (a gold attribution without source needs none).
"""
from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

import click

from .polnear_data import LABELS, GoldDoc, load_dir

TOKEN = re.compile(r"\w+|[^\w\s]")
QUOTE_MARKS = "“”\"«»‘’'"


@dataclass
class Pred:
    source: list[tuple[int, int]] | None
    cue: list[tuple[int, int]] | None
    content: list[tuple[int, int]] | None


class Tokens:
    def __init__(self, text: str):
        self.spans = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
        self.starts = [a for a, _ in self.spans]

    def of(self, frags) -> frozenset[int]:
        import bisect

        out = set()
        for a, b in frags or ():
            i = max(bisect.bisect_right(self.starts, a) - 1, 0)
            while i < len(self.spans) and self.spans[i][0] < b:
                s, e = self.spans[i]
                if e > a:
                    out.add(i)
                i += 1
        return frozenset(out)


def predict_text(text: str, doc) -> list[Pred]:
    """Run the quotes layer on ``text`` (parsed as ``doc``), the whole text as body."""
    from ..analyze.base import Article
    from ..analyze.quotes.linking import analyse_quotes
    from ..dossier import Citations, Paragraph, Structure

    article = Article(text=text, body_ranges=((0, len(text)),))
    found = {"structure": Structure(paragraphs=[Paragraph(start=0, end=len(text), text=text)]),
             "citations": Citations(), "entities": [], "mentions": []}
    out = analyse_quotes(article, doc, found)
    preds = [to_pred(q, text) for q in out["quotes"]]
    return preds + via_preds(out["quotes"], preds) if VIA_PREDS else preds


VIA_PREDS = True


def via_preds(quotes, preds: list[Pred]) -> list[Pred]:
    """PolNeAr annotates a relay (``As the AP reported, …``) as an attribution of its own whose
    content holds the relayed one; the layer keeps it as the ``via`` of the inner quote."""
    have = {tuple(p.cue[0]) for p in preds if p.cue}
    extent: dict[tuple[int, int], list] = {}
    for q in quotes:
        for v in q.via:
            if v.cue is None:
                continue
            key = (v.cue.start, v.cue.end)
            if key in have:
                continue
            e = extent.setdefault(key, [(v.start, v.end), q.start, q.end])
            e[1], e[2] = min(e[1], q.start), max(e[2], q.end)
    return [Pred([src], [cue], [(a, b)]) for cue, (src, a, b) in extent.items()]


def to_pred(q, text: str) -> Pred:
    sp = None
    if q.source is not None:  # PolNeAr annotates the source as written (``who``, ``reports``)
        sp = [(q.source.start, q.source.end)]
    elif q.speaker is not None and "speaker_from_previous_quote" not in q.flags:
        sp = [(q.speaker.start, q.speaker.end)]
    cue = [(q.cue.start, q.cue.end)] if q.cue is not None else None
    if q.kind == "direct":
        parts = [(p.start, p.end) for p in q.parts] or [(q.content.start, q.content.end)]
        parts = [(a - 1 if a > 0 and text[a - 1] in QUOTE_MARKS else a, b + 1 if b < len(text) and text[b] in QUOTE_MARKS else b)
                 for a, b in parts]
    else:
        parts = [(q.content.start, q.content.end)]
    return Pred(sp, cue, parts)


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> dict:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "predicted": n_p, "gold": n_g}


def score(pairs: list[tuple[GoldDoc, list[Pred]]]) -> dict:
    """Metrics over (gold document, predictions) pairs."""
    counts = {(lab, mode): [0, 0, 0, 0] for lab in LABELS for mode in ("exact", "overlap")}
    att = [0, 0, 0, 0]
    field = {"Source": "source", "Cue": "cue", "Content": "content"}
    for gold, preds in pairs:
        tk = Tokens(gold.text)
        for lab in LABELS:
            g = [tk.of(s.frags) for s in gold.spans if s.label == lab]
            g = [x for x in g if x]
            p = [tk.of(getattr(pr, field[lab])) for pr in preds if getattr(pr, field[lab])]
            p = [x for x in p if x]
            for mode in ("exact", "overlap"):
                match = (lambda a, b: a == b) if mode == "exact" else (lambda a, b: bool(a & b))
                c = counts[(lab, mode)]
                c[0] += sum(1 for x in p if any(match(x, y) for y in g))
                c[1] += len(p)
                c[2] += sum(1 for y in g if any(match(x, y) for x in p))
                c[3] += len(g)
        gatts = [(tk.of(a.source.frags) if a.source else frozenset(), tk.of(a.cue.frags) if a.cue else frozenset(),
                  tk.of(a.content.frags) if a.content else frozenset()) for a in gold.attributions]
        patts = [(tk.of(p.source), tk.of(p.cue), tk.of(p.content)) for p in preds]

        def ok(pa, ga):
            src_ok = bool(pa[0] & ga[0]) if ga[0] else True
            return src_ok and bool(pa[1] & ga[1]) and bool(pa[2] & ga[2])

        att[0] += sum(1 for pa in patts if any(ok(pa, ga) for ga in gatts))
        att[1] += len(patts)
        att[2] += sum(1 for ga in gatts if any(ok(pa, ga) for pa in patts))
        att[3] += len(gatts)
    res = {f"{lab}/{mode}": _prf(*counts[(lab, mode)]) for lab in LABELS for mode in ("exact", "overlap")}
    res["Attribution/overlap"] = _prf(*att)
    return res


def evaluate_dir(path: str | Path, limit: int | None = None, batch_size: int = 8) -> dict:
    from ..nlp import get_nlp

    t0 = time.perf_counter()
    golds = load_dir(path, limit=limit)
    nlp = get_nlp()
    texts: dict[str, str] = {}
    for g in golds:
        texts.setdefault(g.name, g.text)
    preds: dict[str, list[Pred]] = {}
    for name, doc in zip(texts, nlp.pipe(texts.values(), batch_size=batch_size)):
        preds[name] = predict_text(texts[name], doc)
    res = score([(g, preds[g.name]) for g in golds])
    res["_meta"] = {"documents": len(golds), "texts": len(texts), "seconds": round(time.perf_counter() - t0, 1), "dir": str(path)}
    return res


def agreement(path: str | Path) -> dict:
    """Inter-annotator agreement: on texts annotated by two or more people, each annotator's attributions
    scored as predictions against each other annotator's (ordered pairs, the same metrics as the layer).

    A ceiling for the layer's figures: no system should be expected to agree with one annotator much more
    than another annotator does.  No parse is needed.
    """
    import itertools
    from collections import defaultdict

    t0 = time.perf_counter()
    by_text: dict[str, list[GoldDoc]] = defaultdict(list)
    for g in load_dir(path):
        by_text[g.name].append(g)
    pairs = []
    for golds in by_text.values():
        for a, b in itertools.permutations(golds, 2):
            preds = [Pred(x.source.frags if x.source else None, x.cue.frags if x.cue else None,
                          x.content.frags if x.content else None) for x in a.attributions]
            pairs.append((b, preds))
    res = score(pairs)
    multi = sum(1 for v in by_text.values() if len(v) > 1)
    res["_meta"] = {"documents": len(pairs), "texts": multi, "seconds": round(time.perf_counter() - t0, 1),
                    "dir": f"{path} (inter-annotator agreement, ordered annotator pairs)"}
    return res


def render_table(res: dict) -> str:
    lines = [f"PolNeAr {res['_meta']['dir']}: {res['_meta']['documents']} annotated documents "
             f"({res['_meta']['texts']} texts), {res['_meta']['seconds']} s",
             f"{'span':<22}{'P':>8}{'R':>8}{'F1':>8}{'pred':>8}{'gold':>8}"]
    for key, m in res.items():
        if key.startswith("_"):
            continue
        lines.append(f"{key:<22}{m['precision']:>8.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}{m['predicted']:>8}{m['gold']:>8}")
    return "\n".join(lines)


@click.command("polnear")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--limit", type=int, default=None, help="Only the first N annotated documents.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--agreement", "as_agreement", is_flag=True,
              help="Score annotators against each other on texts with several annotators (a ceiling; no parse).")
def command(directory: str, limit: int | None, as_json: bool, as_agreement: bool) -> None:
    """P/R/F1 of Source, Cue, Content spans (exact, overlap) and whole attributions on PolNeAr."""
    res = agreement(directory) if as_agreement else evaluate_dir(directory, limit=limit)
    click.echo(json.dumps(res, indent=2) if as_json else render_table(res))
