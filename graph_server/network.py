"""The citation network as an edge list (CSV) and as GraphML, for network-analysis tools.

CR-UNSC publishes its resolution-to-resolution network as GraphML; this export
has the same shape (one node per instrument, one edge per citing/cited pair and
relation) so the two can be compared in igraph, networkx or Gephi. Each edge
carries the most specific relation found: reaffirms or recalls where the text
says so, otherwise cites.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Iterator
from xml.sax.saxutils import escape, quoteattr

EDGES_QUERY = """
SELECT ?source ?target ?relation ?year WHERE {
  {
    VALUES ?p { sckg:reaffirms sckg:recalls }
    ?s ?p ?t .
  } UNION {
    ?s sckg:cites ?t .
    FILTER NOT EXISTS { ?s sckg:reaffirms|sckg:recalls ?t }
    BIND(sckg:cites AS ?p)
  }
  ?s sckg:symbol ?source .
  ?t sckg:symbol ?target .
  BIND(STRAFTER(STR(?p), "#") AS ?relation)
  OPTIONAL { ?s dcterms:issued ?issued }
  BIND(COALESCE(YEAR(?issued), xsd:integer(REPLACE(?source, "^.*\\\\((\\\\d{4})\\\\).*$", "$1"))) AS ?year)
}
ORDER BY ?source ?target ?relation
"""

NODES_QUERY = """
SELECT ?symbol (SAMPLE(?class) AS ?type) (SAMPLE(?y) AS ?year) (SAMPLE(?file) AS ?source_file) WHERE {
  ?doc sckg:symbol ?symbol .
  FILTER EXISTS { { ?doc sckg:cites ?other } UNION { ?other sckg:cites ?doc } }
  OPTIONAL { ?doc a ?c . FILTER(?c != sckg:Document) BIND(STRAFTER(STR(?c), "#") AS ?class) }
  OPTIONAL { ?doc dcterms:issued ?issued BIND(YEAR(?issued) AS ?y) }
  OPTIONAL { ?doc sckg:sourceFile ?file }
}
GROUP BY ?symbol ORDER BY ?symbol
"""

CSV_COLUMNS = ("source", "target", "relation", "year")


def edges(store) -> list[dict]:
    return store.select(EDGES_QUERY)


def nodes(store) -> list[dict]:
    return store.select(NODES_QUERY)


def csv_chunks(store) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for edge in edges(store):
        writer.writerow(edge)
        if buffer.tell() > 64 * 1024:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


NODE_KEYS = (("label", "string"), ("type", "string"), ("year", "int"), ("resolution", "int"), ("ingested", "boolean"))
EDGE_KEYS = (("relation", "string"), ("year", "int"))


def graphml_chunks(store) -> Iterator[bytes]:
    yield _graphml_header().encode("utf-8")
    for node in nodes(store):
        yield _graphml_node(node).encode("utf-8")
    for number, edge in enumerate(edges(store)):
        yield _graphml_edge(number, edge).encode("utf-8")
    yield b"</graph>\n</graphml>\n"


def _graphml_header() -> str:
    keys = [f'<key id="n_{n}" for="node" attr.name="{n}" attr.type="{t}"/>' for n, t in NODE_KEYS]
    keys += [f'<key id="e_{n}" for="edge" attr.name="{n}" attr.type="{t}"/>' for n, t in EDGE_KEYS]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
        + "\n".join(keys)
        + '\n<graph id="sckg-citations" edgedefault="directed">\n'
    )


def _graphml_node(node: dict) -> str:
    symbol = node["symbol"]
    data = {"label": symbol, "type": node.get("type", "Document"), "ingested": str("source_file" in node).lower()}
    if "year" in node:
        data["year"] = node["year"]
    number = re.match(r"^S/RES/(\d+)", symbol)
    if number:
        data["resolution"] = int(number.group(1))
    return f"<node id={quoteattr(symbol)}>{_data('n', data)}</node>\n"


def _graphml_edge(number: int, edge: dict) -> str:
    data = {"relation": edge["relation"]}
    if "year" in edge:
        data["year"] = edge["year"]
    return (
        f"<edge id=\"e{number}\" source={quoteattr(edge['source'])} target={quoteattr(edge['target'])}>"
        f"{_data('e', data)}</edge>\n"
    )


def _data(prefix: str, values: dict) -> str:
    return "".join(f'<data key="{prefix}_{k}">{escape(str(v))}</data>' for k, v in values.items())
