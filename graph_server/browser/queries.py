"""Every SPARQL query the browser runs, in one place.

User input never enters the text of a query: the resource a page is about is bound
to ?resource with a pyoxigraph substitution (SEP-0007), which is why each query
projects ?resource (pyoxigraph only substitutes projected variables).
Search, chains and the home page's lists read the catalogue (graph_server.browser.catalogue),
which these queries fill once per published snapshot.
"""

from sckg import vocab

# -- the catalogue (whole-graph, no parameters) ------------------------------------------

SYMBOLS = "SELECT ?doc ?symbol WHERE { ?doc sckg:symbol ?symbol }"

# Every document class stated for a node (a cited document may get one from its symbol and one
# from context). The classes come from sckg.vocab, not from users; other node types (paragraphs,
# meetings, actors, ...) are not documents and get the generic resource page.
DOCUMENT_TYPES = (
    "SELECT ?doc ?type WHERE {\n  VALUES ?type { "
    + " ".join(str(vocab.sckg(name)) for name in vocab.DOCUMENT_CLASSES)
    + " }\n  ?doc a ?type .\n}"
)

# The documents read from a source file, with what the ingest learnt about them.
INGESTED = """
SELECT ?doc ?file ?graph ?issued ?language ?title WHERE {
  GRAPH ?graph { ?doc sckg:sourceFile ?file }
  OPTIONAL { ?doc dcterms:issued ?issued }
  OPTIONAL { ?doc dcterms:language ?language }
  OPTIONAL { ?doc dcterms:title ?title }
}"""

# Document-level citation edges, one row per pair and relation.
EDGES = """
SELECT ?citing ?relation ?cited WHERE {
  VALUES ?relation { sckg:reaffirms sckg:recalls sckg:cites }
  ?citing ?relation ?cited .
}"""

# Citation counts by the relation their citation nodes carry.
CITATIONS_BY_RELATION = """
SELECT ?relation (COUNT(?c) AS ?n) WHERE {
  ?c a sckg:Citation ; cito:hasCitationCharacterization ?relation .
} GROUP BY ?relation"""

TEXTS = "SELECT ?doc ?text WHERE { ?doc sckg:text ?text }"

# -- one resource (bound: ?resource) ---------------------------------------------------------

# Its own statements, with the graph each comes from (the registry or a source file's graph).
OUTGOING = """
SELECT ?resource ?p ?o ?g WHERE { GRAPH ?g { ?resource ?p ?o } }"""

# Statements about other resources that point at it (citation nodes are read by CITED_BY).
INCOMING = """
SELECT ?resource ?s ?p WHERE {
  ?s ?p ?resource .
  FILTER(?p != cito:hasCitedEntity && ?p != cito:hasCitingEntity)
  FILTER NOT EXISTS { VALUES ?p { sckg:reaffirms sckg:recalls sckg:cites } }
} LIMIT 1000"""

# The citations in its text, in reading order.
CITES = """
SELECT ?resource ?c ?cited ?relation ?start ?end ?mention ?verb ?evidence ?citedAs WHERE {
  ?c cito:hasCitingEntity ?resource ; cito:hasCitedEntity ?cited ;
     cito:hasCitationCharacterization ?relation .
  # One pattern per OPTIONAL: Oxigraph evaluates a multi-pattern OPTIONAL block on its own
  # (every offset in the graph) before joining it.
  OPTIONAL { ?c sckg:startOffset ?start }
  OPTIONAL { ?c sckg:endOffset ?end }
  OPTIONAL { ?c sckg:mention ?mention }
  OPTIONAL { ?c sckg:verb ?verb }
  OPTIONAL { ?c sckg:evidence ?evidence }
  OPTIONAL { ?c sckg:citedAs ?citedAs }
} ORDER BY ?start"""

# The citations of it in other documents' texts.
CITED_BY = """
SELECT ?resource ?c ?citing ?relation ?mention ?verb ?evidence WHERE {
  ?c cito:hasCitedEntity ?resource ; cito:hasCitingEntity ?citing ;
     cito:hasCitationCharacterization ?relation .
  OPTIONAL { ?c sckg:mention ?mention }
  OPTIONAL { ?c sckg:verb ?verb }
  OPTIONAL { ?c sckg:evidence ?evidence }
}"""

# The same, lighter, for the page's lists (who, how, with which verb): the most-cited documents
# have hundreds of these, and the sentences are only needed in /citations.json.
CITED_BY_BRIEF = """
SELECT ?resource ?c ?citing ?relation ?verb WHERE {
  ?c cito:hasCitedEntity ?resource ; cito:hasCitingEntity ?citing ;
     cito:hasCitationCharacterization ?relation .
  OPTIONAL { ?c sckg:verb ?verb }
}"""

# Is the IRI known at all (as subject, object or graph)?
KNOWN = """
SELECT ?resource WHERE {
  { ?resource ?p ?o } UNION { ?s ?p ?resource } UNION { GRAPH ?resource { ?s ?p ?o } }
} LIMIT 1"""

# The RDF description served by content negotiation: its statements, the citation nodes
# of its text, and the statements pointing at it (a symmetric concise bounded description).
DESCRIPTION = """
CONSTRUCT { ?resource ?p ?o . ?c ?cp ?co . ?s ?sp ?resource . }
WHERE {
  { ?resource ?p ?o }
  UNION { ?c cito:hasCitingEntity ?resource ; ?cp ?co }
  UNION { ?s ?sp ?resource }
}"""
