"""Letters (with concept notes) and meeting records: what is read from the seeds, from English
texts of the same shapes, and what a store answers about them.

The expected values were written by reading the seeds (corpus/zh/000, 001, 004), not from the code.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import SEEDS

from ingest.extract import extract_file, extract_text
from ingest.pipeline import ingest_paths
from ingest.rdf import document_node, to_graph_write
from sckg import vocab
from sckg.queries import load_queries
from sckg.store import GraphStore
from sckg.validation import validate_store


def seed(prefix: str):
    return extract_file(next(SEEDS.glob(f"{prefix}_*.txt")))


@pytest.fixture(scope="module")
def peru():
    return seed("000")


@pytest.fixture(scope="module")
def kuwait():
    return seed("004")


@pytest.fixture(scope="module")
def fourth_committee():
    return seed("001")


# -- seed 000: Peru, July 2019 ---------------------------------------------------------------------


def test_peru_letter_heading_and_sender(peru):
    letter = peru.letter_or_record
    assert letter.kind == "letter"
    assert letter.date == dt.date(2019, 6, 27)
    assert (letter.sender_state, letter.sender_title) == ("秘鲁", "常驻联合国代表")
    assert [(a.as_printed, a.office) for a in letter.addressees] == [("秘书长", "SecretaryGeneral")]
    assert letter.presidency_month == "2019-07"
    [signatory] = letter.signatories
    assert (signatory.name, signatory.titles, signatory.state) == ("古斯塔沃·梅萨-夸德拉", ["常驻联合国代表", "大使"], "秘鲁")
    assert letter.unknown == []


def test_peru_letter_announces_a_debate(peru):
    meeting = peru.letter_or_record.meeting
    assert meeting.date == dt.date(2019, 7, 10)
    assert meeting.time == dt.time(15, 0)
    assert (meeting.format, meeting.format_as_printed) == ("Debate", "辩论")
    assert meeting.agenda_item == "联合国维持和平行动"
    assert meeting.topic == "加强三方合作"
    assert "举行辩论" in peru.text[meeting.start : meeting.end]


def test_peru_concept_note_and_briefers(peru):
    [annex] = peru.letter_or_record.annexes
    assert annex.is_concept_note
    assert annex.title.startswith("安全理事会关于加强三方合作的辩论的概念说明")
    assert peru.text[annex.start :].startswith("2019 年 6 月 27 日秘鲁常驻联合国代表给秘书长的信的附件")
    # Every reference of this letter is printed in its concept note (section 二. 背景).
    assert {c.target for c in peru.citations if annex.start <= c.start < annex.end} == {
        "S/RES/1353 (2001)", "S/2006/507", "S/2013/630", "S/2017/507", "S/PRST/2010/26",
        "S/2017/1087", "A/70/95", "S/2015/446", "A/70/357", "S/2015/682",
    }
    assert [(b.name, b.role) for b in peru.letter_or_record.meeting.briefers] == [
        ("让-皮埃尔·拉克鲁瓦", "主管维持和平行动事务副秘书长"),
        ("丹尼斯·于伦斯波勒", "联合国马里多层面综合稳定团部队指挥官"),
        ("Alexandra Novosseloff", "独立顾问兼纽约国际和平研究所布赖恩·厄克特和平行动中心非常驻高级研究员"),
        (None, "军事和警察特遣队派遣国的代表(待定)"),
    ]


# -- seed 004: Kuwait, June 2019 -------------------------------------------------------------------


def test_kuwait_letter(kuwait):
    letter = kuwait.letter_or_record
    assert letter.date == dt.date(2019, 5, 31)
    assert (letter.sender_state, letter.sender_title) == ("科威特", "常驻联合国代表")
    assert [a.office for a in letter.addressees] == ["SecretaryGeneral"]
    assert letter.presidency_month == "2019-06"
    [signatory] = letter.signatories
    assert (signatory.name, signatory.titles, signatory.state) == ("曼苏尔·奥泰比", ["常驻代表", "大使"], None)
    meeting = letter.meeting
    assert (meeting.date, meeting.time, meeting.format) == (dt.date(2019, 6, 12), None, "Briefing")
    assert (meeting.agenda_item, meeting.topic) == ("维护国际和平与安全", "冲突预防和调解")
    # "会议将采取通报会的形式，由秘书长和长者会向安全理事会通报情况"
    assert [b.as_printed for b in meeting.briefers] == ["秘书长", "长者会"]
    [annex] = letter.annexes
    assert annex.is_concept_note and "“冲突预防和调解”主题通报会的概念说明" in annex.title
    assert letter.unknown == ["meeting time"]  # the letter gives the day, not the hour


# -- seed 001: a Fourth Committee summary record -----------------------------------------------------

# (speaker as printed, title in brackets, delegation in brackets, group spoken for, also for own, paragraphs)
SEED_001_TURNS = [
    ("哈雷先生", "主管业务支助事务副秘书长", None, None, False, range(1, 7)),
    ("祖耶夫先生", "和平行动部主管法治和安全机构助理秘书长", None, None, False, range(7, 19)),
    ("Thanabalasingam 女士", "管理战略、政策和合规部行政法司司长", None, None, False, range(19, 23)),
    ("主席", "主席", None, None, False, [24]),
    ("Ouazzani Chahdi 女士", None, "摩洛哥", "不结盟国家运动", False, range(25, 31)),
    ("Nasir 先生", None, "印度尼西亚", "东南亚国家联盟(东盟)", False, [31, 32]),
    ("Larsen 先生", None, "澳大利亚", "加拿大和新西兰", True, range(33, 37)),
    ("Coppola 先生", "欧洲联盟代表，以观察员身份", "欧洲联盟",
     "候选国阿尔巴尼亚、波斯尼亚和黑塞哥维那、北马其顿、摩尔多瓦共和国和塞尔维亚以及可能的候选国格鲁吉亚", True, range(37, 42)),
    ("Abdillahi 先生", None, "吉布提", "法语国家大使小组", False, range(42, 45)),
    ("Douglas 先生", None, "牙买加", "加勒比共同体(加共体)", False, [45, 46]),
    ("Hanlumyuang 女士", None, "泰国", None, False, range(47, 51)),
    ("Akram 先生", None, "巴基斯坦", None, False, range(51, 54)),
    ("Medzinyuie 先生", None, "多哥", None, False, [54, 55]),
    ("Eldahshan 先生", None, "埃及", None, False, range(56, 59)),
    ("Cisneros Chávez 先生", None, "墨西哥", None, False, [59, 60]),
    ("Pieris 先生", None, "斯里兰卡", None, False, [61, 62]),
    ("Sánchez Fuentes 先生", None, "古巴", None, False, range(63, 67)),
]


def test_every_speaker_turn_of_seed_001(fourth_committee):
    record = fourth_committee.letter_or_record
    got = [(t.speaker, t.role, t.delegation, t.on_behalf_of, t.also_for_own, t.paragraphs) for t in record.turns]
    expected = [(s, r, d, g, a, list(p)) for s, r, d, g, a, p in SEED_001_TURNS]
    assert got == expected
    assert [t.order for t in record.turns] == list(range(1, 18))
    assert [t.is_chair for t in record.turns].count(True) == 1


def test_turn_offsets_hold_their_paragraphs(fourth_committee):
    text = fourth_committee.text
    turns = fourth_committee.letter_or_record.turns
    for turn, following in zip(turns, turns[1:] + [None]):
        assert text[turn.start :].startswith(f"{turn.paragraphs[0]}.")
        assert following is None or turn.end <= following.start
    # "36." was run into paragraph 35 by the normaliser; it still counts, inside Larsen's turn.
    larsen = turns[6]
    assert "36.维和人员目前面临着历史上最复杂的威胁环境" in text[larsen.start : larsen.end]
    # The suspension (paragraph 23) and the closing line belong to no turn.
    suspension = text.index("23. 下午 3 时 55 分会议暂停")
    assert not any(t.start <= suspension < t.end for t in turns)
    assert turns[-1].end < text.index("下午 5 时 55 分散会")


def test_seed_001_meeting_and_what_its_text_lost(fourth_committee):
    record = fourth_committee.letter_or_record
    assert [(i.number, i.title) for i in record.agenda_items] == [(51, "整个维持和平行动问题所有方面的全盘审查")]
    assert [(e.kind, e.time) for e in record.events] == [
        ("opened", dt.time(15, 5)), ("suspended", dt.time(15, 55)), ("resumed", dt.time(16, 20)), ("closed", dt.time(17, 55)),
    ]
    # The file starts at "下午 3 时 05 分宣布开会": the header (committee, meeting number, date, chair) is gone.
    assert record.unknown == ["organ or committee", "meeting number", "meeting date", "chair"]
    assert record.committee is None and record.date is None


def test_seed_001_citations_fall_in_their_turns(fourth_committee):
    from ingest.records import citations_in

    record = fourth_committee.letter_or_record
    cited = {t.order: [c.target for c in citations_in(t, fourth_committee.citations)] for t in record.turns}
    assert cited[6] == ["S/RES/2538 (2020)"]  # Nasir (ASEAN), paragraph 32
    assert cited[14] == ["S/RES/1325 (2000)"]  # Eldahshan (Egypt), paragraph 58
    assert all(not targets for order, targets in cited.items() if order not in (6, 14))


# -- English texts of the same shapes -----------------------------------------------------------------

EN_LETTER = """S/2019/538

