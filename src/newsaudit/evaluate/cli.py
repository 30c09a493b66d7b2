"""``newsaudit evaluate BENCHMARK ...``: score newsaudit on public annotated data."""
from __future__ import annotations

import click

from ..cli import LazyGroup


@click.group(cls=LazyGroup, lazy={
    "polnear": "newsaudit.evaluate.polnear:command",
    "tempeval3": "newsaudit.evaluate.tempeval3:command",
    "meantime": "newsaudit.evaluate.meantime:command",
    "meantime-crossdoc": "newsaudit.evaluate.meantime_crossdoc:command",
    "checkworthy": "newsaudit.evaluate.checkworthy:command",
    "ptc": "newsaudit.evaluate.ptc:command",
    "datelines": "newsaudit.evaluate.datelines:command",
    "false-alarms": "newsaudit.evaluate.false_alarms:command",
    "field": "newsaudit.evaluate.field:command",
    "calibration": "newsaudit.evaluate.calibration:command",
})
def evaluate() -> None:
    """Measure a layer against a benchmark and print its metrics."""
