"""Writing query results with a cap on rows and bytes.

SELECT results are first written by pyoxigraph's own serialisers (Rust, several
times faster than Python for anything beyond a handful of rows) into a buffer
that refuses to grow past the byte cap; the rows are then counted exactly. Only
when a cap is hit, which a native serialiser cannot handle (it cannot stop part
way and still close the document), are the rows written again here, one by one,
so that the response stops at the cap and is still a well-formed document.
CONSTRUCT results are collected up to the row cap and handed to pyoxigraph's
serialiser.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from pyoxigraph import (
    BlankNode,
    NamedNode,
    QueryResultsFormat,
    RdfFormat,
    Triple,
    parse_query_results,
    serialize,
)

from sckg import vocab

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

GRAPH_RDF_FORMATS = {
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "rdfxml": RdfFormat.RDF_XML,
    "jsonld": RdfFormat.JSON_LD,
}
NATIVE_RESULT_FORMATS = {
    "json": QueryResultsFormat.JSON,
    "xml": QueryResultsFormat.XML,
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
}


@dataclass
class Written:
    body: bytes
    rows: int
    truncated: str | None  # why the result was cut short ("max-rows=N", "max-bytes=N"), if it was


# -- SELECT ----------------------------------------------------------------------


class CapExceeded(Exception):
    """The native serialiser wrote more than the byte cap (raised from inside it to stop it)."""


class _CappedBuffer:
    """A binary file pyoxigraph writes into (in 8 kB pieces), refusing to grow past `limit` bytes."""

    def __init__(self, limit: int):
        self.limit = limit
        self.buffer = io.BytesIO()

    def write(self, data) -> int:
        if self.buffer.tell() + len(data) > self.limit:
            raise CapExceeded
        return self.buffer.write(data)

    def flush(self) -> None:
        pass


def write_solutions_native(solutions, fmt: str, max_rows: int, max_bytes: int) -> Written | None:
    """The result written by pyoxigraph and cut to `max_rows`; None when it has more than `max_bytes` bytes.

    None means the caller must run the query again and use `write_solutions`, which
    stops at the byte cap: the native writers cannot leave out the rest. A result
    over the row cap only is cut from the document already written, so a slow query
    with many rows does not run twice.
    """
    out = _CappedBuffer(max_bytes)
    try:
        solutions.serialize(out, format=NATIVE_RESULT_FORMATS[fmt])
    except CapExceeded:  # pyoxigraph lets an exception raised by write() through unchanged
        return None
    body = out.buffer.getvalue()
    rows = count_rows(body, fmt)
    if rows <= max_rows:
        return Written(body, rows, None)
    if fmt in ("csv", "tsv"):  # one record per row after a header record: cut after the last kept one
        return Written(body[: _record_end(body, max_rows + 1, fmt)], max_rows, f"max-rows={max_rows}")
    parsed = parse_query_results(body, NATIVE_RESULT_FORMATS[fmt])
    return write_solutions(parsed, [v.value for v in parsed.variables], fmt, max_rows, max_bytes)


def _record_end(body: bytes, records: int, fmt: str) -> int:
    """The offset just past the `records`-th record of a CSV or TSV results document.

    TSV escapes newlines inside terms; CSV quotes them, and doubles a quote inside a
    value, so the pieces at even places of a split on quotes are outside quotes.
    """
    newline = b"\r\n" if fmt == "csv" else b"\n"
    pieces = body.split(b'"') if fmt == "csv" else [body]
    offset, seen = 0, 0
    for index, piece in enumerate(pieces):
        at = piece.find(newline) if index % 2 == 0 else -1
        while at >= 0:
            seen += 1
            if seen == records:
                return offset + at + len(newline)
            at = piece.find(newline, at + len(newline))
        offset += len(piece) + 1  # and the quote split on
    return len(body)


def count_rows(body: bytes, fmt: str) -> int:
    """The number of solutions in a results document written by pyoxigraph, exactly."""
    if fmt == "tsv":
        return body.count(b"\n") - 1  # a header line; newlines inside terms are escaped as \n
    if fmt == "xml":
        return body.count(b"<result>")  # '<' inside text and attributes is escaped
    if fmt == "csv":
        # One CRLF per record plus the header's; a CRLF inside a value sits between quotes, and
        # a quote inside a value is doubled, so the pieces at even places are outside quotes.
        return sum(piece.count(b"\r\n") for piece in body.split(b'"')[::2]) - 1
    # JSON strings may hold any bracket or comma: let the parser count.
    return sum(1 for _ in parse_query_results(body, NATIVE_RESULT_FORMATS[fmt]))


def write_solutions(solutions, variables: list[str], fmt: str, max_rows: int, max_bytes: int) -> Written:
    writer = _SOLUTION_WRITERS[fmt](variables)
    out = io.BytesIO()
    out.write(writer.header())
    footer = writer.footer()
    rows, truncated = 0, None
    for solution in solutions:
        if rows >= max_rows:
            truncated = f"max-rows={max_rows}"
            break
        chunk = writer.row([solution[v] for v in variables], first=rows == 0)
        if out.tell() + len(chunk) + len(footer) > max_bytes:
            truncated = f"max-bytes={max_bytes}"
            break
        out.write(chunk)
        rows += 1
    out.write(footer)
    return Written(out.getvalue(), rows, truncated)


class _JsonWriter:
    def __init__(self, variables):
        self.variables = variables

    def header(self):
        return ('{"head":{"vars":' + json.dumps(self.variables) + '},"results":{"bindings":[').encode()

    def row(self, terms, first):
        binding = {v: _json_term(t) for v, t in zip(self.variables, terms) if t is not None}
        return (("" if first else ",") + json.dumps(binding, ensure_ascii=False)).encode()

    def footer(self):
        return b"]}}"


def _json_term(term) -> dict:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _json_term(term.subject),
                "predicate": _json_term(term.predicate),
                "object": _json_term(term.object),
            },
        }
    result = {"type": "literal", "value": term.value}
    if term.language:
        result["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        result["datatype"] = term.datatype.value
    return result


class _XmlWriter:
    def __init__(self, variables):
        self.variables = variables

    def header(self):
        heads = "".join(f"<variable name={quoteattr(v)}/>" for v in self.variables)
        return (
            '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head>{heads}</head><results>"
        ).encode()

    def row(self, terms, first):
        bindings = "".join(
            f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
            for v, t in zip(self.variables, terms)
            if t is not None
        )
        return f"<result>{bindings}</result>".encode()

    def footer(self):
        return b"</results></sparql>"


def _xml_term(term) -> str:
    if isinstance(term, NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, Triple):
        parts = zip(("subject", "predicate", "object"), (term.subject, term.predicate, term.object))
        return "<triple>" + "".join(f"<{n}>{_xml_term(t)}</{n}>" for n, t in parts) + "</triple>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


class _CsvWriter:
    def __init__(self, variables):
        self.variables = variables

    def header(self):
        return (",".join(_csv_field(v) for v in self.variables) + "\r\n").encode()

    def row(self, terms, first):
        return (",".join(_csv_field(_csv_value(t)) for t in terms) + "\r\n").encode()

    def footer(self):
        return b""


def _csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, BlankNode):
        return "_:" + term.value
    if isinstance(term, Triple):
        return str(term)
    return term.value


def _csv_field(value: str) -> str:
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


class _TsvWriter:
    def __init__(self, variables):
        self.variables = variables

    def header(self):
        return ("\t".join("?" + v for v in self.variables) + "\n").encode()

    def row(self, terms, first):
        # N-Triples syntax, as SPARQL 1.1 TSV asks; str() already escapes quotes and newlines.
        return ("\t".join("" if t is None else str(t).replace("\t", "\\t") for t in terms) + "\n").encode()

    def footer(self):
        return b""


_SOLUTION_WRITERS = {"json": _JsonWriter, "xml": _XmlWriter, "csv": _CsvWriter, "tsv": _TsvWriter}


# -- ASK -------------------------------------------------------------------------


def write_boolean(result, fmt: str) -> Written:
    return Written(result.serialize(format=NATIVE_RESULT_FORMATS[fmt]), 1, None)


# -- CONSTRUCT / DESCRIBE ----------------------------------------------------------


def write_triples(triples, fmt: str, max_rows: int, max_bytes: int) -> Written:
    collected, truncated = [], None
    for triple in triples:
        if len(collected) >= max_rows:
            truncated = f"max-rows={max_rows}"
            break
        collected.append(triple)
    body = _serialize_triples(collected, fmt)
    while len(body) > max_bytes and collected:
        # Too big: keep the share of triples that fits (with a margin) and write again.
        keep = int(len(collected) * max_bytes / len(body) * 0.9)
        collected = collected[:keep]
        body = _serialize_triples(collected, fmt)
        truncated = f"max-bytes={max_bytes}"
    return Written(body, len(collected), truncated)


def _serialize_triples(triples: list, fmt: str) -> bytes:
    rdf_format = GRAPH_RDF_FORMATS[fmt]
    prefixes = vocab.PREFIXES if rdf_format == RdfFormat.TURTLE else None
    return serialize(triples, format=rdf_format, prefixes=prefixes) or b""


__all__ = ["Written", "count_rows", "write_boolean", "write_solutions", "write_solutions_native", "write_triples"]
