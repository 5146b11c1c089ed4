"""What a document says about itself: its kind, symbol, date and meeting.

Only what the text states is recorded; what it does not state stays unknown and
is reported, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ingest.lang import Language
from ingest.references import SYMBOL, canonical_symbol
from sckg.vocab import COUNCIL_INSTRUMENTS, class_for_symbol

HEADER_CHARS = 1500  # identity is stated at the top of a document...
TAIL_CHARS = 600  # ...or, for the adoption, at the very end of its body
UN_MARKERS = re.compile(
    r"Security\s+Council|United\s+Nations|General\s+Assembly|Secretary-General|安全\s*理事会|安理会|联合国|秘书长|大会"
)


@dataclass
class DocumentIdentity:
    doc_class: str = "Document"
    symbol: str | None = None
    issued: dt.date | None = None
    meeting: int | None = None
    title: str | None = None
    issued_as: str | None = None  # the S/ document symbol an older resolution was issued under
    unknown: list[str] = field(default_factory=list)  # what the text did not state


def read_identity(text: str, lang: Language, body_end: int | None = None) -> DocumentIdentity:
    """Identity from the header; the adoption line may also close the body (older printed volumes)."""
    header = text[:HEADER_CHARS]
    body = text[:body_end]
    closing = body[max(0, len(body) - TAIL_CHARS) :]
    identity = DocumentIdentity()
    data = lang.data
    _read_symbol(header, lang, identity)
    if re.search(data.PRESIDENTIAL_STATEMENT, header, re.IGNORECASE):
        identity.doc_class = "PresidentialStatement"
    elif re.search(data.NOTE_BY_PRESIDENT, header, re.IGNORECASE):
        identity.doc_class = "NoteByThePresident"
    elif letter := re.search(data.LETTER, header, re.IGNORECASE | re.MULTILINE):
        identity.doc_class = "Letter"
        identity.issued = lang.date_of(letter)
        identity.title = letter.group(0).strip()
    elif re.search(data.MEETING_RECORD, header, re.IGNORECASE | re.MULTILINE):
        identity.doc_class = "MeetingRecord"
    if not _read_adoption(header, lang, identity):
        _read_adoption(closing, lang, identity)
    if identity.title is None and identity.symbol:
        identity.title = identity.symbol
    for name in ("symbol", "issued", "meeting"):
        if getattr(identity, name) is None:
            identity.unknown.append(name)
    return identity


def looks_like_un_document(text: str) -> bool:
    return bool(UN_MARKERS.search(text) or SYMBOL.search(text))


def _read_symbol(header: str, lang: Language, identity: DocumentIdentity) -> None:
    heading = header.split("\n\n", 1)[0]
    if lang.data.ISSUED_AS and (match := re.search(lang.data.ISSUED_AS, heading)):
        identity.issued_as = re.sub(r"\s+", "", match["symbol"])
    for pattern in lang.data.OWN_RESOLUTION:
        if match := re.search(pattern, header, re.MULTILINE):
            identity.symbol = f"S/RES/{match['number']} ({match['year']})"
            identity.doc_class = "Resolution"
            return
    if match := re.search(lang.data.OWN_SYMBOL_LINE, header, re.MULTILINE):
        symbol_match = SYMBOL.search(match["symbol"])
        identity.symbol = canonical_symbol(symbol_match) if symbol_match else None
        if identity.symbol:
            identity.doc_class = class_for_symbol(identity.symbol)
            identity.title = identity.symbol


def _read_adoption(text: str, lang: Language, identity: DocumentIdentity) -> bool:
    """Meeting and date of adoption read from `text`; True when the meeting was found."""
    data = lang.data
    for pattern in [*data.ADOPTION, data.STATEMENT_MEETING]:
        if match := re.search(pattern, text, re.IGNORECASE | re.MULTILINE):
            identity.meeting = int(re.sub(r"\s", "", match["meeting"]))
            if identity.issued is None and match.groupdict().get("day"):
                identity.issued = _consistent_date(lang.date_of(match), identity)
            break
    if identity.issued is None and identity.doc_class in COUNCIL_INSTRUMENTS:
        patterns = list(data.OWN_DATE)
        if identity.symbol:  # a symbol heading followed by its date ("S/RES/902 (1994) 11 March 1994")
            patterns.append(re.escape(identity.symbol) + r"\s+" + data.DATE)
        for pattern in patterns:
            match = re.search(pattern, text, re.IGNORECASE | re.MULTILINE)
            if match and (date := _consistent_date(lang.date_of(match), identity)):
                identity.issued = date
                break
    return identity.meeting is not None


def _consistent_date(date: dt.date | None, identity: DocumentIdentity) -> dt.date | None:
    """A resolution is adopted in the year its symbol carries: a date that disagrees was misread."""
    if date and identity.symbol and identity.doc_class == "Resolution":
        year = re.search(r"\((\d{4})\)", identity.symbol)
        if year and int(year[1]) != date.year:
            return None
    return date
