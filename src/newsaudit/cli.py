"""The ``newsaudit`` command line.

Exit codes (documented in the README):

====  =====================================================
0     success
1     ``--strict`` and problems were found; or a batch with failed documents (see ``corpus run``)
2     usage error (bad option or argument)
3     unreadable input (empty, binary, too large, no article, missing file, missing data set)
4     the spaCy model could not be loaded
====  =====================================================

Subcommands from later layers are imported only when invoked (``LazyGroup``).
"""
from __future__ import annotations

import importlib
import importlib.util
import logging
import sys
from pathlib import Path

import click

from ._version import __version__
from .errors import NewsauditError
from .report import write_private

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INPUT, EXIT_MODEL = 0, 1, 2, 3, 4


class LazyGroup(click.Group):
    """A click group whose subcommands live in other modules, imported on use."""

    def __init__(self, *args, lazy: dict[str, str] | None = None, **kw):
        super().__init__(*args, **kw)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx):
        return sorted({*super().list_commands(ctx), *(n for n in self.lazy if self._available(n))})

    def _available(self, name: str) -> bool:
        module = self.lazy[name].split(":")[0]
        return importlib.util.find_spec(module) is not None

    def parse_args(self, ctx, args):
        # -v/-vv/--verbose may also follow the subcommand: hoist them (before any "--") to the group.
        cut = args.index("--") if "--" in args else len(args)
        verbose = [a for a in args[:cut] if a == "--verbose" or (len(a) > 1 and a.startswith("-") and set(a[1:]) == {"v"})]
        rest = [a for a in args[:cut] if a not in verbose] + args[cut:]
        return super().parse_args(ctx, verbose + rest)

    def get_command(self, ctx, name):
        if name in self.lazy and self._available(name):
            module, attr = self.lazy[name].split(":")
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)


def fail(exc: NewsauditError) -> None:
    """Print a one-line message (and hint) for ``exc`` and exit with its code."""
    click.echo(f"Error: [{exc.code}] {exc.message}", err=True)
    if exc.hint:
        click.echo(f"Hint: {exc.hint}", err=True)
    sys.exit(exc.exit_code)


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if verbose < 2:
        for noisy in ("trafilatura", "htmldate", "urllib3", "distributed", "pdfminer"):
            logging.getLogger(noisy).setLevel(logging.ERROR)


@click.group(cls=LazyGroup, lazy={
    "evaluate": "newsaudit.evaluate.cli:evaluate",
    "serve": "newsaudit.serve.cli:serve",
    "corpus": "newsaudit.store.cli:corpus",
    "compare": "newsaudit.compare.cli:compare",
}, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsaudit")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """Audit news articles: quotes, citations, entities, dates, numbers, claims and rhetoric — offline."""
    _setup_logging(verbose)


FORMATS = ("terminal", "json", "markdown", "html")
SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".json": "json", ".md": "markdown", ".markdown": "markdown",
                  ".txt": "terminal"}


def is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def resolve_format(fmt, output):
    """The output format: --format if given, else inferred from -o's extension, else terminal.

    Refuses a --format that contradicts -o's extension (e.g. terminal text into an .html file).
    """
    inferred = SUFFIX_FORMATS.get(Path(output).suffix.lower()) if output else None
    if fmt is None:
        return inferred or "terminal"
    if inferred is not None and inferred != fmt:
        raise click.UsageError(f"--format {fmt} does not match -o {output} (a {inferred} file); "
                               f"drop --format or use --format {inferred}.")
    return fmt


@cli.command()
@click.argument("article", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--sample", is_flag=True, help="Audit the sample article shipped with newsaudit.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format [default: from -o's extension, else terminal].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE instead of stdout.")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), help="Publication date (YYYY-MM-DD); anchors relative dates.")
@click.option("--url", help="The article's URL (recorded in the dossier).")
@click.option("--model", help="Name of an installed spaCy pipeline (default en_core_web_sm).")
@click.option("--max-size", type=float, default=10.0, show_default=True, help="Largest input accepted, in MiB.")
@click.option("--no-rhetoric", is_flag=True, help="Skip the rhetoric layer.")
@click.option("--strict", is_flag=True, help="Exit 1 when problems are found.")
@click.option("--all", "show_all", is_flag=True, help="Show every finding, also those held back as below their confidence threshold.")
@click.option("--save-snapshot", type=click.Path(file_okay=False), help="Keep a fetched page's raw bytes in DIR (named by sha256).")
def audit(article, sample, fmt, output, published, url, model, max_size, no_rhetoric, strict, show_all, save_snapshot):
    """Audit ARTICLE: a .txt, .html, .json, .pdf, .docx, .eml or .mhtml file, an http(s) URL, or '-' for stdin.

    The format is read from the content (PDF and .docx by their magic bytes, e-mail by its headers).
    """
    from .api import audit as run_audit
    from .settings import AuditOptions

    if bool(article) == bool(sample):
        raise click.UsageError("give an ARTICLE file or --sample (not both).")
    fmt = resolve_format(fmt, output)
    try:
        options = AuditOptions.build(published=published.date() if published else None, url=url, model=model,
                                     max_bytes=int(max_size * 1024 * 1024), rhetoric=not no_rhetoric)
        if sample:
            source = sample_path()
        elif article and article.lower().startswith(("http://", "https://", "file:")):
            from .ingest.fetch import fetch, save_snapshot as keep

            fetched = fetch(article, max_bytes=int(max_size * 1024 * 1024))
            if save_snapshot:
                keep(fetched, save_snapshot)
            options = options.model_copy(update={"url": url or fetched.url})
            dossier = run_audit(fetched.decoded(), options=options)
            dossier.meta = dossier.meta.model_copy(update={
                "final_url": fetched.url, "fetched_at": fetched.fetched_at,
                "http_status": fetched.status, "sha256": fetched.sha256})
            source = None
        elif article == "-":
            source = sys.stdin.buffer.read()
        else:
            source = Path(article)
        if source is not None:
            dossier = run_audit(source, options=options)
    except NewsauditError as exc:
        fail(exc)
    if fmt == "terminal" and not output:
        from rich.console import Console

        from .report.terminal import print_terminal

        print_terminal(dossier, Console(), show_all)
    else:
        from .report import render

        text = render(dossier, fmt, show_all)
        if output:
            write_private(output, text)
            click.echo(f"wrote {output}", err=True)
        else:
            click.echo(text)
    if strict and dossier.all_problems():
        sys.exit(EXIT_PROBLEMS)


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE.")
def schema(output):
    """Print the JSON Schema of the dossier."""
    import json

    from .dossier import Dossier

    text = json.dumps(Dossier.model_json_schema(), indent=2)
    if output:
        write_private(output, text)
    else:
        click.echo(text)


def sample_path() -> Path:
    from importlib.resources import files

    return Path(str(files("newsaudit") / "data" / "sample_article.txt"))


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: usage errors exit 2, newsaudit errors their own code."""
    try:
        cli.main(args=argv, prog_name="newsaudit", standalone_mode=True)
    except NewsauditError as exc:  # raised from a lazily loaded subcommand
        fail(exc)


if __name__ == "__main__":  # pragma: no cover
    main()
