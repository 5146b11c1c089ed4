"""Letters, identical letters and notes verbales, with their annexes (concept notes).

What is read: the heading (date, sender State and title, addressees), the capacity the sender
writes in (President of the Security Council for a month), the meeting the letter announces
(date, time, format, agenda item, topic), the signature (name and titles), each annex as its own
document (a concept note when its title says so) and the briefers it lists. What the text does not
state is listed in `unknown`, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

from pyoxigraph import Literal, NamedNode

from ingest.lang import Language
from ingest.letters_and_records import paragraph_spans, split_list, tidy, time_of
from sckg import vocab

HEADER_CHARS = 1500  # the heading stands near the top, under the symbol and distribution lines
MAX_TITLE_LINES = 3  # the titles printed with a signature ("Ambassador", "Permanent Representative")
MAX_TITLE_CHARS = 120


@dataclass
class Addressee:
    as_printed: str
    office: str | None  # one of vocab.OFFICES, None when the office is not one we know


@dataclass
class Signatory:
    name: str | None
    titles: list[str] = field(default_factory=list)  # "常驻联合国代表", "大使"
    state: str | None = None  # the State named in a title line, as printed


@dataclass
class Briefer:
    as_printed: str
    name: str | None = None
    role: str | None = None


@dataclass
class AnnouncedMeeting:
    date: dt.date | None = None
    time: dt.time | None = None
    format: str | None = None  # one of vocab.MEETING_FORMATS
    format_as_printed: str | None = None
    agenda_item: str | None = None
    topic: str | None = None
    start: int | None = None  # the sentence announcing it
    end: int | None = None
    briefers: list[Briefer] = field(default_factory=list)


@dataclass
class Annex:
    number: int  # 1-based, in text order
    heading: str
    title: str | None
    is_concept_note: bool
    start: int  # from its heading to the next annex or the end of the body
    end: int


@dataclass
class LetterStructure:
    kind: str | None = None  # letter | identical letters | note verbale
    date: dt.date | None = None
    sender_state: str | None = None  # as printed in the heading ("秘鲁", "Peru")
    sender_title: str | None = None  # "常驻联合国代表", "Permanent Representative"
    addressees: list[Addressee] = field(default_factory=list)
    presidency_month: str | None = None  # "2019-07": writes as President of the Security Council that month
    signatories: list[Signatory] = field(default_factory=list)
    meeting: AnnouncedMeeting | None = None
    annexes: list[Annex] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    def to_json(self, citations=()) -> dict:
        data = asdict(self)
        data["date"] = self.date and self.date.isoformat()
        if self.meeting:
            data["meeting"]["date"] = self.meeting.date and self.meeting.date.isoformat()
            data["meeting"]["time"] = self.meeting.time and self.meeting.time.strftime("%H:%M")
        for annex, annex_json in zip(self.annexes, data["annexes"]):
            annex_json["cites"] = [c.target for c in citations if annex.start <= c.start < annex.end]
        return {"letter": data}

    def triples(self, doc: NamedNode, extraction) -> list[tuple]:
        return letter_triples(self, doc, extraction)


def find_heading(normalised, language: Language) -> re.Match | None:
    """The heading line that makes a document a letter ("Letter dated … addressed to …")."""
    pattern = re.compile(language.data.LETTER_HEADING.replace("{date}", language.data.DATE), re.MULTILINE | re.IGNORECASE)
    return pattern.search(normalised.text[:HEADER_CHARS])


def read_letter(normalised, identity, language: Language) -> LetterStructure:
    data = language.data
    text = normalised.text
    letter = LetterStructure(date=identity.issued)
    heading = find_heading(normalised, language)
    if heading:
        _read_heading(heading, language, letter)
    else:
        letter.unknown.append("heading")
    body_start = heading.end() if heading else 0
    paragraphs = [(s, e) for s, e in paragraph_spans(normalised) if s >= body_start]
    annex_heading = re.compile(data.LETTER_ANNEX_HEADING, re.IGNORECASE)
    annex_starts = [i for i, (s, e) in enumerate(paragraphs) if annex_heading.match(text[s:e])]
    letter_part = paragraphs[: annex_starts[0]] if annex_starts else paragraphs
    letter.annexes = _annexes(text, paragraphs, annex_starts, language)
    letter.signatories = _signatories(text, letter_part, language)
    letter.presidency_month = _presidency(text, [*letter_part, *paragraphs[len(letter_part) :]], letter.date, language)
    letter.meeting = _announced_meeting(text, letter_part, letter.annexes, language)
    if letter.meeting is not None:
        letter.meeting.briefers = _briefers(text, paragraphs, letter.annexes, language)
    _report_unknown(letter)
    return letter


def _read_heading(heading: re.Match, language: Language, letter: LetterStructure) -> None:
    data = language.data
    letter.kind = data.LETTER_KINDS.get(re.sub(r"\s+", " ", heading["kind"]).lower()) or data.LETTER_KINDS.get(heading["kind"])
    if heading.groupdict().get("day") and letter.date is None:
        letter.date = language.date_of(heading)
    letter.sender_title, letter.sender_state = _title_and_state(tidy(heading["sender"]), language)
    letter.addressees = _addressees(tidy(heading["addressee"]), language)


def _title_and_state(printed: str, language: Language) -> tuple[str | None, str | None]:
    """("常驻联合国代表", "秘鲁") from "秘鲁常驻联合国代表"; ("Permanent Representative", "Peru") from
    "the Permanent Representative of Peru to the United Nations"."""
    match = re.search(language.data.SENDER_TITLE, printed)
    if not match:
        return None, None
    if "state" in match.groupdict():
        state = re.sub(r"^the\s+", "", match["state"]).strip()
    else:
        state = printed[: match.start()].strip()
    return tidy(match["role"]), (tidy(state) or None)


def _addressees(printed: str, language: Language) -> list[Addressee]:
    found = []
    for item in split_list(printed, language):
        office = next((key for pattern, key in language.data.ADDRESSEES if re.fullmatch(pattern, item, re.IGNORECASE)), None)
        found.append(Addressee(item, office))
    return found


def _presidency(text: str, paragraphs, letter_date: dt.date | None, language: Language) -> str | None:
    """"2019-07" from "以安全理事会 2019 年 7 月份主席的身份" or "President of the Security Council for the month of July 2019"."""
    pattern = re.compile(language.data.PRESIDENCY, re.IGNORECASE)
    for start, end in paragraphs:
        if match := pattern.search(text, start, end):
            month = match["month"]
            number = int(month) if month.isdigit() else language.data.MONTHS[month.lower()]
            year = int(match["year"]) if match["year"] else _year_of_month(number, letter_date)
            return f"{year:04d}-{number:02d}" if year and 1 <= number <= 12 else None
    return None


def _year_of_month(month: int, letter_date: dt.date | None) -> int | None:
    """A presidency month printed without its year ("for the month of July") is the one nearest the
    letter's date: letters announce the coming month's presidency, or speak of the current one."""
    if letter_date is None:
        return None
    if month < letter_date.month - 6:  # a December letter about January
        return letter_date.year + 1
    if month > letter_date.month + 6:  # a January letter about December
        return letter_date.year - 1
    return letter_date.year


def _sentences(text: str, paragraphs, language: Language):
    end_pattern = re.compile(language.data.SENTENCE_END)
    for start, end in paragraphs:
        sentence_start = start
        for match in end_pattern.finditer(text, start, end):
            yield sentence_start, match.end()
            sentence_start = match.end()
        if sentence_start < end:
            yield sentence_start, end


def _announced_meeting(text: str, letter_part, annexes: list[Annex], language: Language) -> AnnouncedMeeting | None:
    """The meeting the letter's announcing sentence names; what it leaves out may be printed in the
    concept note's title ("…的概念说明，定于 2019年 7 月 10 日下午 3 时举行")."""
    data = language.data
    verbs = re.compile(data.ANNOUNCING_VERBS, re.IGNORECASE)
    meeting = None
    for start, end in _sentences(text, letter_part, language):
        sentence = text[start:end]
        if verbs.search(sentence) and _meeting_format(sentence, language):
            meeting = AnnouncedMeeting(start=start, end=end)
            _fill_meeting(meeting, sentence, language)
            break
    for annex in annexes:
        if annex.is_concept_note and annex.title:
            meeting = meeting or AnnouncedMeeting()
            _fill_meeting(meeting, annex.title, language)
    return meeting


