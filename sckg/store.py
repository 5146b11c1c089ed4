"""The one module that talks to Oxigraph.

The store keeps one named graph per ingested source file plus a registry graph
(see sckg.vocab.registry_graph). Queries see the union of all graphs as their
default graph, as `oxigraph serve --union-default-graph` does.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable

from pyoxigraph import (
    Literal,
    NamedNode,
    RdfFormat,
    Store,
    Variable,
    serialize,
)

from sckg import vocab

DEFAULT_STORE = Path("data/store")

EXPORT_FORMATS = {
    "nq": RdfFormat.N_QUADS,
    "nt": RdfFormat.N_TRIPLES,
    "ttl": RdfFormat.TURTLE,
    "trig": RdfFormat.TRIG,
    "jsonld": RdfFormat.JSON_LD,
}


def default_store_path() -> Path:
    return Path(os.environ.get("SCKG_STORE", DEFAULT_STORE))


@dataclass(frozen=True)
class GraphWrite:
    """Everything one source file contributes: its own graph and its entries in the registry graph.

    Triples travel as N-Triples lines, ready for a SPARQL INSERT DATA: they are made in
    extraction worker processes, and text crosses process boundaries far cheaper than objects.
    """

    graph: NamedNode
    triples: str
    registry: str
    classified: tuple[NamedNode, ...] = ()  # cited documents this file gives a class from context (sckg:citedAs)

    @staticmethod
    def ntriples(triples: Iterable[tuple]) -> str:
        return "\n".join(f"{s} {p} {o} ." for s, p, o in triples)

    @property
    def triple_count(self) -> int:
        return self.triples.count("\n") + self.registry.count("\n") + bool(self.triples) + bool(self.registry)


class GraphStore:
    """A pyoxigraph store on disk, opened for reading and writing (or read-only)."""

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else default_store_path()
        if read_only:
            if not self.path.exists():
                raise FileNotFoundError(f"{self.path}: no store here (run `sckg ingest` first)")
            self._store = Store.read_only(str(self.path))
        else:
            self.path.mkdir(parents=True, exist_ok=True)
            self._store = Store(str(self.path))

    # -- reading -------------------------------------------------------------

    def query(self, sparql: str, substitutions: dict[str, object] | None = None, *, union: bool = True):
        """Run a SPARQL query; `substitutions` binds variables safely (SEP-0007), never by string pasting."""
        subs = {Variable(k): v for k, v in (substitutions or {}).items()} or None
        return self._store.query(
            sparql, use_default_graph_as_union=union, substitutions=subs, prefixes=vocab.PREFIXES
        )

    def select(self, sparql: str, substitutions: dict[str, object] | None = None) -> list[dict[str, object]]:
        """A SELECT query as a list of {variable: python value} rows (unbound variables left out)."""
        result = self.query(sparql, substitutions)
        names = [v.value for v in result.variables]
        return [
            {n: _python_value(row[n]) for n in names if row[n] is not None}
            for row in result
        ]

    def source_hashes(self) -> dict[str, str]:
        """The content hash recorded for every ingested source graph, by graph IRI."""
        rows = self.query(
            "SELECT ?g ?h WHERE { GRAPH ?g { ?g sckg:sourceHash ?h } }", union=False
        )
        return {row["g"].value: row["h"].value for row in rows}

    def named_graphs(self) -> list[NamedNode]:
        return sorted(self._store.named_graphs(), key=lambda g: g.value)

    def __len__(self) -> int:
        return len(self._store)

    # -- writing -------------------------------------------------------------

    def replace_graphs(self, writes: Iterable[GraphWrite]) -> None:
        """Replace each write's graph, add its registry entries and refresh derived classes, in one transaction.

        One SPARQL Update is one Oxigraph transaction: a reader (or a crash) sees every
        graph of the batch either as it was before or as it is after, never half-written.
        """
        writes = list(writes)
        if not writes:
            return
        registry = vocab.registry_graph()
        operations = [f"DROP SILENT GRAPH {write.graph}" for write in writes]
        inserts = []
        for write in writes:
            inserts.append(f"GRAPH {write.graph} {{\n{write.triples}\n}}")
            inserts.append(f"GRAPH {registry} {{\n{write.registry}\n}}")
        operations.append("INSERT DATA {\n" + "\n".join(inserts) + "\n}")
        touched = self._classified_in([w.graph for w in writes]) | {n for w in writes for n in w.classified}
        if touched:
            operations += _refresh_context_classes(touched, registry)
        self._store.update(" ;\n".join(operations), prefixes=vocab.PREFIXES)

    def _classified_in(self, graphs: list[NamedNode]) -> set[NamedNode]:
        """Documents the current versions of `graphs` give a class from context."""
        values = " ".join(str(g) for g in graphs)
        rows = self.query(
            f"SELECT DISTINCT ?t WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?c cito:hasCitedEntity ?t ; sckg:citedAs ?k }} }}",
            union=False,
        )
        return {row["t"] for row in rows}

    def remove_graph(self, graph: NamedNode) -> None:
        self._store.update(f"DROP SILENT GRAPH {graph}")

    def prune_registry(self) -> int:
        """Drop registry entries that no source graph mentions any more; returns how many nodes went."""
        registry = vocab.registry_graph()
        orphan_query = f"""
            SELECT DISTINCT ?doc WHERE {{
              GRAPH {registry} {{ ?doc sckg:symbol ?symbol }}
              FILTER NOT EXISTS {{ GRAPH ?g {{ ?doc ?p ?o }} FILTER(?g != {registry}) }}
              FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?doc }} FILTER(?g != {registry}) }}
            }}"""
        orphans = [row["doc"] for row in self.query(orphan_query, union=False)]
        if orphans:
            values = " ".join(str(o) for o in orphans)
            self._store.update(
                f"DELETE {{ GRAPH {registry} {{ ?doc ?p ?o }} }} "
                f"WHERE {{ VALUES ?doc {{ {values} }} GRAPH {registry} {{ ?doc ?p ?o }} }}"
            )
        return len(orphans)

    def publish_snapshot(self) -> Path:
        """Checkpoint the store for readers in other processes and point `CURRENT` at it.

        Opening a store read-only while another process writes it is undefined
        behaviour in Oxigraph, so readers (the server's query workers) only ever open
        these immutable checkpoints; a new one appears after every ingest run.
        """
        root = snapshots_dir(self.path)
        root.mkdir(parents=True, exist_ok=True)
        name = f"{time.time_ns()}"
        self._store.flush()
        self._store.backup(str(root / name))
        pointer = root / "CURRENT.tmp"
        pointer.write_text(name)
        pointer.replace(root / "CURRENT")  # atomic on POSIX
        _prune_snapshots(root, keep=SNAPSHOTS_KEPT, current=name)
        return root / name

    def flush(self) -> None:
        self._store.flush()

    def backup(self, target: Path | str) -> None:
        """A consistent checkpoint other processes can open read-only (hard links, milliseconds)."""
        self._store.backup(str(target))

    # -- export --------------------------------------------------------------

    def export(self, output: IO[bytes], fmt: str, graph: NamedNode | None = None) -> None:
        """Write the whole graph (or one named graph) in one of EXPORT_FORMATS, streamed."""
        rdf_format = EXPORT_FORMATS[fmt]
        prefixes = vocab.PREFIXES if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
        if graph is not None or rdf_format.supports_datasets:
            self._store.dump(output, rdf_format, from_graph=graph, prefixes=prefixes)
        else:
            # A triple format gets the union of all graphs, each triple once.
            triples = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
            serialize(triples, output, rdf_format, prefixes=prefixes)

    # -- serving --------------------------------------------------------------
    # Added for graph_server (the SPARQL endpoint); nothing above depends on it.

    def query_dataset(
        self,
        sparql: str,
        *,
        default_graphs: list[NamedNode] | None = None,
        named_graphs: list[NamedNode] | None = None,
        substitutions: dict[str, object] | None = None,
    ):
        """A query over the RDF dataset the SPARQL Protocol asks for.

        With neither `default_graphs` nor `named_graphs` the default graph is the union
        of all graphs (as `query`). With either, the dataset is exactly what was given
        (SPARQL 1.1 Protocol 2.1.4): a list left as None becomes empty.
        """
        subs = {Variable(k): v for k, v in (substitutions or {}).items()} or None
        if default_graphs is None and named_graphs is None:
            return self._store.query(
                sparql, use_default_graph_as_union=True, substitutions=subs, prefixes=vocab.PREFIXES
            )
        return self._store.query(
            sparql,
            default_graph=list(default_graphs or []),
            named_graphs=list(named_graphs or []),
            substitutions=subs,
            prefixes=vocab.PREFIXES,
        )

    def apply_update(self, sparql: str) -> None:
        """Run a SPARQL Update (one transaction); only the authenticated write route calls this."""
        self._store.update(sparql, prefixes=vocab.PREFIXES)

    def dump_graph(self, output: IO[bytes], rdf_format: RdfFormat, graph: NamedNode) -> None:
        """One named graph, streamed, in any RDF format (as triples)."""
        self._store.dump(output, rdf_format, from_graph=graph, prefixes=_prefixes_for(rdf_format))

    def has_named_graph(self, graph: NamedNode) -> bool:
        return self._store.contains_named_graph(graph)


SNAPSHOTS_KEPT = 3


def _refresh_context_classes(documents: set[NamedNode], registry: NamedNode) -> list[str]:
    """Update operations that restate, in the registry, the classes citations give `documents` from context.

    A class read from context ("the report ... (S/2000/809)") is a claim of a citation
    (sckg:citedAs); the registry holds each such class once, whichever files make it,
    and loses it when no file makes it any more.
    """
    values = " ".join(str(d) for d in sorted(documents, key=lambda n: n.value))
    return [
        f"DELETE {{ GRAPH {registry} {{ ?t a ?k }} }} WHERE {{ VALUES ?t {{ {values} }} "
        f"GRAPH {registry} {{ ?t a ?k ; sckg:contextClass ?k }} }}",
        f"DELETE {{ GRAPH {registry} {{ ?t sckg:contextClass ?k }} }} WHERE {{ VALUES ?t {{ {values} }} "
        f"GRAPH {registry} {{ ?t sckg:contextClass ?k }} }}",
        f"INSERT {{ GRAPH {registry} {{ ?t a ?k ; sckg:contextClass ?k }} }} WHERE {{ VALUES ?t {{ {values} }} "
        f"GRAPH ?g {{ ?c cito:hasCitedEntity ?t ; sckg:citedAs ?k }} "
        f"FILTER NOT EXISTS {{ GRAPH {registry} {{ ?t a ?k }} }} }}",
    ]


def snapshots_dir(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".snapshots")


def current_snapshot(store_path: Path) -> Path | None:
    """The newest published snapshot of the store at `store_path`, if any."""
    root = snapshots_dir(Path(store_path))
    try:
        return root / (root / "CURRENT").read_text().strip()
    except FileNotFoundError:
        return None


def _prune_snapshots(root: Path, keep: int, current: str) -> None:
    # Older snapshots stay a while: a reader may still have one open.
    names = sorted((p.name for p in root.iterdir() if p.is_dir()), key=int)
    for name in names[:-keep]:
        if name != current:
            shutil.rmtree(root / name, ignore_errors=True)


def _prefixes_for(rdf_format: RdfFormat) -> dict[str, str] | None:
    return vocab.PREFIXES if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG) else None


def _python_value(term):
    if isinstance(term, Literal):
        datatype = term.datatype.value
        if datatype == vocab.XSD + "integer":
            return int(term.value)
        return term.value
    return term.value
