"""Language data, one module per language (like spacy/lang/), compiled once for the engine."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from ingest.lang import en, zh

MODULES: dict[str, ModuleType] = {"en": en, "zh": zh}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Language:
    """A language's tables with their regular expressions compiled."""

    code: str
    data: ModuleType
    date: re.Pattern
    furniture: re.Pattern  # any one of the language's page-furniture lines
    paragraph_opener: re.Pattern
    footnote_line: re.Pattern
    trailing_footnote_line: re.Pattern | None
    self_reference: re.Pattern
    type_hints: tuple[tuple[re.Pattern, str], ...]

    def nlp(self):
        return _nlp(self.code)

    def date_of(self, match: re.Match) -> dt.date | None:
        """The date a match of a DATE pattern (groups day, month, year) names, or None if impossible."""
        month = match["month"]
        number = int(month) if month.isdigit() else self.data.MONTHS[month.lower()]
        try:
            return dt.date(int(match["year"]), number, int(match["day"]))
        except ValueError:
            return None


def detect_language(text: str) -> str:
    """"zh" when Chinese characters outnumber a third of the Latin letters, else "en"."""
    sample = text[:20000]
    cjk = len(_CJK.findall(sample))
    return "zh" if cjk * 3 > len(_LATIN.findall(sample)) else "en"


@cache
def get(code: str) -> Language:
    data = MODULES[code]
    return Language(
        code=code,
        data=data,
        date=re.compile(data.DATE, re.IGNORECASE),
        furniture=re.compile("|".join(f"(?:{p})" for p in data.FURNITURE)),
        paragraph_opener=re.compile(data.PARAGRAPH_OPENER),
        footnote_line=re.compile(data.FOOTNOTE_LINE),
        trailing_footnote_line=re.compile(data.TRAILING_FOOTNOTE_LINE) if data.TRAILING_FOOTNOTE_LINE else None,
        self_reference=re.compile(data.SELF_REFERENCE, re.IGNORECASE),
        type_hints=tuple((re.compile(p, re.IGNORECASE), cls) for p, cls in data.TYPE_HINTS),
    )


@cache
def _nlp(code: str):
    """A blank spaCy pipeline (tokenizer only): no model is downloaded, ever."""
    import spacy

    if code == "zh":
        import jieba

        jieba.setLogLevel(60)  # its start-up chatter is not ours to print
        return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    return spacy.blank(code)
