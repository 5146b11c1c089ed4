"""The SPARQL 1.1 Protocol endpoint at /sparql (read-only): a WSGI application in front of the Flask app.

Why not a Flask view: the endpoint answers most of the server's requests, and for
a one-hop lookup Flask's per-request machinery (request context, URL matching,
hooks) and werkzeug Responses cost more CPU than the query and the hop to its
worker together: the front process spent about 450 us per lookup as a Flask view
and about 260 us as this; the server as a whole 675 us against 450
(bench/endpoint_bench.py, README "Benchmarks"). Requests are still read with
werkzeug, the library under Flask, so parsing, limits and charsets work as they
do in Flask; replies are written straight to the WSGI server. The one /sparql
request passed on to Flask is a browser asking for the editor (HTML, no query):
graph_server.browser.editor serves it.
"""

from __future__ import annotations

from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.wrappers import Request, Response

from graph_server import guard, negotiate
from graph_server.service_description import service_description
from graph_server.settings import Settings
from graph_server.workers import PoolBusy, QueryJob, QueryPool, QueryTimeout, Reply, WorkerCrashed, text_reply

PATH = "/sparql"
FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"

READ_ONLY_MESSAGE = (
    "this public endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, ...) is refused; "
    "writes go through `sckg ingest` or the authenticated /update route"
)

# Read-only resources may be used by any page (YASGUI elsewhere, notebooks). The write
# route never gets these, so a browser will not send it credentials from elsewhere.
CROSS_ORIGIN_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "X-SCKG-Truncated, X-SCKG-Result-Rows, X-SCKG-Snapshot, ETag",
}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Max-Age": "86400",
}


class BadRequest(Exception):
    """A protocol error in the request itself (HTTP 400 unless another status is given)."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


class SparqlEndpoint:
    """WSGI middleware: answers /sparql itself and hands every other request to `app` (the Flask app)."""

    def __init__(self, app, config: Settings, pool: QueryPool):
        self.app = app
        self.config = config
        self.pool = pool

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != PATH:
            return self.app(environ, start_response)
        request = Request(environ)
        # Flask's limits, which this request no longer passes through: bodies and form fields.
        request.max_content_length = request.max_form_memory_size = self.config.max_query_bytes
        reply = self.respond(request)
        if reply is None:
            return self.app(environ, start_response)
        # Written directly, not through a werkzeug Response: that alone cost about 80 us per request.
        start_response(f"{reply.status} {HTTP_STATUS_CODES.get(reply.status, '')}",
                       [*reply_headers(reply), *CROSS_ORIGIN_HEADERS.items()])
        return [] if request.method == "HEAD" else [reply.body]

    def respond(self, request: Request) -> Reply | None:
        """The endpoint's answer, or None for a browser asking for the editor."""
        if request.method == "OPTIONS":
            return Reply(204, "", b"", PREFLIGHT_HEADERS)
        if request.method not in ("GET", "HEAD", "POST"):
            return text_reply(405, "method not allowed here", {"Allow": "GET, HEAD, POST, OPTIONS"})
        try:
            query, default_graphs, named_graphs = _protocol_request(request, self.config.max_query_bytes)
            if query is None:
                if request.method != "POST" and _prefers_html(request.headers.get("Accept")):
                    return None
                return service_description(request.base_url, _format_param(request), request.headers.get("Accept"))
            guard.check_query(query)
            job = QueryJob(
                query=query,
                format_param=_format_param(request),
                accept=request.headers.get("Accept"),
                default_graphs=default_graphs,
                named_graphs=named_graphs,
            )
        except BadRequest as error:
            return text_reply(error.status, str(error))
        except RequestEntityTooLarge:
            return text_reply(413, f"request too large: the limit is {self.config.max_query_bytes} bytes")
        except guard.Refused as error:
            return text_reply(403, str(error))
        return run_query(job, self.pool, self.config)


