"""The Flask application: one blueprint per concern; the graph browser (graph_server.browser) at `/`."""

from __future__ import annotations

from flask import Flask, Response, request

from graph_server import browser, dumps, query_pages, update
from graph_server.settings import Settings
from graph_server.sparql import CROSS_ORIGIN_HEADERS, SparqlEndpoint, text_response
from graph_server.workers import QueryPool


def create_app(config: dict) -> Flask:
    """An app serving the store at config["store_path"]; other keys: see graph_server.settings.Settings.

    The worker pool starts here (its processes open the current snapshot), unless
    config["pool"] hands in one that already runs.
    """
    settings = Settings.from_mapping(config)
    app = Flask(__name__)
    # Flask answers 413 by itself for a request body above this.
    app.config["MAX_CONTENT_LENGTH"] = settings.max_query_bytes
    app.extensions["sckg.settings"] = settings
    pool = app.extensions["sckg.pool"] = config.get("pool") or QueryPool(
        settings.store_path,
        size=settings.workers,
        query_timeout=settings.query_timeout,
        queue_timeout=settings.queue_timeout,
        max_waiting=settings.max_waiting,
    )
    for blueprint in (dumps.bp, query_pages.bp, update.bp):
        app.register_blueprint(blueprint)
    browser.register(app)  # the graph browser at / (HTML pages; /sparql's editor for browsers)
    app.after_request(_allow_cross_origin)
    _register_errors(app, settings)
    # The protocol endpoint answers /sparql before Flask sees the request (see graph_server.sparql).
    app.wsgi_app = SparqlEndpoint(app.wsgi_app, settings, pool)
    return app


def _allow_cross_origin(response: Response) -> Response:
    # As the endpoint does for /sparql; never for the write route.
    if request.endpoint != "update.update":
        for name, value in CROSS_ORIGIN_HEADERS.items():
            response.headers.setdefault(name, value)
    return response


def _register_errors(app: Flask, settings: Settings) -> None:
    @app.errorhandler(413)
    def too_large(error):
        return text_response(413, f"request too large: the limit is {settings.max_query_bytes} bytes")

    @app.errorhandler(404)
    def not_found(error):
        return text_response(404, getattr(error, "description", None) or "not found")

    @app.errorhandler(405)
    def not_allowed(error):
        return text_response(405, "method not allowed here")
