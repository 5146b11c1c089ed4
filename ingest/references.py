"""Finding references to UN documents in normalised text and giving each its canonical symbol.

Two kinds of mention: printed symbols ("S/PRST/2001/3", "A/70/95-S/2015/446",
damaged ones such as "PRST/200 4/16" or "5/2002/1005"), and resolutions named by
number ("resolutions 782 (1992), 797 (1992) and 818 (1993)", "第1327 ( 2000 ) 号 和
第1353 ( 2001 ) 号 决议"). The words around them come from ingest.lang.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Iterable

from ingest.lang import Language
from sckg.vocab import class_for_symbol

FIRST_YEAR, LAST_YEAR = 1945, 2040


@dataclass(frozen=True)
class Reference:
    start: int  # span of the mention in the normalised text
    end: int
    mention: str
    symbol: str | None  # None: a reference by date alone that this text cannot resolve
    doc_class: str  # the class of the cited document: from its symbol, or from the words around it
    date: dt.date | None = None  # the date printed with it: the cited document's date
    by_date: bool = False  # named by kind and date alone ("the statement of its President of 3 May 1994")


# -- printed symbols ------------------------------------------------------------

_YEAR = r"\d(?:\s?\d){3}"  # a year, tolerating one stray space ("200 4")
_DIGITS = r"\d(?:\d|(?<=\d)[GOlI](?=\d))*"  # OCR reads 6 as G, 0 as O, 1 as l or I inside numbers
_SUFFIX = r"(?:/(?:Add|Rev|Corr|Amend)\.\s?\d+)*"
_SYMBOL_PATTERNS = [
    # resolutions with a year or a Roman session number: S/RES/1353 (2001), A/RES/1514 (XV)
    rf"(?P<res>[SAE])/RES/(?P<res_number>\d{{1,4}})\s*\(\s*(?P<res_session>\d{{4}}|[IVXLC]+|E?S-[IVXLC]+)\s*\)",
    rf"A/RES/(?P<ga_res>(?:E?S-\d+/)?\d{{1,2}}/\d{{1,4}})",
    rf"(?:S\s?/\s?)?PRST\s?/\s?(?P<prst_year>{_YEAR})\s?/\s?(?P<prst_number>\d{{1,3}})",
    rf"S/PV\.\s?(?P<pv>\d{{1,5}})",
    rf"S/Agenda/(?P<agenda>\d{{1,5}}(?:/Rev\.\s?\d+)?)",
    rf"(?:S|(?P<ocr_s>5))/(?P<s_year>{_YEAR})/(?P<s_number>\d{{1,4}}){_SUFFIX}",
    rf"(?:S\$?|\$)/\s?(?P<s_old>{_DIGITS}){_SUFFIX}",
    rf"A/(?P<a_session>(?:E?S-)?\d{{1,2}})/(?P<a_number>\d{{1,4}}){_SUFFIX}",
    rf"A/(?P<a_committee>C\.\d/\d{{1,2}}/[A-Z0-9.]+|AC\.\d{{1,3}}/[A-Z0-9./]+)",
    rf"A/(?P<a_old>\d{{3,5}}){_SUFFIX}",
]
SYMBOL = re.compile(
    r"(?<![A-Za-z0-9/.])(?:" + "|".join(_SYMBOL_PATTERNS) + r")(?![A-Za-z0-9]|/\d)"
)
_OCR_DIGITS = str.maketrans({"G": "6", "O": "0", "l": "1", "I": "1"})


def unnamed(pattern: str) -> str:
    """A pattern with its named groups made plain, to be embedded more than once."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _valid_year(year: str) -> bool:
    return FIRST_YEAR <= int(year) <= LAST_YEAR


def canonical_symbol(match: re.Match) -> str | None:
    """The canonical form of a printed symbol, or None when it cannot be one (an impossible year)."""
    g = match.groupdict()
    if g["res"]:
        return f"{g['res']}/RES/{g['res_number']} ({g['res_session']})"
    if g["ga_res"]:
        return f"A/RES/{_squash(g['ga_res'])}"
    if g["prst_year"]:
        year = _squash(g["prst_year"])
        return f"S/PRST/{year}/{g['prst_number']}" if _valid_year(year) else None
    if g["pv"]:
        return f"S/PV.{g['pv']}"
    if g["agenda"]:
        return f"S/Agenda/{_squash(g['agenda'])}"
    text = _squash(match.group(0))
    if g["s_year"]:
        year = _squash(g["s_year"])
        if not _valid_year(year):
            return None
        return "S/" + text.split("/", 1)[1].replace(g["s_year"].replace(" ", ""), year, 1)
    if g["s_old"]:
        number = _squash(g["s_old"])
        return "S/" + number.translate(_OCR_DIGITS) + text[text.index("/") + 1 + len(number) :]
    return text


