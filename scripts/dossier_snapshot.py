"""Write the dossier JSON of every fixture article, the bundled sample and the user's example article to DIR.

Used to check that a refactoring changes no output:

    .venv/bin/python scripts/dossier_snapshot.py /tmp/before      # on the old commit
    .venv/bin/python scripts/dossier_snapshot.py /tmp/after       # on the new one
    diff -r /tmp/before /tmp/after && echo IDENTICAL
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from newsaudit import audit

ROOT = Path(__file__).resolve().parents[1]


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    files = sorted((ROOT / "tests" / "fixtures").rglob("*.txt")) + [ROOT / "src" / "newsaudit" / "data" / "sample_article.txt"]
    seed = ROOT.parent / "shared" / "seeds" / "000_feb292ecab5413f3.txt"
    if seed.is_file():
        files.append(seed)
    for f in files:
        j = audit(Path(f)).model_dump_json(indent=1)
        name = str(f.relative_to(f.parents[2] if f == seed else ROOT)).replace("/", "_")
        (out / f"{name}.json").write_text(j, encoding="utf-8")
        print(hashlib.sha256(j.encode()).hexdigest()[:12], name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
