"""The SPARQL editor (YASGUI) at /sparql for browsers, and the front-end libraries from node_modules.

/sparql belongs to the endpoint (graph_server.sparql), which runs in front of the
Flask app. A browser opening it asks for HTML and sends no query; only that request
is passed on to the route here, so every protocol request (any query, any POST, any
RDF Accept) stays with the endpoint, and the Service Description still answers
clients that ask for RDF.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from flask import Blueprint, abort, request, send_from_directory

from graph_server.browser.common import render
from sckg.queries import ParamError, load_queries

bp = Blueprint("editor", __name__)

ROOT = Path(__file__).resolve().parents[2]
# `npm ci` at the repository root puts them here; SCKG_NODE_MODULES points elsewhere (an installed copy).
NODE_MODULES = Path(os.environ.get("SCKG_NODE_MODULES", ROOT / "node_modules"))
# The only files served from node_modules: name in URL -> (package folder, file).
VENDOR_FILES = {
    "yasgui.min.js": ("@zazuko/yasgui/build", "yasgui.min.js"),
    "yasgui.min.css": ("@zazuko/yasgui/build", "yasgui.min.css"),
    "cytoscape.min.js": ("cytoscape/dist", "cytoscape.min.js"),
    "cytoscape-dagre.min.js": ("cytoscape-dagre/dist", "cytoscape-dagre.min.js"),
}


@bp.route("/sparql", methods=["GET"])
def editor_page():
    """Reached only for a browser asking for HTML without a query: graph_server.sparql answers the rest."""
    response = render("sparql.html", examples=examples(), endpoint=request.base_url)
    response.vary.add("Accept")
    return response


def examples() -> list[dict]:
    """The saved queries, their parameters filled with their defaults (VALUES, from the query file itself)."""
    found = []
    for saved in load_queries().values():
        found.append({"name": saved.name, "title": saved.title, "description": saved.description, "query": _with_defaults(saved)})
    return found


def _with_defaults(saved) -> str:
    """The query text with `VALUES ?param { default }` after its first WHERE {, so it runs as it stands."""
    try:
        bound = saved.bind({})
    except ParamError:
        return saved.text
    if not bound:
        return saved.text
    values = " ".join(f"VALUES ?{name} {{ {term} }}" for name, term in bound.items())
    match = re.search(r"\bWHERE\s*\{", saved.text, re.IGNORECASE)
    if match is None:
        return saved.text
    return saved.text[: match.end()] + f"\n  {values}" + saved.text[match.end():]


@bp.route("/vendor/<name>")
def vendor(name: str):
    if name not in VENDOR_FILES:
        abort(404, description=f"no front-end library file {name!r}")
    folder, file_name = VENDOR_FILES[name]
    if not (NODE_MODULES / folder / file_name).is_file():
        abort(404, description=f"{folder}/{file_name} is missing: run `make install` (npm ci)")
    return send_from_directory(NODE_MODULES / folder, file_name, max_age=3600)
