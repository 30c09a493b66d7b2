"""newsaudit.audit: a str is always text; a file is read only when given as a pathlib.Path."""
from __future__ import annotations

from pathlib import Path

import pytest

import newsaudit
from newsaudit.errors import InputNotFoundError
from newsaudit.settings import AuditOptions

OPTS = AuditOptions(detect_language=False, rhetoric=False)
BODY = "The mayor of Quellbridge said on Monday that the ferry would run again in May.\n"


@pytest.mark.parametrize("relative", [False, True])
def test_api_str_naming_a_file_is_text(tmp_path, monkeypatch, relative):
    p = tmp_path / "article.txt"
    p.write_text(BODY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    name = "article.txt" if relative else str(p)
    d = newsaudit.audit(name, options=OPTS)
    assert d.text.strip() == name and "Quellbridge" not in d.text


@pytest.mark.parametrize("wrap", [Path, lambda s: Path(s).absolute()])
def test_api_path_is_read(tmp_path, monkeypatch, wrap):
    (tmp_path / "article.txt").write_text(BODY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "Quellbridge" in newsaudit.audit(wrap("article.txt"), options=OPTS).text


def test_api_missing_path_is_a_typed_error(tmp_path):
    with pytest.raises(InputNotFoundError):
        newsaudit.audit(tmp_path / "nope.txt", options=OPTS)
