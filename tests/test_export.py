"""`sckg export`: the whole graph or one named graph, plain or gzip, streamed; run as a user runs it."""

from __future__ import annotations

import gzip
import subprocess
import sys

import pytest
from pyoxigraph import RdfFormat, parse

from conftest import ROOT, SEEDS, run_sckg
from sckg import vocab
from sckg.store import GraphStore

ONE_FILE = "002_0b85769777cbff24.txt"  # S/RES/1353 (2001), one of the seeds


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("export") / "store"
    result = run_sckg("ingest", str(SEEDS), "--store", str(store))
    assert result.returncode == 0, result.stderr
    return store


def _export(store, *args) -> subprocess.CompletedProcess:
    """`sckg export` in a fresh process, with its standard output as bytes (run_sckg decodes text)."""
    return subprocess.run(
        [sys.executable, "-m", "sckg.cli", "export", "--store", str(store), *args],
        capture_output=True, cwd=ROOT, timeout=300,
    )


def _graph_size(store, graph) -> int:
    rows = GraphStore(store, read_only=True).query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
    return int(next(iter(rows))["n"].value)


def test_gzip_to_standard_output_is_the_plain_export_compressed(seed_store):
    plain = _export(seed_store, "--format", "nq")
    zipped = _export(seed_store, "--format", "nq", "--gzip")
    assert plain.returncode == zipped.returncode == 0, zipped.stderr
    assert zipped.stdout[:2] == b"\x1f\x8b"
    assert gzip.decompress(zipped.stdout) == plain.stdout
    quads = list(parse(plain.stdout, format=RdfFormat.N_QUADS))
    assert len(quads) == len(GraphStore(seed_store, read_only=True)) > 1000


def test_an_output_name_ending_in_gz_means_gzip(seed_store, tmp_path):
    target = tmp_path / "graph.ttl.gz"
    result = _export(seed_store, "--format", "ttl", "-o", str(target))
    assert result.returncode == 0, result.stderr
    triples = list(parse(gzip.decompress(target.read_bytes()), format=RdfFormat.TURTLE))
    union = GraphStore(seed_store, read_only=True).query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
    assert len(triples) == int(next(iter(union))["n"].value)
    assert not list(tmp_path.glob("*.partial"))
    plain = tmp_path / "graph.ttl"
    assert _export(seed_store, "--format", "ttl", "-o", str(plain)).returncode == 0
    assert plain.read_bytes()[:2] != b"\x1f\x8b"


@pytest.mark.parametrize("name", [ONE_FILE, f"corpus/zh/{ONE_FILE}", vocab.graph_iri(ONE_FILE).value])
def test_one_named_graph_by_file_name_path_or_iri(seed_store, name):
    graph = vocab.graph_iri(ONE_FILE)
    result = _export(seed_store, "--format", "nt", "--graph", name)
    assert result.returncode == 0, result.stderr
    triples = list(parse(result.stdout, format=RdfFormat.N_TRIPLES))
    assert len(triples) == _graph_size(seed_store, graph) > 10
    assert any(t.object.value == "S/RES/1353 (2001)" for t in triples)


def test_one_named_graph_as_quads_keeps_its_name(seed_store, tmp_path):
    graph = vocab.graph_iri(ONE_FILE)
    target = tmp_path / "one.nq.gz"
    result = _export(seed_store, "--format", "nq", "--graph", ONE_FILE, "-o", str(target))
    assert result.returncode == 0, result.stderr
    quads = list(parse(gzip.decompress(target.read_bytes()), format=RdfFormat.N_QUADS))
    assert len(quads) == _graph_size(seed_store, graph)
    assert {q.graph_name for q in quads} == {graph}


def test_an_unknown_graph_is_a_usage_error_naming_the_option(seed_store, tmp_path):
    target = tmp_path / "none.nt"
    result = _export(seed_store, "--format", "nt", "--graph", "nope.txt", "-o", str(target))
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert "--graph" in stderr and vocab.graph_iri("nope.txt").value in stderr
    assert not target.exists() and not list(tmp_path.iterdir())


class _RecordingFile:
    """A binary file that remembers the size of every write."""

    def __init__(self):
        self.sizes = []

    def write(self, data) -> int:
        self.sizes.append(len(data))
        return len(data)

    def flush(self) -> None:
        pass


@pytest.mark.parametrize("fmt", ["nq", "nt", "ttl", "trig", "jsonld"])
@pytest.mark.parametrize("compress", [False, True])
def test_export_is_streamed_in_pieces(seed_store, fmt, compress):
    """The export reaches the file piece by piece as the store is read, never as one whole buffer."""
    out = _RecordingFile()
    GraphStore(seed_store, read_only=True).export(out, fmt, compress=compress)
    total = sum(out.sizes)
    assert len(out.sizes) > 3 and max(out.sizes) <= min(64 * 1024, total / 2), (len(out.sizes), max(out.sizes), total)
