"""Shared fixtures: the corpora and a real on-disk store ingested from them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.pipeline import ingest_paths
from sckg.store import GraphStore

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "zh"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


def shared_corpus(part: str) -> Path:
    """A folder of the shared corpus; in CI a missing corpus fails the test instead of skipping it."""
    folder = SHARED_CORPUS / part
    if not folder.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the shared corpus is missing: {folder}")
        pytest.skip(f"the shared corpus is not here: {folder}")
    return folder


@pytest.fixture(scope="session")
def english_corpus() -> Path:
    return shared_corpus("en")


@pytest.fixture(scope="session")
def full_store(tmp_path_factory, english_corpus) -> GraphStore:
    """The seeds and the whole English corpus, ingested once into a store on disk."""
    store = GraphStore(tmp_path_factory.mktemp("full") / "store")
    summary = ingest_paths(store, [SEEDS, english_corpus])
    assert not summary.rejected, summary.report()
    return store


def run_sckg(*args: str, env: dict | None = None, check: bool = False) -> subprocess.CompletedProcess:
    """The real command line, in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "sckg.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        check=check,
        timeout=600,
    )
