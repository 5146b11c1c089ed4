"""Scores extraction against the hand-made gold annotations in tests/gold/.

Run as a script for the figures: `python tests/gold_scores.py` (shared corpus beside the repo).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.extract import extract_file  # noqa: E402

GOLD = ROOT / "tests" / "gold"
# Gold sets and the folder their texts are in; "heldout" was annotated after the rules were
# written and is never looked at while changing them (tests/gold/README.md).
SOURCES = {
    "zh": ROOT / "corpus" / "zh",
    "en": ROOT.parent / "shared" / "corpus" / "en",
    "heldout": ROOT.parent / "shared" / "corpus" / "en",
}
RELATIONS = ("reaffirms", "recalls", "cites")


@dataclass
class Scores:
    true_positive: Counter = field(default_factory=Counter)
    false_positive: Counter = field(default_factory=Counter)
    false_negative: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)  # one line per wrong or missed edge
    metadata_errors: list[str] = field(default_factory=list)

    def precision(self, relation: str) -> float:
        found = self.true_positive[relation] + self.false_positive[relation]
        return self.true_positive[relation] / found if found else 1.0

    def recall(self, relation: str) -> float:
        expected = self.true_positive[relation] + self.false_negative[relation]
        return self.true_positive[relation] / expected if expected else 1.0

    def table(self) -> str:
        lines = [f"{'relation':<10} {'gold':>5} {'found':>5} {'precision':>9} {'recall':>7}"]
        for relation in (*RELATIONS, "all"):
            keys = RELATIONS if relation == "all" else (relation,)
            tp = sum(self.true_positive[k] for k in keys)
            fp = sum(self.false_positive[k] for k in keys)
            fn = sum(self.false_negative[k] for k in keys)
            precision = tp / (tp + fp) if tp + fp else 1.0
            recall = tp / (tp + fn) if tp + fn else 1.0
            lines.append(f"{relation:<10} {tp + fn:>5} {tp + fp:>5} {precision:>9.3f} {recall:>7.3f}")
        return "\n".join(lines)


def gold_files(gold_set: str) -> list[Path]:
    return sorted((GOLD / gold_set).glob("*.json"))


def score(gold_set: str) -> Scores:
    scores = Scores()
    for gold_path in gold_files(gold_set):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        extraction = extract_file(SOURCES[gold_set] / gold["file"])
        expected = {(c["target"], c["relation"]) for c in gold["citations"]}
        found = {(c.target, c.relation) for c in extraction.citations if c.target}  # unresolved date references have no gold
        for target, relation in found & expected:
            scores.true_positive[relation] += 1
        for target, relation in found - expected:
            scores.false_positive[relation] += 1
            scores.errors.append(f"{gold['file']}: false {relation} {target}")
        for target, relation in expected - found:
            scores.false_negative[relation] += 1
            scores.errors.append(f"{gold['file']}: missed {relation} {target}")
        identity = extraction.identity
        found_meta = {
            "symbol": identity.symbol,
            "issued": identity.issued.isoformat() if identity.issued else None,
            "meeting": identity.meeting,
        }
        for key, value in found_meta.items():
            if gold.get(key) != value:
                scores.metadata_errors.append(f"{gold['file']}: {key} {value!r}, gold {gold.get(key)!r}")
    return scores


def main() -> None:
    for gold_set in SOURCES:
        scores = score(gold_set)
        print(f"== {gold_set}: {len(gold_files(gold_set))} documents")
        print(scores.table())
        for line in scores.errors + scores.metadata_errors:
            print("  ", line)


if __name__ == "__main__":
    main()
