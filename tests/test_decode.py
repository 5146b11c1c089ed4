"""Encodings UN texts arrive in, and files that are not text."""

from __future__ import annotations

import codecs

import pytest

from ingest.decode import read_text
from ingest.errors import RejectedFile

CHINESE = "安全理事会重申其第1327(2000)号决议，又回顾2001年1月31日的主席声明S/PRST/2001/3。\n" * 3


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (CHINESE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + CHINESE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + CHINESE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + CHINESE.encode("utf-16-be"), "utf-16-be"),
        (CHINESE.encode("utf-16-le"), "utf-16-le"),
        (CHINESE.encode("gb18030"), "gb18030"),
        (CHINESE.encode("gbk"), "gb18030"),
    ],
)
def test_chinese_text_is_decoded_in_every_encoding(tmp_path, raw, encoding):
    path = tmp_path / "doc.txt"
    path.write_bytes(raw)
    decoded = read_text(path)
    assert decoded.text.lstrip("\ufeff") == CHINESE
    assert decoded.encoding == encoding


def test_english_utf16_without_bom(tmp_path):
    text = "Recalling its resolution 1353 (2001),\n" * 5
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode("utf-16-le"))
    assert read_text(path).text == text


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n\t ", "empty file"),
        (bytes(range(256)) * 8, "binary file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary file"),
        # Bytes no candidate encoding reads as text: refused, not guessed.
        (b"Recalling its resolution 1353 (2001), \x81\x8d and more text", "cannot be decoded"),
    ],
)
def test_files_that_are_not_text_are_rejected_with_the_reason(tmp_path, raw, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    with pytest.raises(RejectedFile) as error:
        read_text(path)
    assert reason in str(error.value)
    assert str(path) in str(error.value)


def test_an_explicit_encoding_is_used(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Démocratiques, resolution 1325 (2000)".encode("latin-1"))
    assert read_text(path, "latin-1").text.startswith("Démocratiques")


def test_big5_chinese_is_told_apart_from_gb18030(tmp_path):
    traditional = "安全理事會重申其第1327(2000)號決議，又回顧主席聲明，聯合國會員國的合作。\n" * 4
    path = tmp_path / "big5.txt"
    path.write_bytes(traditional.encode("big5"))
    decoded = read_text(path)
    assert decoded.encoding == "big5" and decoded.text == traditional


def test_windows_1252_english_is_read_with_its_accents_and_quotes(tmp_path):
    text = "Welcoming the \u201cForces D\u00e9mocratiques de Lib\u00e9ration du Rwanda\u201d statement, resolution 1445 (2002)\n" * 3
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    decoded = read_text(path)
    assert decoded.encoding == "cp1252" and decoded.text == text
