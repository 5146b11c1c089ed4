"""Reference and relation extraction on the forms the issue names, in both languages."""

from __future__ import annotations

import pytest

from ingest.extract import extract_text

EN_HEADER = "Resolution 1400 (2002)\nAdopted by the Security Council at its 4500th meeting, on 30 March 2002\n\nThe Security Council,\n\n"
ZH_HEADER = " 第 1400 2002 号决议 \n\n2002 年 3月 30日安全理事会第 4500次会议通过 \n\n 安全理事会 \n\n"


def edges(text: str) -> set[tuple[str, str]]:
    return {(c.target, c.relation) for c in extract_text(text, "t.txt").citations}


def test_a_list_after_one_noun_gives_one_edge_per_item_across_broken_lines_and_dates():
    text = EN_HEADER + "Recalling its resolutions 661 (1990) of 6 August 1990, 665\n(1990) of 25 August 1990 and 670 (1990),\n"
    assert edges(text) == {("S/RES/661 (1990)", "recalls"), ("S/RES/665 (1990)", "recalls"), ("S/RES/670 (1990)", "recalls")}


@pytest.mark.parametrize(
    ("clause", "relation"),
    [
        ("Reaffirming its resolution 1353 (2001),", "reaffirms"),
        ("Further reaffirming its resolution 1353 (2001),", "reaffirms"),
        ("Reaffirming also its resolution 1353 (2001),", "reaffirms"),
        ("1. Reaffirms its resolution 1353 (2001);", "reaffirms"),
        ("Recalling also its resolution 1353 (2001),", "recalls"),
        ("2. Recalls its resolution 1353 (2001);", "recalls"),
        ("Noting its resolution 1353 (2001),", "cites"),
        ("Welcoming the implementation of resolution 1353 (2001),", "cites"),
        ("Having considered resolution 1353 (2001),", "cites"),
        ("3. Calls upon all States to implement resolution 1353 (2001);", "cites"),
        ("4. Entrusts the Committee established under resolution 1353 (2001) with the task;", "cites"),
    ],
)
def test_the_governing_verb_gives_the_relation(clause, relation):
    assert edges(EN_HEADER + clause + "\n") == {("S/RES/1353 (2001)", relation)}


def test_a_later_clause_verb_ends_the_recalling_clause():
    text = EN_HEADER + "Recalling its resolution 1325 (2000), and welcoming the report (S/2002/1005),\n"
    assert edges(text) == {("S/RES/1325 (2000)", "recalls"), ("S/2002/1005", "cites")}


def test_a_verb_inside_a_relative_clause_does_not_open_a_clause():
    text = EN_HEADER + "Noting resolution 1325 (2000), which recalls resolution 1265 (1999),\n"
    assert edges(text) == {("S/RES/1325 (2000)", "cites"), ("S/RES/1265 (1999)", "cites")}


@pytest.mark.parametrize(
    ("mention", "symbol"),
    [
        ("S/PRST/2001/3", "S/PRST/2001/3"),
        ("(PRST/1994/22)", "S/PRST/1994/22"),
        ("PRST/200 4/16", "S/PRST/2004/16"),
        ("(S/3721}", "S/3721"),
        ("5/2002/1005", "S/2002/1005"),
        ("S/26G26", "S/26626"),
        ("S/2000/809/Add.1", "S/2000/809/Add.1"),
        ("General Assembly resolution 1514 (XV)", "A/RES/1514 (XV)"),
        ("General Assembly resolution 48/141", "A/RES/48/141"),
        ("A/RES/48/141", "A/RES/48/141"),
    ],
)
def test_symbol_spellings_and_damage_are_repaired_to_the_canonical_symbol(mention, symbol):
    assert edges(EN_HEADER + f"Noting {mention},\n") == {(symbol, "cites")}


def test_a_joint_symbol_gives_two_edges():
    assert edges(EN_HEADER + "Noting the report (A/70/95-S/2015/446),\n") == {("A/70/95", "cites"), ("S/2015/446", "cites")}


@pytest.mark.parametrize(
    "clause",
    [
        "Recalling the present resolution,",
        "Recalling its 4275th meeting and the debate held there,",
        "Reaffirming the purposes of Article 1 (2) of the Charter,",
        "Recalling the situation in Lebanon 19 and in Cyprus,",
        "Noting paragraph 13 of this resolution,",
    ],
)
def test_self_references_meetings_the_charter_and_footnote_markers_are_not_citations(clause):
    assert edges(EN_HEADER + clause + "\n") == set()


def test_the_documents_own_symbol_is_not_a_citation():
    text = "S/RES/1400 (2002)\n\n" + EN_HEADER + "Recalling its resolution 1400 (2002) and 1399 (2002),\n"
    assert edges(text) == {("S/RES/1399 (2002)", "recalls")}


