"""The SPARQL 1.1 Protocol endpoint at /sparql (read-only)."""

from __future__ import annotations

from flask import Blueprint, Response, request

from graph_server import guard, negotiate
from graph_server.service_description import service_description
from graph_server.settings import pool, settings
from graph_server.workers import PoolBusy, QueryJob, QueryTimeout, Reply, WorkerCrashed

bp = Blueprint("sparql", __name__)

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"

READ_ONLY_MESSAGE = (
    "this public endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, ...) is refused; "
    "writes go through `sckg ingest` or the authenticated /update route"
)


class BadRequest(Exception):
    """A protocol error in the request itself (HTTP 400 unless another status is given)."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


@bp.route("/sparql", methods=["GET", "POST"])
def sparql():
    try:
        query, default_graphs, named_graphs = _protocol_request()
        if query is None:
            return service_description(request.base_url)
        guard.check_query(query)
        return run_job(
            QueryJob(
                query=query,
                format_param=_format_param(),
                accept=request.headers.get("Accept"),
                default_graphs=default_graphs,
                named_graphs=named_graphs,
            )
        )
    except BadRequest as error:
        return text_response(error.status, str(error))
    except guard.Refused as error:
        return text_response(403, str(error))


@bp.route("/sparql", methods=["OPTIONS"])
def preflight():
    response = Response(status=204)
    response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
    response.headers["Access-Control-Max-Age"] = "86400"
    return response


@bp.after_app_request
def allow_cross_origin(response: Response) -> Response:
    # Read-only resources may be used by any page (YASGUI, notebooks); the write route
    # never gets this header, so a browser will not send it credentials from elsewhere.
    if request.endpoint != "update.update" and request.method in ("GET", "POST", "OPTIONS", "HEAD"):
        response.headers.setdefault("Access-Control-Allow-Origin", "*")
        response.headers.setdefault(
            "Access-Control-Expose-Headers", "X-SCKG-Truncated, X-SCKG-Result-Rows, X-SCKG-Snapshot, ETag"
        )
    return response


def run_job(job: QueryJob) -> Response:
    """Send a job to the worker pool with the server's limits; map pool failures to statuses."""
    config = settings()
    job.max_rows = min(job.max_rows, config.max_rows)
    job.max_bytes = min(job.max_bytes, config.max_bytes)
    try:
        reply = pool().run(job)
    except QueryTimeout as error:
        return text_response(503, str(error), {"Retry-After": "5"})
    except PoolBusy as error:
        return text_response(503, f"server busy: {error}; try again shortly", {"Retry-After": "2"})
    except WorkerCrashed as error:
        return text_response(500, str(error))
    return reply_response(reply)


def reply_response(reply: Reply) -> Response:
    # Headers given whole: Response.vary and friends parse and re-serialise on every change.
    headers = {**reply.headers, "Vary": "Accept"}
    return Response(reply.body, status=reply.status, content_type=reply.content_type, headers=headers)


def text_response(status: int, message: str, headers: dict | None = None) -> Response:
    response = Response(message + "\n", status=status, content_type="text/plain; charset=utf-8")
    response.headers.update(headers or {})
    return response


# -- reading the protocol request ------------------------------------------------------------


def _protocol_request() -> tuple[str | None, list[str] | None, list[str] | None]:
    """(query text or None, default-graph-uri list or None, named-graph-uri list or None)."""
    if request.method == "GET":
        params = request.args
        _refuse_update(params)
        query = _single(params, "query")
    else:
        params, query = _post_params()
    if query is not None and len(query.encode("utf-8")) > settings().max_query_bytes:
        raise BadRequest(f"parameter 'query': longer than the {settings().max_query_bytes}-byte limit", 413)
    default_graphs = params.getlist("default-graph-uri") or None
    named_graphs = params.getlist("named-graph-uri") or None
    for iri in (default_graphs or []) + (named_graphs or []):
        if not iri.startswith(("http://", "https://", "urn:")):
            raise BadRequest(f"default-graph-uri / named-graph-uri: {iri!r} is not an absolute IRI")
    return query, default_graphs, named_graphs


def _post_params():
    mimetype = request.mimetype
    if mimetype == SPARQL_UPDATE:
        raise guard.Refused(READ_ONLY_MESSAGE)
    if mimetype == FORM:
        form = request.form
        _refuse_update(form)
        if "query" not in form:
            raise BadRequest("missing parameter 'query' in the form body")
        return _merged(form), _single(form, "query")
    if mimetype == SPARQL_QUERY:
        body = request.get_data(cache=False)
        try:
            return request.args, body.decode(request.mimetype_params.get("charset", "utf-8"))
        except (UnicodeDecodeError, LookupError):
            raise BadRequest("the query body is not valid UTF-8") from None
    raise BadRequest(
        f"unsupported Content-Type {mimetype or '(none)'!r} for POST; use {FORM} or {SPARQL_QUERY}", 415
    )


def _merged(form):
    """Form fields and URL parameters together (default-graph-uri may come in either)."""
    merged = request.args.copy()
    for key, values in form.lists():
        merged.setlist(key, merged.getlist(key) + values)
    return merged


def _refuse_update(params) -> None:
    if "update" in params:
        raise guard.Refused(READ_ONLY_MESSAGE)


def _single(params, name: str) -> str | None:
    values = params.getlist(name)
    if len(values) > 1:
        raise BadRequest(f"parameter {name!r} given {len(values)} times; give it once")
    if values and not values[0].strip():
        raise BadRequest(f"parameter {name!r} is empty")
    return values[0] if values else None


def _format_param() -> str | None:
    value = request.args.get("format")
    if value is None and request.mimetype == FORM:
        value = request.form.get("format")
    if value is not None and not negotiate.is_known_format(value):
        raise BadRequest(
            f"parameter 'format': unknown format {value!r}; use one of {', '.join(negotiate.ALL_FORMAT_NAMES)}"
        )
    return value
