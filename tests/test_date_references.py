"""References by date alone, and documents without a printed symbol, resolved across files and runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS, run_sckg

from ingest.extract import extract_file
from ingest.pipeline import ingest_paths
from sckg import vocab
from sckg.store import GraphStore

SEED_003 = SEEDS / "003_71ee3118c768fd91.txt"  # the statement of 5 August 2009, printed without its number

# A later statement that prints the 2009 statement's date and symbol together, and cites another
# statement by its date alone.
STATEMENT_2010 = """Statement by the President of the Security Council

At the 6300th meeting of the Security Council, held on 10 April 2010, in connection with the Council's
consideration of the item entitled "United Nations peacekeeping operations", the President of the
Security Council made the following statement on behalf of the Council:

"The Security Council recalls the statement by its President of 5 August 2009 (S/PRST/2009/24) and
its presidential statement of 3 March 1999."
"""
# A resolution that prints the date and symbol of the 1999 statement.
RESOLUTION_WITH_1999_STATEMENT = """Resolution 1500 (2003)
of 14 August 2003

The Security Council,

Recalling the statement by its President of 3 March 1999 (S/PRST/1999/7),

1. Decides to remain seized of the matter.

Adopted unanimously at the 4808th meeting.
"""
# Another resolution naming a second statement of the same day: the date alone no longer identifies one.
RESOLUTION_WITH_SECOND_1999_STATEMENT = """Resolution 1501 (2003)
of 26 August 2003

The Security Council,

Recalling the statement by its President of 3 March 1999 (S/PRST/1999/8),

1. Decides to remain seized of the matter.

