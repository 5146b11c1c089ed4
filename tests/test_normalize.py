"""Normalisation: the text all offsets refer to."""

from __future__ import annotations

from ingest import lang
from ingest.normalize import normalise

ZH = lang.get("zh")
EN = lang.get("en")


def test_fullwidth_digits_and_brackets_fold_to_ascii_but_chinese_punctuation_stays():
    text = normalise(" 重申其第１３５３（２００１）号决议，并回顾。", ZH).text
    assert "第1353(2001)号决议，并回顾。" in text


def test_chinese_lines_broken_mid_word_are_joined_and_indented_lines_start_paragraphs():
    raw = (
        " 第一段的开头在这里继续写很多很多很多很多很多很多的内容并且在行尾断\n\n"
        "开了这一行继续写很多很多很多很多很多很多很多很多很多的内容直到段落结束。\n\n"
        " 第二段开始。\n"
    )
    normalised = normalise(raw, ZH)
    assert "断开了" in normalised.text
    assert len(normalised.paragraphs) == 2


def test_a_page_break_inside_an_english_sentence_is_mended_and_footnotes_go_last():
    raw = (
        "3. Welcomes the report of the Secretary-General 1/ on his mission that should\n\n"
        "1/ S/1994/262.\n\n"
        "94-12513 (E)\n"
        "S/RES/902 (1994)\n"
        "Page 2\n\n"
        "facilitate the discussions;\n"
    )
    normalised = normalise("S/RES/902 (1994)\n\n" + raw, EN)
    assert "that should facilitate the discussions;" in normalised.text
    assert "Page 2" not in normalised.text and "94-12513" not in normalised.text
    assert normalised.text.endswith("1/ S/1994/262.")
    assert [note.mark for note in normalised.footnotes] == ["1"]


def test_a_symbol_broken_after_its_hyphen_is_joined_without_a_space():
    raw = "The report (A/70/95-\nS/2015/446, para. 188) recommends"
    assert "(A/70/95-S/2015/446, para. 188)" in normalise(raw, EN).text


def test_unbis_subject_header_is_read_and_removed_from_the_text():
    normalised = normalise("%%%PEACEKEEPING OPERATIONS|PARTNERSHIP|\n\n 安全 理事会 重申 。", ZH)
    assert normalised.subject_terms == ["PEACEKEEPING OPERATIONS", "PARTNERSHIP"]
    assert "%%%" not in normalised.text
