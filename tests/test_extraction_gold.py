"""Extraction against hand-made gold annotations (tests/gold/README.md explains how they were made)."""

from __future__ import annotations

import datetime as dt

import pytest

from gold_scores import RELATIONS, gold_files, score
from ingest.extract import extract_file

from conftest import SEEDS, shared_corpus


def test_every_reaffirms_and_recalls_edge_of_the_seeds_is_found_with_no_false_edge():
    scores = score("zh")
    for relation in ("reaffirms", "recalls"):
        assert scores.recall(relation) == 1.0, scores.errors
        assert scores.precision(relation) == 1.0, scores.errors
    assert scores.metadata_errors == []


@pytest.mark.parametrize("gold_set", ["en", "heldout"])
@pytest.mark.parametrize("relation", RELATIONS)
def test_english_samples_precision_and_recall_are_at_least_095(gold_set, relation):
    shared_corpus("en")
    assert len(gold_files(gold_set)) >= 30
    scores = score(gold_set)
    assert scores.precision(relation) >= 0.95, "\n".join(scores.errors)
    assert scores.recall(relation) >= 0.95, "\n".join(scores.errors)


def test_english_sample_metadata_matches_the_gold():
    shared_corpus("en")
    assert score("en").metadata_errors == []


def test_presidential_statement_2009_date_and_meeting():
    identity = extract_file(SEEDS / "003_71ee3118c768fd91.txt").identity
    assert (identity.doc_class, identity.issued, identity.meeting) == ("PresidentialStatement", dt.date(2009, 8, 5), 6178)


def test_resolution_1353_identity():
    identity = extract_file(SEEDS / "002_0b85769777cbff24.txt").identity
    assert (identity.symbol, identity.issued, identity.meeting) == ("S/RES/1353 (2001)", dt.date(2001, 6, 13), 4326)
