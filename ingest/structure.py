"""The parts of a Council instrument: its paragraphs in order, each with its kind and leading verb,
and the agenda item it was adopted under.

A resolution reads "heading / The Security Council, / preambular paragraphs / numbered
operative paragraphs / adoption line / annexes / notes"; a presidential statement is a run
of paragraphs. Which is which comes from the language data (ingest/lang/): the Council
opener line, the operative opener, the annex heading.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ingest.clauses import clause_verbs
from ingest.lang import Language
from ingest.metadata import DocumentIdentity
from ingest.normalize import NormalisedText
from sckg.vocab import COUNCIL_INSTRUMENTS

HEADING_MAX_CHARS = 200  # a heading line (symbol, date, adoption) is short
LEADING_VERB_WINDOW = 40  # the leading verb stands in the first words of a paragraph
# A statement printed as one long line lost its paragraph breaks: its sentences stand in for them.
RUN_ON_CHARS = 1500
_SENTENCE = re.compile(r".+?(?:[。！？]|\.(?=\s+[A-Z\"“])|$)\s*", re.DOTALL)


@dataclass(frozen=True)
class Paragraph:
    order: int  # 1-based, in reading order
    kind: str  # Preambular | Operative | Annex | Note (a footnote) | Body (a statement's paragraph)
    start: int  # offsets into the normalised text
    end: int
    number: str | None  # as printed: "1", "(a)"
    leading_verb: str | None  # the verb that opens it, as printed ("Recalling also", "又回顾")


@dataclass
class Structure:
    paragraphs: list[Paragraph] = field(default_factory=list)
    agenda_item: str | None = None

    def paragraph_at(self, offset: int) -> Paragraph | None:
        index = bisect.bisect_right(self.paragraphs, offset, key=lambda p: p.start) - 1
        if index >= 0 and offset < self.paragraphs[index].end:
            return self.paragraphs[index]
        return None


def read_structure(normalised: NormalisedText, identity: DocumentIdentity, lang: Language) -> Structure:
    if identity.doc_class not in COUNCIL_INSTRUMENTS:  # only their paragraphs become nodes
        return Structure()
    text = normalised.text
    notes_start = normalised.footnotes[0].start if normalised.footnotes else len(text)
    spans = _body_spans(normalised, lang, notes_start)
    kinds = _kinds(text, spans, identity, lang, notes_start)
    paragraphs = [
        Paragraph(order, kind, start, end, _number(text[start:end], lang), _leading_verb(text[start:end], lang))
        for order, ((start, end), kind) in enumerate(zip(spans, kinds), 1)
    ]
    return Structure(paragraphs, _agenda_item(text[:notes_start], lang))


def _body_spans(normalised: NormalisedText, lang: Language, notes_start: int) -> list[tuple[int, int]]:
    """Paragraph spans after the heading ("The Security Council,"), less short heading and adoption lines."""
    text = normalised.text
    data = lang.data
    spans = [(s, e) for s, e in normalised.paragraphs if text[s:e].strip()]
    opener = next((i for i, (s, e) in enumerate(spans[:12]) if re.match(data.COUNCIL_OPENER, text[s:e])), None)
    if opener is not None:
        spans = spans[opener + 1 :]
    heading_patterns = [*data.ADOPTION, *data.OWN_DATE, *data.OWN_RESOLUTION, data.OWN_SYMBOL_LINE]
    spans = [
        (s, e)
        for s, e in spans
        if s >= notes_start
        or e - s > HEADING_MAX_CHARS
        or not any(re.search(p, text[s:e], re.IGNORECASE) for p in heading_patterns)
    ]
    body = [span for span in spans if span[0] < notes_start]
    if len(body) <= 2 and any(e - s > RUN_ON_CHARS for s, e in body):
        spans = [piece for span in body for piece in _sentences(text, span)] + spans[len(body) :]
    return spans


def _sentences(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    start, end = span
    return [(start + m.start(), start + m.end()) for m in _SENTENCE.finditer(text[start:end]) if m.group().strip()]


def _kinds(text: str, spans: list[tuple[int, int]], identity: DocumentIdentity, lang: Language, notes_start: int) -> list[str]:
    """Preambular until the first operative paragraph, operative until an annex heading (resolutions)."""
    kinds = []
    part = "Preambular" if identity.doc_class == "Resolution" else "Body"
    for start, end in spans:
        paragraph = text[start:end]
        if start >= notes_start:
            kinds.append("Note")
            continue
        if re.match(lang.data.ANNEX_HEADING, paragraph):
            part = "Annex"
        elif part == "Preambular" and re.match(lang.data.OPERATIVE_OPENER, paragraph):
            part = "Operative"
        kinds.append(part)
    return kinds


def _number(paragraph: str, lang: Language) -> str | None:
    opener = lang.paragraph_opener.match(paragraph)
    if not opener:
        return None
    number = opener.group().strip().rstrip(".．、 ")
    return number if re.search(r"[0-9A-Za-z]", number) else None


def _leading_verb(paragraph: str, lang: Language) -> str | None:
    """The clause verb that opens the paragraph, when the language data knows it (never guessed)."""
    opener = lang.paragraph_opener.match(paragraph)
    head = paragraph[opener.end() if opener else 0 :][:LEADING_VERB_WINDOW]
    verbs = clause_verbs(head, lang)
    return verbs[0].text if verbs else None


def _agenda_item(body: str, lang: Language) -> str | None:
    match = re.search(lang.data.AGENDA_ITEM, body, re.IGNORECASE)
    if not match:
        return None
    item = re.sub(r"\s+", " ", match["item"]).strip()
    if lang.code == "zh":  # pre-segmented text: "联合国 维持 和平 行动"
        item = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", item)
    return item
