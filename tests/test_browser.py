"""The graph browser over HTTP: routes, content negotiation, escaping, data links, languages.

A real `sckg serve` over the seeds, the English corpus and one hostile document
(tests/browser_fixtures.py). The end-to-end tests in a real Chromium are in
tests/test_browser_e2e.py.
"""

from __future__ import annotations

import csv
import io
import json
import urllib.parse

import pytest
from pyoxigraph import RdfFormat, parse

from browser_fixtures import *  # noqa: F401,F403
from browser_fixtures import HOSTILE_SYMBOL, HOSTILE_TEXT
from endpoint_fixtures import http
from graph_server.browser.i18n import labels

DOC_1353 = "https://w3id.org/sckg/id/S/RES/1353(2001)"
HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
PRINTED_FORMS_OF_1353 = ["1353", "S/RES/1353 (2001)", "第1353(2001)号决议", "resolution 1353 (2001)", "S/RES/1353(2001)"]


def get(site, path: str, headers: dict | None = None):
    return http(site.base + path, headers=headers or HTML)


def select(site, query: str) -> list[dict]:
    reply = site.sparql(query)
    assert reply.status == 200, reply.text
    return [{k: v["value"] for k, v in row.items()} for row in json.loads(reply.body)["results"]["bindings"]]


def seed_003(site) -> str:
    rows = select(site, 'PREFIX sckg: <https://w3id.org/sckg/ontology#> SELECT ?d WHERE { ?d sckg:sourceFile ?f FILTER(STRSTARTS(?f, "003_")) }')
    assert len(rows) == 1
    return rows[0]["d"]


# -- home and search ----------------------------------------------------------------------------


def test_home_shows_counts_and_lists(site):
    reply = get(site, "/")
    assert reply.status == 200 and reply.header("content-type").startswith("text/html")
    data = json.loads(get(site, "/index.json").body)["tables"]
    ingested = select(site, "PREFIX sckg: <https://w3id.org/sckg/ontology#> SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d sckg:sourceFile ?f }")
    assert sum(r["count"] for r in data["by_type"]) == int(ingested[0]["n"])
    assert {r["key"] for r in data["by_relation"]} == {"reaffirms", "recalls", "cites"}
    top = data["most_cited"][0]
    assert top["page"] in reply.text and top["cited_by"] >= data["most_cited"][-1]["cited_by"]


@pytest.mark.parametrize("printed", PRINTED_FORMS_OF_1353 + ["PRST/2001/3"])
def test_search_reads_printed_symbols(site, printed):
    reply = get(site, "/search.json?" + urllib.parse.urlencode({"q": printed}))
    assert reply.status == 200
    rows = json.loads(reply.body)["rows"]
    expected = "S/PRST/2001/3" if "PRST" in printed else "S/RES/1353 (2001)"
    assert rows and rows[0]["symbol"] == expected, rows[:3]


def test_search_by_words_in_chinese_and_english(site):
    chinese = json.loads(get(site, "/search.json?" + urllib.parse.urlencode({"q": "维持和平"})).body)
    assert chinese["total"] >= 1 and all(r["language"] == "zh" for r in chinese["rows"]), chinese["rows"]
    english = json.loads(get(site, "/search.json?q=Lebanon&type=Resolution&year_from=1978&year_to=1982&per_page=5").body)
    assert english["total"] > 5 and len(english["rows"]) == 5 and english["pages"] >= 2
    assert all(1978 <= r["year"] <= 1982 and r["type"] == "Resolution" for r in english["rows"])
    page_two = json.loads(get(site, "/search.json?q=Lebanon&type=Resolution&year_from=1978&year_to=1982&per_page=5&page=2").body)
    assert {r["iri"] for r in page_two["rows"]}.isdisjoint(r["iri"] for r in english["rows"])


def test_search_csv_has_every_hit(site):
    reply = get(site, "/search.csv?q=Lebanon")
    assert reply.header("content-type").startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(reply.text)))
    assert len(rows) == json.loads(get(site, "/search.json?q=Lebanon").body)["total"]
    assert {"symbol", "iri", "cited_by"} <= set(rows[0])


def test_search_rejects_bad_parameters_by_name(site):
    assert get(site, "/search?q=x&type=Nonsense").status == 400
    reply = get(site, "/search?q=x&page=abc")
    assert reply.status == 400 and "page" in reply.text


def test_hostile_input_is_data_not_query(site):
    hostile = '"} } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o '
    reply = get(site, "/search.json?" + urllib.parse.urlencode({"q": hostile}))
    assert reply.status == 200 and json.loads(reply.body)["total"] == 0
    assert get(site, "/id/" + urllib.parse.quote("S/RES/1353(2001)> ?p ?o } #")).status == 404


# -- document pages ------------------------------------------------------------------------------


