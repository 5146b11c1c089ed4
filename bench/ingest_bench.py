"""Ingest benchmark: the whole shared corpus into a fresh store, end to end.

Prints documents/s and triples/s for the full corpus, and the peak memory of
runs over a quarter, a half and all of it, so that growth with corpus size shows.
Each run is a fresh `sckg ingest` process (the wall time includes start-up).

    python bench/ingest_bench.py [--corpus ../shared/corpus] [--jobs N]
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_ingest(files: list[Path], jobs: int | None) -> dict[str, float]:
    """One fresh `sckg ingest` over `files` (copied to a temp folder); time, triples and peak RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for path in files:
            shutil.copy(path, corpus / path.name)
        command = [sys.executable, "-m", "sckg.cli", "ingest", str(corpus), "--store", str(Path(tmp) / "store")]
        if jobs:
            command += ["--jobs", str(jobs)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True)
        seconds = time.perf_counter() - started
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    triples = int(re.search(r"triples written: (\d+)", result.stdout)[1])
    documents = int(re.search(r"documents: (\d+) ingested", result.stdout)[1])
    return {"documents": documents, "seconds": seconds, "triples": triples, "peak_mib": max(peak_kib, before) / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    files = sorted(args.corpus.glob("zh/*.txt")) + sorted(args.corpus.glob("en/*.txt"))
    if not files:
        sys.exit(f"no corpus at {args.corpus}")
    # Peak memory is a high-water mark per process tree, so the sizes run smallest first.
    print(f"{'files':>6} {'seconds':>8} {'docs/s':>8} {'triples/s':>10} {'peak MiB':>9}")
    for share in (4, 2, 1):
        subset = files[: len(files) // share]
        figures = run_ingest(subset, args.jobs)
        print(
            f"{figures['documents']:>6} {figures['seconds']:>8.2f} {figures['documents'] / figures['seconds']:>8.0f}"
            f" {figures['triples'] / figures['seconds']:>10.0f} {figures['peak_mib']:>9.0f}"
        )


if __name__ == "__main__":
    main()
