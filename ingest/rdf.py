"""An Extraction as quads: the source file's own graph and its registry entries."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode

from ingest.entities import entity_triples
from ingest.extract import Extraction
from ingest.letters_and_records import letter_or_record_triples
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
    own.extend(_meeting_triples(extraction, doc, registry))
    own.extend(_paragraph_triples(extraction, doc))
    own.extend(_subject_triples(extraction, doc, registry))
    own.extend(_citation_triples(extraction, doc, registry))
    own.extend(letter_or_record_triples(extraction.letter_or_record, doc, extraction))  # ingest.correspondence, ingest.records
    mention_triples, actor_triples = entity_triples(doc, extraction.entities, lang)
    own.extend(mention_triples)
    registry |= actor_triples

    return GraphWrite(
        graph=graph,
        triples=GraphWrite.ntriples(dict.fromkeys(own)),  # a graph is a set: no triple twice
        registry=GraphWrite.ntriples(sorted(registry, key=str)),
    )


def _identity(node: NamedNode, symbol: str) -> set[tuple]:
    return {
        (node, vocab.SYMBOL, Literal(symbol)),
        (node, vocab.RDF_TYPE, vocab.sckg(vocab.class_for_symbol(symbol))),
    }


def _meeting_triples(extraction: Extraction, doc: NamedNode, registry: set[tuple]) -> list[tuple]:
    """The Security Council meeting that adopted a resolution or heard a statement, and its agenda item."""
    identity = extraction.identity
    triples = []
    if extraction.structure.agenda_item:
        triples.append((doc, vocab.AGENDA_ITEM, Literal(extraction.structure.agenda_item, language=extraction.language)))
    if identity.meeting is None or identity.doc_class not in vocab.COUNCIL_INSTRUMENTS:
        return triples
    meeting = vocab.meeting_iri(identity.meeting)
    record = f"S/PV.{identity.meeting}"
    # What the number alone implies is stated once, in the registry.
    registry |= {
        (meeting, vocab.RDF_TYPE, vocab.MEETING),
        (meeting, vocab.MEETING_NUMBER, Literal(str(identity.meeting), datatype=vocab.XSD_INTEGER)),
        (meeting, vocab.RECORDED_IN, vocab.document_iri(record)),
        *_identity(vocab.document_iri(record), record),
    }
    triples.append((doc, vocab.ADOPTED_AT, meeting))  # its date: from the documents adopted there (GraphStore.resolve_references)
    return triples


def _paragraph_triples(extraction: Extraction, doc: NamedNode) -> list[tuple]:
    triples = []
    for paragraph in extraction.structure.paragraphs:
        node = vocab.paragraph_iri(doc, paragraph.order)
        triples += [
            (node, vocab.RDF_TYPE, vocab.PARAGRAPH_CLASSES[paragraph.kind]),
            (node, vocab.IS_PART_OF, doc),
            (doc, vocab.HAS_PARAGRAPH, node),
            (node, vocab.ORDER, Literal(str(paragraph.order), datatype=vocab.XSD_INTEGER)),
            (node, vocab.START, Literal(str(paragraph.start), datatype=vocab.XSD_INTEGER)),
            (node, vocab.END, Literal(str(paragraph.end), datatype=vocab.XSD_INTEGER)),
            (node, vocab.TEXT, Literal(extraction.text[paragraph.start : paragraph.end], language=extraction.language)),
        ]
        if paragraph.number:
            triples.append((node, vocab.PARAGRAPH_NUMBER, Literal(paragraph.number)))
        if paragraph.leading_verb:
            triples.append((node, vocab.LEADING_VERB, Literal(paragraph.leading_verb, language=extraction.language)))
    return triples


def _subject_triples(extraction: Extraction, doc: NamedNode, registry: set[tuple]) -> list[tuple]:
    """UNBIS subject terms (the "%%%" header) as SKOS concepts, one IRI per term."""
    triples = []
    scheme = vocab.subject_scheme()
    for term in extraction.subject_terms:
        concept = vocab.subject_iri(term)
        registry |= {
            (concept, vocab.RDF_TYPE, vocab.SKOS_CONCEPT),
            (concept, vocab.PREF_LABEL, Literal(term, language="en")),
            (concept, vocab.IN_SCHEME, scheme),
            (scheme, vocab.RDF_TYPE, vocab.SKOS_SCHEME),
        }
        triples.append((doc, vocab.SUBJECT, concept))
    return triples


def _citation_triples(extraction: Extraction, doc: NamedNode, registry: set[tuple]) -> list[tuple]:
    triples = []
    lang = extraction.language
    for citation in extraction.citations:
        relation = vocab.sckg(citation.relation)
        if citation.target is None:  # by date alone, unresolved here: the store may resolve it later
            node = vocab.citation_iri(doc, f"{citation.target_class}@{citation.target_date}", citation.relation, citation.start)
            triples.append((node, vocab.CITED_AS, vocab.sckg(citation.target_class)))
        else:
            target = vocab.document_iri(citation.target)
            registry |= _identity(target, citation.target)
            triples.append((doc, relation, target))
            triples.append((doc, vocab.sckg("cites"), target))  # materialised so SPARQL without inference sees it
            node = vocab.citation_iri(doc, target.value, citation.relation, citation.start)
            triples.append((node, vocab.CITED, target))
            if citation.target_class != vocab.class_for_symbol(citation.target):
                # The class the words around the reference give; the store restates it on the document
                # (GraphStore.refresh_context_classes).
                triples.append((node, vocab.CITED_AS, vocab.sckg(citation.target_class)))
        if citation.target_date:
            triples.append((node, vocab.CITED_DATE, Literal(citation.target_date.isoformat(), datatype=vocab.XSD_DATE)))
        if citation.paragraph:
            triples.append((node, vocab.IN_PARAGRAPH, vocab.paragraph_iri(doc, citation.paragraph)))
        if citation.by_date:
            triples.append((node, vocab.RDF_TYPE, vocab.DATE_REFERENCE))
        triples += [
            (node, vocab.RDF_TYPE, vocab.CITATION),
            (node, vocab.CITING, doc),
            (node, vocab.CHARACTERIZATION, relation),
            (node, vocab.MENTION, Literal(citation.mention)),
            (node, vocab.EVIDENCE, Literal(citation.evidence, language=lang)),
            (node, vocab.START, Literal(str(citation.start), datatype=vocab.XSD_INTEGER)),
            (node, vocab.END, Literal(str(citation.end), datatype=vocab.XSD_INTEGER)),
        ]
        if citation.verb:
            triples.append((node, vocab.VERB, Literal(citation.verb)))
    return triples
