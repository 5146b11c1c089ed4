"""An Extraction as quads: the source file's own graph and its registry entries."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode

from ingest.entities import entity_triples
from ingest.extract import Extraction
from sckg import vocab
from sckg.store import GraphWrite


def document_node(extraction: Extraction) -> NamedNode:
    """The symbol's IRI when the document prints its symbol, else one derived from its text."""
    symbol = extraction.identity.symbol
    return vocab.document_iri(symbol) if symbol else vocab.content_iri(extraction.text)


def to_graph_write(extraction: Extraction) -> GraphWrite:
    graph = vocab.graph_iri(extraction.source_name)
    doc = document_node(extraction)
    own: list[tuple] = []
    registry: set[tuple] = set()
    identity = extraction.identity
    lang = extraction.language

    own.append((graph, vocab.SOURCE_HASH, Literal(extraction.source_hash)))
    own.append((graph, vocab.sckg("describes"), doc))
    if identity.symbol:
        registry |= _identity(doc, identity.symbol)
    if not identity.symbol or vocab.class_for_symbol(identity.symbol) != identity.doc_class:
        own.append((doc, vocab.RDF_TYPE, vocab.sckg(identity.doc_class)))
    if identity.issued:
        own.append((doc, vocab.ISSUED, Literal(identity.issued.isoformat(), datatype=vocab.XSD_DATE)))
    if identity.meeting is not None:
        own.append((doc, vocab.MEETING_NUMBER, Literal(str(identity.meeting), datatype=vocab.XSD_INTEGER)))
    if identity.issued_as:
        own.append((doc, vocab.ISSUED_AS, Literal(identity.issued_as)))
    if identity.title:
        own.append((doc, vocab.TITLE, Literal(identity.title, language=lang)))
    own.append((doc, vocab.LANGUAGE, Literal(lang)))
    own.append((doc, vocab.SOURCE_FILE, Literal(extraction.source_name)))
    own.append((doc, vocab.SOURCE_ENCODING, Literal(extraction.encoding)))
    own.append((doc, vocab.TEXT, Literal(extraction.text, language=lang)))
    classified: set[NamedNode] = set()
    own.extend(_citation_triples(extraction, doc, registry, classified))
    mention_triples, actor_triples = entity_triples(doc, extraction.entities, lang)
    own.extend(mention_triples)
    registry |= actor_triples

    return GraphWrite(
        graph=graph,
        triples=GraphWrite.ntriples(dict.fromkeys(own)),  # a graph is a set: no triple twice
        registry=GraphWrite.ntriples(sorted(registry, key=str)),
        classified=tuple(sorted(classified, key=lambda n: n.value)),
    )


def _identity(node: NamedNode, symbol: str) -> set[tuple]:
    return {
        (node, vocab.SYMBOL, Literal(symbol)),
        (node, vocab.RDF_TYPE, vocab.sckg(vocab.class_for_symbol(symbol))),
    }


def _citation_triples(extraction: Extraction, doc: NamedNode, registry: set[tuple], classified: set[NamedNode]) -> list[tuple]:
    triples = []
    lang = extraction.language
    for citation in extraction.citations:
        target = vocab.document_iri(citation.target)
        registry |= _identity(target, citation.target)
        relation = vocab.sckg(citation.relation)
        triples.append((doc, relation, target))
        triples.append((doc, vocab.sckg("cites"), target))  # materialised so SPARQL without inference sees it
        node = vocab.citation_iri(doc, target, citation.relation, citation.start)
        triples += [
            (node, vocab.RDF_TYPE, vocab.CITATION),
            (node, vocab.CITING, doc),
            (node, vocab.CITED, target),
            (node, vocab.CHARACTERIZATION, relation),
            (node, vocab.MENTION, Literal(citation.mention)),
            (node, vocab.EVIDENCE, Literal(citation.evidence, language=lang)),
            (node, vocab.START, Literal(str(citation.start), datatype=vocab.XSD_INTEGER)),
            (node, vocab.END, Literal(str(citation.end), datatype=vocab.XSD_INTEGER)),
        ]
        if citation.verb:
            triples.append((node, vocab.VERB, Literal(citation.verb)))
        if citation.target_class != vocab.class_for_symbol(citation.target):
            # The class the words around the reference give; the store restates it on the document.
            triples.append((node, vocab.CITED_AS, vocab.sckg(citation.target_class)))
            classified.add(target)
    return triples
