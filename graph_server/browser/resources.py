"""A page per resource at the path of its IRI (`/id/S/RES/1353(2001)`), in HTML or RDF.

Documents get their metadata, their text with every citation highlighted, citations
out (by relation) and in ("reaffirmed by 12"); any other resource under the base
(a citation node, a source graph, whatever node types the graph grows) gets its
statements in and out. The same URL answers Turtle, JSON-LD or N-Triples by Accept,
or by a `.ttl` / `.jsonld` / `.nt` suffix (only these three: symbols hold dots).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from urllib.parse import quote

from flask import Blueprint, abort, request
from pyoxigraph import NamedNode

from graph_server import negotiate
from graph_server.browser import present
from graph_server.browser import queries as Q
from graph_server.browser.catalogue import RELATION_RANK, Catalogue
from graph_server.browser.common import catalogue, render
from graph_server.browser.i18n import Translator, choose_language
from graph_server.browser.search import read_symbols
from graph_server.browser.tables import data_response
from graph_server.settings import pool, settings
from graph_server.sparql import run_job
from graph_server.workers import QueryJob, encode_term
from sckg import vocab

bp = Blueprint("resources", __name__)

SUFFIXES = {".ttl": "turtle", ".jsonld": "jsonld", ".nt": "ntriples"}
RELATION_PREDICATES = {vocab.SCKG + r for r in vocab.RELATIONS}
# Characters our IRIs keep as they are (sckg.vocab mints with quote(..., safe="/().-")).
_IRI_SAFE = "/()-._~!$&'*+,;=:@"


def iri_for_path(rest: str) -> str:
    return vocab.base_iri() + quote(rest, safe=_IRI_SAFE)


@bp.route("/id/<path:rest>")
def resource(rest: str):
    cat = catalogue()
    iri = iri_for_path(rest)
    for suffix, fmt in SUFFIXES.items():
        if rest.endswith(suffix):
            stripped = iri_for_path(rest[: -len(suffix)])
            if _known(cat, stripped) or not _known(cat, iri):
                return _rdf(cat, stripped, fmt, None)
    if not _known(cat, iri):
        return _not_found(cat, rest, iri)
    if _wants_rdf():
        return _rdf(cat, iri, None, request.headers.get("Accept"))
    return _page(cat, iri)


@bp.route("/citations.<fmt>")
def citations_data(fmt: str):
    """Every citation from and to one document, as a table (`id` as in /chain)."""
    if fmt not in ("json", "csv"):
        abort(404)
    from graph_server.browser.views import _resource_arg

    cat = catalogue()
    iri = _resource_arg()
    if not _known(cat, iri):
        abort(404, description=f"parameter 'id': the graph holds nothing about {iri}")
    t = Translator(choose_language())
    rows = [
        {"direction": "out", "document": r["cited"], "label": present.doc_label(cat.get(r["cited"]), r["cited"], t), **_citation_fields(r)}
        for r in cat.query(Q.CITES, iri)
    ] + [
        {"direction": "in", "document": r["citing"], "label": present.doc_label(cat.get(r["citing"]), r["citing"], t), **_citation_fields(r)}
        for r in cat.query(Q.CITED_BY, iri)
    ]
    columns = ["direction", "label", "relation", "verb", "mention", "start", "end", "evidence", "document", "citation"]
    return data_response(fmt, columns, rows, meta={"id": iri}, name="citations")


def _citation_fields(row: dict) -> dict:
    return {
        "relation": row["relation"][len(vocab.SCKG):] if row["relation"].startswith(vocab.SCKG) else row["relation"],
        "verb": row.get("verb"),
        "mention": row.get("mention"),
        "start": row.get("start"),
        "end": row.get("end"),
        "evidence": row.get("evidence"),
        "citation": row["c"],
    }


# -- which answer ------------------------------------------------------------------------------


def _known(cat: Catalogue, iri: str) -> bool:
    return iri in cat.docs or bool(cat.query(Q.KNOWN, iri))


def _wants_rdf() -> bool:
    """True when the Accept header ranks an RDF format above HTML (browsers send text/html first)."""
    accept = request.headers.get("Accept")
    rdf = negotiate.highest_quality(accept, negotiate.GRAPH_MEDIA_TYPES + ("application/json",))
    return rdf > negotiate.highest_quality(accept, negotiate.HTML_TYPES)


def _rdf(cat: Catalogue, iri: str, fmt: str | None, accept: str | None):
    if not _known(cat, iri):
        abort(404, description=f"the graph holds nothing about {iri}")
    job = QueryJob(query=Q.DESCRIPTION, format_param=fmt, accept=accept,
                   substitutions={"resource": encode_term(NamedNode(iri))})
    response = run_job(job, pool(), settings())
    response.headers["Link"] = f'<{iri}>; rel="describes"'
    return response


def _not_found(cat: Catalogue, rest: str, iri: str):
    t = Translator(choose_language())
    guesses = [s for s in read_symbols(rest) if vocab.document_iri(s).value in cat.docs]
    by_path = {present.local_path(d.iri)[len("/id/"):]: d for d in cat.docs.values() if present.local_path(d.iri)}
    guesses += [by_path[p].symbol or p for p in difflib.get_close_matches(rest, list(by_path), n=5, cutoff=0.75)]
    suggestions = []
    for symbol in dict.fromkeys(guesses):
        doc = cat.get(vocab.document_iri(symbol).value) or next((d for d in cat.docs.values() if d.symbol == symbol), None)
        if doc is not None:
            suggestions.append(doc)
    query = re.sub(r"\((\d{4})\)$", r" (\1)", rest)
    return render("not_found.html", status=404, cat=cat, iri=iri, query=query, suggestions=suggestions[:6])


# -- the HTML page ------------------------------------------------------------------------------


def _page(cat: Catalogue, iri: str):
    doc = cat.get(iri)
    statements = cat.query(Q.OUTGOING, iri)
    text = next((r["o"] for r in statements if r["p"] == vocab.TEXT.value), None)
    properties, graphs = _properties(statements)
    incoming = [r for r in cat.query(Q.INCOMING, iri)]
    cites = cat.query(Q.CITES, iri) if doc is not None else []
    cited_by = cat.query(Q.CITED_BY_BRIEF, iri) if doc is not None else []
    language = doc.language if doc is not None else None
    t = Translator(choose_language(language))
    return render(
        "document.html" if doc is not None else "resource.html",
        document_language=language,
        cat=cat,
        iri=iri,
        doc=doc,
        path=present.local_path(iri)[len("/id/"):],
        properties=properties,
        graphs=graphs,
        incoming=_grouped_incoming(incoming),
        segments=_segments(text, cites) if text else None,
        outgoing_groups=_group_by_relation(cat, cites, "cited", by_date=False),
        incoming_groups=_group_by_relation(cat, cited_by, "citing", by_date=True),
        incoming_summary=_incoming_summary(cited_by, t),
        cited_by_count=len({r["citing"] for r in cited_by}),
        heading=_heading(statements, t.code),
        dump_link=_dump_link,
    )


LABEL_PREDICATES = (vocab.PREF_LABEL.value, vocab.RDFS_LABEL.value)
_CJK = re.compile(r"[\u3400-\u9fff]")


def _heading(statements: list[dict], code: str) -> str | None:
    """A resource's preferred label (rows carry no language tag: Chinese is told by its script)."""
    for predicate in LABEL_PREDICATES:
        names = [r["o"] for r in statements if r["p"] == predicate and isinstance(r["o"], str)]
        if names:
            fitting = [n for n in names if bool(_CJK.search(n)) == (code == "zh")]
            return (fitting or names)[0]
    return None


