"""The graph contract: namespaces, classes, properties and how instance IRIs are minted.

Everything that writes or reads the graph takes its terms from here, so the
ontology (ontology/sckg.ttl) and the data never drift apart silently.
"""

from __future__ import annotations

import hashlib
import os
import re
from urllib.parse import quote

from pyoxigraph import NamedNode

SCKG = "https://w3id.org/sckg/ontology#"
DEFAULT_BASE_IRI = "https://w3id.org/sckg/id/"

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD = "http://www.w3.org/2001/XMLSchema#"
DCTERMS = "http://purl.org/dc/terms/"
CITO = "http://purl.org/spar/cito/"

PREFIXES = {
    "sckg": SCKG,
    "cito": CITO,
    "dcterms": DCTERMS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": XSD,
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
}


def sckg(term: str) -> NamedNode:
    return NamedNode(SCKG + term)


# Document classes, by the local name used throughout the code.
DOCUMENT_CLASSES = (
    "Document",
    "Resolution",
    "PresidentialStatement",
    "NoteByThePresident",
    "Letter",
    "ConceptNote",
    "MeetingRecord",
    "Report",
)

# Instruments in which the Council itself speaks: only there does "Recalling" make a "recalls"
# edge, are paragraphs read as preambular/operative, and is a meeting one of adoption.
COUNCIL_INSTRUMENTS = frozenset({"Resolution", "PresidentialStatement", "NoteByThePresident"})

# Citation relations; reaffirms and recalls are sub-properties of cites.
RELATIONS = ("reaffirms", "recalls", "cites")

XSD_DATE = NamedNode(XSD + "date")
XSD_INTEGER = NamedNode(XSD + "integer")

SYMBOL = sckg("symbol")
ISSUED_AS = sckg("issuedAs")
SOURCE_FILE = sckg("sourceFile")
SOURCE_ENCODING = sckg("sourceEncoding")
SOURCE_HASH = sckg("sourceHash")
TEXT = sckg("text")
MEETING_NUMBER = sckg("meetingNumber")
ANNEX = sckg("hasAnnex")
CITATION = sckg("Citation")
VERB = sckg("verb")
MENTION = sckg("mention")
EVIDENCE = sckg("evidence")
START = sckg("startOffset")
END = sckg("endOffset")
CITED_AS = sckg("citedAs")
CITING = NamedNode(CITO + "hasCitingEntity")
CITED = NamedNode(CITO + "hasCitedEntity")
CHARACTERIZATION = NamedNode(CITO + "hasCitationCharacterization")
ISSUED = NamedNode(DCTERMS + "issued")
LANGUAGE = NamedNode(DCTERMS + "language")
TITLE = NamedNode(DCTERMS + "title")
SKOS = "http://www.w3.org/2004/02/skos/core#"

# The parts of an instrument, the meeting that adopted it, its subjects.
PARAGRAPH_CLASSES = {  # by the kind ingest.structure gives a paragraph
    "Preambular": sckg("PreambularParagraph"),
    "Operative": sckg("OperativeParagraph"),
    "Annex": sckg("AnnexParagraph"),
    "Note": sckg("Footnote"),
    "Body": sckg("Paragraph"),
}
HAS_PARAGRAPH = sckg("hasParagraph")
IS_PART_OF = NamedNode(DCTERMS + "isPartOf")
ORDER = sckg("order")
PARAGRAPH_NUMBER = sckg("paragraphNumber")
LEADING_VERB = sckg("leadingVerb")
IN_PARAGRAPH = sckg("inParagraph")
MEETING = sckg("Meeting")
ADOPTED_AT = sckg("adoptedAt")
RECORDED_IN = sckg("recordedIn")
AGENDA_ITEM = sckg("agendaItem")
DATE = NamedNode(DCTERMS + "date")
SUBJECT = NamedNode(DCTERMS + "subject")
SKOS_CONCEPT = NamedNode(SKOS + "Concept")
SKOS_SCHEME = NamedNode(SKOS + "ConceptScheme")
PREF_LABEL = NamedNode(SKOS + "prefLabel")
ALT_LABEL = NamedNode(SKOS + "altLabel")
RDFS_LABEL = NamedNode(PREFIXES["rdfs"] + "label")
IN_SCHEME = NamedNode(SKOS + "inScheme")
# References by date alone: the citation states the kind and date of what it cites.
DATE_REFERENCE = sckg("DateReference")
CITED_DATE = sckg("citedDate")


def base_iri() -> str:
    """The base under which instance IRIs are minted (SCKG_BASE_IRI overrides the default)."""
    base = os.environ.get("SCKG_BASE_IRI", DEFAULT_BASE_IRI)
    return base if base.endswith(("/", "#")) else base + "/"


def symbol_path(symbol: str) -> str:
    """The IRI path of a symbol: spaces dropped ("S/RES/1353 (2001)" -> "S/RES/1353(2001)")."""
    return quote(re.sub(r"\s+", "", symbol), safe="/().-")


def document_iri(symbol: str) -> NamedNode:
    return NamedNode(base_iri() + symbol_path(symbol))


