"""One document in, one Extraction out: identity, normalised text and typed citations.

This is the engine; the language knowledge it uses lives in ingest/lang/.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from ingest import lang as languages
from ingest.clauses import ClauseVerb, clause_verbs, governing_verb
from ingest.decode import read_text
from ingest.entities import EntityMention, find_entities
from ingest.errors import RejectedFile
from ingest.letters_and_records import read_letter_or_record
from ingest.metadata import DocumentIdentity, looks_like_un_document, read_identity
from ingest.normalize import NormalisedText, normalise
from ingest.references import Reference, find_references
from ingest.structure import Structure, read_structure
from sckg import vocab

EVIDENCE_MAX_CHARS = 600


@dataclass(frozen=True)
class Citation:
    target: str | None  # canonical symbol of the cited document; None when cited by date alone, unresolved
    target_class: str
    relation: str  # reaffirms | recalls | cites
    verb: str | None  # the clause verb as printed
    mention: str  # the reference as printed
    start: int  # offsets of the mention in the normalised text
    end: int
    evidence: str
    target_date: dt.date | None = None  # the cited document's date, as printed with the reference
    paragraph: int | None = None  # order of the paragraph it stands in (Extraction.structure)
    by_date: bool = False  # cited by kind and date alone, with no symbol printed


@dataclass
class Extraction:
    source_name: str
    source_hash: str
    encoding: str
    language: str
    text: str
    identity: DocumentIdentity
    citations: list[Citation] = field(default_factory=list)
    subject_terms: list[str] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)  # actors and places named in the text
    structure: Structure = field(default_factory=Structure)
    letter_or_record: object | None = None  # ingest.correspondence.LetterStructure | ingest.records.RecordStructure

    def to_json(self) -> dict:
        identity = asdict(self.identity)
        identity["issued"] = self.identity.issued.isoformat() if self.identity.issued else None
        return {
            "source": self.source_name,
            "encoding": self.encoding,
            "language": self.language,
            **{k: v for k, v in identity.items() if k != "unknown"},
            "class": identity.pop("doc_class"),
            "unknown": self.identity.unknown,
            "subjects": self.subject_terms,
            "entities": [mention.to_json() for mention in self.entities],
            "agenda_item": self.structure.agenda_item,
            "paragraphs": [asdict(p) for p in self.structure.paragraphs],
            **(self.letter_or_record.to_json(self.citations) if self.letter_or_record else {}),  # "letter" | "record"
            "citations": [{**asdict(c), "target_date": c.target_date and c.target_date.isoformat()} for c in self.citations],
            "text": self.text,
        }


def extract_file(path: Path, encoding: str | None = None) -> Extraction:
    decoded = read_text(path, encoding)
    return extract_text(decoded.text, path.name, source_hash=decoded.sha256, encoding=decoded.encoding, path=path)


def extract_text(raw: str, source_name: str, *, source_hash: str = "", encoding: str = "utf-8", path: Path | None = None) -> Extraction:
    if not looks_like_un_document(raw):
        raise RejectedFile(path or source_name, "not a UN document (no UN symbol and no UN body named in it)")
    language = languages.get(languages.detect_language(raw))
    normalised = normalise(raw, language)
    body_end = normalised.footnotes[0].start if normalised.footnotes else len(normalised.text)
    identity = read_identity(normalised.text, language, body_end)
    own = {identity.symbol, identity.issued_as} - {None}
    references = [r for r in find_references(normalised.text, language, own) if not _names_itself(r, identity)]
    structure = read_structure(normalised, identity, language)
    return Extraction(
        source_name=source_name,
        source_hash=source_hash or hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        encoding=encoding,
        language=language.code,
        text=normalised.text,
        identity=identity,
        citations=_citations(normalised, references, identity, language, structure),
        subject_terms=normalised.subject_terms,
        entities=find_entities(normalised.text, language, year=identity.issued.year if identity.issued else None),
        structure=structure,
        letter_or_record=read_letter_or_record(normalised, identity, language),
    )


def _citations(
    normalised: NormalisedText, references: list[Reference], identity: DocumentIdentity, language, structure: Structure
) -> list[Citation]:
    typed = identity.doc_class in vocab.COUNCIL_INSTRUMENTS  # in letters, records and reports every reference cites
    verbs_by_paragraph: dict[tuple[int, int], list[ClauseVerb]] = {}

    anchors = [_anchor(normalised, ref.start, language) for ref in references]
    references, anchors = _footnoted_dates(references, anchors)
    last_reference_in = {normalised.paragraph_at(anchor): anchor for anchor in anchors}

    def verbs_of(paragraph: tuple[int, int]) -> list[ClauseVerb]:
        # Verbs after a paragraph's last reference govern nothing: tokenise only up to it.
        if paragraph not in verbs_by_paragraph:
            start, end = paragraph
            end = min(end, last_reference_in.get(paragraph, end))
            verbs_by_paragraph[paragraph] = clause_verbs(normalised.text[start:end], language)
        return verbs_by_paragraph[paragraph]

    citations = []
    for ref, anchor in zip(references, anchors):
        paragraph = normalised.paragraph_at(anchor)
        verb = governing_verb(verbs_of(paragraph), anchor - paragraph[0])
        part = structure.paragraph_at(anchor)
        for relation in verb.relations if (typed and verb) else ("cites",):
            citations.append(
                Citation(
                    target=ref.symbol,
                    target_class=ref.doc_class,
                    relation=relation,
                    verb=verb.text if verb else None,
                    mention=ref.mention,
                    start=ref.start,
                    end=ref.end,
                    evidence=_evidence(normalised.text, paragraph, anchor),
                    target_date=ref.date,
                    by_date=ref.by_date,
                    paragraph=part.order if part else None,
                )
            )
    return citations


def _names_itself(ref: Reference, identity: DocumentIdentity) -> bool:
    """A reference by date to the document's own kind and date is its heading ("7 (1946). Resolution of 26 June 1946")."""
    return ref.by_date and ref.symbol is None and (ref.doc_class, ref.date) == (identity.doc_class, identity.issued)