# Further addenda of one document: "S/7930/Add.43, Add.44 and Add.45", "S/8248/Add.7-9".
_MORE_ADDENDA = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)Add\.\s?(\d+)")
_ADDENDA_RANGE = re.compile(r"-(\d+)")
MAX_ADDENDA_RANGE = 30


def find_symbols(text: str) -> list[tuple[int, int, str]]:
    found = []
    for match in SYMBOL.finditer(text):
        symbol = canonical_symbol(match)
        if symbol:
            found.append((match.start(), match.end(), symbol))
            found += _further_addenda(text, match.end(), symbol)
    return found


def _further_addenda(text: str, position: int, symbol: str) -> list[tuple[int, int, str]]:
    addendum = re.search(r"/Add\.(\d+)$", symbol)
    if not addendum:
        return []
    base = symbol[: addendum.start()]
    if (span := _ADDENDA_RANGE.match(text, position)) and 0 < int(span[1]) - int(addendum[1]) <= MAX_ADDENDA_RANGE:
        return [(span.start(), span.end(), f"{base}/Add.{n}") for n in range(int(addendum[1]) + 1, int(span[1]) + 1)]
    found = []
    while more := _MORE_ADDENDA.match(text, position):
        found.append((more.start(1) - 4, more.end(), f"{base}/Add.{more[1]}"))
        position = more.end()
    return found


# -- resolutions by number ---------------------------------------------------------

_ROMAN = r"[IVXLC]+|E?S-[IVXLC]+"
# OCR reads 5 as S or $, 0 as O and 1 as l or I inside numbers ("70S (1991)", "S11 (1982)"),
# and loses or adds punctuation ("512.(1982)", "387 1976)"); a part letter may follow a General
# Assembly number ("377 A (V)").
_EN_ITEM = re.compile(
    rf"(?:Nos?\.\s*)?(?P<number>(?:[S$](?=\d)|\d)[\dSOlI]{{0,3}})(?:\s+[A-F])?\s*\.?\s*(?:\(\s*)?(?P<session>\d{{4}}|{_ROMAN})\s*\)"
    rf"|(?P<slash>(?:E?S-)?\d{{1,2}}/\d{{1,4}})(?![\d/])"
)
_OCR_NUMBER = str.maketrans({"S": "5", "$": "5", "O": "0", "l": "1", "I": "1"})


def _resolution_symbol(organ: str, number: str | None, session: str | None, slash: str | None) -> str | None:
    if slash:
        return f"A/RES/{_squash(slash)}"
    number = (number or "").translate(_OCR_NUMBER)
    session = _squash(session or "")
    if session.isdigit():
        if not _valid_year(session):
            return None
        # Year-numbered resolutions are the Security Council's (the Assembly used sessions).
        return f"{'S' if organ in ('S', 'A') else organ}/RES/{number} ({session})"
    return f"{'A' if organ == 'S' else organ}/RES/{number} ({session})"


def _find_en_resolutions(text: str, lang: Language) -> list[tuple[int, int, str]]:
    organs = "|".join(sorted((re.escape(o) for o in lang.data.ORGANS), key=len, reverse=True))
    noun = re.compile(
        rf"(?:\b(?P<organ>{organs})(?:'s)?\s+(?:\w+\s+){{0,2}}?)?\b{lang.data.RESOLUTION_NOUN}\s+", re.IGNORECASE
    )
    date = unnamed(lang.data.DATE_IN_LIST)
    trailer = re.compile(rf"(?:\s*,?\s+(?:of|dated|adopted\s+on)\s+{date}|\s*\(\s*{date}\s*\))?", re.IGNORECASE)
    separator = re.compile(lang.data.LIST_SEPARATORS, re.IGNORECASE)
    found = []
    for head in noun.finditer(text):
        organ = lang.data.ORGANS.get((head["organ"] or "council").lower(), "S")
        position = head.end()
        while item := _EN_ITEM.match(text, position):
            symbol = _resolution_symbol(organ, item["number"], item["session"], item["slash"])
            if symbol:
                found.append((item.start(), item.end(), symbol))
            position = trailer.match(text, item.end()).end()
            glue = separator.match(text, position)
            if not glue or not _EN_ITEM.match(text, glue.end()):
                break
            position = glue.end()
    return found