def _fill_meeting(meeting: AnnouncedMeeting, sentence: str, language: Language) -> None:
    """Fields of `meeting` still empty, from what `sentence` prints."""
    data = language.data
    if meeting.date is None and (date := language.date.search(sentence)):
        meeting.date = language.date_of(date)
    if meeting.time is None and (time := re.search(data.TIME, sentence, re.IGNORECASE)):
        meeting.time = time_of(time, language)
    if meeting.format is None and (found := _meeting_format(sentence, language)):
        meeting.format, meeting.format_as_printed = found
    agenda = re.search(data.AGENDA_ITEM_IN_LETTER, sentence, re.IGNORECASE)
    if meeting.agenda_item is None and agenda:
        meeting.agenda_item = tidy(agenda["item"])
    if meeting.topic is None:
        for pattern in data.TOPIC:
            for match in re.finditer(pattern, sentence, re.IGNORECASE):
                if not agenda or not (agenda.start() <= match.start("topic") < agenda.end()):
                    meeting.topic = tidy(match["topic"])
                    return


def _meeting_format(sentence: str, language: Language) -> tuple[str, str] | None:
    for pattern, key in language.data.MEETING_FORMATS:
        if match := re.search(pattern, sentence, re.IGNORECASE):
            return key, match.group(0)
    return None


