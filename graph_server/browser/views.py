"""Home, search and citation chains; each list also as JSON and CSV (`/search.json`, `/chain.csv`, ...)."""

from __future__ import annotations

import math
from urllib.parse import urlencode

from flask import Blueprint, abort, request

from graph_server.browser import chains, present
from graph_server.browser.common import catalogue, render
from graph_server.browser.i18n import Translator, choose_language
from graph_server.browser.search import MAX_PER_PAGE, Filters, search
from graph_server.browser.tables import FORMATS, data_links, data_response
from sckg import vocab

bp = Blueprint("browser", __name__)

HOME_LIST_SIZE = 15
PER_PAGE = 25


def _fmt_or_404(fmt: str | None) -> str | None:
    if fmt is not None and fmt not in FORMATS:
        abort(404, description=f"no such format {fmt!r}; use .json or .csv")
    return fmt


# -- home ---------------------------------------------------------------------------------


@bp.route("/")
@bp.route("/index.<fmt>")
def home(fmt: str | None = None):
    fmt = _fmt_or_404(fmt)
    cat = catalogue()
    t = Translator(choose_language())
    counts = cat.counts()
    tables = {
        "most_cited": [present.doc_row(cat, d, t) for d, _ in cat.most_cited(HOME_LIST_SIZE)],
        "newest": [present.doc_row(cat, d, t) for d in cat.newest(HOME_LIST_SIZE)],
        "by_type": _count_rows(counts["type"], t.doc_type),
        "by_language": _count_rows(counts["language"], lambda c: t(f"language.{c}")),
        "by_relation": _count_rows(counts["relation"], lambda r: t(f"rel.{r}")),
        "cited_only_by_type": _count_rows(counts["cited_only"], t.doc_type),
    }
    if fmt == "json":
        return data_response("json", ["table"], [], meta={"tables": tables})
    if fmt == "csv":
        name = request.args.get("table", "most_cited")
        if name not in tables:
            abort(404, description=f"parameter 'table': no table {name!r}; use one of {', '.join(tables)}")
        columns = present.DOC_COLUMNS if name in ("most_cited", "newest") else ["key", "label", "count"]
        return data_response("csv", columns, tables[name], name=name)
    totals = {
        "documents": sum(counts["type"].values()),
        "cited_only": sum(counts["cited_only"].values()),
        "citations": sum(counts["relation"].values()),
    }
    return render("home.html", cat=cat, tables=tables, totals=totals, doc_types=_doc_types(cat))


def _count_rows(counter, label) -> list[dict]:
    return [{"key": key, "label": label(key), "count": n} for key, n in counter.most_common()]


def _doc_types(cat) -> list[str]:
    return sorted({d.doc_type for d in cat.docs.values()})


# -- search -------------------------------------------------------------------------------


@bp.route("/search")
@bp.route("/search.<fmt>")
def search_page(fmt: str | None = None):
    fmt = _fmt_or_404(fmt)
    cat = catalogue()
    t = Translator(choose_language())
    query = request.args.get("q", "")
    filters = _filters()
    page = _int_arg("page", 1, 1, 10**6)
    per_page = _int_arg("per_page", PER_PAGE, 1, MAX_PER_PAGE)
    result = search(cat, query, filters)
    total = len(result.hits)
    pages = max(1, math.ceil(total / per_page))
    shown = result.hits if fmt == "csv" else result.hits[(page - 1) * per_page : page * per_page]
    rows = [{**present.doc_row(cat, d, t), "matched_by": result.matched_by[d.iri]} for d in shown]
    if fmt:
        meta = {"query": query, "read_as": result.symbols, "total": total, "page": page, "per_page": per_page, "pages": pages}
        return data_response(fmt, present.DOC_COLUMNS + ["matched_by"], rows, meta=meta, name="search")
    return render(
        "search.html",
        cat=cat,
        query=query,
        filters=filters,
        result=result,
        rows=rows,
        total=total,
        page=page,
        pages=pages,
        page_url=_page_url,
        doc_types=_doc_types(cat),
        data=data_links("/search"),
    )


