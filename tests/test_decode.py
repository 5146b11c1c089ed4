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
        # Latin-1 English: decodes as GB18030 into nonsense, so it is refused, not guessed.
        ("The Forces Démocratiques de Libération du Rwanda, résolution".encode("latin-1"), "cannot be decoded"),
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