def _annexes(text: str, paragraphs, annex_starts: list[int], language: Language) -> list[Annex]:
    annexes = []
    concept_note = re.compile(language.data.CONCEPT_NOTE, re.IGNORECASE)
    for number, index in enumerate(annex_starts, start=1):
        heading_start, heading_end = paragraphs[index]
        last = annex_starts[number] - 1 if number < len(annex_starts) else len(paragraphs) - 1
        title_span = paragraphs[index + 1] if index + 1 <= last else None
        title = tidy(text[title_span[0] : title_span[1]]) if title_span else None
        annexes.append(
            Annex(
                number=number,
                heading=text[heading_start:heading_end].strip(),
                title=title,
                is_concept_note=bool(title and concept_note.search(title)),
                start=heading_start,
                end=paragraphs[last][1],
            )
        )
    return annexes


def _signatories(text: str, letter_part, language: Language) -> list[Signatory]:
    """Each "(Signed) NAME" / "NAME(签名)" with the title lines printed beside it."""
    data = language.data
    signature = re.compile(data.SIGNATURE, re.IGNORECASE)
    title = re.compile(data.SIGNATORY_TITLE, re.IGNORECASE)
    found = []
    for index, (start, end) in enumerate(letter_part):
        match = signature.match(text[start:end])
        if not match:
            continue
        name = match["name"]
        titles = []
        if (inline := title.search(name)) and inline.start() > 0:  # "(Signed) A. Name Ambassador": lines run together
            name, titles = name[: inline.start()], [name[inline.start() :]]
        neighbours = letter_part[max(0, index - MAX_TITLE_LINES) : index][::-1] if data.SIGNATURE_TITLES_POSITION == "before" else letter_part[index + 1 : index + 1 + MAX_TITLE_LINES]
        for s, e in neighbours:
            line = text[s:e].strip()
            if len(line) > MAX_TITLE_CHARS or not title.search(line) or signature.match(line):
                break
            titles.append(line)
        if data.SIGNATURE_TITLES_POSITION == "before":
            titles.reverse()
        found.append(_signatory(tidy(name), titles, language))
    return found


def _signatory(name: str, titles: list[str], language: Language) -> Signatory:
    signatory = Signatory(name or None)
    for line in titles:
        role, state = _title_and_state(tidy(line), language)
        signatory.titles.append(role or tidy(line))
        signatory.state = signatory.state or state
    return signatory


def _briefers(text: str, paragraphs, annexes: list[Annex], language: Language) -> list[Briefer]:
    """The briefers a concept note lists under its "Briefers" heading, else those it names in a sentence."""
    data = language.data
    heading = re.compile(data.BRIEFERS_HEADING, re.IGNORECASE)
    item = re.compile(data.LIST_ITEM)
    for index, (start, end) in enumerate(paragraphs):
        if heading.match(text[start:end]):
            listed = []
            for s, e in paragraphs[index + 1 :]:
                if not (match := item.match(text[s:e])):
                    break
                listed.append(_briefer(tidy(match["item"]), language))
            if listed:
                return listed
    inline = re.compile(data.BRIEFERS_INLINE, re.IGNORECASE)
    searched = [(a.start, a.end) for a in annexes] or ([(paragraphs[0][0], paragraphs[-1][1])] if paragraphs else [])
    for start, end in searched:
        if match := inline.search(text, start, end):
            return [Briefer(item) for item in split_list(match["list"], language)]
    return []


