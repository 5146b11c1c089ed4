"""The saved research queries: their headers, `sckg query`, /queries, and the same answers
through our endpoint, through pyoxigraph directly and through the Rust `oxigraph serve`."""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest
from pyoxigraph import QueryResultsFormat, QuerySolutions, RdfFormat, parse, parse_query_results

from endpoint_fixtures import (  # noqa: F401 - fixtures
    corpus_store,
    http,
    sckg,
    server,
    start_oxigraph_server,
)
from sckg.queries import ParamError, bind_value, load_queries, parse_query_text
from sckg.store import GraphStore, current_snapshot
from sckg.vocab import document_iri

QUERIES = load_queries()
NAMES = sorted(QUERIES)


@pytest.fixture(scope="module")
def direct_store(corpus_store):
    return GraphStore(current_snapshot(corpus_store), read_only=True)


@pytest.fixture(scope="module")
def oxigraph_server(corpus_store, tmp_path_factory):
    folder = tmp_path_factory.mktemp("oxigraph")
    running = start_oxigraph_server(current_snapshot(corpus_store), folder / "copy", folder / "oxigraph.log")
    yield running
    running.stop()


# -- the files ---------------------------------------------------------------------------------------


def test_at_least_fifteen_queries_each_with_a_header():
    assert len(QUERIES) >= 15
    for saved in QUERIES.values():
        assert saved.title and saved.title != saved.name, saved.name
        assert len(saved.description) > 20, saved.name
        for param in saved.params:
            assert param.default and param.description, (saved.name, param)


def test_the_questions_the_issue_asks_for_are_there():
    titles = " | ".join(q.title.lower() for q in QUERIES.values())
    for words in ("reaffirms a given", "chain of reaffirmations", "most cited, by decade", "counts by relation",
                  "presidential statements that recall resolution 1353", "report of the secretary-general",
                  "unresolved references", "never cited again", "co-citation"):
        assert words in titles, words


def test_header_parsing():
    saved = parse_query_text(
        "# title: T\n# description: first\n#   second\n# param: target document S/RES/1(1946) -- the thing\n"
        "# param: year integer -- a year\nSELECT ?target ?year WHERE {}\n"
    )
    assert saved.title == "T" and saved.description == "first second"
    assert [(p.name, p.kind, p.default) for p in saved.params] == [("target", "document", "S/RES/1(1946)"), ("year", "integer", None)]
    with pytest.raises(ParamError, match="'year'"):
        saved.bind({})
    with pytest.raises(ParamError, match="'colour'"):
        saved.bind({"year": "1", "colour": "red"})


@pytest.mark.parametrize("value", ["S/RES/1353(2001)", "S/RES/1353 (2001)", "https://w3id.org/sckg/id/S/RES/1353(2001)"])
def test_symbols_and_iris_bind_to_the_document_iri(value):
    assert bind_value("target", value, "document") == document_iri("S/RES/1353 (2001)")
    assert bind_value("target", value) == document_iri("S/RES/1353 (2001)")


@pytest.mark.parametrize("value", ["1> } ; DROP ALL #", "not a symbol", ""])
def test_values_that_are_not_documents_are_refused(value):
    with pytest.raises(ParamError, match="'target'"):
        bind_value("target", value, "document")


# -- sckg query -----------------------------------------------------------------------------------------


def test_cli_runs_a_saved_query_with_a_symbol_parameter(corpus_store):
    spaced = sckg("query", "--file", "queries/reaffirmations-of.rq", "--param", "target=S/RES/1318 (2000)",
                  "--format", "json", "--store", str(corpus_store))
    unspaced = sckg("query", "--file", "queries/reaffirmations-of.rq", "--param", "target=S/RES/1318(2000)",
                    "--format", "json", "--store", str(corpus_store))
    assert spaced.returncode == 0, spaced.stderr
    assert spaced.stdout == unspaced.stdout
    symbols = {b["symbol"]["value"] for b in json.loads(spaced.stdout)["results"]["bindings"] if "symbol" in b}
    assert "S/RES/1353 (2001)" in symbols


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv"])
def test_cli_output_formats(corpus_store, fmt):
    result = sckg("query", "--file", "queries/citation-counts-by-relation.rq", "--format", fmt, "--store", str(corpus_store))
    assert result.returncode == 0, result.stderr
    assert "reaffirms" in result.stdout and "recalls" in result.stdout


def test_cli_bad_parameter_names_it(corpus_store):
    result = sckg("query", "--file", "queries/documents-of-year.rq", "--param", "year=nineteen", "--store", str(corpus_store))
    assert result.returncode != 0 and "'year'" in result.stderr


# -- /queries -----------------------------------------------------------------------------------------------