def content_iri(normalised_text: str) -> NamedNode:
    """A stable IRI for a document with no printed symbol, derived from its text, never its path."""
    digest = hashlib.sha256(normalised_text.encode("utf-8")).hexdigest()[:20]
    return NamedNode(f"{base_iri()}doc/{digest}")


def graph_iri(source_name: str) -> NamedNode:
    """The named graph holding everything read from one source file."""
    return NamedNode(f"{base_iri()}graph/{quote(source_name, safe='.-_')}")


def registry_graph() -> NamedNode:
    """The graph holding the identity of every known instrument (symbol and the class the symbol implies).

    Kept apart from the per-file graphs so that a document cited by many files has
    its symbol and type stated once, and the union default graph holds no duplicates.
    """
    return NamedNode(f"{base_iri()}graph/registry")


def citation_iri(citing: NamedNode, cited: str, relation: str, start: int) -> NamedNode:
    """`cited`: the cited document's IRI, or for a reference by date alone its kind and date."""
    key = f"{citing.value}|{cited}|{relation}|{start}"
    return NamedNode(f"{base_iri()}citation/{hashlib.sha256(key.encode()).hexdigest()[:20]}")


def resolved_graph() -> NamedNode:
    """The graph of what the store infers across files: references by date resolved to documents,
    dates of cited documents learned from citations. Recomputed whole after every ingest run."""
    return NamedNode(f"{base_iri()}graph/resolved")


def paragraph_iri(document: NamedNode, order: int) -> NamedNode:
    return NamedNode(f"{document.value}/para/{order}")


def meeting_iri(number: int) -> NamedNode:
    """A Security Council meeting, by its number (its record is the document S/PV.<number>)."""
    return NamedNode(f"{base_iri()}meeting/S/{number}")


def subject_iri(term: str) -> NamedNode:
    """A UNBIS subject term as printed ("PEACEKEEPING OPERATIONS" -> …/subject/peacekeeping-operations)."""
    slug = re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-") or hashlib.sha256(term.encode()).hexdigest()[:12]
    return NamedNode(f"{base_iri()}subject/{quote(slug)}")


def subject_scheme() -> NamedNode:
    return NamedNode(f"{base_iri()}subject")


def class_for_symbol(symbol: str) -> str:
    """The document class a UN symbol implies by itself ("Document" when the series says nothing)."""
    if re.match(r"^[A-Z]+/RES/", symbol):
        return "Resolution"
    if symbol.startswith("S/PRST/"):
        return "PresidentialStatement"
    if re.match(r"^[A-Z]+/PV\.", symbol):
        return "MeetingRecord"
    return "Document"


# --- letters and meeting records -------------------------------------------------
# Parts of a document get IRIs under the document's own IRI, numbered in text order: the same
# text always gives the same IRIs, and a changed document replaces its graph with its parts.

SPEAKER_TURN = sckg("SpeakerTurn")
AGENDA_ITEM_CLASS = sckg("AgendaItem")  # a numbered item of a record (AGENDA_ITEM above is the property)
OFFICES = ("SecretaryGeneral", "PresidentOfTheSecurityCouncil")
MEETING_FORMATS = ("HighLevelOpenDebate", "OpenDebate", "Debate", "Briefing", "ArriaFormulaMeeting")
XSD_TIME = NamedNode(XSD + "time")
XSD_DATETIME = NamedNode(XSD + "dateTime")
XSD_GYEARMONTH = NamedNode(XSD + "gYearMonth")
XSD_BOOLEAN = NamedNode(XSD + "boolean")


def part_iri(document: NamedNode, *path: str | int) -> NamedNode:
    """A part of a document: `<document>/turn/3`, `<document>/annex/1`, `<document>/meeting`."""
    return NamedNode("/".join([document.value, *(quote(str(p), safe="") for p in path)]))


def speaker_turn_iri(record: NamedNode, order: int) -> NamedNode:
    return part_iri(record, "turn", order)


def annex_iri(letter: NamedNode, number: int) -> NamedNode:
    return part_iri(letter, "annex", number)


def meeting_of_iri(document: NamedNode) -> NamedNode:
    """The meeting a letter announces or a record records: one per document, known by it."""
    return part_iri(document, "meeting")


# --- actors and places
# States, groups of States, organisations, UN bodies, peacekeeping missions and persons named in
# documents (ingest/entities.py). One IRI per actor whatever the language it is named in, so
# "马里稳定团" and "MINUSMA" are one node: …/id/mission/MINUSMA, …/id/state/PER, …/id/person/<name>.

ENTITY_KINDS = ("state", "group", "org", "body", "mission", "person")


def entity_iri(kind: str, key: str) -> NamedNode:
    if kind not in ENTITY_KINDS:
        raise ValueError(f"entity kind {kind!r}: expected one of {', '.join(ENTITY_KINDS)}")
    return NamedNode(f"{base_iri()}{kind}/{quote(key.replace(' ', '_'), safe='-_.·')}")


def entity_mention_iri(document: NamedNode, entity: NamedNode, start: int) -> NamedNode:
    key = f"{document.value}|{entity.value}|{start}"
    return NamedNode(f"{base_iri()}mention/{hashlib.sha256(key.encode()).hexdigest()[:20]}")
