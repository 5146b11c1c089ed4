"""The saved research queries (queries/*.rq) at /queries: a list, a page per query, raw results.

Parameters arrive as URL parameters named like the query's declared parameters
and are bound with substitutions (sckg.queries.SavedQuery.bind), never pasted
into the query text.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, jsonify, render_template_string, request, url_for

from graph_server import negotiate
from graph_server.settings import pool, settings
from graph_server.sparql import run_job, text_response
from graph_server.workers import QueryJob, encode_term
from sckg.queries import ParamError, SavedQuery, load_queries

bp = Blueprint("queries", __name__)

PAGE_ACCEPT = "application/sparql-results+json, text/turtle;q=0.9, */*;q=0.1"


def _queries() -> dict[str, SavedQuery]:
    # Read on each request: the files are small and edits show up without a restart.
    return load_queries()


def _query_or_404(name: str) -> SavedQuery:
    saved = _queries().get(name)
    if saved is None:
        abort(404, description=f"no saved query named {name!r}; see /queries")
    return saved


@bp.route("/queries")
def index():
    queries = _queries()
    if _wants_json():
        return jsonify([_summary(q) for q in queries.values()])
    return render_template_string(INDEX_HTML, queries=queries.values(), links=_links)


@bp.route("/queries/<name>.rq")
def source(name: str):
    return Response(_query_or_404(name).text, content_type="application/sparql-query; charset=utf-8")


@bp.route("/queries/<name>/results")
def results(name: str):
    saved = _query_or_404(name)
    format_param = request.args.get("format")
    if format_param is not None and not negotiate.is_known_format(format_param):
        return text_response(400, f"parameter 'format': unknown format {format_param!r}")
    try:
        job = _job(saved, _param_values(), format_param, request.headers.get("Accept"))
    except ParamError as error:
        return text_response(400, str(error))
    return run_job(job, pool(), settings())


@bp.route("/queries/<name>")
def page(name: str):
    saved = _query_or_404(name)
    values = _param_values()
    try:
        job = _job(saved, values, None, PAGE_ACCEPT)
    except ParamError as error:
        return _render_page(saved, values, error=str(error), status=400)
    response = run_job(job, pool(), settings())
    if response.status_code != 200:
        return _render_page(saved, values, error=response.get_data(as_text=True), status=response.status_code)
    return _render_page(saved, values, response=response)


# -- helpers ----------------------------------------------------------------------------------------


def _param_values() -> dict[str, str]:
    return {k: v for k, v in request.args.items() if k != "format"}


def _job(saved: SavedQuery, values: dict[str, str], format_param, accept) -> QueryJob:
    substitutions = {k: encode_term(v) for k, v in saved.bind(values).items()}
    return QueryJob(query=saved.text, format_param=format_param, accept=accept, substitutions=substitutions)


def _wants_json() -> bool:
    if request.args.get("format") == "json":
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def _summary(saved: SavedQuery) -> dict:
    return {
        "name": saved.name,
        "title": saved.title,
        "description": saved.description,
        "parameters": [
            {"name": p.name, "kind": p.kind, "default": p.default, "description": p.description}
            for p in saved.params
        ],
        "links": _links(saved),
    }


def _links(saved: SavedQuery, values: dict[str, str] | None = None) -> dict[str, str]:
    query_string = urlencode(values or {})
    suffix = f"&{query_string}" if query_string else ""
    results_url = url_for("queries.results", name=saved.name)
    return {
        "page": url_for("queries.page", name=saved.name) + (f"?{query_string}" if query_string else ""),
        "json": f"{results_url}?format=json{suffix}",
        "csv": f"{results_url}?format=csv{suffix}",
        "source": url_for("queries.source", name=saved.name),
    }


def _render_page(saved, values, response: Response | None = None, error: str | None = None, status: int = 200):
    table, text, truncated = None, None, None
    if response is not None:
        body = response.get_data(as_text=True)
        truncated = response.headers.get("X-SCKG-Truncated")
        if response.mimetype == "application/sparql-results+json":
            table = _table(json.loads(body))
        else:
            text = body
    html = render_template_string(
        PAGE_HTML,
        q=saved,
        values={p.name: values.get(p.name, p.default or "") for p in saved.params},
        links=_links(saved, values),
        table=table,
        text=text,
        error=error,
        truncated=truncated,
    )
    return Response(html, status=status, content_type="text/html; charset=utf-8")


def _table(results: dict) -> dict:
    if "boolean" in results:
        return {"columns": ["result"], "rows": [[str(results["boolean"]).lower()]]}
    columns = results["head"]["vars"]
    rows = [[b.get(c, {}).get("value", "") for c in columns] for b in results["results"]["bindings"]]
    return {"columns": columns, "rows": rows}


INDEX_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sckg: saved queries</title></head>
<body>
<h1>Saved queries</h1>
<p>Questions about UN Security Council instruments and their citations. Each runs in one click;
parameters can be changed on the query's page. The SPARQL endpoint is at <a href="/sparql">/sparql</a>.</p>
<ul>
{% for q in queries %}{% set l = links(q) %}
<li><a href="{{ l.page }}"><strong>{{ q.title }}</strong></a> &mdash; {{ q.description }}
 {% if q.params %}<br><small>parameters: {% for p in q.params %}<code>{{ p.name }}</code> ({{ p.kind }}{% if p.default %}, default <code>{{ p.default }}</code>{% endif %}){% if not loop.last %}, {% endif %}{% endfor %}</small>{% endif %}
 <br><small><a href="{{ l.json }}">JSON</a> · <a href="{{ l.csv }}">CSV</a> · <a href="{{ l.source }}">SPARQL</a></small></li>
{% endfor %}
</ul>
</body></html>
"""

PAGE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ q.title }}</title></head>
<body>
<p><a href="/queries">All saved queries</a></p>
<h1>{{ q.title }}</h1>
<p>{{ q.description }}</p>
{% if q.params %}
<form method="get">
{% for p in q.params %}
<label>{{ p.name }} <small>({{ p.description }})</small>
<input name="{{ p.name }}" value="{{ values[p.name] }}"></label><br>
{% endfor %}
<button type="submit">Run</button>
</form>
{% endif %}
<p><a href="{{ links.json }}">JSON</a> · <a href="{{ links.csv }}">CSV</a> · <a href="{{ links.source }}">SPARQL</a></p>
{% if error %}<p role="alert"><strong>Error:</strong> {{ error }}</p>{% endif %}
{% if truncated %}<p role="status">Results cut short ({{ truncated }}).</p>{% endif %}
{% if table %}
<p>{{ table.rows|length }} row(s)</p>
<table border="1">
<tr>{% for c in table.columns %}<th>{{ c }}</th>{% endfor %}</tr>
{% for row in table.rows %}<tr>{% for cell in row %}<td>{{ cell }}</td>{% endfor %}</tr>{% endfor %}
</table>
{% endif %}
{% if text %}<pre>{{ text }}</pre>{% endif %}
<details><summary>Query</summary><pre>{{ q.text }}</pre></details>
</body></html>
"""
