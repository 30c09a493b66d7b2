"""Analysers, in the order they run.  See ``analyze.base`` for the contract.

Layers listed in ``TEXT_LAYERS`` run on the raw text before the spaCy parse
(they decide what the parse covers); ``DOC_LAYERS`` run on the parsed ``Doc``.
"""
from __future__ import annotations

import importlib
from types import ModuleType

TEXT_LAYERS = ("structure", "citations")
DOC_LAYERS = ("entities", "quotes", "times", "quantities", "claims", "rhetoric")
ALL_LAYERS = TEXT_LAYERS + DOC_LAYERS


def load_layer(name: str) -> ModuleType:
    module = importlib.import_module(f"{__name__}.{name}")
    for attr in ("NAME", "REQUIRES", "PROVIDES", "NEEDS_DOC", "analyse"):
        if not hasattr(module, attr):  # pragma: no cover - programming error
            raise TypeError(f"analyser {name} lacks {attr}")
    return module


def check_order() -> None:
    """Every layer's REQUIRES must name layers that run before it."""
    seen: set[str] = set()
    for name in ALL_LAYERS:
        mod = load_layer(name)
        missing = [r for r in mod.REQUIRES if r not in seen]
        if missing:
            raise TypeError(f"layer {name} requires {missing}, which do not run before it")
        seen.add(name)
