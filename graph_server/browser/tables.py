"""Every list the browser shows is also data: the same rows as JSON or CSV (Datasette-style URLs)."""

from __future__ import annotations

import csv
import io
import json

from flask import Response, request

FORMATS = ("json", "csv")


def data_response(fmt: str, columns: list[str], rows: list[dict], meta: dict | None = None, name: str = "data") -> Response:
    if fmt == "json":
        body = {**(meta or {}), "columns": columns, "rows": rows}
        return Response(json.dumps(body, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else row[k] for k in columns})
    response = Response(out.getvalue(), content_type="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = f'inline; filename="{name}.csv"'
    return response


def data_links(endpoint_path: str) -> dict[str, str]:
    """`/search?q=x` -> {"json": "/search.json?q=x", "csv": "/search.csv?q=x"} (the page's own arguments kept)."""
    query = request.query_string.decode("latin-1")
    suffix = f"?{query}" if query else ""
    return {fmt: f"{endpoint_path}.{fmt}{suffix}" for fmt in FORMATS}
