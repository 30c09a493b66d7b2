"""``newsaudit corpus``: audit many articles into a store, and query it.

Exit codes of ``corpus run``: 0 every article audited; 1 some failed, but at
most ``--max-failures`` (a share, default 0.1) of those processed in this run;
3 more failed than that (or the store/input could not be used at all).
"""
from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import click

log = logging.getLogger(__name__)


@click.group()
def corpus() -> None:
    """Audit a corpus into a store of Parquet tables, and query it with SQL."""


class _Progress:
    """A rich progress bar on a terminal, plain log lines (every few seconds) otherwise."""

    def __init__(self, tty: bool, every_s: float = 5.0):
        self.tty = tty
        self.every_s = every_s
        self.done = self.ok = self.failed = 0
        self.total: int | None = None
        self.t0 = time.perf_counter()
        self.last = 0.0
        self.bar = None
        self.task = None

    def __enter__(self):
        if self.tty:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            from rich.console import Console

            self.bar = Progress(TextColumn("[bold]auditing"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                                TextColumn("{task.fields[rate]} art/s"), TextColumn("{task.fields[failed]} failed"),
                                TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                                transient=False, console=Console(stderr=True))
            self.bar.__enter__()
            self.task = self.bar.add_task("audit", total=None, rate="-", failed=0)
        return self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def set_total(self, n: int | None) -> None:
        self.total = n
        if self.bar is not None:
            self.bar.update(self.task, total=n)

    def advance(self, k: int, ok: int, failed: int) -> None:
        self.done += k
        self.ok += ok
        self.failed += failed
        elapsed = time.perf_counter() - self.t0
        rate = (self.ok + self.failed) / elapsed if elapsed > 0 else 0.0
        if self.bar is not None:
            self.bar.update(self.task, advance=k, rate=f"{rate:.1f}", failed=self.failed)
            return
        now = time.perf_counter()
        if now - self.last >= self.every_s or (self.total and self.done >= self.total):
            self.last = now
            of = f"/{self.total}" if self.total else ""
            eta = ""
            if self.total and rate > 0:
                eta = f", ETA {max(0.0, (self.total - self.done) / rate):.0f}s"
            click.echo(f"progress: {self.done}{of} articles ({self.failed} failed), {rate:.1f} articles/s{eta}",
                       err=True)


@corpus.command("run")
@click.argument("inputs", nargs=-1)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="The store directory.")
@click.option("--from", "input_list", type=click.Path(exists=True, dir_okay=False),
              help="A file listing inputs, one a line (paths or http(s) URLs; blank lines and # comments skipped).")
@click.option("--include", multiple=True, metavar="GLOB",
              help="In directory walks, take only files matching GLOB (relative path or name; repeatable).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="In directory walks, leave out files matching GLOB.")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Publication date (YYYY-MM-DD) for articles whose input, sidecar, byline and dateline give none.")
@click.option("--outlet", help="Outlet name for articles whose input or sidecar names none.")
@click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True, help="Local worker processes.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", help="Dask scheduler address (tcp://HOST:8786) for --engine dask.")
@click.option("--max-size", type=float, default=10.0, show_default=True, help="Largest article accepted, in MiB.")
@click.option("--max-failures", type=click.FloatRange(0, 1), default=0.1, show_default=True,
              help="Share of failed articles above which the exit code is 3 (else 1 when any failed).")
@click.option("--shard-size", type=click.IntRange(1, 100000), default=32, show_default=True,
              help="Articles per shard (per task).")
@click.option("--model", help="Name of an installed spaCy pipeline (default en_core_web_sm).")
@click.option("--no-rhetoric", is_flag=True, help="Skip the rhetoric layer.")
@click.option("--progress/--no-progress", "show_progress", default=None,
              help="Force the progress bar on or off (default: on when stderr is a terminal).")