Letter dated 27 June 2019 from the Permanent Representative of Peru to the United Nations addressed to the Secretary-General

I have the honour to inform you that Peru, in its capacity as President of the Security Council for the month of July 2019, will convene an open debate on the theme "Strengthening triangular cooperation" under the agenda item "United Nations peacekeeping operations", on Wednesday, 10 July 2019, at 3 p.m.

I should be grateful if you would have the present letter and its annex circulated as a document of the Security Council.

(Signed) Gustavo Meza-Cuadra

Ambassador

Permanent Representative

Annex to the letter dated 27 June 2019 from the Permanent Representative of Peru to the United Nations addressed to the Secretary-General

Concept note for the Security Council open debate on triangular cooperation, to be held on 10 July 2019 at 3 p.m.

I. Relevance

Among the Council's documents, resolution 1353 (2001) and the note by the President (S/2017/507) must be mentioned.

II. Briefers

• Jean-Pierre Lacroix, Under-Secretary-General for Peace Operations

• Representatives of troop- and police-contributing countries (to be confirmed)
"""

EN_IDENTICAL = """Identical letters dated 5 June 2019 from the Chargé d'affaires a.i. of the Permanent Mission of Kuwait to the United Nations addressed to the Secretary-General and the President of the Security Council

I have the honour to inform you that Kuwait will hold an Arria-formula meeting on "Children and armed conflict" on 14 June 2019 at 10.30 a.m. The Council will be briefed by the Special Representative of the Secretary-General for Children and Armed Conflict and the Secretary-General.