def test_queries_are_listed_with_links(server):
    listing = json.loads(http(f"{server.base}/queries", headers={"Accept": "application/json"}).body)
    assert sorted(q["name"] for q in listing) == NAMES
    html = http(f"{server.base}/queries", headers={"Accept": "text/html"})
    assert html.status == 200 and html.header("content-type").startswith("text/html")
    for entry in listing:
        assert entry["links"]["json"] in html.text.replace("&amp;", "&")


@pytest.mark.parametrize("name", NAMES)
def test_each_query_page_runs_in_one_click(server, name):
    page = http(f"{server.base}/queries/{name}")
    assert page.status == 200, page.text[:500]
    assert "Error" not in page.text


def test_query_page_reports_a_bad_parameter(server):
    reply = http(f"{server.base}/queries/cited-by/results?" + urllib.parse.urlencode({"target": '1> } ; DROP ALL #'}))
    assert reply.status == 400 and "'target'" in reply.text
    page = http(f"{server.base}/queries/cited-by?target=nonsense")
    assert page.status == 400 and "&#39;target&#39;" in page.text


@pytest.mark.parametrize("name", NAMES)
def test_saved_query_results_equal_pyoxigraph_with_the_same_substitutions(server, direct_store, name):
    saved = QUERIES[name]
    bound = saved.bind({})
    expected = direct_store.query(saved.text, bound)
    if isinstance(expected, QuerySolutions):
        reply = http(f"{server.base}/queries/{name}/results?format=json")
        assert reply.status == 200, reply.text
        assert _rows(parse_query_results(reply.body, QueryResultsFormat.JSON)) == _rows(expected)
    else:
        reply = http(f"{server.base}/queries/{name}/results?format=ntriples")
        assert reply.status == 200, reply.text
        assert _triples(reply.body) == {str(t) for t in expected}


def test_parameters_change_the_answer(server):
    a = http(f"{server.base}/queries/cited-by/results?format=json&target=S/RES/1318(2000)")
    b = http(f"{server.base}/queries/cited-by/results?format=json&target=S/RES/242(1967)")
    targets = lambda r: {x["target"]["value"] for x in json.loads(r.body)["results"]["bindings"]}  # noqa: E731
    assert targets(a) == {document_iri("S/RES/1318(2000)").value}
    assert targets(b) == {document_iri("S/RES/242(1967)").value}


# -- three ways to the same answer --------------------------------------------------------------------


def _inline_text(name: str) -> str:
    """The saved query with its default parameters bound by a VALUES block opening its WHERE clause.

    The same text for all three engines (oxigraph serve takes no substitutions). At the head of
    the clause, not after the query: Oxigraph joins a trailing VALUES last, and the chain query
    then walks every instrument's lineage first (12 s instead of 2 ms, past the time limit on a
    busy machine).
    """
    saved = QUERIES[name]
    bound = saved.bind({})
    if not bound:
        return saved.text
    variables = " ".join(f"?{n}" for n in bound)
    values = " ".join(str(t) for t in bound.values())
    where = next(
        m for m in re.finditer(r"\bWHERE\s*\{", saved.text, re.IGNORECASE)
        if "#" not in saved.text[saved.text.rfind("\n", 0, m.start()) + 1 : m.start()]  # not in a comment
    )
    return f"{saved.text[:where.end()]}\n  VALUES ({variables}) {{ ({values}) }}{saved.text[where.end():]}"


@pytest.mark.parametrize("name", NAMES)
def test_same_answers_from_our_endpoint_pyoxigraph_and_oxigraph_serve(server, oxigraph_server, direct_store, name):
    text = _inline_text(name)
    direct = direct_store.query(text)
    ours_url = f"{server.base}/sparql?" + urllib.parse.urlencode({"query": text})
    theirs_url = f"{oxigraph_server.base}/query?" + urllib.parse.urlencode({"query": text})
    if isinstance(direct, QuerySolutions):
        accept = {"Accept": "application/sparql-results+json"}
        ours, theirs = http(ours_url, headers=accept), http(theirs_url, headers=accept)
        assert ours.status == theirs.status == 200, (ours.text[:300], theirs.text[:300])
        expected = _rows(direct)
        assert _rows(parse_query_results(ours.body, QueryResultsFormat.JSON)) == expected
        assert _rows(parse_query_results(theirs.body, QueryResultsFormat.JSON)) == expected
    else:
        accept = {"Accept": "application/n-triples"}
        ours, theirs = http(ours_url, headers=accept), http(theirs_url, headers=accept)
        assert ours.status == theirs.status == 200
        expected = {str(t) for t in direct}
        assert _triples(ours.body) == _triples(theirs.body) == expected


def _rows(solutions) -> list:
    names = [v.value for v in solutions.variables]
    return sorted((tuple((n, _term(row[n])) for n in names if row[n] is not None) for row in solutions), key=repr)


def _term(term) -> str:
    return str(term)


def _triples(body: bytes) -> set[str]:
    return {str(t) for t in parse(body, format=RdfFormat.N_TRIPLES)}
