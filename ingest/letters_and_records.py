"""Letters and meeting records: which reader a document gets, and what the readers share.

Letters (with their annexes and concept notes) are read by ingest.correspondence, meeting
records (speaker turns) by ingest.records; this module picks the reader for a document and
holds what both share: times of day, list splitting, tidying printed names.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from ingest.lang import Language

_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff()（）])|(?<=[\u4e00-\u9fff()（）])\s+(?=[\u4e00-\u9fff])")


def read_letter_or_record(normalised, identity, language: Language):
    """A LetterStructure for letters, a RecordStructure for meeting records, None for other documents."""
    from ingest import correspondence, records

    if identity.doc_class == "Letter" or (
        identity.doc_class == "Document" and correspondence.find_heading(normalised, language) is not None
    ):
        return correspondence.read_letter(normalised, identity, language)
    if identity.doc_class == "MeetingRecord":
        return records.read_record(normalised, identity, language)
    return None


def letter_or_record_triples(structure, doc, extraction) -> list[tuple]:
    """The own-graph triples of a document's structure (none when it has none)."""
    return structure.triples(doc, extraction) if structure is not None else []


def tidy(text: str) -> str:
    """A printed name without the spaces PDF extraction puts between Chinese characters ("不结盟国 家运动")."""
    return _CJK_GAP.sub("", re.sub(r"\s+", " ", text)).strip()


def time_of(match: re.Match, language: Language) -> dt.time | None:
    """The time of day a match of the language's TIME pattern names (groups hour, minute, period)."""
    hour = int(match["hour"])
    minute = int(match["minute"] or 0)
    period = re.sub(r"\s+", "", match["period"] or "").lower()
    offset = language.data.TIME_PERIODS.get(period, 0)
    if offset and hour < 12:
        hour += offset
    try:
        return dt.time(hour, minute)
    except ValueError:
        return None


@cache
def time_patterns(code: str, name: str) -> tuple[re.Pattern, ...]:
    """A list of event patterns (MEETING_OPENED, ...) with {time} filled in, compiled."""
    from ingest import lang

    data = lang.get(code).data
    return tuple(re.compile(p.replace("{time}", data.TIME), re.IGNORECASE) for p in getattr(data, name))


def split_list(text: str, language: Language) -> list[str]:
    """The items of a printed list ("秘书长和长者会", "the Secretary-General and The Elders").

    Chinese is split on whole conjunction tokens (jieba), so the 和 of 和平 never splits a name.
    English "and" and commas also join words inside titles ("… for Children and Armed Conflict",
    "Mr. X, Director of Y"): there a split is made only before an item that plainly starts a new
    one, an article or honorific ("the", "Ms.") or a name the actors gazetteer knows.
    """
    if language.code == "zh":
        conjunctions = set(language.data.LIST_CONJUNCTIONS)
        items, current = [], ""
        for token in (t.text for t in language.nlp()(text)):
            if token.strip() in conjunctions:
                items.append(current)
                current = ""
            else:
                current += token
        items.append(current)
        return [tidy(item) for item in items if tidy(item)]
    parts = re.split(r"(\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s+as\s+well\s+as\s+)", text)
    items = [parts[0]]
    for separator, piece in zip(parts[1::2], parts[2::2]):
        if _starts_an_item(piece, language):
            items.append(piece)
        else:
            items[-1] += separator + piece
    return [tidy(item) for item in items if tidy(item)]


_NEW_ITEM = re.compile(r"^(?:the|The|Mr\.|Ms\.|Mrs\.|Dr\.|H\.E\.|Sir|Dame|Professor)\s")


def _starts_an_item(piece: str, language: Language) -> bool:
    from ingest.correspondence import resolve_actors

    return bool(_NEW_ITEM.match(piece)) or bool(resolve_actors(piece, language.code))


def paragraph_spans(normalised, end: int | None = None) -> list[tuple[int, int]]:
    """The body's paragraphs (footnotes left out) as (start, end) offsets."""
    limit = normalised.footnotes[0].start if normalised.footnotes else len(normalised.text)
    limit = min(limit, end) if end is not None else limit
    return [(s, e) for s, e in normalised.paragraphs if s < limit]