(Signed) Tareq Albanai Chargé d'affaires a.i.
"""

EN_SUMMARY = """General Assembly

Special Political and Decolonization Committee (Fourth Committee)

Summary record of the 18th meeting

Held at Headquarters, New York, on Friday, 3 November 2023, at 3 p.m.

Chair: Mr. Alfarargi ........................................ (Egypt)

The meeting was called to order at 3.05 p.m.

Agenda item 51: Comprehensive review of the whole question of peacekeeping operations in all their aspects

1. Mr. Khare (Under-Secretary-General for Operational Support) said that the Department continued to support peacekeepers.

2. The Department had identified gaps in contingent-owned equipment.

3. The meeting was suspended at 3.55 p.m. and resumed at 4.20 p.m.

4. The Chair invited the Committee to begin its general debate on the item.

5. Ms. Ouazzani Chahdi (Morocco), speaking on behalf of the Non-Aligned Movement, said that triangular cooperation was needed.

6. Mr. Nasir (Indonesia), speaking on behalf of the Association of Southeast Asian Nations (ASEAN), said that ASEAN was committed to implementing Security Council resolution 2538 (2020).

7. Mr. Larsen (Australia), speaking also on behalf of Canada and New Zealand, said that peacekeeping faced serious challenges.

8. Mr. Coppola (Observer for the European Union) said that the Union was committed to peacekeeping. 9. The European Union supported resolution 1325 (2000).

