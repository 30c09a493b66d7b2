"""``newsaudit serve``: the web app on a local port."""
from __future__ import annotations

import logging
import os

import click

log = logging.getLogger(__name__)

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--max-size", type=click.FloatRange(min=0, min_open=True), default=5.0, show_default=True,
              help="Largest article accepted, in MB (MiB); bigger uploads get HTTP 413 and a readable message.")
@click.option("--model", help="Name of an installed spaCy pipeline (default en_core_web_sm).")
@click.option("--workers", type=click.IntRange(min=0), default=None,
              help="Audit worker processes, each with its own model (default: the CPU count; 0: in-process, one at a time).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=120.0, show_default=True,
              help="Seconds one audit may run; longer gets HTTP 504 and its worker is restarted.")
@click.option("--queue", type=click.IntRange(min=0), default=None,
              help="Requests that may wait for a worker (default 64, or 8 per worker when more); more get HTTP 429.")
def serve(host: str, port: int, max_size: float, model: str | None, workers: int | None, timeout: float,
          queue: int | None) -> None:
    """Serve the web app: paste or upload an article and read its report; JSON API at /api/audit, docs at /docs."""
    import uvicorn

    from ..nlp import get_nlp
    from .app import create_app

    if host not in _LOOPBACK:
        click.echo(f"warning: binding {host}: anyone who can reach this address can use the app.", err=True)
    get_nlp(model)  # fail early with a clear message when the model is missing (newsaudit.cli turns it into exit 4)
    if workers is None:
        workers = os.cpu_count() or 1
    app = create_app(max_bytes=int(max_size * 1024 * 1024), model=model, host=host, workers=workers,
                     timeout=timeout, queue=queue)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"newsaudit: serving on http://{shown}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
