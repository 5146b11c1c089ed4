"""Search: a symbol in any printed form, or words of the title and text (English or Chinese).

Symbols are read with the ingest's own reader (ingest.references: the SYMBOL pattern,
canonical_symbol and the per-language resolution lists), so "S/RES/1353 (2001)",
"resolution 1353 (2001)", "第1353(2001)号决议" and "PRST/2001/3" all find what the
ingest would have linked. Words are matched in memory over the catalogue's texts:
Chinese is printed without spaces (and the seeds are even tokenised with spaces), so
Chinese words match as substrings of the text with all white space removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph_server.browser.catalogue import Catalogue, Doc
from ingest import lang as languages
from ingest.normalize import fold_characters
from ingest.references import SYMBOL, canonical_symbol, find_references
from sckg import vocab

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_BARE_NUMBER = re.compile(r"^\s*(?:No\.\s*)?(\d{1,4})\s*$", re.IGNORECASE)
_SYMBOL_FRAGMENT = re.compile(r"^[A-Za-z]{1,5}(?:/[\w.()\- ]+)+$")
MAX_PER_PAGE = 200


@dataclass
class Filters:
    doc_type: str | None = None
    language: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    ingested_only: bool = False

    def keep(self, doc: Doc) -> bool:
        if self.doc_type and doc.doc_type != self.doc_type:
            return False
        if self.language and doc.language != self.language:
            return False
        if self.ingested_only and not doc.ingested:
            return False
        if self.year_from or self.year_to:
            year = doc.year
            if year is None:
                return False
            if self.year_from and year < self.year_from or self.year_to and year > self.year_to:
                return False
        return True


@dataclass
class SearchResult:
    query: str
    symbols: list[str]  # what the query was read as
    hits: list[Doc]
    matched_by: dict[str, str] = field(default_factory=dict)  # iri -> "symbol" | "text"


def read_symbols(query: str) -> list[str]:
    """The canonical symbols a query names, read as the ingest reads documents."""
    text = fold_characters(query).strip()
    found: list[str] = []
    for match in SYMBOL.finditer(text):
        symbol = canonical_symbol(match)
        if symbol:
            found.append(symbol)
    code = "zh" if _CJK.search(text) else "en"
    candidates = [text]
    if code == "en" and text[:1].isdigit():
        # A bare "1353 (2001)" is a resolution number: read it as the ingest reads a list after the noun.
        candidates.append("resolution " + text)
    for candidate in candidates:
        for reference in find_references(candidate, languages.get(code), set()):
            found.append(reference.symbol)
    return list(dict.fromkeys(found))


def search(catalogue: Catalogue, query: str, filters: Filters) -> SearchResult:
    query = query.strip()
    symbols = read_symbols(query) if query else []
    ordered: dict[str, str] = {}
    for doc in _by_symbol(catalogue, query, symbols):
        ordered.setdefault(doc.iri, "symbol")
    if query:
        for doc in _by_words(catalogue, query):
            ordered.setdefault(doc.iri, "text")
    else:
        for doc in sorted((d for d in catalogue.docs.values() if d.ingested), key=_newest_first):
            ordered.setdefault(doc.iri, "all")
    hits = [catalogue.docs[iri] for iri in ordered if filters.keep(catalogue.docs[iri])]
    return SearchResult(query, symbols, hits, ordered)


def _newest_first(doc: Doc):
    return (-(doc.year or 0), doc.symbol or "", doc.iri)


def _by_symbol(catalogue: Catalogue, query: str, symbols: list[str]) -> list[Doc]:
    found = [catalogue.docs[iri] for iri in (vocab.document_iri(s).value for s in symbols) if iri in catalogue.docs]
    bare = _BARE_NUMBER.match(fold_characters(query))
    if bare:
        # "1353": every resolution with that number, the Council's first.
        number = f"/RES/{int(bare.group(1))} ("
        numbered = [d for d in catalogue.docs.values() if d.symbol and number in d.symbol]
        found += sorted(numbered, key=lambda d: (not d.symbol.startswith("S/"), d.symbol))
    elif _SYMBOL_FRAGMENT.match(query):
        fragment = re.sub(r"\s+", "", query).upper()
        partial = [d for d in catalogue.docs.values() if d.symbol and fragment in re.sub(r"\s+", "", d.symbol).upper()]
        found += sorted(partial, key=lambda d: (len(d.symbol), d.symbol))
    return found


def _by_words(catalogue: Catalogue, query: str) -> list[Doc]:
    terms = [t for t in re.split(r"\s+", fold_characters(query).lower()) if t]
    latin_terms = [t for t in terms if not _CJK.search(t)]
    latin = [re.compile(r"(?<!\w)" + re.escape(t)) for t in latin_terms]
    chinese = [t for t in terms if _CJK.search(t)]
    index = _word_index(catalogue)
    scored = []
    for doc_iri, title, lowered, squashed in index:
        # Plain substring tests first (fast); the word-start pattern only for documents that pass them.
        if not all(t in lowered or t in title for t in latin_terms) or not all(t in squashed for t in chinese):
            continue
        if all(p.search(lowered) or p.search(title) for p in latin):
            in_title = sum(1 for p in latin if p.search(title)) + sum(1 for t in chinese if t in title.replace(" ", ""))
            occurrences = sum(len(p.findall(lowered)) for p in latin) + sum(squashed.count(t) for t in chinese)
            scored.append((-in_title, -min(occurrences, 50), doc_iri))
    scored.sort()
    return [catalogue.docs[iri] for _, _, iri in scored]


def _word_index(catalogue: Catalogue) -> list[tuple[str, str, str, str]]:
    """(iri, lowered title and symbol, lowered text, text without white space) per document, once per snapshot."""
    index = getattr(catalogue, "_word_index", None)
    if index is None:
        texts = catalogue.texts()
        index = []
        for doc in catalogue.docs.values():
            text = texts.get(doc.iri, "").lower()
            heading = f"{doc.title or ''} {doc.symbol or ''}".lower()
            index.append((doc.iri, heading, text, re.sub(r"\s+", "", text)))
        catalogue._word_index = index
    return index
