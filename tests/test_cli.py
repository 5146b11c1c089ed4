"""The command line, run as a user runs it: in a fresh process, against a store on disk."""

from __future__ import annotations

import json

import pytest
from pyoxigraph import RdfFormat, parse

from sckg.store import GraphStore

from conftest import SEEDS, run_sckg


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("cli") / "store"
    result = run_sckg("ingest", str(SEEDS), "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert "documents: 5 ingested, 0 unchanged, 0 rejected" in result.stdout
    assert "citations:" in result.stdout and "reaffirms" in result.stdout
    return store


def test_extract_prints_what_ingest_would_write_as_json():
    result = run_sckg("extract", str(SEEDS / "002_0b85769777cbff24.txt"), "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["symbol"] == "S/RES/1353 (2001)"
    assert document["issued"] == "2001-06-13" and document["meeting"] == 4326
    pairs = {(c["target"], c["relation"]) for c in document["citations"]}
    assert ("S/PRST/2001/3", "recalls") in pairs and ("S/RES/1318 (2000)", "reaffirms") in pairs
    first = document["citations"][0]
    assert document["text"][first["start"] : first["end"]] == first["mention"]


def test_extract_rejects_a_bad_file_with_its_name(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_sckg("extract", str(empty))
    assert result.returncode == 2
    assert f"rejected: {empty}: empty file" in result.stderr


@pytest.mark.parametrize(("fmt", "rdf_format"), [("nq", RdfFormat.N_QUADS), ("nt", RdfFormat.N_TRIPLES), ("ttl", RdfFormat.TURTLE), ("trig", RdfFormat.TRIG), ("jsonld", RdfFormat.JSON_LD)])
def test_export_writes_every_format_and_it_parses_back(seed_store, tmp_path, fmt, rdf_format):
    output = tmp_path / f"dump.{fmt}"
    result = run_sckg("export", "--store", str(seed_store), "--format", fmt, "-o", str(output))
    assert result.returncode == 0, result.stderr
    statements = list(parse(path=str(output), format=rdf_format))
    store = GraphStore(seed_store, read_only=True)
    if rdf_format.supports_datasets:
        assert len(statements) == len(store)
    else:  # the union of all graphs, each triple once
        distinct = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
        assert len(statements) == store.select(distinct)[0]["n"]
    predicates = {s.predicate.value for s in statements}
    assert "https://w3id.org/sckg/ontology#reaffirms" in predicates


def test_query_runs_sparql_over_the_union_of_graphs(seed_store):
    result = run_sckg(
        "query",
        "SELECT ?t WHERE { ?d sckg:symbol 'S/RES/1353 (2001)' ; sckg:reaffirms ?x . ?x sckg:symbol ?t } ORDER BY ?t",
        "--store",
        str(seed_store),
        "--format",
        "csv",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["t", "S/PRST/1994/22", "S/PRST/1996/13", "S/RES/1318", "(2000)", "S/RES/1327", "(2000)"]


def test_stats_and_validate(seed_store):
    stats = json.loads(run_sckg("stats", "--store", str(seed_store), check=True).stdout)
    assert stats["ingested_documents"] == 5
    assert stats["documents_by_language"] == {"zh": 5}
    assert stats["citations_by_relation"]["reaffirms"] == 13
    result = run_sckg("validate", "--store", str(seed_store))
    assert result.returncode == 0, result.stdout
    assert "conforms" in result.stdout


def test_validate_reports_a_violation(seed_store, tmp_path):
    import shutil

    broken = tmp_path / "store"
    shutil.copytree(seed_store, broken)
    store = GraphStore(broken)
    store.apply_update(
        "INSERT DATA { GRAPH <urn:test> { <urn:a> <https://w3id.org/sckg/ontology#reaffirms> <https://w3id.org/sckg/id/S/RES/1(1946)> } }"
    )
    del store
    result = run_sckg("validate", "--store", str(broken))
    assert result.returncode == 1
    assert "without the matching sckg:cites edge" in result.stdout
