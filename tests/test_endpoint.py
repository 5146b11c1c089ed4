"""The SPARQL endpoint over HTTP: a real `sckg serve` on a loopback port over an ingested store."""

from __future__ import annotations

import csv
import gzip
import io
import json
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET

import pytest
from pyoxigraph import QueryResultsFormat, RdfFormat, parse, parse_query_results

from endpoint_fixtures import (  # noqa: F401 - fixtures
    SEEDS,
    UPDATE_TOKEN,
    corpus_store,
    english_corpus_dir,
    http,
    ingest,
    server,
    start_sckg_server,
    tight_server,
    tight_store,
)
from sckg.store import GraphStore, current_snapshot

COUNT_DOCS = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d <https://w3id.org/sckg/ontology#sourceFile> ?f }"
ONE_HOP = """PREFIX sckg: <https://w3id.org/sckg/ontology#>
SELECT ?doc ?symbol WHERE { ?doc sckg:reaffirms <https://w3id.org/sckg/id/S/RES/1318(2000)> ; sckg:symbol ?symbol }"""
CONSTRUCT = """PREFIX sckg: <https://w3id.org/sckg/ontology#>
CONSTRUCT { ?d sckg:symbol ?s } WHERE { ?d sckg:sourceFile ?f ; sckg:symbol ?s } """
EXPLOSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
RESULT_JSON = "application/sparql-results+json"


def _direct(store_path, query):
    store = GraphStore(current_snapshot(store_path), read_only=True)
    return store.query(query)


def _solutions(body: bytes, fmt=QueryResultsFormat.JSON) -> list[dict]:
    results = parse_query_results(body, fmt)
    names = [v.value for v in results.variables]
    return sorted(({n: str(row[n]) for n in names if row[n] is not None} for row in results), key=repr)


def _direct_solutions(store_path, query) -> list[dict]:
    results = _direct(store_path, query)
    names = [v.value for v in results.variables]
    return sorted(({n: str(row[n]) for n in names if row[n] is not None} for row in results), key=repr)


def _count(reply) -> int:
    return int(json.loads(reply.body)["results"]["bindings"][0]["n"]["value"])


# -- the protocol -------------------------------------------------------------------------------


def test_get_select_gives_the_same_rows_as_pyoxigraph(server, corpus_store):
    reply = server.sparql(ONE_HOP)
    assert reply.status == 200
    assert reply.header("content-type").startswith(RESULT_JSON)
    rows = _solutions(reply.body)
    assert rows == _direct_solutions(corpus_store, ONE_HOP)
    assert any(r["symbol"] == '"S/RES/1353 (2001)"' for r in rows)


def test_post_form_and_post_sparql_query_answer_like_get(server):
    by_get = _solutions(server.sparql(ONE_HOP).body)
    form = http(
        f"{server.base}/sparql", method="POST",
        data=urllib.parse.urlencode({"query": ONE_HOP}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": RESULT_JSON},
    )
    direct = http(
        f"{server.base}/sparql", method="POST", data=ONE_HOP.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": RESULT_JSON},
    )
    assert form.status == direct.status == 200
    assert _solutions(form.body) == _solutions(direct.body) == by_get


@pytest.mark.parametrize(
    "accept, media_type, fmt",
    [
        ("application/sparql-results+xml", "application/sparql-results+xml", QueryResultsFormat.XML),
        ("text/tab-separated-values", "text/tab-separated-values", QueryResultsFormat.TSV),
        ("application/json", RESULT_JSON, QueryResultsFormat.JSON),
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml", QueryResultsFormat.XML),
        ("text/html, */*;q=0.1", RESULT_JSON, QueryResultsFormat.JSON),
    ],
)
def test_select_results_follow_the_accept_header_and_q_values(server, corpus_store, accept, media_type, fmt):
    reply = server.sparql(ONE_HOP, accept=accept)
    assert reply.status == 200
    assert reply.header("content-type").split(";")[0] == media_type
    assert _solutions(reply.body, fmt) == _direct_solutions(corpus_store, ONE_HOP)


def test_csv_results(server, corpus_store):
    reply = server.sparql(ONE_HOP, accept="text/csv")
    assert reply.header("content-type").startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(reply.text)))
    expected = _direct_solutions(corpus_store, ONE_HOP)
    assert sorted(r["symbol"] for r in rows) == sorted(e["symbol"].strip('"') for e in expected)


def test_format_parameter_wins_over_accept(server):
    reply = server.sparql(ONE_HOP, accept=RESULT_JSON, format="tsv")
    assert reply.header("content-type").startswith("text/tab-separated-values")
    assert reply.text.startswith("?doc\t?symbol")


