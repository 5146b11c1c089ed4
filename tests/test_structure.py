"""Paragraphs, meetings and subjects of Council instruments; expected values written by hand from the texts."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import SEEDS

from ingest.extract import extract_file
from ingest.pipeline import ingest_paths
from sckg import vocab
from sckg.store import GraphStore

SEED_002 = SEEDS / "002_0b85769777cbff24.txt"  # resolution 1353 (2001), punctuation lost
SEED_003 = SEEDS / "003_71ee3118c768fd91.txt"  # presidential statement of 5 August 2009, one line


def kinds_and_verbs(extraction, first: int, last: int) -> list[tuple]:
    return [(p.kind, p.number, p.leading_verb) for p in extraction.structure.paragraphs[first:last]]


def test_resolution_1353_preambular_then_operative_then_annex():
    extraction = extract_file(SEED_002)
    paragraphs = extraction.structure.paragraphs
    # Ten preambular paragraphs ("重申其…" to "注意到本决议附件…"), then four numbered operative ones
    # (the third lost its full stop: "3 承诺"), then the annexes.
    assert kinds_and_verbs(extraction, 0, 3) == [("Preambular", None, "重申"), ("Preambular", None, "又回顾"), ("Preambular", None, "考虑")]
    assert [p.kind for p in paragraphs[:10]] == ["Preambular"] * 10
    assert kinds_and_verbs(extraction, 10, 14) == [
        ("Operative", "1", "同意"),
        ("Operative", "2", "请"),
        ("Operative", None, "承诺"),
        ("Operative", "4", "决定"),
    ]
    assert paragraphs[14].kind == "Annex" and extraction.text[paragraphs[14].start : paragraphs[14].end] == "附件一"
    assert {p.kind for p in paragraphs[14:]} == {"Annex"}
    assert [p.order for p in paragraphs] == list(range(1, len(paragraphs) + 1))


def test_citations_point_to_their_paragraph():
    extraction = extract_file(SEED_002)
    by_target = {c.target: c.paragraph for c in extraction.citations}
    assert by_target["S/RES/1318 (2000)"] == 1  # "重申其 … 第1318 2000 号 …"
    assert by_target["S/PRST/2001/3"] == 2  # "又回顾 2001 年 1 月 31 日的主席声明 S/PRST/2001/3"
    assert by_target["S/2000/809"] == 6  # "回顾联合国和平行动问题小组报告 S/2000/809 …"
    paragraph = extraction.structure.paragraphs[by_target["S/2000/1081"] - 1]
    assert paragraph.kind == "Annex" and paragraph.number == "12"


def test_one_line_statement_is_read_sentence_by_sentence():
    extraction = extract_file(SEED_003)
    paragraphs = extraction.structure.paragraphs
    assert len(paragraphs) > 20 and {p.kind for p in paragraphs} == {"Body"}
    second = paragraphs[1]
    assert extraction.text[second.start : second.end].startswith("安理会 尤其 回顾")
    assert second.leading_verb == "尤其 回顾"
    # "安理会 尤其 回顾 其 1994年 5月 3日 主席 声明" recalls S/PRST/1994/22 from the second sentence.
    recall = next(c for c in extraction.citations if c.relation == "recalls")
    assert (recall.target, recall.paragraph) == ("S/PRST/1994/22", 2)
    assert extraction.structure.agenda_item == "联合国维持和平行动"
    assert extraction.identity.meeting == 6178 and extraction.identity.issued == dt.date(2009, 8, 5)


@pytest.mark.parametrize(
    "name, preambular, operative, first_verbs, meeting",
    [
        # Read off the printed texts by hand.
        ("S_RES_0500_1982_EN_GOLD.txt", 2, 1, ["Having", "Taking", "Decides"], 2330),
        ("S_RES_0050_1948_EN_GOLD.txt", 1, 12, ["Desiring", "Calls", "Calls"], 310),
        ("S_RES_0880_1993_EN_GOLD.txt", 9, 15, ["Recalling", "Taking", "Noting"], 3303),
    ],
)
def test_english_resolutions(english_corpus, name, preambular, operative, first_verbs, meeting):
    extraction = extract_file(english_corpus / name)
    body = [p for p in extraction.structure.paragraphs if p.kind != "Note"]
    assert [p.kind for p in body] == ["Preambular"] * preambular + ["Operative"] * operative
    assert [p.leading_verb for p in body[:3]] == first_verbs
    numbered = [p.number for p in body if p.kind == "Operative"]
    assert numbered == ([None] if operative == 1 else [str(n) for n in range(1, operative + 1)])
    assert extraction.identity.meeting == meeting


def test_operative_verbs_with_adverbs(english_corpus):
    extraction = extract_file(english_corpus / "S_RES_0880_1993_EN_GOLD.txt")
    verbs = {p.number: p.leading_verb for p in extraction.structure.paragraphs if p.kind == "Operative"}
    assert verbs["2"] == "Welcomes also" and verbs["1"] == "Welcomes"


def test_letters_and_records_get_no_council_paragraphs():
    assert extract_file(SEEDS / "000_dd13dfe758a7279a.txt").structure.paragraphs == []


# -- in the store -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> GraphStore:
    store = GraphStore(tmp_path_factory.mktemp("structure") / "store")
    ingest_paths(store, [SEEDS])
    return store


def test_meeting_node_with_number_date_and_record(seed_store):
    rows = seed_store.select(
        "SELECT ?meeting ?number ?date ?record WHERE { ?doc sckg:symbol 'S/RES/1353 (2001)' ; sckg:adoptedAt ?meeting . "
        "?meeting a sckg:Meeting ; sckg:meetingNumber ?number ; dcterms:date ?date ; sckg:recordedIn ?record }"
    )
    assert len(rows) == 1
    row = rows[0]
    assert row["meeting"] == vocab.meeting_iri(4326).value
    assert (row["number"], row["date"], row["record"]) == (4326, "2001-06-13", vocab.document_iri("S/PV.4326").value)


def test_paragraph_nodes_in_order(seed_store):
    rows = seed_store.select(
        "SELECT ?order ?kind ?verb WHERE { ?doc sckg:symbol 'S/RES/1353 (2001)' ; sckg:hasParagraph ?p . "
        "?p sckg:order ?order ; a ?kind ; dcterms:isPartOf ?doc . OPTIONAL { ?p sckg:leadingVerb ?verb } } ORDER BY ?order LIMIT 12"
    )
    assert [r["kind"].rsplit("#")[1] for r in rows] == ["PreambularParagraph"] * 10 + ["OperativeParagraph"] * 2
    assert rows[1]["verb"] == "又回顾"


def test_unbis_subjects_are_skos_concepts(seed_store):
    rows = seed_store.select(
        "SELECT ?concept ?label WHERE { ?doc sckg:meetingNumber 6178 ; dcterms:subject ?concept . "
        "?concept a skos:Concept ; skos:prefLabel ?label ; skos:inScheme ?scheme . ?scheme a skos:ConceptScheme }"
    )
    labels = {r["label"] for r in rows}
    assert labels == {
        "PEACEKEEPING OPERATIONS", "PEACEBUILDING", "CONSULTATIONS", "TROOP-CONTRIBUTING STATES",
        "PARTNERSHIP", "INTERNATIONAL COOPERATION", "COORDINATION WITHIN UN SYSTEM", "REGIONAL ORGANIZATIONS",
    }
    concepts = {r["label"]: r["concept"] for r in rows}
    assert concepts["PEACEKEEPING OPERATIONS"] == vocab.base_iri() + "subject/peacekeeping-operations"


def test_no_triple_twice_in_the_union(seed_store):
    rows = seed_store.select("SELECT (COUNT(*) AS ?all) WHERE { ?s ?p ?o }")
    distinct = seed_store.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
    assert rows[0]["all"] == distinct[0]["n"]
