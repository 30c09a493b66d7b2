"""Turn an ``--event`` query into an SQL filter on ``articles`` so only candidate articles are read."""
from __future__ import annotations

import re

from .text import STOP


def where_for(query: str | None) -> tuple[str | None, list[str]]:
    """``text ILIKE`` conditions: any query word must appear (the exact rule is applied in Python)."""
    if not query:
        return None, []
    words = [w for w in re.findall(r"[a-z0-9]+", query.lower()) if w not in STOP][:12]
    if not words:
        return None, []
    return "(" + " OR ".join("text ILIKE ?" for _ in words) + ")", [f"%{w}%" for w in words]
