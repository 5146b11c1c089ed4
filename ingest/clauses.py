"""Which verb governs the clause a reference sits in.

A Security Council instrument is a string of clauses, each opened by a verb:
"Recalling its resolutions ..., Reaffirming ..., 1. Decides ...", "重申其 ... 又回顾 ...".
A reference belongs to the nearest clause-opening verb before it in its paragraph.
A verb opens a clause when it stands at the start of a paragraph or right after a
clause boundary ("," ";" "and" "，" "并" ...), adverbs ("also", "又") and the
Council as subject ("安理会") aside. Tokens come from spaCy's blank pipelines
(jieba for Chinese), so "回顾" inside another word never counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ingest.lang import Language

EN_SUBJECT_WORDS = {"the", "security", "council", "its", "members", "of", "president"}


@dataclass(frozen=True)
class ClauseVerb:
    start: int  # offset within the paragraph text
    end: int
    relations: tuple[str, ...]  # "reaffirms", "recalls" or "cites"; two for "Recalling and reaffirming"
    text: str  # the verb as printed, with its modifiers ("Recalling also", "又回顾")


@dataclass(frozen=True)
class _Lexicon:
    relation_of: dict[str, str]
    modifiers: frozenset[str]
    boundaries: frozenset[str]
    subjects: frozenset[str]
    coordinators: frozenset[str]


@cache
def _lexicon(lang: Language) -> _Lexicon:
    data = lang.data
    relation_of = {word: "cites" for word in data.OTHER_VERBS}
    for relation, words in data.RELATION_VERBS.items():
        relation_of.update({word: relation for word in words})
    subjects = set(getattr(data, "SUBJECTS", ())) | (EN_SUBJECT_WORDS if lang.code == "en" else set())
    return _Lexicon(
        relation_of,
        frozenset(data.VERB_MODIFIERS),
        frozenset(data.CLAUSE_BOUNDARIES),
        frozenset(subjects),
        frozenset(data.COORDINATORS),
    )


def clause_verbs(paragraph: str, lang: Language) -> list[ClauseVerb]:
    """The clause-opening verbs of a paragraph, in order."""
    lexicon = _lexicon(lang)
    tokens = [t for t in lang.nlp().make_doc(paragraph) if not t.is_space]
    words = [t.text.lower() for t in tokens]
    verbs: list[ClauseVerb] = []
    verb_ends: list[int] = []  # index of the last token of each verb in `verbs`
    opener = _paragraph_opener(tokens, lexicon) if lang.code == "en" else None
    for i, word in enumerate(words):
        relation = lexicon.relation_of.get(word)
        if i == opener and relation is None:
            relation = "cites"
        if relation is None or not _opens_clause(words, i, lexicon):
            continue
        first, last = _with_modifiers(words, i, lexicon)
        start, end = tokens[first].idx, tokens[last].idx + len(tokens[last].text)
        if verbs and first >= 2 and words[first - 1] in lexicon.coordinators and verb_ends[-1] == first - 2:
            # "Recalling and reaffirming its resolutions ...": one clause, both relations.
            previous = verbs.pop()
            relations = tuple(dict.fromkeys(r for r in (*previous.relations, relation) if r != "cites")) or ("cites",)
            verbs.append(ClauseVerb(previous.start, end, relations, paragraph[previous.start : end]))
        else:
            verbs.append(ClauseVerb(start, end, (relation,), paragraph[start:end]))
            verb_ends.append(last)
        verb_ends[-1] = last
    return verbs


_NUMBERING = re.compile(r"^\(?(?:\d{1,3}|[a-z]{1,4}|[A-Z])[.)]?$")


def _paragraph_opener(tokens, lexicon: _Lexicon) -> int | None:
    """In English, the capitalised word opening a paragraph is its clause verb, listed or not ("5. Entrusts")."""
    for i, token in enumerate(tokens[:4]):
        if _NUMBERING.match(token.text) or token.is_punct:
            continue
        word = token.text.lower()
        if token.is_alpha and token.text[0].isupper() and word not in lexicon.subjects:
            return i
        return None
    return None


def _opens_clause(words: list[str], i: int, lexicon: _Lexicon) -> bool:
    j = i - 1
    while j >= 0 and (words[j] in lexicon.modifiers or words[j] in lexicon.subjects):
        j -= 1
    return j < 0 or words[j] in lexicon.boundaries or (j == 0 and bool(_NUMBERING.match(words[0])))


def _with_modifiers(words: list[str], i: int, lexicon: _Lexicon) -> tuple[int, int]:
    first, last = i, i
    while first > 0 and words[first - 1] in lexicon.modifiers:
        first -= 1
    while last + 1 < len(words) and words[last + 1] in lexicon.modifiers:
        last += 1
    return first, last


def governing_verb(verbs: list[ClauseVerb], offset: int) -> ClauseVerb | None:
    """The clause verb that governs a reference starting at `offset` in the paragraph."""
    governing = None
    for verb in verbs:
        if verb.start >= offset:
            break
        governing = verb
    return governing
