"""The one module that talks to Oxigraph.

The store keeps one named graph per ingested source file plus a registry graph
(see sckg.vocab.registry_graph). Queries see the union of all graphs as their
default graph, as `oxigraph serve --union-default-graph` does.
"""

from __future__ import annotations

import gzip
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

    Triples travel as N-Triples lines, ready for TriG or a SPARQL INSERT DATA: they are made in
    extraction worker processes, and text crosses process boundaries far cheaper than objects.
    """

    graph: NamedNode
    triples: str
    registry: str

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
        """Replace each write's graph and add its registry entries, in one transaction.

        A reader (or a crash) sees every graph of the batch either as it was before or
        as it is after, never half-written. A batch of graphs new to the store is one
        `Store.load` of TriG; a batch replacing any existing graph is one SPARQL Update
        (DROP GRAPH ... ; INSERT DATA), Oxigraph's only transaction that can also
        delete. Why two ways: the SPARQL path costs more per triple (profiled on the
        whole shared corpus, about 300,000 triples: 8.4 s in INSERT DATA, 5.7 s in load),
        and a first ingest only ever adds.
        """
        writes = list(writes)
        if not writes:
            return
        blocks = _graph_blocks(writes, vocab.registry_graph())
        if any(self._store.contains_named_graph(w.graph) for w in writes):
            drops = [f"DROP SILENT GRAPH {w.graph}" for w in writes]
            self._store.update(" ;\n".join(drops + [f"INSERT DATA {{\n{blocks}\n}}"]))
        else:
            self._store.load(blocks, format=RdfFormat.TRIG)

    def refresh_context_classes(self) -> None:
        """Restate, in the registry, the classes citations give documents from context, in one transaction.

        A class read from context ("the report ... (S/2000/809)") is a claim of a citation
        (sckg:citedAs); the registry holds each such class once, whichever files make it,
        marked sckg:contextClass, and loses it when no file makes it any more. A class the
        registry states anyway (the one a symbol implies) is not marked, so it never goes.
        Recomputed whole after every ingest run, like the resolved graph.
        """
        registry = vocab.registry_graph()
        self._store.update(
            f"DELETE {{ GRAPH {registry} {{ ?t a ?k }} }} WHERE {{ GRAPH {registry} {{ ?t a ?k ; sckg:contextClass ?k }} }} ;\n"
            f"DELETE WHERE {{ GRAPH {registry} {{ ?t sckg:contextClass ?k }} }} ;\n"
            f"INSERT {{ GRAPH {registry} {{ ?t a ?k ; sckg:contextClass ?k }} }} "
            f"WHERE {{ GRAPH ?g {{ ?c cito:hasCitedEntity ?t ; sckg:citedAs ?k }} "
            f"FILTER NOT EXISTS {{ GRAPH {registry} {{ ?t a ?k }} }} }}",
            prefixes=vocab.PREFIXES,
        )

    def prune_registry(self) -> int:
        """Drop registry entries that no source graph mentions any more; returns how many nodes went.

        A node also stays while a kept registry node points to it (a meeting's record S/PV.n,
        the scheme of a subject concept).
        """
        registry = vocab.registry_graph()
        unmentioned_query = f"""
            SELECT DISTINCT ?doc WHERE {{
              GRAPH {registry} {{ ?doc ?p0 ?o0 }}
              FILTER NOT EXISTS {{ GRAPH ?g {{ ?doc ?p ?o }} FILTER(?g != {registry}) }}
              FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?doc }} FILTER(?g != {registry}) }}
            }}"""
        unmentioned = {row["doc"] for row in self.query(unmentioned_query, union=False)}
        if not unmentioned:
            return 0
        values = " ".join(str(o) for o in unmentioned)
        pointers = self.query(f"SELECT ?k ?doc WHERE {{ VALUES ?doc {{ {values} }} GRAPH {registry} {{ ?k ?p ?doc }} }}", union=False)
        orphans = unmentioned - {row["doc"] for row in pointers if row["k"] not in unmentioned}
        if orphans:
            values = " ".join(str(o) for o in orphans)
            self._store.update(
                f"DELETE {{ GRAPH {registry} {{ ?doc ?p ?o }} }} "
                f"WHERE {{ VALUES ?doc {{ {values} }} GRAPH {registry} {{ ?doc ?p ?o }} }}"
            )
        return len(orphans)

    def resolve_references(self) -> "Resolution":
        """What one file cannot know but the whole store can, recomputed from the source graphs in one transaction.

        - A document printed without its symbol (a content IRI) whose kind and date match exactly
          one symbol the store knows for that kind and date (from the document itself, or from a
          citation printing date and symbol together) becomes that symbol's node: its IRI is
          rewritten in every graph.
        - A reference by kind and date alone is resolved, in the `resolved` graph, when exactly one
          document of that kind has that date; otherwise it stays an explicit unresolved reference.
        - A cited document not ingested gets the date its citations print, when they agree, and a
          meeting the date of the documents adopted there, when they agree.
        """
        resolved = vocab.resolved_graph()
        facts = _DateFacts.from_rows(self.query(_DATE_FACTS_QUERY.replace("{excluded}", _derived_graphs()), union=False))
        merges = facts.merges()
        operations = [f"DROP SILENT GRAPH {resolved}"]
        for old, new in merges.items():
            operations += _rename_operations(old, new)
        derived = []
        references = list(self.query(_DATE_REFERENCES_QUERY.replace("{excluded}", _derived_graphs()), union=False))
        unresolved = 0
        for row in references:
            citing = merges.get(row["citing"], row["citing"])
            target = facts.only_document(row["class"], row["date"], merges)
            if target is None or target == citing:
                unresolved += 1
                continue
            derived += [(row["c"], vocab.CITED, target), (citing, row["relation"], target), (citing, vocab.sckg("cites"), target)]
        derived += [(node, vocab.ISSUED, date) for node, date in facts.dates_of_cited_documents(merges).items()]
        operations.append(_MEETING_DATES.replace("{resolved}", str(resolved)))
        if derived:
            operations.append(f"INSERT DATA {{ GRAPH {resolved} {{\n{GraphWrite.ntriples(dict.fromkeys(derived))}\n}} }}")
            # An edge a source graph already states (the same document also cited by symbol) is not restated.
            operations.append(
                f"DELETE {{ GRAPH {resolved} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {resolved} {{ ?s ?p ?o }} "
                f"GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {resolved}) }}"
            )
        self._store.update(" ;\n".join(operations), prefixes=vocab.PREFIXES)
        return Resolution(merged=len(merges), resolved=len(references) - unresolved, unresolved=unresolved)

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

    def export(self, output: IO[bytes], fmt: str, graph: NamedNode | None = None, *, compress: bool = False) -> None:
        """Write the whole graph, or one named graph, in one of EXPORT_FORMATS, streamed (gzip when `compress`).

        Nothing is held whole in memory: Oxigraph writes to `output` as it reads the
        store. Dataset formats (N-Quads, TriG) keep graph names, also for one graph;
        triple formats get the union of all graphs (each triple once), or the graph's triples.
        """
        if compress:
            # mtime=0: the same store gives the same bytes (the file name is not stored either).
            with gzip.GzipFile(filename="", fileobj=output, mode="wb", mtime=0) as zipped:
                self.export(zipped, fmt, graph)
            return
        rdf_format = EXPORT_FORMATS[fmt]
        prefixes = _prefixes_for(rdf_format)
        if graph is not None and rdf_format.supports_datasets:
            serialize(self._store.quads_for_pattern(None, None, None, graph), output, rdf_format, prefixes=prefixes)
        elif graph is not None or rdf_format.supports_datasets:
            self._store.dump(output, rdf_format, from_graph=graph, prefixes=prefixes)
        else:
            triples = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
            serialize(triples, output, rdf_format, prefixes=prefixes)

    def graph_named(self, name: str) -> NamedNode:
        """A named graph given by its IRI, by its source file's name, or as `registry`; KeyError if absent."""
        if name.startswith(("http://", "https://", "urn:")):
            graph = NamedNode(name)
        elif name == "registry":
            graph = vocab.registry_graph()
        else:
            graph = vocab.graph_iri(Path(name).name)
        if not self._store.contains_named_graph(graph):
            raise KeyError(f"no graph {graph.value} in the store")
        return graph

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

    def has_named_graph(self, graph: NamedNode) -> bool:
        return self._store.contains_named_graph(graph)


