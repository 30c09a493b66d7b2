"""Seed articles for the fuzzer: the repo's fixture articles and the bundled sample (all invented text)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def seed_texts() -> tuple[str, ...]:
    files = sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    files.append(ROOT / "src" / "newsaudit" / "data" / "sample_article.txt")
    out = []
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        if text.strip():
            out.append(text)
    assert out, "no seed articles found"
    return tuple(out)