def _briefer(printed: str, language: Language) -> Briefer:
    """"Name, role" is split at its first comma; an item with no comma is a name only when it looks like one."""
    data = language.data
    if match := re.match(data.NAME_AND_ROLE, printed):
        return Briefer(printed, tidy(match["name"]), tidy(match["role"]))
    if re.search(data.PERSON_NAME, printed):
        return Briefer(printed, name=printed)
    return Briefer(printed, role=printed)


def _report_unknown(letter: LetterStructure) -> None:
    checks = {
        "date": letter.date,
        "sender": letter.sender_state or any(s.state for s in letter.signatories),
        "addressee": letter.addressees,
        "signatory": letter.signatories,
        "announced meeting": letter.meeting,
    }
    letter.unknown += [name for name, value in checks.items() if not value]
    if letter.meeting:
        meeting = letter.meeting
        fields = {"date": meeting.date, "time": meeting.time, "format": meeting.format, "agenda item": meeting.agenda_item, "topic": meeting.topic}
        letter.unknown += [f"meeting {name}" for name, value in fields.items() if not value]
    letter.unknown += [f"addressee {a.as_printed!r}" for a in letter.addressees if a.office is None]


# -- RDF -----------------------------------------------------------------------------------------


def letter_triples(letter: LetterStructure, doc: NamedNode, extraction) -> list[tuple]:
    lang = extraction.language
    triples: list[tuple] = []
    if extraction.identity.doc_class != "Letter":  # identical letters, notes verbales: read here, not by metadata
        triples.append((doc, vocab.RDF_TYPE, vocab.sckg("Letter")))
    if letter.kind:
        triples.append((doc, vocab.sckg("letterKind"), Literal(letter.kind)))
    if letter.sender_state:
        triples += _state(doc, vocab.sckg("sender"), vocab.sckg("senderName"), letter.sender_state, lang)
    if letter.sender_title:
        triples.append((doc, vocab.sckg("senderTitle"), Literal(letter.sender_title, language=lang)))
    for addressee in letter.addressees:
        if addressee.office:
            triples.append((doc, vocab.sckg("addressee"), vocab.sckg(addressee.office)))
        else:
            triples.append((doc, vocab.sckg("addresseeName"), Literal(addressee.as_printed, language=lang)))
    if letter.presidency_month:
        triples.append((doc, vocab.sckg("inCapacityOf"), vocab.sckg("PresidentOfTheSecurityCouncil")))
        triples.append((doc, vocab.sckg("presidencyMonth"), Literal(letter.presidency_month, datatype=vocab.XSD_GYEARMONTH)))
    for number, signatory in enumerate(letter.signatories, start=1):
        triples += _signatory_triples(doc, number, signatory, lang)
    if letter.meeting:
        triples += _meeting_triples(doc, letter.meeting, lang)
    for annex in letter.annexes:
        triples += _annex_triples(doc, annex, extraction)
    return triples


def _state(subject: NamedNode, link: NamedNode, name_property: NamedNode, printed: str, lang: str) -> list[tuple]:
    """A State as printed, and linked to its node when the actors gazetteer knows it."""
    triples = [(subject, name_property, Literal(printed, language=lang))]
    triples += [(subject, link, node) for node in resolve_actors(printed, lang)]
    return triples


def resolve_actors(printed: str, lang: str) -> list[NamedNode]:
    """The nodes of the States, groups or organisations a printed name consists of ("摩洛哥",
    "加拿大和新西兰", "the Non-Aligned Movement"), from the actors gazetteer (ingest.entities).

    All or nothing: when words other than the names and the conjunctions between them remain
    ("可能的候选国格鲁吉亚"), no node is linked and the printed name alone stands.
    """
    from ingest import entities
    from ingest import lang as languages

    mentions = [m for m in entities.find_entities(printed, lang) if m.entity.kind != "person"]
    if not mentions:
        return []
    rest = printed
    for mention in sorted(mentions, key=lambda m: m.start, reverse=True):
        rest = rest[: mention.start] + " " + rest[mention.end :]
    conjunctions = set(languages.get(lang).data.LIST_CONJUNCTIONS) | {"the", "The"}
    leftover = [w for w in re.split(r"[\s,，、()]+", rest) if w and w not in conjunctions]
    return [] if leftover else list(dict.fromkeys(entities.entity_node(m.entity) for m in mentions))