def _filters() -> Filters:
    doc_type = request.args.get("type") or None
    if doc_type is not None and doc_type not in vocab.DOCUMENT_CLASSES:
        abort(400, description=f"parameter 'type': unknown document type {doc_type!r}; use one of {', '.join(vocab.DOCUMENT_CLASSES)}")
    year = _int_arg("year", None, 1900, 2100)
    return Filters(
        doc_type=doc_type,
        language=request.args.get("language") or None,
        year_from=year or _int_arg("year_from", None, 1900, 2100),
        year_to=year or _int_arg("year_to", None, 1900, 2100),
        ingested_only=request.args.get("ingested") in ("1", "true", "on"),
    )


def _int_arg(name: str, default, low: int, high: int):
    value = request.args.get(name, "")
    if value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        abort(400, description=f"parameter {name!r}: {value!r} is not a whole number")
    if not low <= number <= high:
        abort(400, description=f"parameter {name!r}: {number} is outside {low}..{high}")
    return number


def _page_url(page: int) -> str:
    args = request.args.to_dict(flat=False)
    args["page"] = [str(page)]
    return request.path + "?" + urlencode(args, doseq=True)


# -- chains -------------------------------------------------------------------------------


@bp.route("/chain")
@bp.route("/chain.<fmt>")
def chain_page(fmt: str | None = None):
    fmt = _fmt_or_404(fmt)
    cat = catalogue()
    root = _resource_arg()
    doc = cat.get(root)
    if doc is None:
        abort(404, description=f"parameter 'id': the graph holds no document {root}")
    direction = request.args.get("direction", chains.UP)
    if direction not in (chains.UP, chains.DOWN):
        abort(400, description=f"parameter 'direction': use {chains.UP!r} or {chains.DOWN!r}")
    depth = _int_arg("depth", 3, 1, chains.MAX_DEPTH)
    relations = tuple(r for r in vocab.RELATIONS if r in request.args.getlist("rel")) or chains.DEFAULT_RELATIONS
    unknown = set(request.args.getlist("rel")) - set(vocab.RELATIONS)
    if unknown:
        abort(400, description=f"parameter 'rel': unknown relation {sorted(unknown)[0]!r}; use {', '.join(vocab.RELATIONS)}")
    chain = chains.walk(cat, root, direction, depth, relations)
    t = Translator(choose_language(doc.language))
    nodes = [{**present.doc_row(cat, cat.docs[iri], t), "depth": level} for iri, level in chain.levels.items()]
    edges = [{"citing": a, "cited": b, "relation": r} for a, b, r in chain.edges]
    if fmt == "json":
        meta = {"root": root, "direction": direction, "depth": depth, "relations": list(relations), "truncated": chain.truncated, "edges": edges}
        return data_response("json", ["depth"] + present.DOC_COLUMNS, nodes, meta=meta)
    if fmt == "csv":
        edge_rows = [{"citing": a, "citing_label": present.doc_label(cat.get(a), a, t), "relation": r,
                      "cited": b, "cited_label": present.doc_label(cat.get(b), b, t),
                      "citing_year": cat.docs[a].year, "cited_year": cat.docs[b].year} for a, b, r in chain.edges]
        columns = ["citing_label", "relation", "cited_label", "citing_year", "cited_year", "citing", "cited"]
        return data_response("csv", columns, edge_rows, name="chain")
    by_year: dict = {}
    for node in sorted(nodes, key=lambda n: (n["year"] or 0, n["label"])):
        by_year.setdefault(node["year"], []).append(node)
    return render(
        "chain.html",
        document_language=doc.language,
        cat=cat,
        doc=doc,
        root=root,
        direction=direction,
        depth=depth,
        relations=relations,
        all_relations=vocab.RELATIONS,
        max_depth=chains.MAX_DEPTH,
        chain=chain,
        nodes=nodes,
        edges=edges,
        tree=chains.indented(chain),
        by_year=by_year,
        data=data_links("/chain"),
        root_path=present.href(root)[len("/id/"):],
    )


def _resource_arg() -> str:
    """`id` is a path under /id/ ("S/RES/1353(2001)") or a whole IRI."""
    value = request.args.get("id", "").strip()
    if not value:
        abort(400, description="parameter 'id': which document? e.g. id=S/RES/1353(2001)")
    if value.startswith(("http://", "https://")):
        return value
    from graph_server.browser.resources import iri_for_path

    return iri_for_path(value.removeprefix("/id/"))