@pytest.mark.parametrize(
    "accept, rdf_format",
    [
        ("text/turtle", RdfFormat.TURTLE),
        ("application/n-triples", RdfFormat.N_TRIPLES),
        ("application/rdf+xml", RdfFormat.RDF_XML),
        ("application/ld+json", RdfFormat.JSON_LD),
    ],
)
def test_construct_in_every_rdf_format(server, corpus_store, accept, rdf_format):
    reply = server.sparql(CONSTRUCT, accept=accept)
    assert reply.status == 200
    assert reply.header("content-type").split(";")[0] == accept
    triples = {str(t) for t in parse(reply.body, format=rdf_format)}
    assert triples == {str(t) for t in _direct(corpus_store, CONSTRUCT)}
    assert len(triples) > 800


def test_ask(server):
    reply = server.sparql("ASK { ?d <https://w3id.org/sckg/ontology#reaffirms> ?x }")
    assert reply.status == 200 and json.loads(reply.body)["boolean"] is True


def test_unacceptable_accept_is_406(server):
    assert server.sparql(ONE_HOP, accept="image/png").status == 406
    reply = server.sparql(CONSTRUCT, format="csv")
    assert reply.status == 406 and "csv" in reply.text


def test_malformed_query_is_400_with_the_parser_message(server, corpus_store):
    bad = "SELECT ?s WHERE { ?s ?p }"
    with pytest.raises(SyntaxError) as parser_error:
        _direct(corpus_store, bad)
    reply = server.sparql(bad)
    assert reply.status == 400
    assert str(parser_error.value) in reply.text


def test_unknown_format_parameter_is_400_naming_it(server):
    reply = server.sparql(ONE_HOP, format="yaml")
    assert reply.status == 400 and "'format'" in reply.text


def test_repeated_query_parameter_is_400(server):
    reply = http(f"{server.base}/sparql?query=ASK%7B%7D&query=ASK%7B%7D")
    assert reply.status == 400 and "'query'" in reply.text


def test_post_with_an_unsupported_content_type_is_415(server):
    reply = http(f"{server.base}/sparql", method="POST", data=b"ASK {}", headers={"Content-Type": "text/plain"})
    assert reply.status == 415


def test_too_large_a_request_is_413(server):
    huge = ("# padding\n" * 120_000 + "ASK {}").encode()
    reply = http(f"{server.base}/sparql", method="POST", data=huge, headers={"Content-Type": "application/sparql-query"})
    assert reply.status == 413


def test_service_description_when_there_is_no_query(server):
    reply = http(f"{server.base}/sparql", headers={"Accept": "text/turtle"})
    assert reply.status == 200
    triples = list(parse(reply.body, format=RdfFormat.TURTLE))
    predicates = {t.predicate.value for t in triples}
    assert "http://www.w3.org/ns/sparql-service-description#endpoint" in predicates
    assert any(t.object.value.endswith("#UnionDefaultGraph") for t in triples)
    as_ntriples = http(f"{server.base}/sparql", headers={"Accept": "application/n-triples"})
    assert len(list(parse(as_ntriples.body, format=RdfFormat.N_TRIPLES))) == len(triples)


def test_cors_for_get_and_preflight(server):
    assert server.sparql(ONE_HOP).header("access-control-allow-origin") == "*"
    preflight = http(f"{server.base}/sparql", method="OPTIONS", headers={
        "Origin": "https://yasgui.example", "Access-Control-Request-Method": "GET"})
    assert preflight.status in (200, 204)
    assert preflight.header("access-control-allow-origin") == "*"


def test_default_graph_uri_and_named_graph_uri_define_the_dataset(server, corpus_store):
    registry = "https://w3id.org/sckg/id/graph/registry"
    texts = "SELECT (COUNT(*) AS ?n) WHERE { ?d <https://w3id.org/sckg/ontology#text> ?t }"
    assert _count(server.sparql(texts)) == int(next(iter(_direct(corpus_store, texts)))["n"].value) > 900
    assert _count(server.sparql(texts, **{"default-graph-uri": registry})) == 0
    one_graph = "https://w3id.org/sckg/id/graph/002_0b85769777cbff24.txt"
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    rows = json.loads(server.sparql(graphs, **{"named-graph-uri": one_graph}).body)["results"]["bindings"]
    assert [r["g"]["value"] for r in rows] == [one_graph]
    bad = server.sparql(graphs, **{"named-graph-uri": "not an iri"})
    assert bad.status == 400 and "named-graph-uri" in bad.text