# How far after a reference by date its footnote marker may stand ("of 19 March 1978, 15").
_MARKER_DISTANCE = 6


def _footnoted_dates(references: list[Reference], anchors: list[int]) -> tuple[list[Reference], list[int]]:
    """A reference by date whose footnote gives the symbol ("the report of the Secretary-General of
    19 March 1978 15/" with note "15/ ... document S/12611") is that footnote's reference: the date
    and kind move onto the footnoted reference and the dated one goes, so the edge is counted once."""
    footnoted = {}
    for i, (ref, anchor) in enumerate(zip(references, anchors)):
        if anchor != ref.start:  # anchored at a marker in the body: a reference inside a footnote
            footnoted.setdefault(anchor, []).append(i)
    dropped = set()
    references = list(references)
    for i, ref in enumerate(references):
        if ref.symbol is not None or not ref.by_date:
            continue
        notes = [j for at in range(ref.end, ref.end + _MARKER_DISTANCE + 1) for j in footnoted.get(at, [])]
        if len({references[j].symbol for j in notes}) != 1:
            continue
        for j in notes:
            note = references[j]
            kind = ref.doc_class if note.doc_class == "Document" else note.doc_class
            references[j] = replace(note, date=note.date or ref.date, doc_class=kind)
        dropped.add(i)
    kept = [i for i in range(len(references)) if i not in dropped]
    return [references[i] for i in kept], [anchors[i] for i in kept]


def _anchor(normalised: NormalisedText, offset: int, language) -> int:
    """Where a reference is governed from: itself, or for one inside a footnote, the footnote's marker
    in the body ("... of 4 March 1994 1/ on ..."); the footnote itself when no marker is found."""
    note = next((n for n in normalised.footnotes if n.start <= offset < n.end), None)
    if note is None:
        return offset
    body = normalised.text[: normalised.footnotes[0].start]
    mark = re.escape(note.mark)
    not_after = re.compile(language.data.NOT_A_FOOTNOTE_MARKER_AFTER + r"\s*$", re.IGNORECASE)
    for pattern in (rf"(?<=\S)\s?{mark}/(?=[\s,.;:)]|$)", rf"(?<=[A-Za-z,;)\d])\s{mark}(?=\s+[a-z]|[,.;:]|\s*\n|\s*$)"):
        for match in re.finditer(pattern, body):
            if not not_after.search(body[max(0, match.start() - 12) : match.start()]):
                return match.start() + 1
    return offset


_SENTENCE_END = re.compile(r"[。！？!?]|\.\s+(?=[A-Z\"“])|;\s")


def _evidence(text: str, paragraph: tuple[int, int], offset: int) -> str:
    """The paragraph holding the reference, or its sentence when the paragraph is long."""
    start, end = paragraph
    if end - start <= EVIDENCE_MAX_CHARS:
        return text[start:end]
    sentence_start = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.end() > offset:
            return text[sentence_start : match.end()].strip()
        sentence_start = match.end()
    return text[sentence_start:end].strip()