def run_cmd(inputs, out, input_list, include, exclude, published, outlet, workers, engine, scheduler, max_size,
            max_failures, shard_size, model, no_rhetoric, show_progress):
    """Audit every article in INPUTS into the store OUT.

    INPUTS: files (text, HTML, JSON, PDF, .docx, .eml, .mhtml), directories (walked recursively), .jsonl and
    .warc[.gz] files, and http(s) URLs (fetched by the workers; a failed fetch is an error row).  A directory
    walk takes article files only: never hidden files, README/EXPECTED/LICENSE/PROVENANCE-style notes, gold or
    annotation files (*.ann, *.tsv, *.labels, non-HTML *.xml, names with 'gold'/'expected'/'labels'), JSON
    that is no article record, or metadata sidecars (story.json beside story.txt: title, published, outlet,
    url, authors) — see docs/corpus.md.  A file named here is always taken.

    Articles already in OUT (same content hash; a URL by its address) are skipped, so an interrupted
    run resumes where it stopped.
    """
    from ..cli import fail
    from ..errors import NewsauditError
    from ..settings import AuditOptions
    from .inputs import is_url, read_input_list
    from .runner import run_corpus

    if engine == "dask" and not scheduler:
        raise click.UsageError("--engine dask needs --scheduler ADDRESS")
    entries = list(inputs) + (read_input_list(input_list) if input_list else [])
    if not entries:
        raise click.UsageError("give INPUTS (files, directories or URLs) or --from FILE.")
    missing = [e for e in entries if not is_url(e) and not Path(e).exists()]
    if missing:
        raise click.UsageError(f"no such file or directory: {missing[0]}" + (f" (and {len(missing) - 1} more)"
                                                                              if len(missing) > 1 else ""))
    tty = sys.stderr.isatty() if show_progress is None else show_progress
    skipped: list[tuple[str, str]] = []
    try:
        options = AuditOptions.build(model=model, max_bytes=int(max_size * 1024 * 1024), rhetoric=not no_rhetoric,
                                     default_published=published.date() if published else None,
                                     default_outlet=outlet or None)
        with _Progress(tty) as prog:
            result = run_corpus(entries, out, options=options, workers=workers, engine=engine, scheduler=scheduler,
                                shard_size=shard_size, on_total=prog.set_total, on_progress=prog.advance,
                                include=include, exclude=exclude, skipped=skipped)
    except NewsauditError as exc:
        fail(exc)
    for path, why in skipped:
        log.info("not an article: %s (%s)", path, why)
    left_out = f"; {len(skipped)} file(s) left out as not articles (-v lists them)" if skipped else ""
    click.echo(f"{result.processed} articles audited in {result.seconds:.1f}s ({result.rate:.1f}/s): "
               f"{result.ok} ok, {result.failed} failed, {result.skipped} already in the store; "
               f"{result.shards} shard(s) in {result.store}{left_out}", err=True)
    sys.exit(result.exit_code(max_failures))


@corpus.command("sql")
@click.argument("store", type=click.Path(exists=True, file_okay=False))
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--limit", type=int, default=None, help="Show at most N rows (table format).")
@click.option("--unsafe", is_flag=True, help="Lift the read-only guard (statements other than queries, file and "
              "network access, extensions, no timeout): only on a store and SQL you trust.")
def sql_cmd(store, query, fmt, limit, unsafe):
    """Run the SQL QUERY over the tables of STORE (articles, quotes, entities, ... — see docs/corpus.md)."""
    from ..cli import fail
    from ..errors import NewsauditError
    from .catalog import query as run_query

    try:
        table = run_query(store, query, unsafe=unsafe)
    except NewsauditError as exc:
        fail(exc)
    if fmt == "csv":
        import io

        import pyarrow.csv as pacsv

        buf = io.BytesIO()
        pacsv.write_csv(_plain(table), buf)
        click.echo(buf.getvalue().decode("utf-8"), nl=False)
    elif fmt == "json":
        import json

        click.echo(json.dumps(table.to_pylist(), ensure_ascii=False, default=str, indent=1))
    else:
        from rich.console import Console
        from rich.table import Table

        out = Table(show_lines=False)
        for name in table.column_names:
            out.add_column(name, overflow="fold")
        rows = table.to_pylist()
        for row in rows[:limit] if limit else rows:
            out.add_row(*(_cell(v) for v in row.values()))
        Console().print(out)
        click.echo(f"{table.num_rows} row(s)", err=True)


def _cell(v) -> str:
    from rich.markup import escape

    if v is None:
        return ""
    s = str(v)
    return escape(s if len(s) <= 200 else s[:197] + "…")


def _plain(table):
    """CSV cannot hold lists: turn list columns into JSON text."""
    import json

    import pyarrow as pa

    cols = []
    for name, col in zip(table.column_names, table.columns):
        if pa.types.is_list(col.type) or pa.types.is_large_list(col.type) or pa.types.is_struct(col.type):
            col = pa.array([None if v is None else json.dumps(v, default=str) for v in col.to_pylist()], pa.string())
        cols.append(col)
    return pa.table(cols, names=table.column_names)
