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


@pytest.mark.parametrize("arg, expected", [("https://example.org/a", True), ("HTTP://x.test", True),
                                           ("article.txt", False), ("http_notes.txt", False)])
def test_cli_format_url_detected(arg, expected):
    from newsaudit.cli import is_url

    assert is_url(arg) is expected


def test_cli_format_url_is_fetched_not_a_missing_file():
    from click.testing import CliRunner

    from newsaudit.cli import cli

    result = CliRunner().invoke(cli, ["audit", "http://127.0.0.1:9/story"])  # nothing listens on port 9
    assert result.exit_code == 3 and "E11" in result.output
    assert "no such file" not in result.output.lower()


@pytest.mark.parametrize("args, level", [(["audit", "-v", "--help"], 20), (["-vv", "audit", "--help"], 10),
                                         (["audit", "--help", "--verbose"], 20), (["audit", "--help"], 30)])
def test_cli_format_verbose_after_subcommand(args, level, monkeypatch):
    from click.testing import CliRunner

    import newsaudit.cli as cli_mod

    seen = []
    monkeypatch.setattr(cli_mod, "_setup_logging", lambda v: seen.append(logging_level(v)))
    result = CliRunner().invoke(cli_mod.cli, args)
    assert result.exit_code == 0, result.output
    assert seen == [level]


def logging_level(verbose):
    return 30 - 10 * min(verbose, 2)