SNAPSHOTS_KEPT = 3


# -- resolving across files ------------------------------------------------------------------


@dataclass(frozen=True)
class Resolution:
    merged: int  # documents without a printed symbol that became their symbol's node
    resolved: int  # references by date alone resolved to a document
    unresolved: int  # ... and those left unresolved


def _derived_graphs() -> str:
    return f"{vocab.registry_graph()}, {vocab.resolved_graph()}"


_DOCUMENT_CLASSES = ", ".join(f"sckg:{c}" for c in vocab.DOCUMENT_CLASSES if c != "Document")
# Kind and date of documents, as source graphs state them: a document's own date, or the date a
# citation prints beside a symbol ("2001 年 1 月 31 日的主席声明 S/PRST/2001/3").
_DATE_FACTS_QUERY = (
    """SELECT DISTINCT ?node ?class ?date ?cited WHERE {
  { GRAPH ?g { ?node dcterms:issued ?date } BIND(false AS ?cited) }
  UNION
  { GRAPH ?g { ?c cito:hasCitedEntity ?node ; sckg:citedDate ?date } BIND(true AS ?cited) }
  FILTER(?g NOT IN ({excluded}))
  GRAPH ?h { ?node a ?class }
  FILTER(?class IN (""" + _DOCUMENT_CLASSES + """))
}"""
)
_DATE_REFERENCES_QUERY = """SELECT ?c ?citing ?relation ?class ?date WHERE {
  GRAPH ?g { ?c a sckg:DateReference ; cito:hasCitingEntity ?citing ; cito:hasCitationCharacterization ?relation ;
                sckg:citedAs ?class ; sckg:citedDate ?date
             FILTER NOT EXISTS { ?c cito:hasCitedEntity ?any } }
  FILTER(?g NOT IN ({excluded}))
}"""


