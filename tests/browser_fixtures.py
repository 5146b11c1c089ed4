"""Fixtures for the browser tests: a real `sckg serve` over the seeds, the English corpus and
one hostile document, and a real headless Chromium (Debian's package) driven by Playwright.

Imported by tests/test_browser*.py (`from browser_fixtures import *`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from endpoint_fixtures import SEEDS, english_corpus_dir, ingest, start_sckg_server

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("SCKG_CHROMIUM", "/usr/bin/chromium")

# A resolution whose text holds markup: the browser must show it as text, never run it.
HOSTILE_SYMBOL = "S/RES/2999 (2030)"
HOSTILE_TEXT = """United Nations S/RES/2999 (2030)

Security Council Distr.: General
2 January 2030

Resolution 2999 (2030)

Adopted by the Security Council at its 9999th meeting,
on 2 January 2030

The Security Council,

Reaffirming its resolution 1353 (2001) and the note <script>window.sckgInjected = true;</script> of its President,

Recalling <img src=x onerror="window.sckgInjected = true"> the statements & "quotes" of its members,

1. Decides to remain seized of the matter.
"""


@pytest.fixture(scope="session")
def browser_store(tmp_path_factory) -> Path:
    """Seeds + English corpus + the hostile document, through the real `sckg ingest`."""
    english = english_corpus_dir()
    extra = tmp_path_factory.mktemp("hostile")
    (extra / "S_RES_2999_2030_TEST.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    store = tmp_path_factory.mktemp("browser") / "store"
    ingest(store, SEEDS, english, extra)
    return store


@pytest.fixture(scope="session")
def site(browser_store, tmp_path_factory):
    """`sckg serve` on a free loopback port."""
    log = tmp_path_factory.mktemp("logs") / "browser-server.log"
    running = start_sckg_server(browser_store, log, "--workers", "2", "--query-timeout", "20")
    yield running
    running.stop()


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium is missing at {CHROMIUM} (apt-get install chromium)")
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    if os.environ.get("CI") == "true":
        import playwright.sync_api as playwright_api  # under CI a missing Playwright is a failure, not a skip
    else:
        playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


class ConsoleWatch:
    """Errors a page reported: console errors, uncaught exceptions, failed requests."""

    def expect_status_error(self, url: str) -> None:
        """Chromium logs a page served with an error status (a 404 page) as a console error: that one is expected."""
        self.errors = [e for e in self.errors if not (e.startswith("console: Failed to load resource") and e.endswith(f"({url})"))]

    def __init__(self, page):
        self.errors: list[str] = []
        page.on("console", lambda message: message.type == "error" and self.errors.append(
            f"console: {message.text} ({message.location.get('url')})"))
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        page.on("requestfailed", lambda request: self.errors.append(f"request failed: {request.url}"))


@pytest.fixture
def page(chromium, site):
    """A fresh browser context (no cookies) per test; the test fails if the page logged any error."""
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="en-GB")
    # No network beyond the server: anything else the pages asked for would fail here.
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site.base) else route.abort())
    opened = context.new_page()
    watch = ConsoleWatch(opened)
    opened.console_watch = watch
    yield opened
    context.close()
    assert not watch.errors, "the page reported errors:\n" + "\n".join(watch.errors)


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot as a test artefact (tests/artifacts/, git-ignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


__all__ = ["browser_store", "site", "chromium", "page", "screenshot", "HOSTILE_SYMBOL", "ARTIFACTS"]