Adopted unanimously at the 4812th meeting.
"""
S_PRST_2009_24 = vocab.document_iri("S/PRST/2009/24").value
S_PRST_1999_7 = vocab.document_iri("S/PRST/1999/7").value


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def statement_2010(store: GraphStore) -> str:
    rows = store.select("SELECT ?doc WHERE { ?doc sckg:meetingNumber 6300 ; sckg:sourceFile ?file }")
    assert len(rows) == 1
    return rows[0]["doc"]


def date_references(store: GraphStore) -> list[dict]:
    return store.select(
        "SELECT ?c ?date ?cited WHERE { ?c a sckg:DateReference ; sckg:citedDate ?date . "
        "OPTIONAL { ?c cito:hasCitedEntity ?cited } } ORDER BY ?date"
    )


def test_an_unresolvable_reference_by_date_is_kept_with_kind_and_date(tmp_path):
    path = write(tmp_path / "in", "prst_2010.txt", STATEMENT_2010)
    citations = [c for c in extract_file(path).citations if c.by_date]
    assert [(c.target, c.target_class, str(c.target_date), c.relation) for c in citations] == [
        (None, "PresidentialStatement", "1999-03-03", "recalls")
    ]


def test_reference_resolved_when_a_later_file_brings_the_fact(tmp_path):
    store = GraphStore(tmp_path / "store")
    ingest_paths(store, [write(tmp_path / "a", "prst_2010.txt", STATEMENT_2010)])
    [reference] = date_references(store)
    assert "cited" not in reference and reference["date"] == "1999-03-03"

    summary = ingest_paths(store, [write(tmp_path / "b", "res_1500.txt", RESOLUTION_WITH_1999_STATEMENT)])
    assert summary.resolution.resolved == 1 and summary.resolution.unresolved == 0
    [reference] = date_references(store)
    assert reference["cited"] == S_PRST_1999_7
    citing = statement_2010(store)
    edges = store.select(f"SELECT ?p WHERE {{ <{citing}> ?p <{S_PRST_1999_7}> }}")
    assert {row["p"] for row in edges} == {vocab.sckg("recalls").value, vocab.sckg("cites").value}


def test_reference_stays_unresolved_when_the_date_is_ambiguous(tmp_path):
    store = GraphStore(tmp_path / "store")
    folder = tmp_path / "in"
    write(folder, "prst_2010.txt", STATEMENT_2010)
    write(folder, "res_1500.txt", RESOLUTION_WITH_1999_STATEMENT)
    write(folder, "res_1501.txt", RESOLUTION_WITH_SECOND_1999_STATEMENT)
    summary = ingest_paths(store, [folder])
    assert summary.resolution.unresolved == 1
    assert all("cited" not in row for row in date_references(store))


def test_the_unresolved_query_lists_it(tmp_path):
    store_path = tmp_path / "store"
    run_sckg("ingest", str(write(tmp_path / "in", "prst_2010.txt", STATEMENT_2010)), "--store", str(store_path), check=True)
    result = run_sckg(
        "query", "--store", str(store_path), "--file", "queries/unresolved-date-references.rq", "--format", "json", check=True
    )
    rows = json.loads(result.stdout)["results"]["bindings"]
    assert [(r["date"]["value"], r["relation"]["value"]) for r in rows] == [("1999-03-03", "recalls")]


@pytest.mark.parametrize("order", ["statement first", "citing document first"])
def test_statement_without_its_number_becomes_one_node_with_its_symbol(tmp_path, order):
    store = GraphStore(tmp_path / "store")
    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / SEED_003.name).write_bytes(SEED_003.read_bytes())
    later = write(tmp_path / "later", "prst_2010.txt", STATEMENT_2010)
    runs = [[seed], [later]] if order == "statement first" else [[later], [seed]]
    for paths in runs:
        ingest_paths(store, paths)

    # One node: the symbol's, holding the seed's own statements (text, meeting, paragraphs) ...
    rows = store.select(f"SELECT ?meeting ?issued ?graph WHERE {{ <{S_PRST_2009_24}> sckg:meetingNumber ?meeting ; dcterms:issued ?issued . GRAPH ?graph {{ <{S_PRST_2009_24}> sckg:text ?text }} }}")
    assert [(r["meeting"], r["issued"], r["graph"]) for r in rows] == [(6178, "2009-08-05", vocab.graph_iri(SEED_003.name).value)]
    assert store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ <{S_PRST_2009_24}> sckg:hasParagraph ?p . FILTER(STRSTARTS(STR(?p), '{S_PRST_2009_24}/para/')) }}")[0]["n"] > 20
    # ... and what cites it, its own citations included.
    assert store.select(f"SELECT ?c WHERE {{ ?c cito:hasCitingEntity <{statement_2010(store)}> ; cito:hasCitedEntity <{S_PRST_2009_24}> }}")
    cites = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ <{S_PRST_2009_24}> sckg:reaffirms ?t }}")[0]["n"]
    assert cites == 9
    # No content IRI is left for it, and the symbol and class are stated once.
    assert store.select("SELECT (COUNT(*) AS ?n) WHERE { ?d sckg:meetingNumber 6178 ; sckg:sourceFile ?f }")[0]["n"] == 1
    assert store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ <{S_PRST_2009_24}> a ?k }}")[0]["n"] == 1
    assert store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ <{S_PRST_2009_24}> sckg:symbol ?s }}")[0]["n"] == 1


def test_merge_survives_a_rerun_and_a_changed_file(tmp_path):
    store = GraphStore(tmp_path / "store")
    seed = tmp_path / "seed"
    seed.mkdir()
    copy = seed / SEED_003.name
    copy.write_bytes(SEED_003.read_bytes())
    ingest_paths(store, [seed, write(tmp_path / "later", "prst_2010.txt", STATEMENT_2010)])
    before = len(store)
    ingest_paths(store, [seed])  # unchanged: nothing moves
    assert len(store) == before
    copy.write_bytes(SEED_003.read_bytes() + "\n".encode())  # changed: re-read, and merged again
    summary = ingest_paths(store, [seed])
    assert summary.ingested == 1 and summary.resolution.merged == 1
    assert store.select("SELECT ?d WHERE { ?d sckg:meetingNumber 6178 ; sckg:sourceFile ?f }") == [{"d": S_PRST_2009_24}]


FOOTNOTED = """Resolution 2000 (2011)
of 1 May 2011

The Security Council,

Taking note of the report of the Secretary-General of 19 March 1978 1/ on the Force,

1. Decides to remain seized of the matter.

Adopted unanimously at the 6500th meeting.

1/ Official Records of the Security Council, Thirty-third Year, Supplement for January, February and March 1978, document S/12611.
"""


def test_a_footnote_gives_the_symbol_of_a_reference_by_date(tmp_path):
    citations = extract_file(write(tmp_path, "res_2000.txt", FOOTNOTED)).citations
    assert [(c.target, c.target_class, str(c.target_date), c.by_date) for c in citations] == [
        ("S/12611", "Report", "1978-03-19", False)
    ]
