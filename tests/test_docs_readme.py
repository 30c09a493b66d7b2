"""The README documents every command, the exit codes, and the two start commands CI uses."""
from __future__ import annotations

import re

import click
import pytest

from newsaudit.cli import EXIT_INPUT, EXIT_MODEL, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, cli

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "newsaudit"):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        path = f"{prefix} {name}"
        yield path
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, path)


@pytest.mark.parametrize("command", sorted(_commands(cli)))
def test_docs_readme_documents_command(command):
    assert command in README, f"README does not show `{command}`"


@pytest.mark.parametrize("code", [EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INPUT, EXIT_MODEL])
def test_docs_readme_documents_exit_code(code):
    assert re.search(rf"^\| {code} \|", README, re.M)


def test_docs_readme_starts_with_the_two_commands():
    block = README.split("```bash\n", 1)[1].split("```", 1)[0].splitlines()
    assert block[0].startswith("bash scripts/install.sh && .venv/bin/newsaudit audit --sample")
    assert block[1].startswith("bash scripts/install.sh --test && .venv/bin/python -m pytest")
    ci = (ROOT / ".ci" / "run").read_text()
    assert "bash scripts/install.sh --test" in ci and ".venv/bin/python -m pytest" in ci
