"""The SPARQL 1.1 Service Description returned by /sparql when no query is given."""

from __future__ import annotations

from pyoxigraph import RdfFormat, parse, serialize

from graph_server import negotiate
from graph_server.workers import Reply, text_reply

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


def service_description(endpoint: str, format_param: str | None, accept: str | None) -> Reply:
    # sd:BasicFederatedQuery is not claimed: SERVICE is refused on this endpoint.
    turtle = SD_TEMPLATE.format(endpoint=endpoint)
    try:
        fmt = negotiate.choose(negotiate.GRAPH, format_param, accept)
    except negotiate.NotAcceptable as error:
        return text_reply(406, str(error))
    if fmt.name == "turtle":
        body = turtle.encode("utf-8")
    else:
        triples = parse(turtle, format=RdfFormat.TURTLE)
        body = serialize(triples, format=RDF_FORMATS[fmt.name])
    return Reply(200, fmt.media_type, body)
