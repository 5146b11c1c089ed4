"""The graph browser: home and search, a page per resource, citation chains, the SPARQL editor.

Served by the same app as the endpoint, at `/`. See README "Browser" for the routes.
"""

from __future__ import annotations

from flask import Flask

from graph_server.browser import editor, resources, views
from graph_server.browser.common import remember_language

BLUEPRINTS = (views.bp, resources.bp, editor.bp)


def register(app: Flask) -> None:
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    app.after_request(remember_language)