def _signatory_triples(doc: NamedNode, number: int, signatory: Signatory, lang: str) -> list[tuple]:
    node = vocab.part_iri(doc, "signatory", number)
    triples = [(doc, vocab.sckg("signatory"), node), (node, vocab.RDF_TYPE, vocab.sckg("Signatory"))]
    if signatory.name:
        triples.append((node, vocab.sckg("personName"), Literal(signatory.name, language=lang)))
    triples += [(node, vocab.sckg("role"), Literal(title, language=lang)) for title in signatory.titles]
    if signatory.state:
        triples += _state(node, vocab.sckg("represents"), vocab.sckg("representsName"), signatory.state, lang)
    return triples


def _meeting_triples(doc: NamedNode, meeting: AnnouncedMeeting, lang: str) -> list[tuple]:
    node = vocab.meeting_of_iri(doc)
    triples = [(doc, vocab.sckg("announces"), node), (node, vocab.RDF_TYPE, vocab.MEETING)]
    if meeting.date:
        triples.append((node, vocab.DATE, Literal(meeting.date.isoformat(), datatype=vocab.XSD_DATE)))
        if meeting.time:
            moment = dt.datetime.combine(meeting.date, meeting.time).isoformat()
            triples.append((node, vocab.sckg("scheduledStart"), Literal(moment, datatype=vocab.XSD_DATETIME)))
    if meeting.format:
        triples.append((node, vocab.sckg("meetingFormat"), vocab.sckg(meeting.format)))
    if meeting.agenda_item:
        triples.append((node, vocab.AGENDA_ITEM, Literal(meeting.agenda_item, language=lang)))
    if meeting.topic:
        triples.append((node, vocab.sckg("topic"), Literal(meeting.topic, language=lang)))
    if meeting.start is not None:
        triples.append((node, vocab.sckg("announcementOffset"), Literal(str(meeting.start), datatype=vocab.XSD_INTEGER)))
    for number, briefer in enumerate(meeting.briefers, start=1):
        person = vocab.part_iri(node, "briefer", number)
        triples += [
            (node, vocab.sckg("briefer"), person),
            (person, vocab.RDF_TYPE, vocab.sckg("Briefer")),
            (person, vocab.ORDER, Literal(str(number), datatype=vocab.XSD_INTEGER)),
            (person, vocab.sckg("asPrinted"), Literal(briefer.as_printed, language=lang)),
        ]
        if briefer.name:
            triples.append((person, vocab.sckg("personName"), Literal(briefer.name, language=lang)))
        if briefer.role:
            triples.append((person, vocab.sckg("role"), Literal(briefer.role, language=lang)))
    return triples


def _annex_triples(doc: NamedNode, annex: Annex, extraction) -> list[tuple]:
    lang = extraction.language
    node = vocab.annex_iri(doc, annex.number)
    triples = [
        (doc, vocab.ANNEX, node),
        (node, vocab.RDF_TYPE, vocab.sckg("ConceptNote" if annex.is_concept_note else "Document")),
        (node, vocab.ORDER, Literal(str(annex.number), datatype=vocab.XSD_INTEGER)),
        (node, vocab.START, Literal(str(annex.start), datatype=vocab.XSD_INTEGER)),
        (node, vocab.END, Literal(str(annex.end), datatype=vocab.XSD_INTEGER)),
    ]
    if annex.title:
        triples.append((node, vocab.TITLE, Literal(annex.title, language=lang)))
    # The letter and its annexes are one UN document, which cites; each citation printed in an
    # annex also says so, so "what does the concept note cite" is answerable.
    for citation in extraction.citations:
        if citation.target and annex.start <= citation.start < annex.end:
            cited = vocab.document_iri(citation.target)
            triples.append((vocab.citation_iri(doc, cited.value, citation.relation, citation.start), vocab.sckg("inAnnex"), node))
    return triples
