"""Choosing a response format from a `format` parameter or an Accept header (with q values).

Which formats are possible depends on the query form, known only once the query
has been parsed, so the worker negotiates after running the query.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

# Result kinds a query can produce.
SOLUTIONS = "solutions"  # SELECT
BOOLEAN = "boolean"  # ASK
GRAPH = "graph"  # CONSTRUCT / DESCRIBE


@dataclass(frozen=True)
class Format:
    name: str  # short name used by the `format` parameter
    media_type: str
    aliases: tuple[str, ...] = ()  # other media types and short names that mean this format


RESULT_FORMATS = (  # for SELECT and ASK, in order of preference
    Format("json", "application/sparql-results+json", ("application/json", "srj")),
    Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml", "srx")),
    Format("csv", "text/csv"),
    Format("tsv", "text/tab-separated-values", ("tab-separated-values",)),
)
GRAPH_FORMATS = (  # for CONSTRUCT and DESCRIBE, in order of preference
    Format("turtle", "text/turtle", ("ttl", "application/x-turtle")),
    Format("ntriples", "application/n-triples", ("nt", "text/plain")),
    Format("rdfxml", "application/rdf+xml", ("rdf", "xml", "application/xml", "text/xml")),
    Format("jsonld", "application/ld+json", ("json-ld", "json", "application/json")),
)

GRAPH_MEDIA_TYPES = tuple(f.media_type for f in GRAPH_FORMATS)
HTML_TYPES = ("text/html", "application/xhtml+xml")

ALL_FORMAT_NAMES = sorted(
    {f.name for f in RESULT_FORMATS + GRAPH_FORMATS}
    | {a for f in RESULT_FORMATS + GRAPH_FORMATS for a in f.aliases if "/" not in a}
)


class NotAcceptable(Exception):
    """No format both acceptable to the client and possible for this result (HTTP 406)."""


def formats_for(kind: str) -> tuple[Format, ...]:
    return GRAPH_FORMATS if kind == GRAPH else RESULT_FORMATS


def is_known_format(value: str) -> bool:
    value = value.strip().lower()
    return any(_matches(f, value) for f in RESULT_FORMATS + GRAPH_FORMATS)


@functools.lru_cache(maxsize=512)  # clients repeat the same few Accept headers; a Format is immutable
def choose(kind: str, format_param: str | None, accept: str | None) -> Format:
    """The format to answer in: the `format` parameter wins over the Accept header."""
    candidates = formats_for(kind)
    if format_param:
        wanted = format_param.strip().lower()
        for fmt in candidates:
            if _matches(fmt, wanted):
                return fmt
        raise NotAcceptable(
            f"format={format_param!r} cannot express a {kind} result; "
            f"use one of: {', '.join(f.name for f in candidates)}"
        )
    return _from_accept(candidates, accept or "*/*", kind)


def parse_accept(accept: str) -> list[tuple[str, float]]:
    """Media ranges with their q values, parameters other than q dropped."""
    ranges = []
    for part in accept.split(","):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in pieces[1:]:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((media, quality))
    return ranges


def highest_quality(accept: str | None, media_types: tuple[str, ...]) -> float:
    """The highest q the Accept header gives any of `media_types` by name (wildcards do not count).

    For choosing between a page and data: a browser's */* must not count as asking for RDF.
    """
    return max((q for media, q in parse_accept(accept or "") if media in media_types), default=0.0)


def _from_accept(candidates: tuple[Format, ...], accept: str, kind: str) -> Format:
    best, best_q = None, 0.0
    for fmt in candidates:  # preference order breaks ties
        quality = _quality(fmt, parse_accept(accept))
        if quality > best_q:
            best, best_q = fmt, quality
    if best is None:
        raise NotAcceptable(
            f"none of the media types in Accept: {accept!r} can express a {kind} result; "
            f"available: {', '.join(f.media_type for f in candidates)}"
        )
    return best


def _quality(fmt: Format, ranges: list[tuple[str, float]]) -> float:
    """The q value the most specific matching media range gives this format (0 if none)."""
    types = (fmt.media_type,) + tuple(a for a in fmt.aliases if "/" in a)
    best_specificity, quality = -1, 0.0
    for media, q in ranges:
        if media in types:
            specificity = 2
        elif media.endswith("/*") and any(t.startswith(media[:-1]) for t in types):
            specificity = 1
        elif media == "*/*":
            specificity = 0
        else:
            continue
        if specificity > best_specificity:
            best_specificity, quality = specificity, q
    return quality


def _matches(fmt: Format, value: str) -> bool:
    return value == fmt.name or value == fmt.media_type or value in fmt.aliases
