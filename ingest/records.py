"""Meeting records (summary records of committees, verbatim records S/PV.NNNN): the meeting and its turns.

What is read: from the header, the organ, committee, meeting number, date and chair (when the
header survived extraction); the agenda items ("议程项目 51：…", "Agenda item 51: …"); the
meeting's times (opened, suspended, resumed, closed); and every speaker turn: who speaks (name as
printed, title or delegation from the brackets), for which group ("代表不结盟国家运动发言",
"speaking on behalf of the Non-Aligned Movement"), the numbered paragraphs it spans, and its
offsets in the normalised text, so each citation falls in exactly one turn. What the text does not
state is listed in `unknown`, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

from pyoxigraph import Literal, NamedNode

from ingest.correspondence import resolve_actors
from ingest.lang import Language
from ingest.letters_and_records import paragraph_spans, tidy, time_of, time_patterns

SHORT_PROCEDURAL_CHARS = 120  # "23. 下午 3 时 55 分会议暂停，下午 4 时 20 分复会。" is not speech


@dataclass
class AgendaItem:
    number: int | None
    title: str
    start: int


@dataclass
class MeetingEvent:
    kind: str  # opened | suspended | resumed | closed
    time: dt.time
    start: int


@dataclass
class Segment:
    """A stretch of the record: a numbered paragraph, or an unnumbered paragraph."""

    start: int
    end: int
    number: int | None


@dataclass
class SpeakerTurn:
    order: int
    start: int
    end: int
    speaker: str  # as printed: "哈雷先生", "Mr. Khare", "主席", "The Chair"
    name: str | None  # "哈雷", "Khare"; None for the presiding officer named by office only
    honorific: str | None
    role: str | None  # a title in the brackets, or the office of the chair
    delegation: str | None  # a State or organisation in the brackets ("摩洛哥", "Indonesia")
    on_behalf_of: str | None  # the group spoken for, as printed
    also_for_own: bool  # "也代表" / "speaking also on behalf of": for the own delegation as well
    is_chair: bool
    paragraphs: list[int] = field(default_factory=list)  # the printed paragraph numbers it spans
    agenda_item: int | None = None  # index into RecordStructure.agenda_items


@dataclass
class RecordStructure:
    organ: str | None = None
    committee: str | None = None
    meeting_number: int | None = None
    date: dt.date | None = None
    chair: str | None = None
    agenda_items: list[AgendaItem] = field(default_factory=list)
    events: list[MeetingEvent] = field(default_factory=list)
    turns: list[SpeakerTurn] = field(default_factory=list)
    numbered: bool = False  # paragraphs numbered (summary record) or not (verbatim record)
    unknown: list[str] = field(default_factory=list)

    def to_json(self, citations=()) -> dict:
        data = asdict(self)
        data["date"] = self.date and self.date.isoformat()
        for event in data["events"]:
            event["time"] = event["time"].strftime("%H:%M")
        for turn, turn_json in zip(self.turns, data["turns"]):
            turn_json["cites"] = [
                {"target": c.target, "mention": c.mention, "start": c.start} for c in citations_in(turn, citations)
            ]
        return {"record": data}

    def triples(self, doc: NamedNode, extraction) -> list[tuple]:
        return record_triples(self, doc, extraction)


def citations_in(turn: SpeakerTurn, citations) -> list:
    return [c for c in citations if turn.start <= c.start < turn.end]


def read_record(normalised, identity, language: Language) -> RecordStructure:
    data = language.data
    text = normalised.text
    record = RecordStructure()
    record.events = _events(text, paragraph_spans(normalised), language)
    header_end = min([e.start for e in record.events if e.kind == "opened"] or [len(text)])
    segments = _segments(normalised, language)
    record.numbered = _speakers_stand_at_numbers(text, segments, language)
    if record.numbered:
        header_end = min(header_end, next(s.start for s in segments if s.number is not None))
    _read_header(text[:header_end], language, record)
    agenda = re.compile(data.RECORD_AGENDA_ITEM, re.IGNORECASE | re.MULTILINE)
    record.agenda_items = [
        AgendaItem(int(m["number"]), tidy(m["title"]), m.start()) for m in agenda.finditer(text, 0, segments[-1].end if segments else len(text))
    ]
    record.turns = _turns(text, segments, record, language)
    _report_unknown(record)
    return record


def _read_header(header: str, language: Language, record: RecordStructure) -> None:
    data = language.data
    if match := re.search(data.RECORD_ORGAN, header, re.MULTILINE):
        record.organ = tidy(match["organ"])
    if match := re.search(data.RECORD_COMMITTEE, header, re.MULTILINE):
        record.committee = tidy(match["committee"])
    if match := re.search(data.RECORD_NUMBER, header, re.IGNORECASE):
        record.meeting_number = int(match["number"])
    if match := language.date.search(header):
        record.date = language.date_of(match)
    if match := re.search(data.RECORD_CHAIR, header, re.MULTILINE):
        record.chair = tidy(match["chair"]) + (f" ({tidy(match['delegation'])})" if match["delegation"] else "")


def _events(text: str, paragraphs, language: Language) -> list[MeetingEvent]:
    """Opening, suspensions, resumptions and closing, in text order."""
    events = []
    for kind, name in (("opened", "MEETING_OPENED"), ("suspended", "MEETING_SUSPENDED"), ("resumed", "MEETING_RESUMED"), ("closed", "MEETING_CLOSED")):
        seen: set[int] = set()
        for pattern in time_patterns(language.code, name):
            for start, end in paragraphs:
                for match in pattern.finditer(text, start, end):
                    time = time_of(match, language)
                    if time and match.start() not in seen:
                        seen.add(match.start())
                        events.append(MeetingEvent(kind, time, match.start()))
    return sorted(events, key=lambda e: e.start)


def _segments(normalised, language: Language) -> list[Segment]:
    """Paragraphs, split again where a numbered paragraph was run into the one before it ("…方法。36.维和…").

    Numbers count up from 1: a number is a paragraph number only when it is the next one expected
    (or skips at most two, at a paragraph start, where extraction lost one).
    """
    text = normalised.text
    number_at = re.compile(language.data.PARAGRAPH_NUMBER)
    segments: list[Segment] = []
    expected = 1
    for start, end in paragraph_spans(normalised):
        cuts: list[tuple[int, int | None]] = [(start, None)]
        for match in number_at.finditer(text, start, end):
            number = int(match["number"])
            at_paragraph_start = text[start : match.start("number")].strip() == ""
            if number == expected or (at_paragraph_start and expected < number <= expected + 2):
                position = match.start("number")
                if position == start or at_paragraph_start:
                    cuts[0] = (start, number)
                else:
                    cuts.append((position, number))
                expected = number + 1
        for index, (cut, number) in enumerate(cuts):
            cut_end = cuts[index + 1][0] if index + 1 < len(cuts) else end
            segments.append(Segment(cut, len(text[:cut_end].rstrip()), number))
    return segments


def _speaker_at(text: str, segment: Segment, language: Language) -> re.Match | None:
    """The speaker a segment opens with (after its paragraph number), if any."""
    data = language.data
    start = segment.start
    if segment.number is not None and (prefix := re.compile(data.PARAGRAPH_NUMBER).match(text, segment.start)):
        start = prefix.end()
    speaker = re.compile(r"\s*(?:" + data.SPEAKER + r")", re.IGNORECASE)
    chair = re.compile(r"\s*(?:" + data.CHAIR_SPEAKER + r")")
    return speaker.match(text, start, segment.end) or chair.match(text, start, segment.end)


def _speakers_stand_at_numbers(text: str, segments: list[Segment], language: Language) -> bool:
    """A summary record numbers its paragraphs and opens turns at numbers; a verbatim record does not
    (a numbered list inside a speech does not make it a summary record)."""
    at_numbers = sum(1 for s in segments if s.number is not None and _speaker_at(text, s, language))
    elsewhere = sum(1 for s in segments if s.number is None and _speaker_at(text, s, language))
    return at_numbers > 0 and at_numbers >= elsewhere


def _turns(text: str, segments: list[Segment], record: RecordStructure, language: Language) -> list[SpeakerTurn]:
    """A turn opens where a segment starts with a speaker and runs until the next speaker or a
    procedural line (a suspension, the closing); in a summary record only numbered paragraphs open turns."""
    event_starts = {e.start for e in record.events}
    turns: list[SpeakerTurn] = []
    current: SpeakerTurn | None = None
    for segment in segments:
        opens = segment.number is not None or not record.numbered
        match = _speaker_at(text, segment, language) if opens else None
        if match:
            current = _turn(match, len(turns) + 1, segment, text, language)
            current.agenda_item = _agenda_index(record.agenda_items, segment.start)
            turns.append(current)
        elif _is_procedural(text, segment, event_starts):
            current = None
            continue
        elif current is not None:
            current.end = segment.end
        if current is not None and segment.number is not None and record.numbered:
            current.paragraphs.append(segment.number)
    return turns


def _is_procedural(text: str, segment: Segment, event_starts: set[int]) -> bool:
    return segment.end - segment.start <= SHORT_PROCEDURAL_CHARS and any(segment.start <= s < segment.end for s in event_starts)


def _turn(match: re.Match, order: int, segment: Segment, text: str, language: Language) -> SpeakerTurn:
    groups = match.groupdict()
    bracket = tidy(groups["bracket"]) if groups.get("bracket") else None
    role, delegation = _role_or_delegation(bracket, language)
    group = groups.get("group")
    also = bool(groups.get("also"))
    if not group and (in_speech := re.search(language.data.GROUP_IN_SPEECH, text[match.end() : segment.end][:300], re.IGNORECASE)):
        group, also = in_speech["group"], bool(in_speech["also"])
    if groups.get("chair"):
        office = tidy(groups["chair"])
        speaker, name, honorific, role = office if language.code == "zh" else f"The {office}", None, None, office
    else:
        name, honorific = tidy(groups["name"]), groups["honorific"]
        # "哈雷先生", "Thanabalasingam 女士": a Latin name keeps its space before a Chinese honorific.
        speaker = f"{honorific} {name}" if language.code != "zh" else f"{name}{' ' if name[-1:].isascii() else ''}{honorific}"
    return SpeakerTurn(
        order=order,
        start=segment.start,
        end=segment.end,
        speaker=speaker,
        name=name,
        honorific=honorific,
        role=role,
        delegation=delegation,
        on_behalf_of=tidy(group) if group else None,
        also_for_own=also,
        is_chair=bool(groups.get("chair")),
    )


def _role_or_delegation(bracket: str | None, language: Language) -> tuple[str | None, str | None]:
    """The brackets after a speaker hold a title ("主管业务支助事务副秘书长") or a delegation ("摩洛哥");
    a title naming whom the speaker represents ("欧洲联盟代表", "Observer for the European Union") gives both."""
    if not bracket:
        return None, None
    if not re.search(language.data.ROLE_WORDS, bracket):
        return None, bracket
    represented = re.match(language.data.DELEGATION_IN_ROLE, bracket)
    return bracket, re.sub(r"^the\s+", "", tidy(represented["delegation"])) if represented else None


def _agenda_index(items: list[AgendaItem], offset: int) -> int | None:
    before = [index for index, item in enumerate(items) if item.start <= offset]
    return before[-1] if before else None


def _report_unknown(record: RecordStructure) -> None:
    checks = {
        "organ or committee": record.organ or record.committee,
        "meeting number": record.meeting_number,
        "meeting date": record.date,
        "chair": record.chair,
        "agenda item": record.agenda_items,
        "opening time": any(e.kind == "opened" for e in record.events),
        "closing time": any(e.kind == "closed" for e in record.events),
        "speaker turns": record.turns,
    }
    record.unknown += [name for name, value in checks.items() if not value]


# -- RDF -----------------------------------------------------------------------------------------

EVENT_PROPERTIES = {"opened": "openedAt", "suspended": "suspendedAt", "resumed": "resumedAt", "closed": "closedAt"}


def record_triples(record: RecordStructure, doc: NamedNode, extraction) -> list[tuple]:
    from sckg import vocab

    lang = extraction.language
    meeting = vocab.meeting_of_iri(doc)
    triples: list[tuple] = [(doc, vocab.sckg("recordOf"), meeting), (meeting, vocab.RDF_TYPE, vocab.MEETING)]
    if record.organ:
        triples.append((meeting, vocab.sckg("organ"), Literal(record.organ, language=lang)))
    if record.committee:
        triples.append((meeting, vocab.sckg("committee"), Literal(record.committee, language=lang)))
    if record.meeting_number is not None:
        triples.append((meeting, vocab.MEETING_NUMBER, Literal(str(record.meeting_number), datatype=vocab.XSD_INTEGER)))
    if record.date:
        triples.append((meeting, vocab.DATE, Literal(record.date.isoformat(), datatype=vocab.XSD_DATE)))
    if record.chair:
        triples.append((meeting, vocab.sckg("chairName"), Literal(record.chair, language=lang)))
    for event in record.events:
        triples.append((meeting, vocab.sckg(EVENT_PROPERTIES[event.kind]), Literal(event.time.isoformat(), datatype=vocab.XSD_TIME)))
    items = [vocab.part_iri(meeting, "agenda", index + 1) for index in range(len(record.agenda_items))]
    for node, item in zip(items, record.agenda_items):
        triples += [
            (meeting, vocab.sckg("hasAgendaItem"), node),
            (node, vocab.RDF_TYPE, vocab.AGENDA_ITEM_CLASS),
            (node, vocab.TITLE, Literal(item.title, language=lang)),
        ]
        if item.number is not None:
            triples.append((node, vocab.sckg("agendaItemNumber"), Literal(str(item.number), datatype=vocab.XSD_INTEGER)))
    for turn in record.turns:
        triples += _turn_triples(doc, turn, items, extraction)
    return triples


def _turn_triples(doc: NamedNode, turn: SpeakerTurn, items: list[NamedNode], extraction) -> list[tuple]:
    from sckg import vocab

    lang = extraction.language
    node = vocab.speaker_turn_iri(doc, turn.order)
    integer = vocab.XSD_INTEGER
    triples = [
        (doc, vocab.sckg("hasSpeakerTurn"), node),
        (node, vocab.RDF_TYPE, vocab.SPEAKER_TURN),
        (node, vocab.IS_PART_OF, doc),
        (node, vocab.ORDER, Literal(str(turn.order), datatype=integer)),
        (node, vocab.START, Literal(str(turn.start), datatype=integer)),
        (node, vocab.END, Literal(str(turn.end), datatype=integer)),
        (node, vocab.sckg("speakerName"), Literal(turn.speaker, language=lang)),
    ]
    if turn.is_chair:
        triples.append((node, vocab.sckg("byPresidingOfficer"), Literal("true", datatype=vocab.XSD_BOOLEAN)))
    if turn.role:
        triples.append((node, vocab.sckg("speakerRole"), Literal(turn.role, language=lang)))
    if turn.delegation:
        triples.append((node, vocab.sckg("delegationName"), Literal(turn.delegation, language=lang)))
        triples += [(node, vocab.sckg("delegation"), actor) for actor in resolve_actors(turn.delegation, lang)]
    if turn.on_behalf_of:
        triples.append((node, vocab.sckg("onBehalfOfName"), Literal(turn.on_behalf_of, language=lang)))
        triples.append((node, vocab.sckg("alsoForOwnDelegation"), Literal(str(turn.also_for_own).lower(), datatype=vocab.XSD_BOOLEAN)))
        triples += [(node, vocab.sckg("onBehalfOf"), actor) for actor in resolve_actors(turn.on_behalf_of, lang)]
    triples += [(node, vocab.PARAGRAPH_NUMBER, Literal(str(number))) for number in turn.paragraphs]
    if turn.agenda_item is not None:
        triples.append((node, vocab.sckg("hasAgendaItem"), items[turn.agenda_item]))
    for citation in citations_in(turn, extraction.citations):
        if citation.target:
            cited = vocab.document_iri(citation.target)
            triples.append((vocab.citation_iri(doc, cited.value, citation.relation, citation.start), vocab.sckg("inSpeakerTurn"), node))
    return triples
