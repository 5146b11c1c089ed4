"""How documents and terms appear on pages: labels, links, rows for tables."""

from __future__ import annotations

from graph_server.browser.catalogue import Catalogue, Doc
from graph_server.browser.i18n import Translator
from sckg import vocab


def local_path(iri: str) -> str | None:
    """The browser's page for an IRI minted under the base (`/id/...`), or None for other IRIs."""
    base = vocab.base_iri()
    return "/id/" + iri[len(base):] if iri.startswith(base) else None


def href(iri: str) -> str:
    return local_path(iri) or iri


def doc_label(doc: Doc | None, iri: str, t: Translator) -> str:
    """A symbol if the document has one, else its title, else its type and date."""
    if doc is not None:
        if doc.symbol:
            return doc.symbol
        if doc.title:
            return doc.title
        if doc.types:
            return " ".join(p for p in (t.doc_type(doc.doc_type), doc.issued) if p)
    return iri.rsplit("/", 1)[-1] if local_path(iri) is None else local_path(iri)[len("/id/"):]


def doc_row(catalogue: Catalogue, doc: Doc, t: Translator) -> dict:
    """One document as a row of a table (the same keys in HTML, JSON and CSV)."""
    return {
        "label": doc_label(doc, doc.iri, t),
        "symbol": doc.symbol,
        "title": doc.title,
        "type": doc.doc_type,
        "type_label": t.doc_type(doc.doc_type),
        "date": doc.issued,
        "year": doc.year,
        "language": doc.language,
        "ingested": doc.ingested,
        "cited_by": len(catalogue.cited_by.get(doc.iri, {})),
        "iri": doc.iri,
        "page": href(doc.iri),
    }


DOC_COLUMNS = ["symbol", "title", "type", "date", "language", "ingested", "cited_by", "iri", "page"]
