"""Run one input through the public ``audit()`` and judge the outcome.

Outcomes: ``ok``; ``typed`` (a ``newsaudit.errors.NewsauditError``, which is the documented way to refuse
input); ``uncaught`` (any other exception: type and innermost newsaudit frame); ``layer_failed`` (a layer
raised and was dropped from the dossier: found by the notice, the frame by re-running strictly);
``hang`` (over the time limit: 30 s of the process's CPU time, so that a loaded shared machine does
not turn slowness into hangs; the long runner's watchdog also kills a worker silent for minutes); ``mismatch`` (a span-carrying object whose offsets do not cover its text,
or point outside the text, or a dossier that does not serialise to UTF-8 JSON).
"""
from __future__ import annotations

import signal
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

HANG_SECONDS = 30


class Hang(BaseException):
    """Raised by the CPU-time alarm; a BaseException so that no ``except Exception`` in the library swallows it."""


@dataclass
class Outcome:
    status: str
    detail: str = ""
    seconds: float = 0.0
    mismatches: list[str] = field(default_factory=list)


def _frame(exc: BaseException) -> str:
    """The innermost frame inside newsaudit (else the innermost frame) of ``exc``'s traceback."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "newsaudit" in f.filename]
    f = (ours or frames or [None])[-1]
    if f is None:
        return "?"
    path = Path(f.filename)
    short = "/".join(path.parts[path.parts.index("newsaudit"):]) if "newsaudit" in path.parts else path.name
    return f"{short}:{f.lineno} in {f.name}"


def walk_spans(dossier) -> list[str]:
    """Every offset problem in ``dossier``: any object with int ``start``/``end`` must lie inside the text, and
    when it also carries a ``text`` string, ``dossier.text[start:end]`` must equal it."""
    from pydantic import BaseModel

    text = dossier.text
    bad: list[str] = []
    stack: list[tuple[str, object]] = [("dossier", dossier)]
    while stack:
        path, obj = stack.pop()
        if isinstance(obj, BaseModel):
            names = type(obj).model_fields
            start, end = getattr(obj, "start", None), getattr(obj, "end", None)
            if path != "dossier" and isinstance(start, int) and isinstance(end, int):
                if not 0 <= start <= end <= len(text):
                    bad.append(f"{path}: [{start}:{end}] outside 0..{len(text)}")
                elif isinstance(getattr(obj, "text", None), str) and text[start:end] != obj.text:
                    bad.append(f"{path}: text[{start}:{end}]={text[start:end][:40]!r} != {obj.text[:40]!r}")
            for name in names:
                if path == "dossier" and name == "text":
                    continue
                stack.append((f"{path}.{name}", getattr(obj, name)))
        elif isinstance(obj, (list, tuple)):
            stack.extend((f"{path}[{i}]", v) for i, v in enumerate(obj))
        elif isinstance(obj, dict):
            stack.extend((f"{path}[{k!r}]", v) for k, v in obj.items())
    return bad


def _on_alarm(signum, frame):
    raise Hang()


def run_case(source: str | bytes, *, timeout: int = HANG_SECONDS) -> Outcome:
    """Audit ``source`` (under ``timeout`` CPU seconds, via SIGPROF: call from the main thread) and judge it."""
    from newsaudit import audit
    from newsaudit.errors import NewsauditError
    from newsaudit.settings import AuditOptions

    old = signal.signal(signal.SIGPROF, _on_alarm)
    signal.setitimer(signal.ITIMER_PROF, timeout)
    t0 = time.perf_counter()
    try:
        try:
            dossier = audit(source, options=AuditOptions())
            failed = [w.message for w in dossier.meta.warnings if w.code == "layer_failed"]
            if failed:
                detail = failed[0]
                try:
                    audit(source, options=AuditOptions(strict_layers=True))
                except Exception as exc:  # the layer's own traceback, for the frame
                    detail = f"{type(exc).__name__} at {_frame(exc)}: {str(exc)[:160]}"
                return Outcome("layer_failed", detail, time.perf_counter() - t0)
            bad = walk_spans(dossier)
            try:
                dossier.model_dump_json().encode("utf-8")
            except Exception as exc:
                bad.append(f"serialisation: {type(exc).__name__} at {_frame(exc)}: {str(exc)[:120]}")
            if bad:
                return Outcome("mismatch", bad[0], time.perf_counter() - t0, bad)
            return Outcome("ok", "", time.perf_counter() - t0)
        except Hang:
            return Outcome("hang", f"over {timeout} s", time.perf_counter() - t0)
        except NewsauditError as exc:
            return Outcome("typed", exc.code, time.perf_counter() - t0)
        except Exception as exc:
            return Outcome("uncaught", f"{type(exc).__name__} at {_frame(exc)}: {str(exc)[:160]}",
                           time.perf_counter() - t0)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)
