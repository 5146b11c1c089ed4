"""Ingest into a real on-disk Oxigraph store: idempotence, replacement, rejection, crash safety."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from ingest.extract import extract_file
from ingest.pipeline import ingest_paths
from sckg import vocab
from sckg.store import GraphStore

from conftest import ROOT, SEEDS, run_sckg

SEED_002 = SEEDS / "002_0b85769777cbff24.txt"


def quad_count(store_path: Path) -> int:
    return len(GraphStore(store_path, read_only=True))


def test_reingesting_the_same_files_changes_nothing(tmp_path):
    store = GraphStore(tmp_path / "store")
    first = ingest_paths(store, [SEEDS])
    before = len(store)
    second = ingest_paths(store, [SEEDS])
    assert first.ingested == 5 and second.ingested == 0 and second.unchanged == 5
    assert len(store) == before


def test_the_union_graph_holds_no_triple_twice(full_store):
    total = full_store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]
    distinct = full_store.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")[0]["n"]
    # The only triples two graphs may share are facts two source files state about one document
    # (two files of the English corpus hold the same resolution's text).
    shared = full_store.select(
        """SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE {
             GRAPH ?g1 { ?s ?p ?o } GRAPH ?g2 { ?s ?p ?o } FILTER(STR(?g1) < STR(?g2)) } }"""
    )[0]["n"]
    assert total - distinct == shared
    # ...and those are only facts about documents read from more than one file, or their parts
    # (the paragraph nodes both files read, when they agree).
    subjects = {
        row["s"]
        for row in full_store.select(
            """SELECT DISTINCT ?s WHERE { GRAPH ?g1 { ?s ?p ?o } GRAPH ?g2 { ?s ?p ?o } FILTER(STR(?g1) < STR(?g2)) }"""
        )
    }
    multi_source = {
        row["d"] for row in full_store.select("SELECT ?d WHERE { ?d sckg:sourceFile ?f } GROUP BY ?d HAVING (COUNT(?f) > 1)")
    }
    assert {s.split("/para/")[0] for s in subjects} <= multi_source


def test_a_changed_file_replaces_its_graph(tmp_path):
    source = tmp_path / "corpus" / SEED_002.name
    source.parent.mkdir()
    shutil.copy(SEED_002, source)
    store = GraphStore(tmp_path / "store")
    ingest_paths(store, [source.parent])
    recalls = "SELECT ?t WHERE { <https://w3id.org/sckg/id/S/RES/1353(2001)> sckg:recalls ?t }"
    assert {row["t"] for row in store.select(recalls)} == {
        "https://w3id.org/sckg/id/S/PRST/2001/3",
        "https://w3id.org/sckg/id/S/2000/809",
    }
    source.write_text(source.read_text(encoding="utf-8").replace("又回顾", "又注意到"), encoding="utf-8")
    summary = ingest_paths(store, [source.parent])
    assert summary.ingested == 1
    assert {row["t"] for row in store.select(recalls)} == {"https://w3id.org/sckg/id/S/2000/809"}
    # The edge is gone, and so is its citation node; nothing of the old version is left.
    old_citations = store.select("SELECT ?c WHERE { ?c sckg:verb '又回顾' }")
    assert old_citations == []


def test_documents_cited_but_not_ingested_get_a_node_with_symbol_and_type(full_store):
    rows = full_store.select(
        "SELECT ?symbol ?class WHERE { <https://w3id.org/sckg/id/S/PRST/2001/3> sckg:symbol ?symbol ; a ?class }"
    )
    assert rows == [{"symbol": "S/PRST/2001/3", "class": vocab.SCKG + "PresidentialStatement"}]
    report = full_store.select("SELECT ?class WHERE { <https://w3id.org/sckg/id/S/2000/809> a ?class }")
    assert {row["class"] for row in report} == {vocab.SCKG + "Document", vocab.SCKG + "Report"}
    # Every symbol node is ingested, cited, or the record of a meeting that adopted an ingested instrument.
    orphan = full_store.select(
        "SELECT ?d WHERE { ?d sckg:symbol ?s FILTER NOT EXISTS { ?x sckg:cites ?d } FILTER NOT EXISTS { ?d sckg:sourceFile ?f } "
        "FILTER NOT EXISTS { ?m sckg:recordedIn ?d . ?adopted sckg:adoptedAt ?m } }"
    )
    assert orphan == []


def test_a_document_without_a_printed_symbol_gets_an_iri_from_its_content(tmp_path):
    copy_a, copy_b = tmp_path / "a" / "x.txt", tmp_path / "b" / "renamed.txt"
    for copy in (copy_a, copy_b):
        copy.parent.mkdir()
        shutil.copy(SEEDS / "003_71ee3118c768fd91.txt", copy)
    first, second = (extract_file(copy) for copy in (copy_a, copy_b))
    from ingest.rdf import document_node

    assert document_node(first) == document_node(second)
    assert document_node(first).value.startswith(vocab.base_iri() + "doc/")


def test_the_base_iri_is_configurable(tmp_path):
    result = run_sckg("ingest", str(SEED_002), "--store", str(tmp_path / "store"), env={"SCKG_BASE_IRI": "http://example.org/un/"})
    assert result.returncode == 0, result.stderr
    store = GraphStore(tmp_path / "store", read_only=True)
    assert bool(store.query("ASK { <http://example.org/un/S/RES/1353(2001)> sckg:reaffirms <http://example.org/un/S/RES/1318(2000)> }"))
    assert not bool(store.query("ASK { ?s ?p ?o FILTER(STRSTARTS(STR(?s), 'https://w3id.org/sckg/id/')) }"))


def test_bad_files_are_rejected_one_line_each_and_the_rest_is_ingested(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED_002, corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (corpus / "gibberish.txt").write_bytes(b"Security Council resolution \x81\x8d in no known encoding")
    (corpus / "recipe.txt").write_text("Mix flour, eggs and milk. Fry thinly.\n", encoding="utf-8")
    result = run_sckg("ingest", str(corpus), "--store", str(tmp_path / "store"))
    assert result.returncode == 2
    rejected = [line for line in result.stderr.splitlines() if line.startswith("rejected:")]
    assert len(rejected) == 4
    assert any("empty.txt: empty file" in line for line in rejected)
    assert any("binary.txt: binary file" in line for line in rejected)
    assert any("gibberish.txt: cannot be decoded" in line for line in rejected)
    assert any("recipe.txt: not a UN document" in line for line in rejected)
    assert "documents: 1 ingested" in result.stdout
    assert quad_count(tmp_path / "store") > 0


def test_kill_9_during_ingest_leaves_every_document_fully_in_or_fully_out(tmp_path, english_corpus):
    store_path = tmp_path / "store"
    process = subprocess.Popen(
        [sys.executable, "-m", "sckg.cli", "ingest", str(english_corpus), "--store", str(store_path),
         "--batch-size", "8", "--jobs", "1", "--verbose"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Kill without warning once a few batches are committed (the run has about 113).
    committed = 0
    deadline = time.monotonic() + 120
    while committed < 3 and time.monotonic() < deadline:
        line = process.stderr.readline()
        assert line, "ingest ended before the kill"
        committed += line.startswith("committed")
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    store = GraphStore(store_path)
    graphs = store.source_hashes()
    assert 0 < len(graphs) < 902, "the kill should land in the middle of the run"
    for graph_iri in graphs:
        name = graph_iri.rsplit("/", 1)[1]
        expected = extract_file(english_corpus / name)
        in_store = store.select(
            "SELECT ?g (COUNT(?c) AS ?n) WHERE { GRAPH ?g { ?c a sckg:Citation } } GROUP BY ?g", {"g": _node(graph_iri)}
        )
        in_store = in_store[0]["n"] if in_store else 0
        has_text = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?d sckg:text ?t ; sckg:sourceFile ?f } } GROUP BY ?g", {"g": _node(graph_iri)})[0]["n"]
        assert (in_store, has_text) == (len({(c.target, c.relation, c.start) for c in expected.citations}), 1), name
    # A second run completes the job.
    summary = ingest_paths(store, [english_corpus])
    assert summary.ingested == 902 - len(graphs) and summary.unchanged == len(graphs)


def _node(iri: str):
    from pyoxigraph import NamedNode

    return NamedNode(iri)


CITING_A_REPORT = """Resolution 1400 (2002)
of 28 March 2002

The Security Council,

Recalling the report of the Secretary-General of 12 March 2002 (S/2002/268),

1. Decides to remain seized of the matter.

Adopted unanimously at the 4503rd meeting.
"""


def test_a_class_from_context_goes_when_no_file_gives_it_any_more(tmp_path):
    source = tmp_path / "corpus" / "res1400.txt"
    source.parent.mkdir()
    source.write_text(CITING_A_REPORT, encoding="utf-8")
    store = GraphStore(tmp_path / "store")
    classes = "SELECT ?class WHERE { <https://w3id.org/sckg/id/S/2002/268> a ?class }"
    ingest_paths(store, [source.parent])
    assert {row["class"] for row in store.select(classes)} == {vocab.SCKG + "Document", vocab.SCKG + "Report"}
    source.write_text(CITING_A_REPORT.replace("the report of the Secretary-General of 12 March 2002", "document"), encoding="utf-8")
    ingest_paths(store, [source.parent])
    # The class the symbol implies stays; the one the words gave is gone, with its marker.
    assert {row["class"] for row in store.select(classes)} == {vocab.SCKG + "Document"}
    assert store.select("SELECT ?k WHERE { ?t sckg:contextClass ?k }") == []