def test_document_page_lists_citations_by_relation(site):
    reply = get(site, "/id/S/RES/1353(2001)?lang=en")
    assert reply.status == 200
    page = reply.text
    reaffirmed = select(site, f"PREFIX sckg: <https://w3id.org/sckg/ontology#> SELECT ?s WHERE {{ <{DOC_1353}> sckg:reaffirms ?d . ?d sckg:symbol ?s }}")
    assert reaffirmed
    outgoing = page[page.index('id="outgoing"'):page.index('id="incoming"')]
    reaffirms_block = outgoing[outgoing.index('data-relation="reaffirms"'):]
    reaffirms_block = reaffirms_block[: reaffirms_block.index("</ul>")]
    for row in reaffirmed:
        assert row["s"] in reaffirms_block
    assert "S/RES/1327 (2000)" in reaffirms_block
    # Every citation node of the text is highlighted and linked.
    cited = select(site, f"PREFIX cito: <http://purl.org/spar/cito/> SELECT ?c WHERE {{ ?c cito:hasCitingEntity <{DOC_1353}> }}")
    assert page.count('class="cite rel-') >= len({r["c"] for r in cited}) - 1  # one span may carry several
    assert 'href="/id/S/RES/1327(2000)"' in page


def test_incoming_counts_match_the_graph(site):
    data = json.loads(get(site, "/index.json").body)["tables"]["most_cited"][0]
    page = get(site, data["page"] + "?lang=en").text
    assert f"cited by <strong>" in page or "reaffirmed by <strong>" in page or "recalled by <strong>" in page
    citations = json.loads(get(site, "/citations.json?id=" + urllib.parse.quote(data["page"][4:])).body)["rows"]
    assert len({r["document"] for r in citations if r["direction"] == "in"}) == data["cited_by"]


def test_document_page_follows_the_document_language(site):
    assert 'lang="zh-Hans"' in get(site, "/id/S/RES/1353(2001)").text
    assert 'lang="en"' in get(site, "/id/S/RES/498(1981)").text


def test_language_switch_is_remembered(site):
    reply = get(site, "/?lang=zh")
    assert "首页" in reply.text or "检索" in reply.text
    assert "sckg_lang=zh" in reply.header("set-cookie")
    again = get(site, "/id/S/RES/498(1981)", headers={**HTML, "Cookie": "sckg_lang=zh"})
    assert 'lang="zh-Hans"' in again.text


def test_cited_but_not_ingested_document_has_a_page(site):
    reply = get(site, "/id/S/2000/809?lang=en")
    assert reply.status == 200 and 'id="not-ingested"' in reply.text
    assert 'href="/id/S/RES/1353(2001)"' in reply.text[reply.text.index('id="incoming"'):]


def test_symbols_with_dots_are_not_suffixes(site):
    rows = select(site, 'PREFIX sckg: <https://w3id.org/sckg/ontology#> SELECT ?d WHERE { ?d sckg:symbol ?s FILTER(CONTAINS(?s, ".")) } LIMIT 1')
    path = rows[0]["d"].split("/id/", 1)[1]
    assert get(site, "/id/" + path).status == 200


def test_hostile_document_text_is_escaped(site):
    path = "/id/" + HOSTILE_SYMBOL.replace(" ", "")
    reply = get(site, path)
    assert reply.status == 200
    assert "&lt;script&gt;window.sckgInjected" in reply.text
    assert "<script>window.sckgInjected" not in reply.text and "<img src=x" not in reply.text


def test_unknown_symbol_gets_a_helpful_404(site):
    reply = get(site, "/id/S/RES/1353(2002)")
    assert reply.status == 404 and reply.header("content-type").startswith("text/html")
    assert 'href="/id/S/RES/1353(2001)"' in reply.text  # did you mean
    assert "/search?q=" in reply.text


# -- generic resources -----------------------------------------------------------------------------


def test_any_resource_under_the_base_has_a_page(site):
    graph = select(site, 'PREFIX sckg: <https://w3id.org/sckg/ontology#> SELECT ?g WHERE { GRAPH ?g { ?g sckg:sourceHash ?h } } LIMIT 1')[0]["g"]
    reply = get(site, "/id/" + graph.split("/id/", 1)[1])
    assert reply.status == 200 and "/dump?graph=" in reply.text
    citation = select(site, f"PREFIX cito: <http://purl.org/spar/cito/> SELECT ?c WHERE {{ ?c cito:hasCitingEntity <{DOC_1353}> }} LIMIT 1")[0]["c"]
    page = get(site, "/id/" + citation.split("/id/", 1)[1] + "?lang=en")
    assert page.status == 200 and 'href="/id/S/RES/1353(2001)"' in page.text