# -- read-only ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "method, body, content_type, query_string",
    [
        ("POST", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update", ""),
        ("POST", urllib.parse.urlencode({"update": "CLEAR ALL"}), "application/x-www-form-urlencoded", ""),
        ("POST", urllib.parse.urlencode({"update": "LOAD <http://example.org/x.ttl>"}), "application/x-www-form-urlencoded", ""),
        ("GET", None, None, urllib.parse.urlencode({"update": "DROP ALL"})),
    ],
)
def test_updates_are_refused_on_the_public_endpoint(server, method, body, content_type, query_string):
    before = _count(server.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    headers = {"Content-Type": content_type} if content_type else {}
    reply = http(f"{server.base}/sparql?{query_string}", method=method,
                 data=body.encode() if body else None, headers=headers)
    assert reply.status == 403 and "read-only" in reply.text
    assert _count(server.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")) == before


def test_an_update_sent_as_a_query_is_a_syntax_error(server):
    assert server.sparql("CLEAR ALL").status == 400


def test_service_is_refused(server):
    reply = server.sparql("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert reply.status == 403 and "SERVICE" in reply.text
    fine = server.sparql('SELECT ?s WHERE { ?s ?p "SERVICE" } LIMIT 1')
    assert fine.status == 200


def test_write_route_is_closed_without_a_token(server):
    reply = http(f"{server.base}/update", method="POST", data=b"CLEAR ALL",
                 headers={"Content-Type": "application/sparql-update"})
    assert reply.status == 403 and "SCKG_UPDATE_TOKEN" in reply.text


def test_write_route_with_a_token_publishes_a_new_snapshot(tight_server):
    update = b"INSERT DATA { GRAPH <urn:test:graph> { <urn:test:doc> <https://w3id.org/sckg/ontology#symbol> \"S/TEST/1\" } }"
    headers = {"Content-Type": "application/sparql-update"}
    ask = "ASK { <urn:test:doc> ?p ?o }"
    etag_before = http(f"{tight_server.base}/dump?format=nq").header("etag")
    assert http(f"{tight_server.base}/update", method="POST", data=update, headers=headers).status == 401
    wrong = {**headers, "Authorization": "Bearer nope"}
    assert http(f"{tight_server.base}/update", method="POST", data=update, headers=wrong).status == 401
    assert json.loads(tight_server.sparql(ask).body)["boolean"] is False
    right = {**headers, "Authorization": f"Bearer {UPDATE_TOKEN}"}
    reply = http(f"{tight_server.base}/update", method="POST", data=update, headers=right)
    assert reply.status == 200, reply.text
    assert json.loads(tight_server.sparql(ask).body)["boolean"] is True  # no restart
    assert http(f"{tight_server.base}/dump?format=nq").header("etag") != etag_before


# -- limits --------------------------------------------------------------------------------------


def test_an_explosive_query_is_stopped_and_the_server_keeps_answering(tight_server):
    started = time.monotonic()
    reply = tight_server.sparql(EXPLOSIVE)
    elapsed = time.monotonic() - started
    assert reply.status == 503
    assert "2-second limit" in reply.text
    assert elapsed < 2 + 3  # the limit, plus slack for a loaded machine
    after = tight_server.sparql("ASK { ?s ?p ?o }")
    assert after.status == 200 and json.loads(after.body)["boolean"] is True


def test_concurrent_queries_are_bounded(tight_server):
    """One worker, one waiting place: a third concurrent query is turned away with 503 at once."""
    replies = {}

    def run(name, query):
        replies[name] = tight_server.sparql(query)

    slow = threading.Thread(target=run, args=("slow", EXPLOSIVE))
    slow.start()
    time.sleep(0.5)  # the explosive query holds the only worker
    quick = [threading.Thread(target=run, args=(f"quick{i}", "ASK {}")) for i in range(3)]
    for thread in quick:
        thread.start()
    for thread in quick + [slow]:
        thread.join(30)
    statuses = [replies[f"quick{i}"].status for i in range(3)]
    assert replies["slow"].status == 503
    busy = [replies[f"quick{i}"] for i in range(3) if replies[f"quick{i}"].status == 503]
    assert busy and all("busy" in r.text for r in busy), statuses
    assert tight_server.sparql("ASK {}").status == 200


def test_row_cap_is_applied_and_reported(server):
    reply = server.sparql("SELECT * WHERE { ?s ?p ?o }")
    assert reply.status == 200
    assert len(json.loads(reply.body)["results"]["bindings"]) == 2000
    assert reply.header("x-sckg-truncated") == "max-rows=2000"
    construct = server.sparql("CONSTRUCT WHERE { ?s ?p ?o }", accept="application/n-triples")
    assert len(construct.text.strip().splitlines()) == 2000
    assert construct.header("x-sckg-truncated") == "max-rows=2000"
    small = server.sparql(ONE_HOP)
    assert small.header("x-sckg-truncated") is None


@pytest.mark.parametrize("accept", ["text/csv", "text/tab-separated-values", "application/sparql-results+xml"])
def test_row_cap_cuts_every_result_format_into_a_well_formed_document(server, accept):
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    reply = server.sparql(query, accept=accept)
    assert reply.status == 200
    assert reply.header("x-sckg-truncated") == "max-rows=2000"
    assert reply.header("x-sckg-result-rows") == "2000"
    if accept == "text/csv":  # values may hold commas, quotes and line breaks: read it as CSV
        records = list(csv.reader(io.StringIO(reply.text, newline="")))
        assert records[0] == ["s", "p", "o"] and len(records) == 2001
    else:
        fmt = QueryResultsFormat.TSV if accept == "text/tab-separated-values" else QueryResultsFormat.XML
        assert len(list(parse_query_results(reply.body, fmt))) == 2000


def test_byte_cap_is_applied_and_reported(tight_server):
    reply = tight_server.sparql("SELECT * WHERE { ?s ?p ?o }")
    assert reply.status == 200
    assert len(reply.body) <= 20_000
    assert reply.header("x-sckg-truncated") == "max-bytes=20000"
    rows = json.loads(reply.body)["results"]["bindings"]  # still a well-formed document
    assert 0 < len(rows) == int(reply.header("x-sckg-result-rows"))


# -- ingest while serving ---------------------------------------------------------------------------


def test_ingest_while_serving(tmp_path):
    """Documents ingested while the server runs appear without a restart, and never half-written."""
    english = english_corpus_dir()
    store = tmp_path / "store"
    ingest(store, SEEDS)
    served = start_sckg_server(store, tmp_path / "server.log", "--workers", "2")
    # Each ingested document must come with its text and its language, and each citation
    # with its cited entity (or, for a reference by date the store could not resolve, with
    # the date it prints): a reader seeing half a document would break one of these.
    half_written = """PREFIX sckg: <https://w3id.org/sckg/ontology#> PREFIX cito: <http://purl.org/spar/cito/>
      SELECT (COUNT(DISTINCT ?d) AS ?n) (SUM(?broken) AS ?half) WHERE {
        ?d sckg:sourceFile ?f .
        BIND(IF(EXISTS { ?d sckg:text ?t ; <http://purl.org/dc/terms/language> ?l }
                && NOT EXISTS { ?c cito:hasCitingEntity ?d
                                FILTER NOT EXISTS { ?c cito:hasCitedEntity ?x }
                                FILTER NOT EXISTS { ?c a sckg:DateReference ; sckg:citedDate ?date } }, 0, 1) AS ?broken)
      }"""
    seen, failures, stop = [], [], threading.Event()

    def poll():
        while not stop.is_set():
            reply = served.sparql(half_written)
            if reply.status != 200:
                failures.append(reply.text)
                continue
            row = json.loads(reply.body)["results"]["bindings"][0]
            seen.append((int(row["n"]["value"]), int(row["half"]["value"])))
            time.sleep(0.05)

    try:
        assert served.sparql(COUNT_DOCS).status == 200
        assert _count(served.sparql(COUNT_DOCS)) == 5
        poller = threading.Thread(target=poll)
        poller.start()
        ingest(store, english)  # a separate process writing the store while it is served
        expected = int(next(iter(_direct(store, COUNT_DOCS)))["n"].value)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and (not seen or seen[-1][0] != expected):
            time.sleep(0.1)
        stop.set()
        poller.join(30)
    finally:
        stop.set()
        served.stop()
    assert not failures, failures[:3]
    assert expected > 800
    assert seen[0][0] == 5 and seen[-1][0] == expected, seen[-5:]
    assert all(half == 0 for _, half in seen)
    counts = [n for n, _ in seen]
    assert counts == sorted(counts)  # never goes back to an older snapshot


# -- dumps -------------------------------------------------------------------------------------------


def test_dump_nquads_is_the_whole_store_with_validators(server, corpus_store):
    reply = http(f"{server.base}/dump?format=nq")
    assert reply.status == 200
    assert reply.header("content-type").startswith("application/n-quads")
    assert 'filename="sckg.nq"' in reply.header("content-disposition")
    quads = list(parse(reply.body, format=RdfFormat.N_QUADS))
    assert len(quads) == len(GraphStore(current_snapshot(corpus_store), read_only=True))
    etag = reply.header("etag")
    assert etag and reply.header("last-modified")
    assert http(f"{server.base}/dump?format=nq", headers={"If-None-Match": etag}).status == 304


def test_dump_gzip(server):
    plain = http(f"{server.base}/dump?format=nt")
    zipped = http(f"{server.base}/dump?format=nt&gzip=true")
    assert zipped.header("content-type") == "application/gzip"
    assert 'filename="sckg.nt.gz"' in zipped.header("content-disposition")
    assert gzip.decompress(zipped.body) == plain.body
    assert zipped.header("etag") != plain.header("etag")


@pytest.mark.parametrize("fmt, rdf_format", [("ttl", RdfFormat.TURTLE), ("trig", RdfFormat.TRIG), ("jsonld", RdfFormat.JSON_LD), ("nt", RdfFormat.N_TRIPLES)])
def test_dump_formats_parse(server, fmt, rdf_format):
    reply = http(f"{server.base}/dump?format={fmt}")
    assert reply.status == 200
    assert len(list(parse(reply.body, format=rdf_format))) > 50_000


def test_dump_of_one_named_graph(server, corpus_store):
    name = "002_0b85769777cbff24.txt"
    reply = http(f"{server.base}/dump?format=nt&graph={name}")
    assert reply.status == 200
    triples = list(parse(reply.body, format=RdfFormat.N_TRIPLES))
    graph = f"<https://w3id.org/sckg/id/graph/{name}>"
    expected = _direct(corpus_store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
    assert len(triples) == int(next(iter(expected))["n"].value) > 10
    missing = http(f"{server.base}/dump?graph=nope.txt")
    assert missing.status == 404 and "'graph'" in missing.text
    assert http(f"{server.base}/dump?format=yaml").status == 400


def test_citation_network_csv_and_graphml(server):
    table = http(f"{server.base}/dump/network.csv")
    assert table.status == 200 and "attachment" in table.header("content-disposition")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert list(rows[0]) == ["source", "target", "relation", "year"]
    assert {"source": "S/RES/1353 (2001)", "target": "S/RES/1318 (2000)", "relation": "reaffirms", "year": "2001"} in rows
    assert {r["relation"] for r in rows} == {"reaffirms", "recalls", "cites"}
    graphml = http(f"{server.base}/dump/network.graphml")
    root = ET.fromstring(graphml.body)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    edges = root.findall(".//g:edge", ns)
    node_ids = {n.get("id") for n in root.findall(".//g:node", ns)}
    assert len(edges) == len(rows)
    assert all(e.get("source") in node_ids and e.get("target") in node_ids for e in edges)


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values"])
def test_rows_are_counted_exactly_whatever_the_values_hold(server, accept):
    """Values holding quotes, line breaks, commas and brackets do not change the row count the endpoint reports."""
    query = r'SELECT ?x ?y WHERE { VALUES (?x ?y) { ("a\n\"b\",}},{" <urn:x>) ("c\r\nd<result>" UNDEF) (1 "e\tf") } }'
    reply = server.sparql(query, accept=accept)
    assert reply.status == 200, reply.text
    assert reply.header("x-sckg-result-rows") == "3"
    assert reply.header("x-sckg-truncated") is None
    if accept == "text/csv":
        assert len(list(csv.reader(io.StringIO(reply.body.decode("utf-8"), newline="")))) == 1 + 3
    else:
        fmt = {"application/sparql-results+json": QueryResultsFormat.JSON, "application/sparql-results+xml": QueryResultsFormat.XML,
               "text/tab-separated-values": QueryResultsFormat.TSV}[accept]
        assert len(_solutions(reply.body, fmt)) == 3


def test_a_csv_cut_at_the_row_cap_keeps_line_breaks_and_quotes_inside_values():
    from pyoxigraph import Literal, NamedNode, Quad, Store

    from graph_server.results import write_solutions_native

    store = Store()  # in memory: only the writer is under test
    values = ['first\r\nline "quoted"', 'second, with a comma\r\n""', "third", "fourth"]
    store.extend(Quad(NamedNode(f"http://example.org/{i}"), NamedNode("http://example.org/p"), Literal(v)) for i, v in enumerate(values))
    solutions = store.query("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?s")
    written = write_solutions_native(solutions, "csv", max_rows=2, max_bytes=1_000_000)
    assert written.truncated == "max-rows=2" and written.rows == 2
    records = list(csv.reader(io.StringIO(written.body.decode(), newline="")))
    assert records == [["o"], [values[0]], [values[1]]]
