"""Browser tests: the HTML report and the web app in Debian's Chromium, driven by Playwright.

Only localhost and file:// URLs are opened.  Screenshots go to ``artifacts/`` (gitignored).
Under CI=true these tests fail, not skip, when Playwright or Chromium is missing.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _report_fixtures import REPORT_FIXTURES, built_dossier
from _serve_server import running_server

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = os.environ.get("NEWSAUDIT_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
APP_LIMIT = 200_000


def _missing(msg: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(msg + " (CI=true: browser tests must run; `bash scripts/install.sh --test` installs Chromium)")
    pytest.skip(msg)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _missing(f"Chromium not found at {CHROMIUM}")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


class Watched:
    """A page whose console errors, page errors, dialogs and non-local requests are recorded."""

    def __init__(self, browser, width=1280, height=900):
        self.ctx = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.ctx.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.remote: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("dialog", self._dialog)
        self.page.route(re.compile(r"^(?!(file:|data:|about:|http://127\.0\.0\.1[:/])).*"), self._block)

    def _dialog(self, d):
        self.dialogs.append(d.message)
        d.dismiss()

    def _block(self, route):
        self.remote.append(route.request.url)
        route.abort()

    def close(self):
        self.ctx.close()


@pytest.fixture
def watched(browser):
    pages: list[Watched] = []

    def make(**kw):
        w = Watched(browser, **kw)
        pages.append(w)
        return w

    yield make
    for w in pages:
        w.close()


def _shot(page, name: str):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name))


@pytest.fixture(scope="module")
def built_report(tmp_path_factory) -> Path:
    from newsaudit.report.html import render_html

    p = tmp_path_factory.mktemp("report") / "built.html"
    p.write_text(render_html(built_dossier()), encoding="utf-8")
    return p


def _cli_report(args: list[str], out: Path) -> Path:
    res = subprocess.run([sys.executable, "-m", "newsaudit.cli", "audit", *args, "--format", "html", "-o", str(out)],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    return out


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory) -> Path:
    """``newsaudit audit --sample --format html`` (the shipped sample; our own article when it is absent)."""
    from newsaudit.cli import sample_path

    out = tmp_path_factory.mktemp("sample") / "sample.html"
    if sample_path().is_file():
        return _cli_report(["--sample"], out)
    return _cli_report([str(REPORT_FIXTURES / "harbour_article.txt")], out)


def _details(page) -> str:
    page.wait_for_selector("#na-details:not([hidden])")
    return page.inner_text("#na-details")


def test_browser_report_click_quote_shows_speaker_and_source(watched, built_report):
    w = watched()
    w.page.goto(built_report.as_uri())
    w.page.click("#f-q0")
    text = _details(w.page)
    assert "Quote by Ann Lee" in text and "Speaker" in text and "Ann Lee" in text
    assert "Flood plan" in text and "Reference entry" in text
    # the ibid-backed quote names the entry it rests on
    w.page.click("#f-q1")
    assert "entry 1 (ibid resolved)" in _details(w.page)
    w.page.click("#na-details .close")
    assert w.page.is_hidden("#na-details")
    assert not w.errors and not w.dialogs and not w.remote


def test_browser_report_toggle_layer_off_and_on(watched, built_report):
    w = watched()
    w.page.goto(built_report.as_uri())
    bg = "getComputedStyle(document.getElementById('f-q0')).backgroundColor"
    on = w.page.evaluate(bg)
    assert on not in ("rgba(0, 0, 0, 0)", "transparent")
    w.page.uncheck("#toggle-quotes")
    assert w.page.evaluate(bg) == "rgba(0, 0, 0, 0)"
    assert w.page.evaluate("document.body.classList.contains('hide-quotes')")
    # a hidden layer's highlight opens no details of its own
    w.page.click("#f-q0", position={"x": 3, "y": 3})
    if w.page.is_visible("#na-details"):
        assert "Quote by" not in w.page.inner_text("#na-details")
    w.page.check("#toggle-quotes")
    assert w.page.evaluate(bg) == on
    # the broken citation badge goes with its layer
    badge = "getComputedStyle(document.getElementById('f-m2'), '::after').content"
    assert w.page.evaluate(badge) == '"!"'
    w.page.uncheck("#toggle-citations")
    assert w.page.evaluate(badge) == "none"
    assert not w.errors


def test_browser_report_charts_rendered(watched, built_report):
    w = watched()
    w.page.goto(built_report.as_uri())
    for panel in ("voices", "sourcing", "timeline", "rhetoric"):
        svg = w.page.locator(f"#panel-{panel} svg.chart")
        assert svg.count() == 1, panel
        box = svg.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 10
    bars = w.page.locator("#panel-voices svg.chart rect.bar")
    assert bars.count() >= 1 and bars.first.bounding_box()["width"] > 1
    assert w.page.locator("#panel-sourcing rect.bar").count() == 2
    assert w.page.locator("#panel-timeline circle.dot").count() == 1


def test_browser_report_problem_link_jumps_to_highlight(watched, built_report):
    w = watched()
    w.page.goto(built_report.as_uri())
    w.page.click("#panel-problems a.goto >> nth=0")
    assert "Problem:" in _details(w.page)


@pytest.mark.parametrize("width", [390, 1280])
def test_browser_report_fits_phone_and_laptop(watched, built_report, width):
    w = watched(width=width, height=800)
    w.page.goto(built_report.as_uri())
    overflow = w.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1
    side_by_side = w.page.evaluate("document.querySelector('aside.panels').getBoundingClientRect().top"
                                   " < document.querySelector('#na-article').getBoundingClientRect().bottom - 10")
    assert side_by_side is (width > 900)
    _shot(w.page, f"report-built-{width}.png")


def test_browser_report_print_media_hides_controls(watched, built_report):
    w = watched()
    w.page.goto(built_report.as_uri())
    w.page.emulate_media(media="print")
    assert w.page.is_hidden("nav.toggles")
    w.page.emulate_media(media="screen")
    assert w.page.is_visible("nav.toggles")


def test_browser_report_sample_article(watched, sample_report):
    w = watched()
    w.page.goto(sample_report.as_uri())
    w.page.wait_for_selector("#na-article")
    charts = w.page.locator("svg.chart")
    assert charts.count() >= 1
    for i in range(charts.count()):
        assert charts.nth(i).locator("rect.bar, circle.dot").count() > 0
    quotes = w.page.locator("#na-article [data-l=quotes]:not(.nsq)")
    assert quotes.count() > 0, "the sample article's report shows no quote"
    quotes.first.click()
    text = _details(w.page)
    assert "Speaker" in text and ("Source" in text or "Citation" in text)
    _shot(w.page, "report-sample.png")
    assert not w.errors and not w.dialogs and not w.remote


@pytest.mark.parametrize("source", ["built", "audited"])
def test_browser_report_xss_payload_is_inert(watched, built_report, tmp_path, source):
    path = built_report if source == "built" else _cli_report([str(REPORT_FIXTURES / "xss_article.txt")], tmp_path / "x.html")
    w = watched()
    w.page.goto(path.as_uri())
    w.page.wait_for_selector("#na-article")
    hl = w.page.locator("#na-article [data-f]")
    for i in range(min(hl.count(), 40)):
        hl.nth(i).click(force=True)
    w.page.mouse.move(200, 300)
    assert w.page.evaluate("typeof window.__xss") == "undefined"
    assert not w.dialogs and not w.remote
    assert w.page.locator("#na-article img, #na-article script, #na-article svg, #na-article a").count() == 0
    assert "<script>" in w.page.inner_text("#na-article")


# ---------------------------------------------------------------- the web app

@pytest.fixture(scope="module")
def app_url(browser):
    from newsaudit.serve.app import create_app

    with running_server(create_app(max_bytes=APP_LIMIT)) as base:
        yield base


def test_browser_app_upload_file_shows_report(watched, app_url):
    w = watched()
    w.page.goto(app_url + "/")
    _shot(w.page, "app-form.png")
    w.page.set_input_files("#file", str(REPORT_FIXTURES / "harbour_article.txt"))
    with w.page.expect_navigation():
        w.page.click("#submit")
    w.page.wait_for_selector("#na-article")
    assert "Lornhaven" in w.page.inner_text("#na-article")
    assert w.page.locator("svg.chart").count() >= 1
    _shot(w.page, "app-report.png")
    assert not w.errors and not w.remote


def test_browser_app_too_large_shows_message(watched, app_url, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("A long article. " * (APP_LIMIT // 8), encoding="utf-8")
    w = watched()
    w.page.goto(app_url + "/")
    w.page.set_input_files("#file", str(big))
    with w.page.expect_navigation():
        w.page.click("#submit")
    msg = w.page.inner_text("#error-message")
    assert "limit" in msg and ("MB" in msg or "KB" in msg)
    assert "Too large" in w.page.inner_text("h1")
    _shot(w.page, "app-too-large.png")


def test_browser_app_pasted_xss_is_inert(watched, app_url):
    w = watched()
    w.page.goto(app_url + "/")
    w.page.fill("#text", (REPORT_FIXTURES / "xss_article.txt").read_text(encoding="utf-8"))
    with w.page.expect_navigation():
        w.page.click("#submit")
    w.page.wait_for_selector("#na-article")
    hl = w.page.locator("#na-article [data-f]")
    for i in range(min(hl.count(), 40)):
        hl.nth(i).click(force=True)
    assert w.page.evaluate("typeof window.__xss") == "undefined"
    assert not w.dialogs and not w.remote
    assert "window.__xss" in w.page.inner_text("#na-article")


def test_browser_app_docs_load_offline(watched, app_url):
    w = watched()
    w.page.goto(app_url + "/docs")
    w.page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
    assert "/api/audit" in w.page.inner_text(".swagger-ui")
    assert not w.remote
