"""SHACL validation of the store against ontology/shapes.ttl (pyshacl over the union of all graphs)."""

from __future__ import annotations

import io
from importlib import resources

import pyshacl
import rdflib

from sckg.store import GraphStore


def ontology_file(name: str):
    return resources.files("ontology").joinpath(name)


def validate_store(store: GraphStore) -> tuple[bool, str]:
    """(conforms, a readable report) for the whole graph."""
    data = rdflib.Graph()
    buffer = io.BytesIO()
    store.export(buffer, "nt")
    data.parse(data=buffer.getvalue().decode("utf-8"), format="nt")
    shapes = rdflib.Graph().parse(data=ontology_file("shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    ontology = rdflib.Graph().parse(data=ontology_file("sckg.ttl").read_text(encoding="utf-8"), format="turtle")
    conforms, _report_graph, report_text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True, allow_warnings=True
    )
    summary = f"{len(data)} triples checked against {len(shapes)} shape triples: " + (
        "conforms" if conforms else "violations found"
    )
    return conforms, summary if conforms else f"{summary}\n{report_text}"