def run_query(job: QueryJob, pool: QueryPool, config: Settings) -> Reply:
    """Send a job to the worker pool with the server's limits; pool failures become replies with their status."""
    job.max_rows = min(job.max_rows, config.max_rows)
    job.max_bytes = min(job.max_bytes, config.max_bytes)
    try:
        return pool.run(job)
    except QueryTimeout as error:
        return text_reply(503, str(error), {"Retry-After": "5"})
    except PoolBusy as error:
        return text_reply(503, f"server busy: {error}; try again shortly", {"Retry-After": "2"})
    except WorkerCrashed as error:
        return text_reply(500, str(error))


def run_job(job: QueryJob, pool: QueryPool, config: Settings) -> Response:
    """run_query for Flask views (saved queries, the browser's RDF views)."""
    return reply_response(run_query(job, pool, config))


def reply_headers(reply: Reply) -> list[tuple[str, str]]:
    framing = [("Content-Type", reply.content_type), ("Content-Length", str(len(reply.body)))] if reply.content_type else []
    return [*framing, ("Vary", "Accept"), *reply.headers.items()]


def reply_response(reply: Reply) -> Response:
    return Response(reply.body, status=reply.status, headers=reply_headers(reply))


def text_response(status: int, message: str, headers: dict | None = None) -> Response:
    return reply_response(text_reply(status, message, headers))


# -- reading the protocol request ------------------------------------------------------------


def _protocol_request(request: Request, max_query_bytes: int) -> tuple[str | None, list[str] | None, list[str] | None]:
    """(query text or None, default-graph-uri list or None, named-graph-uri list or None)."""
    if request.method == "POST":
        params, query = _post_params(request)
    else:
        params = request.args
        _refuse_update(params)
        query = _single(params, "query")
    if query is not None and len(query.encode("utf-8")) > max_query_bytes:
        raise BadRequest(f"parameter 'query': longer than the {max_query_bytes}-byte limit", 413)
    default_graphs = params.getlist("default-graph-uri") or None
    named_graphs = params.getlist("named-graph-uri") or None
    for iri in (default_graphs or []) + (named_graphs or []):
        if not iri.startswith(("http://", "https://", "urn:")):
            raise BadRequest(f"default-graph-uri / named-graph-uri: {iri!r} is not an absolute IRI")
    return query, default_graphs, named_graphs


def _post_params(request: Request):
    mimetype = request.mimetype
    if mimetype == SPARQL_UPDATE:
        raise guard.Refused(READ_ONLY_MESSAGE)
    if mimetype == FORM:
        form = request.form
        _refuse_update(form)
        if "query" not in form:
            raise BadRequest("missing parameter 'query' in the form body")
        return _merged(request.args, form), _single(form, "query")
    if mimetype == SPARQL_QUERY:
        body = request.get_data(cache=False)
        try:
            return request.args, body.decode(request.mimetype_params.get("charset", "utf-8"))
        except (UnicodeDecodeError, LookupError):
            raise BadRequest("the query body is not valid UTF-8") from None
    raise BadRequest(
        f"unsupported Content-Type {mimetype or '(none)'!r} for POST; use {FORM} or {SPARQL_QUERY}", 415
    )


def _merged(args, form):
    """Form fields and URL parameters together (default-graph-uri may come in either)."""
    merged = args.copy()
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


def _format_param(request: Request) -> str | None:
    value = request.args.get("format")
    if value is None and request.mimetype == FORM:
        value = request.form.get("format")
    if value is not None and not negotiate.is_known_format(value):
        raise BadRequest(
            f"parameter 'format': unknown format {value!r}; use one of {', '.join(negotiate.ALL_FORMAT_NAMES)}"
        )
    return value


def _prefers_html(accept: str | None) -> bool:
    """An explicit text/html ranked above every RDF type (curl's */* still gets the Service Description)."""
    html = negotiate.highest_quality(accept, negotiate.HTML_TYPES)
    return html > 0 and html >= negotiate.highest_quality(accept, negotiate.GRAPH_MEDIA_TYPES)