def _find_zh_resolutions(text: str, lang: Language) -> list[tuple[int, int, str]]:
    item_re = re.compile(lang.data.RESOLUTION_ITEM)
    glue_re = re.compile(lang.data.LIST_GLUE)
    found = []
    position = 0
    while first := item_re.search(text, position):
        items = [first]
        end = first.end()
        while (glue := glue_re.match(text, end)) and (item := item_re.match(text, glue.end())):
            items.append(item)
            end = item.end()
        noun = re.match(r"\s*" + lang.data.RESOLUTION_NOUN, text[end:])
        prefix = text[max(0, first.start() - 12) : first.start()]
        organ = next((code for name, code in lang.data.ORGANS.items() if name in prefix), "S")
        for item in items:
            symbol = _zh_item_symbol(item["item"], organ, has_noun=bool(noun))
            if symbol:
                found.append((item.start(), item.end(), symbol))
        position = end
    return found


def _zh_item_symbol(item: str, organ: str, has_noun: bool) -> str | None:
    item = _squash(item).replace("（", "(").replace("）", ")")
    if "/" in item:
        return f"A/RES/{item}" if has_noun else None
    match = re.fullmatch(rf"(\d{{1,4}})\(?(\d{{4}}|{_ROMAN})\)?", item)
    if not match:
        return None
    return _resolution_symbol(organ, match[1], match[2], None)


# -- all references of a text ------------------------------------------------------


def find_references(text: str, lang: Language, own_symbols: set[str]) -> list[Reference]:
    """Every reference in `text`, left to right, without self-references or overlaps."""
    finder = _find_zh_resolutions if lang.code == "zh" else _find_en_resolutions
    by_symbol = _without_overlaps(
        Reference(start, end, text[start:end], symbol, _reference_class(text, start, end, symbol, lang))
        for start, end, symbol in sorted(find_symbols(text) + finder(text, lang))
    )
    dates = [(m.start(), m.end(), lang.date_of(m)) for m in lang.date.finditer(text)]
    printed = [(ref, _nearest_date(text, dates, ref.start, ref.end)) for ref in by_symbol]
    by_symbol = [_with_printed_date(ref, date) for ref, date in printed]
    pairing_dates = {date[0] for _, date in printed if date}
    dated = _find_dated(text, lang, by_symbol, pairing_dates)
    references = _without_overlaps(sorted(by_symbol + dated, key=lambda r: r.start))
    return _share_joint_classes(text, [r for r in references if r.symbol not in own_symbols])


def _reference_class(text: str, start: int, end: int, symbol: str, lang: Language) -> str:
    doc_class = class_for_symbol(symbol)
    return _class_from_context(text, start, end, lang) if doc_class == "Document" else doc_class


def _without_overlaps(references: Iterable[Reference]) -> list[Reference]:
    """References (sorted by start) less those overlapping an earlier one.

    References over the very same text are kept: one mention may name several documents ("Add.7-9").
    """
    kept: list[Reference] = []
    for ref in references:
        if not kept or ref.start >= kept[-1].end or (ref.start, ref.end) == (kept[-1].start, kept[-1].end):
            kept.append(ref)
    return kept


# How far a date may stand from the symbol it dates: "1994年 5月 3日 ( PRST/1994/22 )",
# "resolution 889 (1993) of 15 December 1993", "statement ... of 31 January 2001 (S/PRST/2001/3)".
_DATE_DISTANCE = 30
_SYMBOL_YEAR = re.compile(r"\((\d{4})\)$|^S/(?:PRST/)?(\d{4})/")


