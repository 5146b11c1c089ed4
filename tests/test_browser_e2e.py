"""The graph browser end to end, in a real headless Chromium (Debian's package, driven by Playwright).

Every test fails if its page logged a console error, threw, or asked for anything but
the server (the context aborts every other request: the pages must work offline).
Screenshots of the main pages are saved in tests/artifacts/.
"""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest

from browser_fixtures import *  # noqa: F401,F403
from browser_fixtures import HOSTILE_SYMBOL, screenshot
from test_browser import PRINTED_FORMS_OF_1353, select, seed_003

DOC_1353 = "https://w3id.org/sckg/id/S/RES/1353(2001)"


def test_home_page(page, site):
    page.goto(site.base + "/?lang=en")
    assert page.locator("h1").first.inner_text() != ""
    assert page.locator("table.docs tbody tr").count() >= 10
    screenshot(page, "home")


@pytest.mark.parametrize("printed", PRINTED_FORMS_OF_1353 + ["第1353（2001）号决议"])
def test_search_box_finds_1353_by_each_printed_form(page, site, printed):
    page.goto(site.base + "/?lang=en")
    page.fill("form.big-search input[name=q]", printed)
    page.press("form.big-search input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?"))
    first = page.locator("table.docs tbody tr td a").first
    assert first.inner_text() == "S/RES/1353 (2001)"
    if printed == "1353":
        screenshot(page, "search")


def test_1353_page_lists_what_it_reaffirms(page, site):
    page.goto(site.base + "/id/S/RES/1353(2001)?lang=en")
    expected = {r["s"] for r in select(site, f"PREFIX sckg: <https://w3id.org/sckg/ontology#> SELECT ?s WHERE {{ <{DOC_1353}> sckg:reaffirms ?d . ?d sckg:symbol ?s }}")}
    heading = page.locator('#outgoing h3[data-relation="reaffirms"]')
    assert heading.inner_text().startswith("reaffirms")
    listed = set(page.locator("#outgoing ul.rel-reaffirms li > a").all_inner_texts())
    assert listed == expected and "S/RES/1327 (2000)" in listed
    recalled = set(page.locator("#outgoing ul.rel-recalls li > a").all_inner_texts())
    assert "S/PRST/2001/3" in recalled and not recalled & listed
    # The highlighted mention carries its relation on hover and links to the cited page.
    mark = page.locator('#doc-text a.cite[href="/id/S/RES/1327(2000)"]').first
    assert "reaffirms" in mark.get_attribute("title")
    screenshot(page, "document-1353")
    mark.click()
    page.wait_for_url(re.compile(r"/id/S/RES/1327\(2000\)"))
    assert "S/RES/1327 (2000)" in page.locator("#doc-title").inner_text()


def test_chain_graph_of_the_2009_statement(page, site):
    root = seed_003(site)
    path = root.split("/id/", 1)[1]
    page.goto(f"{site.base}/chain?id={urllib.parse.quote(path)}&depth=3&lang=en")
    page.wait_for_function("window.sckgChain && window.sckgChain.nodes().length > 0")
    labels = page.evaluate("window.sckgChain.nodes().map(n => n.data('label'))")
    assert "S/RES/1353 (2001)" in labels and "S/RES/1327 (2000)" in labels
    assert page.evaluate("window.sckgChain.edges().length") > 0
    # The list and the timeline say the same as the graph.
    assert "S/RES/1327 (2000)" in page.locator("#chain-tree").inner_text()
    assert "2000" in page.locator("#chain-timeline").inner_text()
    screenshot(page, "chain-2009-statement")
    # Click the node of 1353 where cytoscape drew it.
    box = page.locator("#cy").bounding_box()
    position = page.evaluate("iri => { const p = window.sckgChain.getElementById(iri).renderedPosition(); return [p.x, p.y]; }", DOC_1353)
    page.mouse.click(box["x"] + position[0], box["y"] + position[1])
    page.wait_for_url(re.compile(r"/id/S/RES/1353\(2001\)"))
    assert "S/RES/1353 (2001)" in page.locator("#doc-title").inner_text()


def test_chain_controls_change_the_url(page, site):
    page.goto(site.base + "/chain?id=S/RES/1353(2001)&lang=en")
    page.check("input[name=direction][value=down]")
    page.fill("#depth", "2")
    page.click("#chain-form button[type=submit]")
    page.wait_for_url(re.compile(r"direction=down"))
    assert "depth=2" in page.url
    page.wait_for_function("window.sckgChain && window.sckgChain.nodes().length > 1")


def test_sparql_page_runs_a_query(page, site):
    page.goto(site.base + "/sparql?lang=en")
    page.wait_for_function("window.sckgYasgui && window.sckgYasgui.getTab()")
    query = (
        "PREFIX sckg: <https://w3id.org/sckg/ontology#>\n"
        "SELECT ?symbol WHERE { ?d sckg:reaffirms <https://w3id.org/sckg/id/S/RES/1327(2000)> ; sckg:symbol ?symbol }"
    )
    page.evaluate("query => { window.sckgYasgui.getTab().setQuery(query); }", query)
    page.evaluate("() => { window.sckgYasgui.getTab().getYasqe().query(); }")
    page.wait_for_selector(".yasr table tbody tr")
    assert "S/RES/1353 (2001)" in page.locator(".yasr").inner_text()
    screenshot(page, "sparql")
    # A saved query from queries/ runs from the list, its parameters filled with their defaults.
    page.click('button.example[data-name="citation-counts-by-relation"]')
    page.wait_for_function("document.querySelector('.yasr') && document.querySelector('.yasr').innerText.includes('reaffirms')")


def test_hostile_text_is_shown_not_run(page, site):
    page.goto(site.base + "/id/" + HOSTILE_SYMBOL.replace(" ", ""))
    assert page.evaluate("window.sckgInjected === undefined")
    assert "<script>window.sckgInjected = true;</script>" in page.locator("#doc-text").inner_text()
    assert page.locator("#doc-text script, #doc-text img").count() == 0


def test_unknown_symbol_page(page, site):
    url = site.base + "/id/S/RES/1353(2002)?lang=en"
    response = page.goto(url)
    assert response.status == 404
    page.console_watch.expect_status_error(url)
    assert page.locator("#search-link").get_attribute("href").startswith("/search?q=")
    screenshot(page, "not-found")
    page.click(".suggestions a")
    page.wait_for_url(re.compile(r"/id/S/RES/1353\(2001\)"))


def test_json_and_csv_links(page, site):
    page.goto(site.base + "/search?q=Lebanon&lang=en")
    json_href = page.locator(".data-links a.json").first.get_attribute("href")
    csv_href = page.locator(".data-links a.csv").first.get_attribute("href")
    data = page.request.get(site.base + json_href)
    assert data.ok and json.loads(data.text())["query"] == "Lebanon"
    table = page.request.get(site.base + csv_href)
    assert table.ok and table.headers["content-type"].startswith("text/csv") and "symbol" in table.text().splitlines()[0]


def test_language_switch(page, site):
    page.goto(site.base + "/?lang=en")
    assert page.get_attribute("html", "lang") == "en"
    page.click("#lang-switch")
    page.wait_for_url(re.compile(r"lang=zh"))
    assert page.get_attribute("html", "lang") == "zh-Hans"
    screenshot(page, "home-zh")
    page.goto(site.base + "/id/S/RES/498(1981)")  # an English document, but the reader chose Chinese
    assert page.get_attribute("html", "lang") == "zh-Hans"
    assert "引用" in page.locator("#outgoing h2").inner_text()
