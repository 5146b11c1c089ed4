"""Interface labels in English and Chinese, and which of the two a request gets.

Label strings live in labels/<code>.json (one file per language, the same keys);
names of classes and properties come from the ontology's rdfs:labels, so a property
another part of the project adds shows up with its label without code changes here.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from flask import request
from pyoxigraph import Literal, NamedNode, RdfFormat, parse

from sckg import vocab

LANGUAGES = ("en", "zh")
COOKIE = "sckg_lang"
RDFS_LABEL = vocab.RDFS_LABEL.value

# Labels for common terms from other vocabularies (the ontology labels only its own).
_OTHER_TERMS = {
    vocab.RDF_TYPE.value: {"en": "type", "zh": "类型"},
    vocab.DCTERMS + "title": {"en": "title", "zh": "标题"},
    vocab.DCTERMS + "issued": {"en": "issued", "zh": "发布日期"},
    vocab.DCTERMS + "language": {"en": "language", "zh": "语言"},
    vocab.DCTERMS + "subject": {"en": "subject", "zh": "主题"},
    vocab.CITO + "hasCitingEntity": {"en": "citing entity", "zh": "施引实体"},
    vocab.CITO + "hasCitedEntity": {"en": "cited entity", "zh": "被引实体"},
    vocab.CITO + "hasCitationCharacterization": {"en": "relation", "zh": "关系"},
    RDFS_LABEL: {"en": "label", "zh": "标签"},
    vocab.PREF_LABEL.value: {"en": "preferred label", "zh": "首选标签"},
}


@cache
def labels(code: str) -> dict[str, str]:
    text = resources.files("graph_server.browser").joinpath(f"labels/{code}.json").read_text(encoding="utf-8")
    return json.loads(text)


class Translator:
    """`t("key", n=3)`: the label in this language, with {placeholders} filled."""

    def __init__(self, code: str):
        self.code = code
        self.table = labels(code)

    def __call__(self, key: str, **values) -> str:
        text = self.table.get(key) or labels("en").get(key) or key
        return text.format(**values) if values else text

    def term(self, iri: str) -> str:
        """A class or property IRI by its label in this language, else its prefixed name."""
        names = ontology_labels().get(iri) or _OTHER_TERMS.get(iri)
        if names:
            return names.get(self.code) or names.get("en") or next(iter(names.values()))
        return curie(iri)

    def doc_type(self, local_name: str) -> str:
        return self.term(vocab.SCKG + local_name)

    def relation(self, iri: str) -> str:
        return self(f"rel.{iri.rsplit('#', 1)[-1]}") if iri.startswith(vocab.SCKG) else curie(iri)


@cache
def ontology_labels() -> dict[str, dict[str, str]]:
    """IRI -> {language: rdfs:label} from ontology/sckg.ttl."""
    data = resources.files("ontology").joinpath("sckg.ttl").read_bytes()
    found: dict[str, dict[str, str]] = {}
    for triple in parse(data, format=RdfFormat.TURTLE):
        if triple.predicate.value == RDFS_LABEL and isinstance(triple.subject, NamedNode):
            if isinstance(triple.object, Literal):
                found.setdefault(triple.subject.value, {})[triple.object.language or "en"] = triple.object.value
    return found


def curie(iri: str) -> str:
    for prefix, namespace in vocab.PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def choose_language(document_language: str | None = None) -> str:
    """?lang= wins, then the reader's saved choice, then the document's language, then Accept-Language."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    saved = request.cookies.get(COOKIE)
    if saved in LANGUAGES:
        return saved
    if document_language in LANGUAGES:
        return document_language
    return request.accept_languages.best_match(LANGUAGES, default="en")
