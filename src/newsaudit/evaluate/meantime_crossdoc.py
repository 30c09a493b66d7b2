"""``newsaudit evaluate meantime-crossdoc DIR``: cross-document entity coreference on MEANTIME.

MEANTIME's CAT XML gives each ``ENTITY`` an ``instance_id`` shared across the documents of a corpus
(``Airbus`` in every Airbus article is one instance). The entities layer runs on each rebuilt document
(as ``evaluate meantime`` does); each predicted mention that overlaps a gold *name* mention with an
instance id is kept, and its cross-document cluster is the party ``compare.resolve.Resolver`` gives its
in-document entity's canonical name, resolved over every canonical name of the corpus (spellings, acronyms,
transliterations). The gold cluster is the instance id. Scored: MUC, B-cubed, CEAF-e and the CoNLL F1 (their
average), for the resolver and, as a baseline, for exact canonical-name match. Documents of the three
corpora (airbus, apple, gm) are pooled: an instance id never crosses corpora.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import click

from .coref_metrics import conll
from .meantime import load_dir


def run(directories: list[Path], limit: int | None = None, batch_size: int = 8) -> dict:
    from ..analyze.base import Article, freeze
    from ..analyze.entities import mentions as entities
    from ..compare.resolve import Resolver
    from ..dossier import Paragraph, Structure
    from ..nlp import get_nlp

    docs = []
    for d in directories:
        docs += load_dir(Path(d), limit)
    nlp = get_nlp()
    t0 = time.perf_counter()
    items = []  # (mention key, gold instance, canonical name)
    for k, (gold, doc) in enumerate(zip(docs, nlp.pipe((g.text for g in docs), batch_size=batch_size))):
        t = gold.text
        art = Article(text=t, body_ranges=((0, len(t)),))
        found = freeze({"structure": Structure(paragraphs=[Paragraph(start=0, end=len(t), text=t)]), "problems": []})
        out = entities.analyse(art, doc, found)
        canon = {e.id: e.canonical for e in out["entities"]}
        gm = [m for m in gold.mentions if m.instance and m.type and m.name]
        used: set[int] = set()
        for m in sorted(out["mentions"], key=lambda x: (x.start, x.end)):
            if not m.entity or m.entity not in canon:
                continue
            best, best_ov = None, 0
            for j, g in enumerate(gm):
                ov = min(m.end, g.end) - max(m.start, g.start)
                if j not in used and ov > best_ov:
                    best, best_ov = j, ov
            if best is not None:
                used.add(best)
                items.append(((k, m.start, m.end), gm[best].instance, canon[m.entity]))
    resolver = Resolver(Counter(c for _, _, c in items))
    gold_map = {key: inst for key, inst, _ in items}
    res = {"documents": len(docs), "mentions": len(items), "seconds": round(time.perf_counter() - t0, 1),
           "gold_entities": len(set(gold_map.values())),
           "resolver": conll(gold_map, {key: resolver.name(c) for key, _, c in items}),
           "exact_name": conll(gold_map, {key: c.lower() for key, _, c in items})}
    return res


def _table(res: dict) -> str:
    lines = [f"MEANTIME cross-document entity coreference — {res['documents']} documents, {res['mentions']} matched "
             f"name mentions, {res['gold_entities']} gold entities, {res['seconds']} s", "",
             f"{'system':<14}{'MUC F1':>8}{'B3 P':>8}{'B3 R':>8}{'B3 F1':>8}{'CEAFe F1':>10}{'CoNLL F1':>10}"]
    for name in ("resolver", "exact_name"):
        m = res[name]
        lines.append(f"{name:<14}{m['muc']['f1']:>8.3f}{m['bcubed']['p']:>8.3f}{m['bcubed']['r']:>8.3f}"
                     f"{m['bcubed']['f1']:>8.3f}{m['ceafe']['f1']:>10.3f}{m['conll_f1']:>10.3f}")
    lines.append("")
    lines.append("mentions: the entities layer's, matched one-to-one to gold NAM/PRE.NAM mentions with an instance id")
    return "\n".join(lines)


@click.command("meantime-crossdoc")
@click.argument("directories", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--limit", type=int, default=None, help="At most N documents per directory.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
def command(directories, limit, as_json):
    """Cross-document entity coreference (MUC, B3, CEAF-e, CoNLL F1) on MEANTIME CAT XML directories."""
    res = run(list(directories), limit=limit)
    click.echo(json.dumps(res, indent=2) if as_json else _table(res))
