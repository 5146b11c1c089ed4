"""The authenticated write route, POST /update (closed unless SCKG_UPDATE_TOKEN is set).

The update runs on the primary store in this process and is then published as a
new snapshot, so the query workers pick it up like any ingest. Oxigraph locks
the primary store: while an ingest holds it, /update answers 503.
"""

from __future__ import annotations

import hmac

from flask import Blueprint, request

from graph_server.settings import settings
from graph_server.sparql import FORM, SPARQL_UPDATE, text_response
from sckg.store import GraphStore

bp = Blueprint("update", __name__)


@bp.route("/update", methods=["POST"])
def update():
    token = settings().update_token
    if not token:
        return text_response(403, "the write route is closed: the server was started without SCKG_UPDATE_TOKEN")
    if not _authorised(token):
        return text_response(401, "missing or wrong bearer token", {"WWW-Authenticate": 'Bearer realm="sckg"'})
    text = _update_text()
    if text is None:
        return text_response(
            415 if request.mimetype not in (FORM, SPARQL_UPDATE) else 400,
            f"send the update as {SPARQL_UPDATE} or as the form parameter 'update'",
        )
    return _apply(text)


def _authorised(token: str) -> bool:
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


def _update_text() -> str | None:
    if request.mimetype == SPARQL_UPDATE:
        return request.get_data(as_text=True)
    if request.mimetype == FORM:
        return request.form.get("update")
    return None


def _apply(text: str):
    try:
        store = GraphStore(settings().store_path)
    except OSError as error:  # the primary store is locked by a running ingest
        return text_response(503, f"the store is busy (an ingest is writing it?): {error}", {"Retry-After": "10"})
    try:
        store.apply_update(text)
        snapshot = store.publish_snapshot()
    except SyntaxError as error:
        return text_response(400, f"malformed update: {error}")
    finally:
        del store  # releases Oxigraph's lock on the primary store
    return text_response(200, f"update applied; published snapshot {snapshot.name}")
