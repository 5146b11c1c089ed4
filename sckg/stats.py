"""What the store holds, in numbers (for `sckg stats` and the home page)."""

from __future__ import annotations

from sckg.store import GraphStore

_COUNTS = {
    "documents": "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a ?class . FILTER(STRSTARTS(STR(?class), STR(sckg:)) && ?class != sckg:Citation) }",
    "ingested_documents": "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d sckg:sourceFile ?f }",
    "citations": "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a sckg:Citation }",
    "citation_edges": "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?b WHERE { ?a sckg:cites ?b } }",
}
_BY_CLASS = """SELECT ?class (COUNT(DISTINCT ?d) AS ?n) WHERE {
  ?d a ?c . FILTER(STRSTARTS(STR(?c), STR(sckg:)) && ?c != sckg:Citation)
  BIND(STRAFTER(STR(?c), "#") AS ?class)
} GROUP BY ?class ORDER BY DESC(?n)"""
_BY_LANGUAGE = "SELECT ?language (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d dcterms:language ?language } GROUP BY ?language ORDER BY ?language"
_BY_RELATION = """SELECT ?relation (COUNT(DISTINCT ?c) AS ?n) WHERE {
  ?c cito:hasCitationCharacterization ?r . BIND(STRAFTER(STR(?r), "#") AS ?relation)
} GROUP BY ?relation ORDER BY ?relation"""


def store_stats(store: GraphStore) -> dict:
    stats = {name: store.select(query)[0]["n"] for name, query in _COUNTS.items()}
    stats["documents_by_class"] = {row["class"]: row["n"] for row in store.select(_BY_CLASS)}
    stats["documents_by_language"] = {row["language"]: row["n"] for row in store.select(_BY_LANGUAGE)}
    stats["citations_by_relation"] = {row["relation"]: row["n"] for row in store.select(_BY_RELATION)}
    stats["named_graphs"] = len(store.named_graphs())
    stats["quads"] = len(store)
    return stats