def test_a_footnote_symbol_is_cited_by_the_clause_holding_its_marker():
    text = EN_HEADER + "Recalling the report of the Secretary-General of 4 March 1994 1/ on his mission,\n\n1/ S/1994/262.\n"
    assert edges(text) == {("S/1994/262", "recalls")}


def test_chinese_lists_with_lost_punctuation_and_dates_between_items():
    text = ZH_HEADER + " 重申其 2000年 9月 7日第1318 2000 号和 2000年11月13日第1327 2000\n\n号决议 1994 年 5 月 3 日 S/PRST/1994/22 \n\n 又回顾 2001 年 1 月 31 日的主席声明 S/PRST/2001/3  \n"
    assert edges(text) == {
        ("S/RES/1318 (2000)", "reaffirms"),
        ("S/RES/1327 (2000)", "reaffirms"),
        ("S/PRST/1994/22", "reaffirms"),
        ("S/PRST/2001/3", "recalls"),
    }


def test_chinese_pre_segmented_text_and_fullwidth_forms():
    text = ZH_HEADER + ' " 安全 理事会 重申 其 第１３２７（２０００）号 和 第1353 ( 2001 ) 号 决议 。 安理会 尤其 回顾 其 关于 建设 和平 的 主席 声明 ( PRST/2009/23 ) ， 并 欢迎 报告 ( S/2009/398 ) 。 \n'
    assert edges(text) == {
        ("S/RES/1327 (2000)", "reaffirms"),
        ("S/RES/1353 (2001)", "reaffirms"),
        ("S/PRST/2009/23", "recalls"),
        ("S/2009/398", "cites"),
    }


def test_in_letters_every_reference_is_a_plain_citation():
    text = " 2019 年 6 月 27 日秘鲁常驻联合国代表给秘书长的信 \n\n 安全理事会重申第 1353(2001)号决议；又回顾 S/2006/507 号文件所载主席说明。\n"
    assert edges(text) == {("S/RES/1353 (2001)", "cites"), ("S/2006/507", "cites")}


def test_the_class_of_a_cited_document_comes_from_the_words_around_it():
    extraction = extract_text(ZH_HEADER + " 注意到 S/2006/507、S/2013/630 和 S/2017/507 号文件所载主席说明 \n", "t.txt")
    assert {c.target_class for c in extraction.citations} == {"NoteByThePresident"}


def test_offsets_point_at_the_mention_in_the_normalised_text():
    extraction = extract_text(EN_HEADER + "Recalling its resolution 1325\n(2000),\n", "t.txt")
    (citation,) = extraction.citations
    assert extraction.text[citation.start : citation.end] == citation.mention == "1325 (2000)"
    assert citation.verb == "Recalling"
    assert "Recalling its resolution 1325 (2000)" in citation.evidence


def test_chinese_general_assembly_resolutions_by_session_and_by_slash():
    text = ZH_HEADER + " 回顾大会第 1514 (XV) 号决议和第 48/141 号决议 \n"
    assert edges(text) == {("A/RES/1514 (XV)", "recalls"), ("A/RES/48/141", "recalls")}


def test_a_reference_by_date_is_resolved_when_the_text_prints_that_date_with_a_symbol():
    text = ZH_HEADER + " 重申其 1994年 5月 3日 ( PRST/1994/22 ) 主席 声明 \n\n 又回顾 其 1994年 5月 3日 主席 声明 和 1995年 1月 2日 主席 声明 \n"
    # The 1995 statement is named by its date alone and this text prints no symbol for it:
    # it stays an unresolved reference (kind and date), for the store to resolve later.
    assert edges(text) == {("S/PRST/1994/22", "reaffirms"), ("S/PRST/1994/22", "recalls"), (None, "recalls")}
    unresolved = [c for c in extract_text(text, "t.txt").citations if c.target is None]
    assert [(c.target_class, str(c.target_date)) for c in unresolved] == [("PresidentialStatement", "1995-01-02")]


def test_an_english_presidential_statement_states_its_symbol_date_and_meeting():
    text = (
        "S/PRST/2009/24\n\nStatement by the President of the Security Council\n\n"
        "At the 6178th meeting of the Security Council, held on 5 August 2009, in connection with the Council's "
        "consideration of the item entitled \"United Nations peacekeeping operations\", the President of the Security "
        "Council made the following statement on behalf of the Council:\n\n"
        "\"The Security Council reaffirms its resolutions 1327 (2000) and 1353 (2001) and recalls the statement by its "
        "President of 31 January 2001 (S/PRST/2001/3).\"\n"
    )
    extraction = extract_text(text, "t.txt")
    identity = extraction.identity
    assert (identity.symbol, identity.doc_class, str(identity.issued), identity.meeting) == (
        "S/PRST/2009/24", "PresidentialStatement", "2009-08-05", 6178
    )
    assert {(c.target, c.relation) for c in extraction.citations} == {
        ("S/RES/1327 (2000)", "reaffirms"), ("S/RES/1353 (2001)", "reaffirms"), ("S/PRST/2001/3", "recalls")
    }
