"""Actors and places named in a document: States, groups of States, organisations, UN bodies,
peacekeeping missions and persons.

The names are data (ingest/lang/gazetteer/, one TSV per kind, English and Chinese); this module is
the one engine that reads them. English is matched with spaCy's PhraseMatcher over the tokenised
text (case-sensitive, so "Chad" the State is not "chad"; long names also case-insensitively).
Chinese is matched on the text with the spaces between Chinese characters removed (pre-segmented
text such as "马里 稳定团" reads as "马里稳定团"), and a name counts only where the jieba
segmentation, told every gazetteer name, puts a word boundary on both sides of it: "美国" inside
"欧美国家" is no mention of the United States. Everywhere the longest match wins ("中非稳定团" is
not "中国", "Equatorial Guinea" is not "Guinea"), and longer phrases listed in not_entities.tsv
("Lake Chad", "副秘书长") win and are then dropped.

Persons are read only where the text makes it plain: a title before the name ("Mr. Bunche",
"Ambassador X"), a summary-record turn ("哈雷先生(主管业务支助事务副秘书长)说"), a signature
("古斯塔沃·梅萨-夸德拉(签名)", "(Signed) X") or a transliterated name with its middle dot.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from ingest.lang import Language
from ingest.normalize import fold_characters

KINDS = ("state", "group", "org", "body", "mission", "person")
_DATA_FILES = {"group": "groups.tsv", "org": "organizations.tsv", "body": "bodies.tsv"}
# When two entries claim one name, the first kind here keeps it (a current State before a former one).
_PRIORITY = {"state": 0, "mission": 1, "org": 2, "body": 3, "group": 4, "former-state": 5}
_CJK = r"\u3400-\u9fff"
_BETWEEN_CJK_SPACES = re.compile(rf"(?<=[{_CJK}（(）)、])[ \t\n]+(?=[{_CJK}（(）)、])")
_HAS_CJK = re.compile(rf"[{_CJK}]")
_NAME_DOTS = str.maketrans({"•": "·", "‧": "·", "・": "·", "∙": "·", "･": "·"})


@dataclass(frozen=True)
class Entity:
    key: str
    kind: str  # one of KINDS
    labels_en: tuple[str, ...] = ()  # preferred label first
    labels_zh: tuple[str, ...] = ()
    iso_alpha2: str | None = None
    iso_alpha3: str | None = None
    iso_numeric: str | None = None
    iso_3166_3: str | None = None  # the alpha-4 code of a former State (ISO 3166-3)
    status: str | None = None  # States: member | observer | historical
    hosts: tuple[str, ...] = ()  # missions: ISO alpha-3 codes of the host countries
    start_year: int | None = None
    end_year: int | None = None
    replaced_by: tuple[str, ...] = ()  # former States: alpha-3 codes of their successors
    org_class: str | None = None  # organisations: RegionalOrganization | Organization | LiberationMovement
    note: str = ""


@dataclass(frozen=True)
class EntityMention:
    entity: Entity
    start: int  # offsets in the normalised text
    end: int
    surface: str

    def to_json(self) -> dict:
        entity = self.entity
        return {"kind": entity.kind, "key": entity.key, "surface": self.surface, "start": self.start, "end": self.end,
                "label_en": entity.labels_en[0] if entity.labels_en else None,
                "label_zh": entity.labels_zh[0] if entity.labels_zh else None}


@dataclass
class Gazetteer:
    entities: dict[tuple[str, str], Entity]
    names: dict[str, dict[str, Entity]]  # language -> printed name -> entity
    not_entities: dict[str, set[str]]
    period_names: dict[str, list[tuple[str, str, int, int]]]  # language -> (name, key, from, to)
    person_cues: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def state(self, alpha3: str) -> Entity | None:
        return self.entities.get(("state", alpha3))


# ---------------------------------------------------------------- reading the data

def gazetteer_dir() -> Path:
    return Path(str(resources.files("ingest.lang").joinpath("gazetteer")))


def _rows(name: str) -> list[dict[str, str]]:
    """The rows of one data file; the column names are its "key\t..." line or its first commented line with tabs."""
    path = gazetteer_dir() / name
    with open(path, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip()]
    header_at = next((i for i, line in enumerate(lines) if line.startswith("key\t")), None)
    if header_at is not None:
        columns, body = lines[header_at].rstrip("\n").split("\t"), lines[header_at + 1 :]
    else:
        commented = next((line for line in lines if line.startswith("#") and "\t" in line), None)
        if commented is None:
            raise ValueError(f"{path}: no header line naming the columns")
        columns, body = commented.lstrip("# ").rstrip("\n").split("\t"), lines
    body = [line for line in body if not line.startswith("#")]
    rows = list(csv.DictReader(body, fieldnames=columns, delimiter="\t"))
    for row in rows:
        if None in row or any(v is None for v in row.values()):
            raise ValueError(f"{path}: the row for {next(iter(row.values()))!r} has {len(row) - (None in row)} columns, expected {len(columns)}")
    return rows


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _labels(*values: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(label for value in values for label in _split(value)))


def _year(value: str) -> int | None:
    return int(value) if value.strip() else None


def _read_states() -> list[Entity]:
    return [
        Entity(
            key=row["key"], kind="state", status=row["status"],
            labels_en=_labels(row["en_short"], row["en_formal"], row["en_aliases"]),
            labels_zh=_labels(row["zh_short"], row["zh_formal"], row["zh_aliases"]),
            iso_alpha2=row["alpha2"], iso_alpha3=row["alpha3"], iso_numeric=row["numeric"] or None,
            iso_3166_3=row["alpha4"] or None, replaced_by=tuple(_split(row["replaced_by"])), note=row["note"],
        )
        for row in _rows("states.tsv")
    ]


def _read_missions() -> list[Entity]:
    entities = []
    for row in _rows("missions.tsv"):
        entities.append(Entity(
            key=row["key"], kind="mission",
            labels_en=_labels(row["en_label"], row["en_aliases"]),
            labels_zh=_labels(row["zh_label"], row["zh_short"], row["zh_aliases"]),
            hosts=tuple(_split(row["host"])), start_year=_year(row["start"]), end_year=_year(row["end"]),
            note="" if row["zh_verified"] in ("seed", "web") else "Chinese names not verified against UNTERM",
        ))
    return entities


def _read_named(kind: str) -> list[Entity]:
    entities = []
    for row in _rows(_DATA_FILES[kind]):
        entities.append(Entity(
            key=row["key"], kind=kind, note=row["note"], org_class=row.get("class"),
            labels_en=_labels(row["en_label"], row["en_aliases"]),
            labels_zh=_labels(row["zh_label"], row["zh_aliases"]),
        ))
    return entities


def _english_variants(name: str) -> set[str]:
    """The spellings UN English texts use for one name over the years."""
    variants = {name, name.replace("’", "'"), name.replace("'", "’")}
    for variant in list(variants):
        variants.add(re.sub(r"(?i)(peace)keeping", r"\1-keeping", variant))
        variants.add(re.sub(r"(?i)(peace)-keeping", r"\1keeping", variant))
        variants.add(variant.replace("Co-operation", "Cooperation"))
    return variants


def _chinese_variants(name: str) -> set[str]:
    folded = fold_characters(unicodedata.normalize("NFC", name))
    return {compact_chinese(name)[0], compact_chinese(folded)[0]}


@cache
def load_gazetteer() -> Gazetteer:
    entities = [*_read_states(), *_read_missions(), *(e for kind in _DATA_FILES for e in _read_named(kind))]
    by_key: dict[tuple[str, str], Entity] = {}
    for entity in entities:
        if (entity.kind, entity.key) in by_key:
            raise ValueError(f"gazetteer: {entity.kind} {entity.key} listed twice")
        by_key[(entity.kind, entity.key)] = entity
    names: dict[str, dict[str, Entity]] = {"en": {}, "zh": {}}
    for entity in sorted(entities, key=_claim_order):
        for language, labels, variants in (("en", entity.labels_en, _english_variants), ("zh", entity.labels_zh, _chinese_variants)):
            for label in labels:
                for name in variants(label):
                    names[language].setdefault(name, entity)  # the first claimant keeps a shared name
    not_entities: dict[str, set[str]] = {"en": set(), "zh": set()}
    for row in _rows("not_entities.tsv"):
        language, phrase = row["language"], row["phrase"]
        not_entities[language].add(phrase if language == "en" else compact_chinese(phrase)[0])
    period_names: dict[str, list[tuple[str, str, int, int]]] = {"en": [], "zh": []}
    for row in _rows("period_names.tsv"):
        period_names[row["language"]].append((row["phrase"], row["key"], int(row["from_year"]), int(row["to_year"])))
    return Gazetteer(by_key, names, not_entities, period_names, _person_cues())


def _claim_order(entity: Entity) -> tuple[int, str]:
    kind = "former-state" if entity.status == "historical" else entity.kind
    return _PRIORITY[kind], entity.key


def _person_cues() -> dict[str, dict[str, list[str]]]:
    cues: dict[str, dict[str, list[str]]] = {}
    for row in _rows("person_cues.tsv"):
        cues.setdefault(row["language"], {}).setdefault(row["cue"], []).append(row["value"])
    return cues


# ---------------------------------------------------------------- finding mentions

def find_entities(text: str, language: Language | str, *, year: int | None = None) -> list[EntityMention]:
    """Every actor or place named in `text`, in text order; `year` (the document's) picks period names."""
    code = language if isinstance(language, str) else language.code
    gazetteer = load_gazetteer()
    if code == "zh":
        mentions = _chinese_mentions(text, gazetteer)
    else:
        mentions = _english_mentions(text, gazetteer, year)
    mentions += _person_mentions(text, code, gazetteer, taken=[(m.start, m.end) for m in mentions])
    return sorted(mentions, key=lambda m: (m.start, m.end))


def _resolve(name: str, language: str, gazetteer: Gazetteer, year: int | None) -> Entity | None:
    if name in gazetteer.not_entities[language]:
        return None
    if year is not None:
        for phrase, key, start, end in gazetteer.period_names[language]:
            if phrase == name and start <= year <= end:
                return gazetteer.state(key)
    return gazetteer.names[language].get(name)


@cache
def _english_matchers():
    """Two PhraseMatchers built once per process: exact case for every name, any case for long names."""
    from spacy.matcher import PhraseMatcher

    from ingest import lang as languages

    nlp = languages.get("en").nlp()
    gazetteer = load_gazetteer()
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    caseless = PhraseMatcher(nlp.vocab, attr="LOWER")
    phrases = set(gazetteer.names["en"]) | gazetteer.not_entities["en"] | {p[0] for p in gazetteer.period_names["en"]}
    for phrase in sorted(phrases):
        pattern = nlp.make_doc(phrase)
        exact.add(phrase, [pattern])
        if len(pattern) >= 3 and not phrase.isupper():
            caseless.add(phrase, [pattern])
    return nlp, exact, caseless


def _english_mentions(text: str, gazetteer: Gazetteer, year: int | None) -> list[EntityMention]:
    from spacy.util import filter_spans

    nlp, exact, caseless = _english_matchers()
    doc = nlp.make_doc(text)
    spans = [doc[s:e] for _, s, e in exact(doc)]
    names = {(s.start, s.end): s.text for s in spans}
    for match_id, start, end in caseless(doc):
        names.setdefault((start, end), nlp.vocab.strings[match_id])
        spans.append(doc[start:end])
    mentions = []
    for span in filter_spans(spans):  # longest first, then earliest
        entity = _resolve(names[(span.start, span.end)], "en", gazetteer, year)
        if entity is not None:
            mentions.append(EntityMention(entity, span.start_char, span.end_char, span.text))
    return mentions


def compact_chinese(text: str) -> tuple[str, list[int]]:
    """The text without the spaces between Chinese characters, and for each kept character its offset in `text`."""
    kept: list[int] = []
    pieces: list[str] = []
    position = 0
    for match in _BETWEEN_CJK_SPACES.finditer(text):
        pieces.append(text[position : match.start()])
        kept.extend(range(position, match.start()))
        position = match.end()
    pieces.append(text[position:])
    kept.extend(range(position, len(text)))
    return "".join(pieces), kept


@cache
def _chinese_segmenter():
    """A jieba tokenizer of our own (the shared one used for clause verbs stays untouched) that knows every name."""
    import jieba

    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    gazetteer = load_gazetteer()
    words = set(gazetteer.names["zh"]) | gazetteer.not_entities["zh"]
    for word in words:
        if not re.search(r"[\s()]", word):
            tokenizer.add_word(word, freq=2_000_000)
    by_first_char: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        by_first_char.setdefault(word[0], []).append(word)
    return tokenizer, by_first_char


def _word_boundaries(tokenizer, text: str) -> set[int]:
    boundaries = {0, len(text)}
    for _word, start, end in tokenizer.tokenize(text, HMM=True):
        boundaries.update((start, end))
    return boundaries


def _chinese_mentions(text: str, gazetteer: Gazetteer) -> list[EntityMention]:
    compact, offsets = compact_chinese(text)
    if not compact:
        return []
    tokenizer, by_first_char = _chinese_segmenter()
    boundaries = _word_boundaries(tokenizer, compact)
    candidates = []
    for start, char in enumerate(compact):
        for word in by_first_char.get(char, ()):
            end = start + len(word)
            if compact.startswith(word, start) and start in boundaries and end in boundaries:
                candidates.append((start, end, word))
                break  # the longest name starting here that the segmentation allows
    mentions = []
    for start, end, word in _longest_first(candidates):
        entity = _resolve(word, "zh", gazetteer, None)
        if entity is not None:
            first, last = offsets[start], offsets[end - 1] + 1
            mentions.append(EntityMention(entity, first, last, text[first:last]))
    return mentions


def _longest_first(candidates: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping candidates, longer ones first, then earlier ones (as spacy.util.filter_spans)."""
    taken: list[tuple[int, int, str]] = []
    occupied: set[int] = set()
    for start, end, word in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if not occupied.intersection(range(start, end)):
            taken.append((start, end, word))
            occupied.update(range(start, end))
    return sorted(taken)


# ---------------------------------------------------------------- persons

def normalise_person_name(name: str) -> str:
    """A person's name as printed, tidied: NFKC, one kind of middle dot, single spaces, no possessive."""
    name = unicodedata.normalize("NFKC", name).translate(_NAME_DOTS)
    name = re.sub(r"\s*·\s*", "·", name)
    name = re.sub(r"['’]s$", "", re.sub(r"\s+", " ", name).strip(" ,.;:"))
    return name


def person_key(name: str) -> str:
    """The key two spellings of one name share: accents dropped, SURNAMES IN CAPITALS as Surnames."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(w.title() if w.isupper() and len(w) > 1 else w for w in folded.split(" "))


@cache
def _person_patterns(code: str) -> tuple[re.Pattern, ...]:
    cues = load_gazetteer().person_cues.get(code, {})
    if code == "zh":
        honorifics = "|".join(map(re.escape, cues.get("honorific_after", [])))
        signature = "|".join(map(re.escape, cues.get("signature_after", [])))
        # A name starts after a non-Chinese character or right after a title ("大使古斯塔沃·梅萨-夸德拉"):
        # Chinese has no spaces, so any other Chinese character before it may belong to another word.
        starts = "|".join([rf"(?<![{_CJK}·-])", *(rf"(?<={re.escape(t)})" for t in cues.get("title_before", []))])
        latin = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}"
        chinese = rf"[{_CJK}]{{2,6}}"
        dotted = rf"(?:{starts})[{_CJK}]{{1,6}}(?:-[{_CJK}]{{1,6}})?(?:·[{_CJK}]{{1,8}}(?:-[{_CJK}]{{1,8}})?)+"
        return (
            # a summary-record turn: "1. 哈雷先生(主管业务支助事务副秘书长)说", "25. Ouazzani Chahdi 女士(摩洛哥)"
            re.compile(rf"(?:^|(?<=\n)|(?<=\d\.))[ \t]*(?P<name>{latin}|{dotted}|{chinese})\s*(?:{honorifics})\s*\([^()\n]{{1,80}}\)", re.M),
            # a signature: "古斯塔沃·梅萨-夸德拉(签名)"
            re.compile(rf"(?P<name>{dotted}|{latin})\s*\((?:{signature})\)"),
            # a transliterated name with its middle dot: "让-皮埃尔·拉克鲁瓦"
            re.compile(rf"(?P<name>{dotted})"),
        )
    titles = "|".join(map(re.escape, cues.get("title_before", [])))
    particles = "|".join(map(re.escape, cues.get("name_particle", [])))
    word = r"[A-Z][\w'’-]*[\w]"
    name = rf"{word}(?:\s+(?:(?:{particles})\s+)?(?:[A-Z]\.\s*)?{word}){{0,4}}"
    return (
        re.compile(rf"\b(?:{titles})\.?\s+(?P<name>{name})"),
        re.compile(rf"\((?:Signed|signed)\)\s+(?P<name>{word}(?:\s+(?:[A-Z]\.\s*)?{word}){{1,3}})"),
    )


def _person_mentions(text: str, code: str, gazetteer: Gazetteer, taken: list[tuple[int, int]]) -> list[EntityMention]:
    not_names = set(gazetteer.person_cues.get(code, {}).get("not_a_name", []))
    found: dict[tuple[int, int], EntityMention] = {}
    titles = tuple(t + " " for t in gazetteer.person_cues.get(code, {}).get("title_before", []))
    for pattern in _person_patterns(code):
        for match in pattern.finditer(text):
            start, end = match.span("name")
            printed = match["name"]
            while printed.startswith(titles):  # "Judge Sir Benegal Narsing Rau"
                cut = len(next(t for t in titles if printed.startswith(t)))
                printed, start = printed[cut:], start + cut
            name = normalise_person_name(printed)
            end = start + len(printed.rstrip(" ,.;:")) - (2 if re.search(r"['’]s\s*$", printed) else 0)
            if len(name) < 2 or name.split(" ")[0] in not_names or name in not_names:
                continue
            if name in gazetteer.names.get(code, {}) or any(s < end and start < e for s, e in taken):
                continue  # a State or body, not a person
            if any(s < end and start < e for s, e in found):
                continue
            labels = {"labels_zh" if _HAS_CJK.search(name) else "labels_en": (name,)}
            entity = Entity(key=person_key(name), kind="person", **labels)
            found[(start, end)] = EntityMention(entity, start, end, text[start:end])
    return list(found.values())


# ---------------------------------------------------------------- RDF

_STATE_CLASSES = {"member": "MemberState", "observer": "ObserverState", "historical": "FormerState"}
_KIND_CLASSES = {"group": "GroupOfStates", "body": "UNBody", "mission": "PeacekeepingMission", "person": "Person"}


def entity_node(entity: Entity):
    from sckg import vocab

    return vocab.entity_iri(entity.kind, entity.key)


def entity_class(entity: Entity) -> str:
    if entity.kind == "state":
        return _STATE_CLASSES[entity.status or "member"]
    if entity.kind == "org":
        return entity.org_class or "Organization"
    return _KIND_CLASSES[entity.kind]


def entity_triples(doc_node, mentions: list[EntityMention], lang: str) -> tuple[list[tuple], set[tuple]]:
    """(the document's own triples, the registry's): mention edges and offsets belong to the file,
    what an actor is (class, labels, ISO codes, host country) is stated once for all files."""
    from pyoxigraph import Literal

    from sckg import vocab

    own: list[tuple] = []
    registry: set[tuple] = set()
    described: set[Entity] = set()
    for mention in mentions:
        node = entity_node(mention.entity)
        if mention.entity not in described:
            registry |= describe_entity(mention.entity)
            described.add(mention.entity)
        mention_node = vocab.entity_mention_iri(doc_node, node, mention.start)
        own += [
            (doc_node, vocab.sckg("mentions"), node),
            (mention_node, vocab.RDF_TYPE, vocab.sckg("EntityMention")),
            (mention_node, vocab.sckg("mentionIn"), doc_node),
            (mention_node, vocab.sckg("mentionOf"), node),
            (mention_node, vocab.sckg("mentionStart"), Literal(str(mention.start), datatype=vocab.XSD_INTEGER)),
            (mention_node, vocab.sckg("mentionEnd"), Literal(str(mention.end), datatype=vocab.XSD_INTEGER)),
            (mention_node, vocab.sckg("surface"), Literal(mention.surface, language=lang)),
        ]
    return own, registry


def describe_entity(entity: Entity) -> set[tuple]:
    """What the gazetteer says of one actor, plus the States it points to (hosts, successors)."""
    from pyoxigraph import Literal, NamedNode

    from sckg import vocab

    node = entity_node(entity)
    triples = {(node, vocab.RDF_TYPE, vocab.sckg(entity_class(entity)))}
    for language, labels in (("en", entity.labels_en), ("zh", entity.labels_zh)):
        for number, label in enumerate(labels):
            text = Literal(label, language=language)
            if number == 0:
                triples |= {(node, vocab.RDFS_LABEL, text), (node, vocab.PREF_LABEL, text)}
            else:
                triples.add((node, vocab.ALT_LABEL, text))
    if entity.kind != "person":
        triples.add((node, NamedNode(vocab.DCTERMS + "identifier"), Literal(entity.key)))
    for prop, value in (("iso3166Alpha2", entity.iso_alpha2), ("iso3166Alpha3", entity.iso_alpha3),
                        ("iso3166Numeric", entity.iso_numeric), ("iso3166Part3Code", entity.iso_3166_3)):
        if value:
            triples.add((node, vocab.sckg(prop), Literal(value)))
    for prop, year in (("startYear", entity.start_year), ("endYear", entity.end_year)):
        if year:
            triples.add((node, vocab.sckg(prop), Literal(str(year), datatype=NamedNode(vocab.XSD + "gYear"))))
    gazetteer = load_gazetteer()
    for prop, codes in ((vocab.sckg("hostCountry"), entity.hosts), (NamedNode(vocab.DCTERMS + "isReplacedBy"), entity.replaced_by)):
        for code in codes:
            state = gazetteer.state(code)
            if state is not None:  # a host that is no State (Western Sahara, Kosovo) is left to the label
                triples.add((node, prop, entity_node(state)))
                triples |= describe_entity(state)
    return triples
