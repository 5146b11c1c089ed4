"""The SPARQL 1.1 Service Description returned by /sparql when no query is given."""

from __future__ import annotations

from flask import Response, request
from pyoxigraph import RdfFormat, parse, serialize

from graph_server import negotiate

SD_TEMPLATE = """\
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
@prefix dcterms: <http://purl.org/dc/terms/> .

[] a sd:Service ;
  dcterms:title "sckg: UN Security Council instruments and their citations" ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query ;
  sd:feature sd:UnionDefaultGraph ;
  sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML,
    formats:SPARQL_Results_CSV, formats:SPARQL_Results_TSV,
    formats:Turtle, formats:N-Triples, formats:RDF_XML, formats:JSON-LD ;
  sd:defaultDataset [ a sd:Dataset ;
    dcterms:description "The default graph is the union of all named graphs: one per source document, plus the registry graph." ;
    sd:defaultGraph [ a sd:Graph ]
  ] .
"""

RDF_FORMATS = {
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "rdfxml": RdfFormat.RDF_XML,
    "jsonld": RdfFormat.JSON_LD,
}


def service_description(endpoint: str) -> Response:
    # sd:BasicFederatedQuery is not claimed: SERVICE is refused on this endpoint.
    turtle = SD_TEMPLATE.format(endpoint=endpoint)
    try:
        fmt = negotiate.choose(negotiate.GRAPH, request.values.get("format"), request.headers.get("Accept"))
    except negotiate.NotAcceptable as error:
        return Response(str(error) + "\n", status=406, content_type="text/plain; charset=utf-8")
    if fmt.name == "turtle":
        body = turtle.encode("utf-8")
    else:
        triples = parse(turtle, format=RdfFormat.TURTLE)
        body = serialize(triples, format=RDF_FORMATS[fmt.name])
    response = Response(body, content_type=fmt.media_type)
    response.vary.add("Accept")
    return response