def _with_printed_date(ref: Reference, date: tuple | None) -> Reference:
    """The reference with the date printed beside it, when that date can be the cited document's own:
    a symbol that carries a year ("S/RES/1353 (2001)", "S/PRST/2001/3", "S/2000/809") must agree with it."""
    if date is None or date[2] is None:
        return ref
    year = _SYMBOL_YEAR.search(ref.symbol)
    if year and int(year.group(1) or year.group(2)) != date[2].year:
        return ref
    return replace(ref, date=date[2])


def _find_dated(text: str, lang: Language, by_symbol: list[Reference], pairing_dates: set[int]) -> list[Reference]:
    """References by date alone ("its presidential statement of 3 August 2011").

    Resolved here when the same text prints that date beside a symbol of that kind; otherwise
    kept with no symbol (type and date only), for the store to resolve against what other
    documents say (sckg.store.GraphStore.resolve_references). A symbol is never guessed.
    """
    known: dict[tuple, set[str]] = {}
    for ref in by_symbol:
        if ref.date:
            known.setdefault((ref.doc_class, ref.date), set()).add(ref.symbol)
    date_pattern = unnamed(lang.data.DATE)
    found = []
    for pattern, doc_class in lang.data.DATE_REFERENCES:
        for match in re.finditer(pattern.replace("{date}", f"(?P<date>{date_pattern})"), text, re.IGNORECASE):
            if match.start("date") in pairing_dates:
                continue  # the date of a printed symbol, not a reference of its own
            date = lang.date_of(lang.date.match(match["date"]))
            if date is None:
                continue
            symbols = known.get((doc_class, date), set())
            symbol = next(iter(symbols)) if len(symbols) == 1 else None
            found.append(Reference(match.start(), match.end(), match.group(0), symbol, doc_class, date, by_date=True))
    return found


def _nearest_date(text: str, dates: list[tuple], start: int, end: int) -> tuple | None:
    """The date printed next to a mention, with nothing but words between them (no other number)."""
    near = [
        d for d in dates
        if (0 <= start - d[1] <= _DATE_DISTANCE and not re.search(r"\d", text[d[1] : start]))
        or (0 <= d[0] - end <= _DATE_DISTANCE and not re.search(r"\d", text[end : d[0]]))
    ]
    return min(near, key=lambda d: min(abs(start - d[1]), abs(d[0] - end)), default=None)


def _share_joint_classes(text: str, references: list[Reference]) -> list[Reference]:
    """The halves of a joint symbol ("A/70/95-S/2015/446") name one document: give both the known class."""
    for i in range(len(references) - 1):
        left, right = references[i], references[i + 1]
        if text[left.end : right.start] == "-" and "Document" in (left.doc_class, right.doc_class):
            known = right.doc_class if left.doc_class == "Document" else left.doc_class
            references[i] = Reference(left.start, left.end, left.mention, left.symbol, known)
            references[i + 1] = Reference(right.start, right.end, right.mention, right.symbol, known)
    return references


_CONTEXT_WINDOW = {"zh": 24, "en": 90}


def _class_from_context(text: str, start: int, end: int, lang: Language) -> str:
    """The kind of document the words around a bare symbol name ("the report ... (S/2000/809)")."""
    if lang.code == "zh":
        tail = re.match(lang.data.SYMBOL_LIST_TAIL, text[end : end + 20])
        if tail and tail["hint"]:
            return _hint_class(tail["hint"], lang) or "Document"
        # A list "S/2006/507、S/2013/630 和 S/2017/507 号文件所载主席说明": look past the other items.
        after = re.match(r"(?:\s*(?:、|和|及|以及)\s*" + SYMBOL.pattern + r")+" + lang.data.SYMBOL_LIST_TAIL, text[end : end + 80])
        if after and after["hint"]:
            return _hint_class(after["hint"], lang) or "Document"
    window = text[max(0, start - _CONTEXT_WINDOW[lang.code]) : start]
    window = re.split(r"[;；。]|\n", window)[-1]
    best: tuple[int, str] | None = None
    for pattern, doc_class in lang.type_hints:
        for match in pattern.finditer(window):
            if best is None or match.end() > best[0]:
                best = (match.end(), doc_class)
    return best[1] if best else "Document"


def _hint_class(hint: str, lang: Language) -> str | None:
    return next((cls for pattern, cls in lang.type_hints if pattern.fullmatch(hint)), None)
