"""What the browser knows about every document, read once per published snapshot.

Pages must answer in well under 200 ms, and search, chains and the home page touch
many documents at once; so the browser keeps one small in-memory catalogue per
snapshot (symbol, class, date, language, title and citation edges of every known
document: a few hundred bytes each) and reads per-page detail with bound queries.
The browser's own queries are fixed and bounded, so they run here, in the server
process, on the snapshot opened read-only (as the dumps do); arbitrary SPARQL from
users goes to the killable worker pool instead.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode

from graph_server.browser import queries as Q
from sckg import vocab
from sckg.store import GraphStore, current_snapshot

RELATIONS = tuple(vocab.SCKG + r for r in vocab.RELATIONS)  # strongest first: reaffirms, recalls, cites
RELATION_RANK = {iri: rank for rank, iri in enumerate(RELATIONS)}


@dataclass
class Doc:
    iri: str
    symbol: str | None = None
    types: set[str] = field(default_factory=set)  # local names of sckg classes
    issued: str | None = None  # xsd:date as text
    language: str | None = None
    title: str | None = None
    source_file: str | None = None
    graph: str | None = None

    @property
    def ingested(self) -> bool:
        return self.source_file is not None

    @property
    def doc_type(self) -> str:
        """The most specific class stated ("Document" only when nothing narrower is known)."""
        narrower = sorted(t for t in self.types if t != "Document")
        return narrower[0] if narrower else "Document"

    @property
    def year(self) -> int | None:
        if self.issued and self.issued[:4].isdigit():
            return int(self.issued[:4])
        return _year_from_symbol(self.symbol)


def _year_from_symbol(symbol: str | None) -> int | None:
    """The year a symbol prints ("S/RES/1353 (2001)", "S/PRST/2001/3", "S/2000/809")."""
    import re

    if not symbol:
        return None
    match = re.search(r"\((\d{4})\)|/((?:19|20)\d\d)/", symbol)
    return int(match.group(1) or match.group(2)) if match else None


class Catalogue:
    """Documents, edges and counts of one snapshot."""

    def __init__(self, store: GraphStore):
        self.store = store
        self.docs: dict[str, Doc] = {}
        # citing -> {cited: relation}, cited -> {citing: relation}; the strongest relation of a pair
        self.cites: dict[str, dict[str, str]] = defaultdict(dict)
        self.cited_by: dict[str, dict[str, str]] = defaultdict(dict)
        self.citations_by_relation: dict[str, int] = {}
        self._texts: dict[str, str] | None = None
        self._texts_lock = threading.Lock()
        self._load()

    def _doc(self, iri: str) -> Doc:
        doc = self.docs.get(iri)
        if doc is None:
            doc = self.docs[iri] = Doc(iri)
        return doc

    def _load(self) -> None:
        for row in self.store.select(Q.SYMBOLS):
            self._doc(row["doc"]).symbol = row["symbol"]
        for row in self.store.select(Q.DOCUMENT_TYPES):
            self._doc(row["doc"]).types.add(row["type"][len(vocab.SCKG):])
        for row in self.store.select(Q.INGESTED):
            doc = self._doc(row["doc"])
            doc.source_file, doc.graph = row["file"], row["graph"]
            doc.issued = row.get("issued", doc.issued)
            doc.language = row.get("language", doc.language)
            doc.title = doc.title or row.get("title")
        for row in self.store.select(Q.EDGES):
            self._add_edge(row["citing"], row["relation"], row["cited"])
        for row in self.store.select(Q.CITATIONS_BY_RELATION):
            self.citations_by_relation[row["relation"]] = row["n"]

    def _add_edge(self, citing: str, relation: str, cited: str) -> None:
        self._doc(citing), self._doc(cited)
        known = self.cites[citing].get(cited)
        if known is None or RELATION_RANK[relation] < RELATION_RANK[known]:
            self.cites[citing][cited] = relation
            self.cited_by[cited][citing] = relation

    # -- reading ---------------------------------------------------------------------------

    def get(self, iri: str) -> Doc | None:
        return self.docs.get(iri)

    def texts(self) -> dict[str, str]:
        """Every document's text, loaded on the first search (a few MB for the shared corpus)."""
        with self._texts_lock:
            if self._texts is None:
                self._texts = {row["doc"]: row["text"] for row in self.store.select(Q.TEXTS)}
            return self._texts

    def incoming_counts(self, iri: str) -> Counter:
        return Counter(self.cited_by.get(iri, {}).values())

    def most_cited(self, limit: int) -> list[tuple[Doc, int]]:
        ranked = sorted(self.cited_by.items(), key=lambda item: (-len(item[1]), item[0]))
        return [(self.docs[iri], len(citing)) for iri, citing in ranked[:limit]]

    def newest(self, limit: int) -> list[Doc]:
        dated = [d for d in self.docs.values() if d.ingested and d.issued]
        return sorted(dated, key=lambda d: (d.issued, d.iri), reverse=True)[:limit]

    def counts(self) -> dict[str, Counter]:
        ingested = [d for d in self.docs.values() if d.ingested]
        return {
            "type": Counter(d.doc_type for d in ingested),
            "language": Counter(d.language or "?" for d in ingested),
            "relation": Counter({r[len(vocab.SCKG):]: n for r, n in self.citations_by_relation.items()}),
            "cited_only": Counter(d.doc_type for d in self.docs.values() if not d.ingested),
        }

    def query(self, sparql: str, resource: str) -> list[dict]:
        """One of graph_server.browser.queries with ?resource bound (a substitution, never pasted in)."""
        return self.store.select(sparql, {"resource": NamedNode(resource)})


class CatalogueCache:
    """The catalogue of the current snapshot, rebuilt when an ingest publishes a new one."""

    def __init__(self, store_path: Path):
        self.store_path = Path(store_path)
        self._lock = threading.Lock()
        self._snapshot: Path | None = None
        self._catalogue: Catalogue | None = None

    def current(self) -> Catalogue:
        snapshot = current_snapshot(self.store_path)
        if snapshot is None or not snapshot.exists():
            raise FileNotFoundError(f"{self.store_path}: no published snapshot (run `sckg ingest`)")
        if snapshot != self._snapshot:
            with self._lock:
                if snapshot != self._snapshot:  # another thread may have built it meanwhile
                    self._catalogue = Catalogue(GraphStore(snapshot, read_only=True))
                    self._snapshot = snapshot
        return self._catalogue