# -- content negotiation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "accept, suffix, media_type, rdf_format",
    [
        ("text/turtle", ".ttl", "text/turtle", RdfFormat.TURTLE),
        ("application/ld+json", ".jsonld", "application/ld+json", RdfFormat.JSON_LD),
        ("application/n-triples", ".nt", "application/n-triples", RdfFormat.N_TRIPLES),
    ],
)
def test_rdf_by_accept_and_by_suffix(site, accept, suffix, media_type, rdf_format):
    by_accept = get(site, "/id/S/RES/1353(2001)", headers={"Accept": accept})
    by_suffix = get(site, "/id/S/RES/1353(2001)" + suffix, headers={"Accept": "text/html"})
    for reply in (by_accept, by_suffix):
        assert reply.status == 200 and reply.header("content-type").startswith(media_type)
        triples = list(parse(reply.body, format=rdf_format))
        subjects = {t.subject.value for t in triples}
        assert DOC_1353 in subjects
        # The citation nodes of its text come along (a concise bounded description).
        assert any("/citation/" in s for s in subjects)
    assert "Accept" in (by_accept.header("vary") or "")


def test_rdf_for_unknown_resource_is_404(site):
    assert get(site, "/id/S/RES/1353(2002).ttl").status == 404


# -- chains ------------------------------------------------------------------------------------------


def test_chain_of_the_2009_statement(site):
    root = seed_003(site)
    path = root.split("/id/", 1)[1]
    data = json.loads(get(site, f"/chain.json?id={urllib.parse.quote(path)}&depth=3").body)
    symbols = {r["symbol"] for r in data["rows"]}
    assert {"S/RES/1353 (2001)", "S/RES/1327 (2000)"} <= symbols
    # Transitive: what 1353 reaffirms is in the chain at depth 2 or less.
    assert "S/RES/1318 (2000)" in symbols
    shallow = json.loads(get(site, f"/chain.json?id={urllib.parse.quote(path)}&depth=1&rel=recalls").body)
    assert {e["relation"] for e in shallow["edges"]} == {"recalls"} and max(r["depth"] for r in shallow["rows"]) == 1
    edges = list(csv.DictReader(io.StringIO(get(site, f"/chain.csv?id={urllib.parse.quote(path)}").text)))
    assert {"citing_label", "relation", "cited_label"} <= set(edges[0])


def test_chain_down_lists_what_builds_on_a_document(site):
    data = json.loads(get(site, "/chain.json?id=S/RES/1353(2001)&direction=down&depth=2").body)
    assert seed_003(site) in {r["iri"] for r in data["rows"]}


def test_chain_rejects_bad_parameters(site):
    assert get(site, "/chain?id=S/RES/1353(2001)&depth=99").status == 400
    assert get(site, "/chain?id=S/RES/1353(2001)&rel=likes").status == 400
    assert get(site, "/chain?id=S/RES/9(2099)").status == 404


# -- the SPARQL page ----------------------------------------------------------------------------------


def test_sparql_answers_the_editor_to_browsers_and_the_protocol_to_others(site):
    editor = get(site, "/sparql")
    assert editor.status == 200 and "yasgui" in editor.text.lower()
    config = editor.text[editor.text.index('id="sparql-config">') + len('id="sparql-config">'):]
    examples = json.loads(config[: config.index("</script>")])["examples"]
    assert len(examples) >= 15
    description = get(site, "/sparql", headers={"Accept": "*/*"})
    assert description.header("content-type").startswith("text/turtle")
    results = get(site, "/sparql?query=" + urllib.parse.quote("ASK {}"), headers=HTML)
    assert results.status == 200 and "html" not in results.header("content-type")


def test_saved_queries_run_with_their_defaults_in_the_editor(site):
    page = get(site, "/sparql").text
    config = page[page.index('id="sparql-config">') + len('id="sparql-config">'):]
    examples = json.loads(config[: config.index("</script>")])["examples"]
    reaffirmations = next(e for e in examples if e["name"] == "reaffirmations-of")
    reply = site.sparql(reaffirmations["query"])
    assert reply.status == 200 and json.loads(reply.body)["results"]["bindings"]


def test_vendor_files_come_from_node_modules(site):
    for name in ("yasgui.min.js", "yasgui.min.css", "cytoscape.min.js", "cytoscape-dagre.min.js"):
        assert get(site, "/vendor/" + name).status == 200
    assert get(site, "/vendor/package.json").status == 404


def test_label_files_have_the_same_keys():
    assert set(labels("en")) == set(labels("zh"))


# -- a new snapshot ------------------------------------------------------------------------------------


def test_new_documents_appear_without_a_restart(tmp_path):
    """The browser's catalogue is per snapshot: an ingest while serving shows up on the next request."""
    from endpoint_fixtures import SEEDS, ingest, start_sckg_server

    store = tmp_path / "store"
    ingest(store, SEEDS)
    server = start_sckg_server(store, tmp_path / "server.log", "--workers", "1")
    try:
        before = json.loads(http(server.base + "/search.json?q=2999").body)
        assert HOSTILE_SYMBOL not in {r["symbol"] for r in before["rows"]}
        extra = tmp_path / "extra"
        extra.mkdir()
        (extra / "S_RES_2999_2030_TEST.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
        ingest(store, extra)
        after = json.loads(http(server.base + "/search.json?q=2999").body)
        assert after["rows"][0]["symbol"] == HOSTILE_SYMBOL
        assert http(server.base + "/id/S/RES/2999(2030)").status == 200
    finally:
        server.stop()
