"""Inline SVG charts for the HTML report, drawn in Python (no JavaScript, no network).

Every function returns an ``<svg>`` string whose text is HTML-escaped; the
charts scale with their container (``viewBox`` + ``width: 100%``).
"""
from __future__ import annotations

import re
from datetime import date
from html import escape

__all__ = ["hbar_chart", "stacked_bar", "timeline_chart", "PALETTE"]

# Colour-blind-friendly palette (Okabe–Ito, then a few extras).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#8C564B", "#7F7F7F", "#17BECF")


def _e(s: object) -> str:
    return escape(str(s), quote=True)


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.2f}".rstrip("0").rstrip(".")


def _legend(series: list[tuple[str, str]], y: int, width: int) -> tuple[list[str], int]:
    out, x = [], 0
    for name, colour in series:
        w = 18 + 7 * len(name)
        if x and x + w > width:
            x, y = 0, y + 16
        out.append(f'<rect x="{x}" y="{y}" width="10" height="10" fill="{_e(colour)}"/>'
                   f'<text x="{x + 14}" y="{y + 9}" class="cl">{_e(name)}</text>')
        x += w + 8
    return out, y + 16


def hbar_chart(rows: list[tuple[str, list[float]]], series: list[tuple[str, str]], *, title: str = "",
               width: int = 320, label_width: int = 110, bar_height: int = 16, max_rows: int = 25) -> str:
    """A horizontal (stacked) bar chart: one bar per row, one segment per series.

    ``rows``: ``(label, [value per series])``; ``series``: ``(name, colour)``.
    """
    rows = rows[:max_rows]
    total_max = max((sum(v for v in vals if v > 0) for _, vals in rows), default=0) or 1
    plot_w = width - label_width - 30
    parts = []
    y = 0
    for label, vals in rows:
        short = label if len(label) <= 18 else label[:17] + "…"
        parts.append(f'<text x="{label_width - 4}" y="{y + bar_height - 4}" text-anchor="end" class="cl">'
                     f'<title>{_e(label)}</title>{_e(short)}</text>')
        x = float(label_width)
        for (name, colour), v in zip(series, vals):
            if v <= 0:
                continue
            w = max(plot_w * v / total_max, 1.0)
            parts.append(f'<rect class="bar" x="{x:.1f}" y="{y + 2}" width="{w:.1f}" height="{bar_height - 4}" '
                         f'fill="{_e(colour)}"><title>{_e(label)} — {_e(name)}: {_num(v)}</title></rect>')
            x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + bar_height - 4}" class="cl">{_num(sum(vals))}</text>')
        y += bar_height
    if not rows:
        parts.append(f'<text x="0" y="12" class="cl">no data</text>')
        y = 16
    legend, y = _legend(series, y + 6, width) if len(series) > 1 else ([], y)
    parts += legend
    return _svg(parts, width, y + 2, title)


def stacked_bar(parts_in: list[tuple[str, float, str]], *, title: str = "", width: int = 320, height: int = 22) -> str:
    """One horizontal bar split into shares: ``(name, value, colour)``; shows counts and percentages."""
    total = sum(v for _, v, _ in parts_in if v > 0)
    parts, x = [], 0.0
    if total <= 0:
        parts.append('<text x="0" y="14" class="cl">no data</text>')
    for name, v, colour in parts_in:
        if v <= 0 or total <= 0:
            continue
        w = width * v / total
        pct = 100 * v / total
        parts.append(f'<rect class="bar" x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" fill="{_e(colour)}">'
                     f'<title>{_e(name)}: {_num(v)} ({pct:.0f}%)</title></rect>')
        if w > 34:
            parts.append(f'<text x="{x + w / 2:.1f}" y="{height / 2 + 4:.1f}" text-anchor="middle" class="cv">{pct:.0f}%</text>')
        x += w
    legend, y = _legend([(f"{n} {_num(v)}", c) for n, v, c in parts_in], height + 6, width)
    parts += legend
    return _svg(parts, width, y + 2, title)


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _to_date(value: str) -> date | None:
    m = _DATE.match(value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def timeline_chart(points: list[tuple[str, str]], *, title: str = "", width: int = 320) -> str:
    """Dots on a date axis for ``(normalised value, label)``; values that are not YYYY[-MM[-DD]] are left out."""
    dated = [(d, v, label) for v, label in points if (d := _to_date(v)) is not None]
    if not dated:
        return _svg(['<text x="0" y="12" class="cl">no dated events</text>'], width, 16, title)
    lo = min(d for d, _, _ in dated).toordinal()
    hi = max(d for d, _, _ in dated).toordinal()
    span = max(hi - lo, 1)
    pad = 12
    parts = [f'<line x1="{pad}" y1="20" x2="{width - pad}" y2="20" class="axis"/>']
    seen: dict[int, int] = {}
    for d, v, label in sorted(dated):
        x = pad + (width - 2 * pad) * (d.toordinal() - lo) / span
        k = round(x)
        stack = seen.get(k, 0)
        seen[k] = stack + 1
        parts.append(f'<circle class="dot" cx="{x:.1f}" cy="{20 - 7 * stack}" r="4"><title>{_e(v)}: {_e(label)}</title></circle>')
    first, last = min(dated)[1], max(dated)[1]
    parts.append(f'<text x="{pad}" y="38" class="cl">{_e(first)}</text>')
    if last != first:
        parts.append(f'<text x="{width - pad}" y="38" text-anchor="end" class="cl">{_e(last)}</text>')
    return _svg(parts, width, 42, title)


def _svg(parts: list[str], width: int, height: int, title: str) -> str:
    t = f"<title>{_e(title)}</title>" if title else ""
    return (f'<svg class="chart" role="img" aria-label="{_e(title)}" viewBox="0 0 {width} {max(height, 1)}" '
            f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">{t}{"".join(parts)}</svg>')