def _properties(statements: list[dict]) -> tuple[list[tuple[str, list]], list[str]]:
    """(predicate, [values]) for everything but the text and the citation edges, and the graphs stating them."""
    values: dict[str, list] = defaultdict(list)
    graphs: list[str] = []
    for row in statements:
        if row["g"] not in graphs:
            graphs.append(row["g"])
        if row["p"] == vocab.TEXT.value or row["p"] in RELATION_PREDICATES:
            continue
        if row["o"] not in values[row["p"]]:
            values[row["p"]].append(row["o"])
    ordered = sorted(values.items(), key=lambda item: (item[0] != str(vocab.RDF_TYPE.value), item[0]))
    return ordered, graphs


def _grouped_incoming(rows: list[dict]) -> list[tuple[str, list[str]]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        grouped[row["p"]].append(row["s"])
    return sorted(grouped.items())


def _group_by_relation(cat: Catalogue, rows: list[dict], other: str, by_date: bool) -> list[tuple[str, list[dict]]]:
    """Citations grouped by relation (reaffirms, recalls, cites), each other document once per group.

    Outgoing ones keep the order of the text; incoming ones go oldest first.
    """
    groups: dict[str, dict[str, dict]] = defaultdict(dict)
    for row in rows:
        entry = groups[row["relation"]].setdefault(row[other], {"iri": row[other], "citations": []})
        entry["citations"].append(row)
    order = lambda rel: RELATION_RANK.get(rel, len(RELATION_RANK))  # noqa: E731
    grouped = []
    for rel in sorted(groups, key=order):
        entries = list(groups[rel].values())
        if by_date:
            entries.sort(key=lambda e: _date_key(cat, e["iri"]))
        grouped.append((rel, entries))
    return grouped


def _date_key(cat: Catalogue, iri: str) -> tuple:
    doc = cat.get(iri)
    return (doc.issued or str(doc.year or "")) if doc else "", iri


def _incoming_summary(rows: list[dict], t: Translator) -> list[tuple[str, int]]:
    """[("reaffirmed by", 12), ("recalled by", 30), ...]: distinct citing documents per relation."""
    by_relation: dict[str, set] = defaultdict(set)
    for row in rows:
        by_relation[row["relation"]].add(row["citing"])
    ranked = sorted(by_relation, key=lambda rel: RELATION_RANK.get(rel, 99))
    return [(t(f"rel.in.{rel.rsplit('#', 1)[-1]}"), len(by_relation[rel])) for rel in ranked]


def _segments(text: str, cites: list[dict]) -> list[tuple[str, str | None, list[dict]]]:
    """The text cut into (piece, cited IRI or None, citations over that piece), in order."""
    spans: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for row in cites:
        if isinstance(row.get("start"), int) and isinstance(row.get("end"), int) and 0 <= row["start"] < row["end"] <= len(text):
            spans[(row["start"], row["end"])].append(row)
    pieces, position = [], 0
    for (start, end), rows in sorted(spans.items()):
        if start < position:
            continue  # overlaps a span already highlighted
        if start > position:
            pieces.append((text[position:start], None, []))
        rows.sort(key=lambda r: RELATION_RANK.get(r["relation"], 99))
        pieces.append((text[start:end], rows[0]["cited"], rows))
        position = end
    if position < len(text):
        pieces.append((text[position:], None, []))
    return pieces


def _dump_link(graph: str, fmt: str = "ttl") -> str:
    from urllib.parse import urlencode

    return "/dump?" + urlencode({"graph": graph, "format": fmt})