The meeting rose at 6 p.m.
"""

EN_VERBATIM = """Security Council

9470th meeting

Tuesday, 31 October 2023, 10 a.m.

President: Mr. França Danese ........................................ (Brazil)

The meeting was called to order at 10.05 a.m.

The President: I welcome the Secretary-General.

Mr. Guterres (Secretary-General): I thank the Council for this opportunity.

Mr. Nebenzia (Russian Federation) (spoke in Russian): I have the honour to speak on behalf of the Group of Friends. We recall resolution 2231 (2015). We propose the following.

1. The Council should meet again.

Ms. Thomas-Greenfield (United States of America): I thank the Secretary-General.

The meeting rose at 12.30 p.m.
"""


def test_english_letter():
    extraction = extract_text(EN_LETTER, "en_letter.txt")
    letter = extraction.letter_or_record
    assert (letter.kind, letter.date, letter.sender_state, letter.sender_title) == ("letter", dt.date(2019, 6, 27), "Peru", "Permanent Representative")
    assert [a.office for a in letter.addressees] == ["SecretaryGeneral"]
    assert letter.presidency_month == "2019-07"
    assert [(s.name, s.titles) for s in letter.signatories] == [("Gustavo Meza-Cuadra", ["Ambassador", "Permanent Representative"])]
    meeting = letter.meeting
    assert (meeting.date, meeting.time, meeting.format) == (dt.date(2019, 7, 10), dt.time(15), "OpenDebate")
    assert (meeting.agenda_item, meeting.topic) == ("United Nations peacekeeping operations", "Strengthening triangular cooperation")
    assert [(b.name, b.role) for b in meeting.briefers] == [
        ("Jean-Pierre Lacroix", "Under-Secretary-General for Peace Operations"),
        (None, "Representatives of troop- and police-contributing countries (to be confirmed)"),
    ]
    [annex] = letter.annexes
    assert annex.is_concept_note
    assert {c.target for c in extraction.citations if annex.start <= c.start < annex.end} == {"S/RES/1353 (2001)", "S/2017/507"}
    assert letter.unknown == []


def test_english_identical_letters_from_a_charge_d_affaires():
    extraction = extract_text(EN_IDENTICAL, "en_identical.txt")
    letter = extraction.letter_or_record
    assert (letter.kind, letter.date) == ("identical letters", dt.date(2019, 6, 5))
    assert (letter.sender_state, letter.sender_title) == ("Kuwait", "Chargé d'affaires a.i.")
    assert [a.office for a in letter.addressees] == ["SecretaryGeneral", "PresidentOfTheSecurityCouncil"]
    assert [(s.name, s.titles) for s in letter.signatories] == [("Tareq Albanai", ["Chargé d'affaires a.i."])]
    meeting = letter.meeting
    assert (meeting.date, meeting.time, meeting.format, meeting.topic) == (
        dt.date(2019, 6, 14), dt.time(10, 30), "ArriaFormulaMeeting", "Children and armed conflict"
    )
    # "and" inside a title does not split it; before "the Secretary-General" it does.
    assert [b.as_printed for b in meeting.briefers] == [
        "the Special Representative of the Secretary-General for Children and Armed Conflict", "the Secretary-General"
    ]
    assert "meeting agenda item" in letter.unknown and letter.presidency_month is None
    # The heading makes it a letter in the graph even where the metadata reader says "Document".
    write = to_graph_write(extraction)
    doc = document_node(extraction).value
    assert f"<{doc}> <{vocab.RDF_TYPE.value}> <{vocab.sckg('Letter').value}>" in write.triples


def test_english_summary_record():
    record = extract_text(EN_SUMMARY, "en_summary.txt").letter_or_record
    assert (record.organ, record.committee, record.meeting_number) == (
        "General Assembly", "Special Political and Decolonization Committee (Fourth Committee)", 18
    )
    assert (record.date, record.chair) == (dt.date(2023, 11, 3), "Mr. Alfarargi (Egypt)")
    assert [(e.kind, e.time) for e in record.events] == [
        ("opened", dt.time(15, 5)), ("suspended", dt.time(15, 55)), ("resumed", dt.time(16, 20)), ("closed", dt.time(18)),
    ]
    assert [(t.speaker, t.role, t.delegation, t.on_behalf_of, t.also_for_own, t.paragraphs) for t in record.turns] == [
        ("Mr. Khare", "Under-Secretary-General for Operational Support", None, None, False, [1, 2]),
        ("The Chair", "Chair", None, None, False, [4]),
        ("Ms. Ouazzani Chahdi", None, "Morocco", "the Non-Aligned Movement", False, [5]),
        ("Mr. Nasir", None, "Indonesia", "the Association of Southeast Asian Nations (ASEAN)", False, [6]),
        ("Mr. Larsen", None, "Australia", "Canada and New Zealand", True, [7]),
        ("Mr. Coppola", "Observer for the European Union", "European Union", None, False, [8, 9]),
    ]
    assert record.unknown == []


def test_english_verbatim_record():
    extraction = extract_text(EN_VERBATIM, "S_PV_9470.txt")
    record = extraction.letter_or_record
    assert (record.organ, record.meeting_number, record.date) == ("Security Council", 9470, dt.date(2023, 10, 31))
    assert [(t.speaker, t.role, t.delegation, t.on_behalf_of) for t in record.turns] == [
        ("The President", "President", None, None),
        ("Mr. Guterres", "Secretary-General", None, None),
        ("Mr. Nebenzia", None, "Russian Federation", "the Group of Friends"),
        ("Ms. Thomas-Greenfield", None, "United States of America", None),
    ]  # the numbered list inside Mr. Nebenzia's speech does not make this a summary record
    assert all(t.paragraphs == [] for t in record.turns)  # verbatim records number no paragraphs
    nebenzia = record.turns[2]
    assert [c.target for c in extraction.citations if nebenzia.start <= c.start < nebenzia.end] == ["S/RES/2231 (2015)"]


# -- bad input -------------------------------------------------------------------------------------


def test_a_truncated_letter_keeps_what_it_states_and_reports_the_rest():
    raw = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    truncated = raw[: raw.index("星期三下午")]  # cut inside the announcing sentence
    extraction = extract_text(truncated, "truncated.txt")
    letter = extraction.letter_or_record
    assert (letter.date, letter.sender_state, letter.presidency_month) == (dt.date(2019, 6, 27), "秘鲁", "2019-07")
    assert letter.meeting is None and letter.signatories == [] and letter.annexes == []
    assert letter.unknown == ["signatory", "announced meeting"]
    write = to_graph_write(extraction)
    assert f"<{document_node(extraction).value}> <{vocab.RDF_TYPE.value}> <{vocab.sckg('Letter').value}>" in write.triples


def test_a_record_of_an_unknown_shape_reports_what_it_lacks():
    extraction = extract_text("下午 3 时宣布开会。\n\n安全理事会的会议记录，其余部分缺失。\n", "odd_record.txt")
    record = extraction.letter_or_record
    assert record.turns == [] and [(e.kind, e.time) for e in record.events] == [("opened", dt.time(15))]
    assert {"speaker turns", "agenda item", "closing time"} <= set(record.unknown)
    assert f"<{vocab.meeting_of_iri(document_node(extraction)).value}>" in write_of(extraction)


def write_of(extraction) -> str:
    return to_graph_write(extraction).triples


# -- a real store ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> GraphStore:
    store = GraphStore(tmp_path_factory.mktemp("letters_records") / "store")
    summary = ingest_paths(store, [SEEDS])
    assert not summary.rejected, summary.report()
    return store


def test_speaker_turns_of_seed_001_citing_resolution_2538(seed_store):
    saved = load_queries()["speaker-turns-citing"]
    rows = seed_store.select(saved.text, saved.bind({}))  # the default: S/RES/2538 (2020)
    assert [(r["source"], r["order"], r["speaker"], r["delegation"], r["on_behalf_of"], r["paragraphs"]) for r in rows] == [
        ("001_9c974112f63324b7.txt", 6, "Nasir 先生", "印度尼西亚", "东南亚国家联盟(东盟)", "31, 32")
    ]
    rows = seed_store.select(saved.text, saved.bind({"target": "S/RES/1325(2000)"}))
    assert [(r["order"], r["speaker"], r["delegation"]) for r in rows] == [(14, "Eldahshan 先生", "埃及")]


def test_letters_announcing_meetings(seed_store):
    saved = load_queries()["letters-announcing-meetings"]
    rows = seed_store.select(saved.text, saved.bind({}))
    got = [(r["sender"], r["sender_state"], r["presidency"], r["meeting_date"], r["format"], r["agenda_item"], r["topic"]) for r in rows]
    assert got == [
        ("科威特", vocab.entity_iri("state", "KWT").value, "2019-06", "2019-06-12", "Briefing", "维护国际和平与安全", "冲突预防和调解"),
        ("秘鲁", vocab.entity_iri("state", "PER").value, "2019-07", "2019-07-10", "Debate", "联合国维持和平行动", "加强三方合作"),
    ]
    assert all(r["concept_note"] == r["letter"] + "/annex/1" for r in rows)


def test_groups_spoken_for_are_the_gazetteer_nodes(seed_store):
    rows = seed_store.select(
        """PREFIX sckg: <https://w3id.org/sckg/ontology#>
        SELECT ?order ?group WHERE { ?turn a sckg:SpeakerTurn ; sckg:order ?order ; sckg:onBehalfOf ?group } ORDER BY ?order ?group"""
    )
    assert [(r["order"], r["group"]) for r in rows] == [
        (5, vocab.entity_iri("group", "NAM").value),
        (6, vocab.entity_iri("org", "ASEAN").value),
        (7, vocab.entity_iri("state", "CAN").value),
        (7, vocab.entity_iri("state", "NZL").value),
        (9, vocab.entity_iri("group", "FRANCOPHONE").value),
        (10, vocab.entity_iri("org", "CARICOM").value),
    ]  # turn 8 (Coppola): "可能的候选国格鲁吉亚" is more than names, so only the printed group stands


def test_the_seed_store_conforms_to_the_shapes(seed_store):
    conforms, report = validate_store(seed_store)
    assert conforms, report


def test_a_reingested_record_keeps_its_turn_iris(seed_store, tmp_path):
    path = next(SEEDS.glob("001_*.txt"))
    before = {str(t) for t in _turn_iris(seed_store)}
    again = GraphStore(tmp_path / "again")
    ingest_paths(again, [Path(path)])
    assert {str(t) for t in _turn_iris(again)} == before and len(before) == 17


def _turn_iris(store: GraphStore):
    rows = store.select("PREFIX sckg: <https://w3id.org/sckg/ontology#> SELECT ?t WHERE { ?t a sckg:SpeakerTurn }")
    return [r["t"] for r in rows]


def test_the_shapes_catch_a_turn_without_its_order(tmp_path):
    store = GraphStore(tmp_path / "store")
    ingest_paths(store, [next(SEEDS.glob("001_*.txt"))])
    store.apply_update(
        "PREFIX sckg: <https://w3id.org/sckg/ontology#> DELETE { GRAPH ?g { ?t sckg:order ?o } } "
        "WHERE { GRAPH ?g { ?t a sckg:SpeakerTurn ; sckg:order ?o . FILTER(?o = 3) } }"
    )
    conforms, report = validate_store(store)
    assert not conforms and "a speaker turn has one order, from 1" in report
