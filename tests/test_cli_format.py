import click
import pytest

from newsaudit.cli import resolve_format


@pytest.mark.parametrize("fmt, output, expected", [
    (None, None, "terminal"),
    (None, "report.html", "html"),
    (None, "out.JSON", "json"),
    (None, "notes.md", "markdown"),
    (None, "report.unknown", "terminal"),
    ("json", None, "json"),
    ("html", "report.html", "html"),
    ("json", "report.unknown", "json"),
])
def test_cli_format_inferred_from_output(fmt, output, expected):
    assert resolve_format(fmt, output) == expected


@pytest.mark.parametrize("fmt, output", [("terminal", "report.html"), ("json", "report.md"), ("html", "x.json")])
def test_cli_format_mismatch_refused(fmt, output):
    with pytest.raises(click.UsageError, match="--format"):
        resolve_format(fmt, output)
