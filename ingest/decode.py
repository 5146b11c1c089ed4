"""Bytes to text: detect the encoding of a UN text file, and refuse rather than guess wrong.

UN texts reach us in UTF-8 (with or without BOM), UTF-16 (with or without BOM) and
GB18030/GBK. Detection order: BOM, then UTF-16 without BOM (NUL-byte pattern), then
strict UTF-8, then strict GB18030 accepted only if the result reads as Chinese text.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import RejectedFile

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Share of characters that must be "text-like" for a decoding to be believed.
MIN_TEXT_SHARE = 0.97
# The commonest characters of UN Chinese (simplified and traditional forms alike).
COMMON_CHINESE = "的和在是国会议理事联合安决为对与了這個國會議聯這的"
LATIN_EXTRAS = set("“”‘’–—…•«»°§¨´·¡¿€")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2460-\u24ff\u3200-\u32ff]")


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    sha256: str = ""  # of the file's bytes, so that nobody reads the file again to hash it


def read_text(path: Path, encoding: str | None = None) -> DecodedText:
    """Read and decode one file; raise RejectedFile with the reason when it cannot be text."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RejectedFile(path, f"cannot be read ({error.strerror})") from error
    if not data.strip():
        raise RejectedFile(path, "empty file")
    decoded = _decode(path, data, encoding)
    return DecodedText(decoded.text, decoded.encoding, hashlib.sha256(data).hexdigest())


def _decode(path: Path, data: bytes, encoding: str | None) -> DecodedText:
    if encoding:
        return _decode_as(path, data, encoding)
    for bom, name in BOMS:
        if data.startswith(bom):
            return _decode_as(path, data[len(bom):], name.replace("-sig", ""), label=name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _decode_as(path, data, utf16)
    if b"\x00" in data:
        raise RejectedFile(path, "binary file (contains NUL bytes and is not UTF-16 text)")
    try:
        return _checked(path, data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    candidates = _legacy_candidates(data)
    if len(candidates) != 1:
        found = " or ".join(candidates) if candidates else "none of UTF-8, UTF-16, GB18030, Big5 or Windows-1252"
        raise RejectedFile(path, f"cannot be decoded: the bytes read as {found} (give the encoding with --encoding)")
    (name, text), = candidates.items()
    return _checked(path, text, name)


def _legacy_candidates(data: bytes) -> dict[str, str]:
    """The legacy encodings under which `data` reads as plausible text (one, or the ambiguous several).

    GB18030 and Big5 both decode much Chinese text of the other; where both read as
    Chinese, the one showing more of the commonest characters of UN Chinese wins,
    and if neither clearly does, nothing is chosen.
    """
    readings = _chinese_readings(data, ("gb18030", "big5"))
    if len(readings) == 2:
        gb, big5 = (sum(text.count(ch) for ch in COMMON_CHINESE) for text in readings.values())
        if gb >= 2 * big5 + 2:
            readings.pop("big5")
        elif big5 >= 2 * gb + 2:
            readings.pop("gb18030")
    if not readings:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return {}
        if _reads_as_latin(text):
            readings["cp1252"] = text
    return readings


def _reads_as_latin(text: str) -> bool:
    """Windows-1252 is believed for text that is ASCII but for a few accented letters and typographic marks."""
    non_ascii = [ch for ch in text if ord(ch) > 127]
    return len(non_ascii) <= 0.05 * len(text) and all(ch in LATIN_EXTRAS or "\u00c0" <= ch <= "\u00ff" for ch in non_ascii)


def _decode_as(path: Path, data: bytes, encoding: str, label: str | None = None) -> DecodedText:
    try:
        text = data.decode(encoding)
    except LookupError:
        raise RejectedFile(path, f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as error:
        raise RejectedFile(path, f"not valid {encoding} at byte {error.start}") from None
    return _checked(path, text, label or encoding)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without BOM shows NUL bytes at even (BE) or odd (LE) offsets, mostly."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4000]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    # Chinese UTF-16 has few NULs; accept it only if it decodes to mostly CJK text.
    if b"\x00" in sample:
        return next(iter(_chinese_readings(data, ("utf-16-le", "utf-16-be"))), None)
    return None


def _chinese_readings(data: bytes, encodings: tuple[str, ...]) -> dict[str, str]:
    """The texts `data` decodes to, by encoding, for those of `encodings` under which it reads as Chinese."""
    readings = {}
    for name in encodings:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _reads_as_chinese(text):
            readings[name] = text
    return readings


# Control characters, replacement characters and unpaired surrogates: what text never holds.
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ud800-\udfff\ue000-\uf8ff]")


def _text_share(text: str) -> float:
    """Share of characters that can stand in a text (not control, private-use or replacement characters)."""
    if not text:
        return 0.0
    return 1 - len(_NOT_TEXT.findall(text)) / len(text)


def _reads_as_chinese(text: str) -> bool:
    """GB18030 decodes almost any byte string: believe it only for text that is mostly CJK where not ASCII."""
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if len(non_ascii) < 2:
        return False
    cjk = sum(1 for ch in non_ascii if CJK.match(ch))
    # Latin-1 text misread as GB18030 gives isolated, rare ideographs glued to Latin letters.
    glued = len(re.findall(r"[A-Za-z][\u4e00-\u9fff](?=[A-Za-z])", text))
    return cjk / len(non_ascii) > 0.9 and glued < max(2, 0.05 * cjk) and _text_share(text) >= MIN_TEXT_SHARE


def _checked(path: Path, text: str, encoding: str) -> DecodedText:
    if _text_share(text) < MIN_TEXT_SHARE:
        raise RejectedFile(path, f"binary file (decodes as {encoding} but is not text)")
    return DecodedText(text=text, encoding=encoding)
