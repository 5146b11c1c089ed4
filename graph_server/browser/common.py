"""What every browser view needs: the catalogue, the interface language, page rendering."""

from __future__ import annotations

from flask import Response, current_app, render_template, request

from graph_server.browser import present
from graph_server.browser.catalogue import Catalogue, CatalogueCache
from graph_server.browser.i18n import COOKIE, LANGUAGES, Translator, choose_language, curie
from graph_server.settings import settings

CACHE_KEY = "sckg.browser.catalogue"


def catalogue() -> Catalogue:
    cache = current_app.extensions.get(CACHE_KEY)
    if cache is None:
        cache = current_app.extensions[CACHE_KEY] = CatalogueCache(settings().store_path)
    return cache.current()


def render(template: str, status: int = 200, document_language: str | None = None, **context) -> Response:
    code = choose_language(document_language)
    t = Translator(code)
    cat = context.pop("cat", None)
    html = render_template(
        template,
        t=t,
        lang=code,
        other_lang=next(c for c in LANGUAGES if c != code),
        switch_url=switch_url,
        href=present.href,
        curie=curie,
        label=lambda iri: present.doc_label(cat.get(iri) if cat else None, iri, t),
        cat=cat,
        **context,
    )
    response = Response(html, status=status, content_type="text/html; charset=utf-8")
    response.vary.add("Cookie")
    return response


def switch_url(code: str) -> str:
    args = request.args.to_dict(flat=False)
    args["lang"] = [code]
    from urllib.parse import urlencode

    return request.path + "?" + urlencode(args, doseq=True)


def remember_language(response: Response) -> Response:
    """A ?lang= choice is kept in a cookie, so it follows the reader from page to page."""
    asked = request.args.get("lang")
    if asked in LANGUAGES and request.cookies.get(COOKIE) != asked:
        response.set_cookie(COOKIE, asked, max_age=365 * 24 * 3600, samesite="Lax")
    return response