# A meeting's date is the date of the documents adopted there, when they agree (several files may say it).
_MEETING_DATES = """INSERT { GRAPH {resolved} { ?meeting dcterms:date ?date } } WHERE {
  { SELECT ?meeting (MIN(?issued) AS ?date) WHERE {
      GRAPH ?g { ?doc sckg:adoptedAt ?meeting ; dcterms:issued ?issued } FILTER(?g != {resolved})
    } GROUP BY ?meeting HAVING (COUNT(DISTINCT ?issued) = 1) }
}"""


@dataclass
class _DateFacts:
    nodes: dict[tuple, set[NamedNode]]  # (class, date) -> documents of that kind and date
    cited_dates: dict[NamedNode, set[Literal]]  # dates citations print for a document
    own_dates: set[NamedNode]  # documents whose own graph states their date

    @classmethod
    def from_rows(cls, rows) -> "_DateFacts":
        facts = cls({}, {}, set())
        for row in rows:
            facts.nodes.setdefault((row["class"], row["date"]), set()).add(row["node"])
            if row["cited"].value == "true":
                facts.cited_dates.setdefault(row["node"], set()).add(row["date"])
            else:
                facts.own_dates.add(row["node"])
        return facts

    def merges(self) -> dict[NamedNode, NamedNode]:
        """Content IRIs to the one symbol IRI of the same kind and date (none when ambiguous)."""
        unnamed = f"{vocab.base_iri()}doc/"
        merges = {}
        for nodes in self.nodes.values():
            content = [n for n in nodes if n.value.startswith(unnamed)]
            named = [n for n in nodes if not n.value.startswith(unnamed)]
            if len(content) == 1 and len(named) == 1:
                merges[content[0]] = named[0]
        return merges

    def only_document(self, doc_class: NamedNode, date: Literal, merges: dict) -> NamedNode | None:
        nodes = {merges.get(n, n) for n in self.nodes.get((doc_class, date), ())}
        return next(iter(nodes)) if len(nodes) == 1 else None

    def dates_of_cited_documents(self, merges: dict) -> dict[NamedNode, Literal]:
        """Documents known only from citations, with the one date those citations print."""
        dated = self.own_dates | set(merges.values())
        return {node: next(iter(dates)) for node, dates in self.cited_dates.items() if len(dates) == 1 and node not in dated}


def _rename_operations(old: NamedNode, new: NamedNode) -> list[str]:
    """Update operations giving `old` (and the IRIs under it: paragraphs, turns) the IRI `new`, in every graph."""
    under = f"{old.value}/"

    def renamed(var: str) -> str:
        return (
            f"BIND(IF(?{var} = {old}, {new}, IF(isIRI(?{var}) && STRSTARTS(STR(?{var}), \"{under}\"), "
            f"IRI(CONCAT(\"{new.value}/\", STRAFTER(STR(?{var}), \"{under}\"))), ?{var})) AS ?{var}2)"
        )

    touches = f"(?s = {old} || ?o = {old} || STRSTARTS(STR(?s), \"{under}\") || (isIRI(?o) && STRSTARTS(STR(?o), \"{under}\")))"
    registry = vocab.registry_graph()
    return [
        f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} INSERT {{ GRAPH ?g {{ ?s2 ?p ?o2 }} }} "
        f"WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER{touches} {renamed('s')} {renamed('o')} }}",
        # The registry states the class its symbol implies; the file's own statement of it is now a duplicate.
        f"DELETE {{ GRAPH ?g {{ {new} a ?k }} }} WHERE {{ GRAPH ?g {{ {new} a ?k }} GRAPH {registry} {{ {new} a ?k }} "
        f"FILTER(?g != {registry}) }}",
    ]


def _graph_blocks(writes: list[GraphWrite], registry: NamedNode) -> str:
    """The batch as `GRAPH <g> { ... }` blocks: valid TriG, and the body of an INSERT DATA."""
    blocks = [f"GRAPH {w.graph} {{\n{w.triples}\n}}" for w in writes]
    # Files citing the same instrument repeat its registry entries: each is written once a batch.
    entries = dict.fromkeys(line for w in writes for line in w.registry.splitlines())
    blocks.append(f"GRAPH {registry} {{\n" + "\n".join(entries) + "\n}")
    return "\n".join(blocks)


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
