"""Raw text to normalised text: the one string every offset in the graph refers to.

PDF extraction breaks lines inside words and symbols, repeats page headers inside
sentences and puts footnotes between the halves of a sentence. Normalisation
(1) folds full-width digits, letters and brackets to ASCII, (2) drops page
furniture, (3) re-joins broken lines into paragraphs and (4) moves footnotes to
the end, each as its own paragraph. Paragraphs are separated by a blank line.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ingest.lang import Language

# Full-width ASCII (digits, letters, brackets, slash, hyphen...) to ASCII; Chinese
# punctuation such as "，" and "。" is left alone because it carries meaning.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if chr(code) not in "，。；：！？"}
_FULLWIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20, 0x202F: 0x20})
_DROP = {0xFEFF: None, 0x200B: None, 0x200C: None, 0x200D: None, 0x00AD: None, 0xFFFD: None}
_SUBJECT_HEADER = re.compile(r"^%%%(?P<terms>.*)$")
_SYMBOL_ONLY = re.compile(r"[ASE]/[A-Z0-9/ ().]+")
_BROKEN_WORD = re.compile(r"(?<=[a-z])-$")
_SPACES = re.compile(r"[ \t]+")
_CJK_CHAR = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》（）]")


@dataclass
class Footnote:
    mark: str
    start: int  # offset of the footnote paragraph in the normalised text
    end: int


@dataclass
class NormalisedText:
    text: str
    paragraphs: list[tuple[int, int]]  # (start, end) of every paragraph, footnotes included
    footnotes: list[Footnote] = field(default_factory=list)
    subject_terms: list[str] = field(default_factory=list)  # UNBIS keywords of a "%%%" header line

    def paragraph_at(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the paragraph holding `offset`."""
        index = bisect.bisect_right(self.paragraphs, (offset, len(self.text) + 1)) - 1
        return self.paragraphs[max(index, 0)] if self.paragraphs else (0, len(self.text))


def fold_characters(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_FULLWIDTH).translate(_DROP)


def normalise(raw: str, lang: Language) -> NormalisedText:
    lines = fold_characters(raw).split("\n")
    subject_terms: list[str] = []
    if lines and (match := _SUBJECT_HEADER.match(lines[0].strip())):
        subject_terms = [t.strip() for t in match["terms"].split("|") if t.strip()]
        lines = lines[1:]
    body, notes = _separate_footnotes(lines, lang)
    paragraphs = _join_lines(body, lang)
    return _assemble(paragraphs, notes, subject_terms)


def _is_furniture(line: str, lang: Language, seen_symbol_lines: set[str]) -> bool:
    if lang.furniture.match(line):
        return True
    # A line holding only a symbol is the document's header the first time, a running page header after.
    stripped = line.strip()
    if _SYMBOL_ONLY.fullmatch(stripped):
        if stripped in seen_symbol_lines:
            return True
        seen_symbol_lines.add(stripped)
    return False


def _separate_footnotes(lines: list[str], lang: Language) -> tuple[list[str], list[tuple[str, str]]]:
    """Split lines into body lines (furniture dropped) and footnotes (mark, text)."""
    body: list[str] = []
    notes: list[tuple[str, str]] = []
    seen: set[str] = set()
    in_trailing_notes = False
    after_adoption = seen_operative = False
    for line in lines:
        if _is_furniture(line, lang, seen):
            continue
        if match := lang.footnote_line.match(line):
            notes.append((match["mark"], match["text"].strip()))
            continue
        trailing = lang.trailing_footnote_line
        # Old printed volumes put numbered notes after the adoption line, without a slash.
        if trailing and (in_trailing_notes or after_adoption) and (match := trailing.match(line)):
            in_trailing_notes = True
            notes.append((match["mark"], match["text"].strip()))
            continue
        if in_trailing_notes and line.strip() and notes:
            mark, text = notes[-1]
            notes[-1] = (mark, f"{text} {line.strip()}")
            continue
        body.append(line)
        # Once a resolution says, after its operative paragraphs, how it was adopted, only its notes follow.
        seen_operative = seen_operative or _OPERATIVE_LINE.match(line) is not None
        after_adoption = after_adoption or (seen_operative and _ADOPTION_LINE.match(line) is not None)
    return body, notes


# The line that closes a resolution in the printed volumes.
_ADOPTION_LINE = re.compile(r"\s*(?:Adopted|Approved)\b")
_OPERATIVE_LINE = re.compile(r"\s*\d{1,3}\s*[.,]\s+[A-Z]")


def _join_lines(lines: list[str], lang: Language) -> list[str]:
    paragraphs: list[list[str]] = []
    blank_before = False
    width = _typical_width(lines)
    previous_line = ""
    for line in lines:
        if not line.strip():
            blank_before = True
            continue
        piece = _SPACES.sub(" ", line.strip())
        if paragraphs and _continues(paragraphs[-1][-1], previous_line, line, blank_before, width, lang):
            pieces = paragraphs[-1]
            if _BROKEN_WORD.search(pieces[-1]) and piece[:1].islower():
                pieces[-1] = pieces[-1][:-1]  # "Au-" + "gust": a word broken at the line end
            pieces.append(_joiner(pieces[-1], piece) + piece)
        else:
            paragraphs.append([piece])
        blank_before = False
        previous_line = line
    return ["".join(pieces) for pieces in paragraphs]


def _typical_width(lines: list[str]) -> int:
    """The width of a full line of the page: wrapped lines are about this long, last lines shorter."""
    widths = sorted(len(line.strip()) for line in lines if line.strip())
    return widths[int(len(widths) * 0.8)] if widths else 0


def _continues(previous: str, previous_line: str, line: str, blank_before: bool, width: int, lang: Language) -> bool:
    """Whether `line` carries on the paragraph `previous` (a broken line) or starts a new one."""
    if lang.paragraph_opener.match(line):
        return False
    last = previous.rstrip()[-1]
    first = line.lstrip()[0]
    if lang.code == "zh":
        # Chinese PDF text puts a blank line after every line: a new paragraph is indented,
        # or follows a line that stopped well short of the page width (a heading, a signature).
        return not line[:1].isspace() and len(previous_line.strip()) >= 0.6 * width
    if not blank_before:
        return True
    # A blank line in English text ends a paragraph, unless it falls inside a sentence (a page break).
    return last not in lang.data.TERMINAL and (first.islower() or first == "(")


def _joiner(previous: str, line: str) -> str:
    """What goes between two halves of a broken line: nothing after a hyphen or around Chinese, else a space."""
    last, first = previous[-1], line[0]
    if last == "-" or _CJK_CHAR.match(last) or _CJK_CHAR.match(first):
        return ""
    return " "


def _assemble(paragraphs: list[str], notes: list[tuple[str, str]], subject_terms: list[str]) -> NormalisedText:
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    footnotes: list[Footnote] = []
    offset = 0
    for index, paragraph in enumerate(paragraphs + [f"{m}/ {t}" for m, t in notes]):
        spans.append((offset, offset + len(paragraph)))
        if index >= len(paragraphs):
            footnotes.append(Footnote(notes[index - len(paragraphs)][0], offset, offset + len(paragraph)))
        parts.append(paragraph)
        offset += len(paragraph) + 2
    return NormalisedText("\n\n".join(parts), spans, footnotes, subject_terms)
