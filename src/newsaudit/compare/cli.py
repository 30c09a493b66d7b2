"""``newsaudit compare STORE``: what happened? — agreements and conflicts across a corpus's accounts of one event."""
from __future__ import annotations


import click

from ..report import write_private


@click.command()
@click.argument("store", type=click.Path(exists=True, file_okay=False))
@click.option("--event", "query", help="Words naming the event (e.g. 'Marrowick explosion'); default: the largest "
                                       "group of related articles.")
@click.option("-f", "--format", "fmt", type=click.Choice(["terminal", "markdown", "html", "json"]), default="terminal",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE instead of stdout.")
@click.option("--limit", type=click.IntRange(1, None), default=2000, show_default=True,
              help="Compare at most N articles (the most recent matching ones).")
def compare(store, query, fmt, output, limit):
    """Group STORE's articles about one event and compare them: numbers, claims, voices, dates, names."""
    from ..cli import fail
    from ..errors import NewsauditError
    from .analysis import compare_corpus
    from .facts import load_corpus
    from .store_filter import where_for

    try:
        where, params = where_for(query)
        corpus = load_corpus(store, where=where, params=params, limit=limit)
        result = compare_corpus(corpus, event=query)
    except NewsauditError as exc:
        fail(exc)
    if fmt == "terminal" and not output:
        from rich.console import Console

        from .render import print_terminal

        print_terminal(result, Console())
        return
    from .render import RENDERERS, to_markdown

    text = RENDERERS.get(fmt, to_markdown)(result)
    if output:
        write_private(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
