"""Files to store: walk the paths, skip unchanged files, extract, write in transactional batches."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import click

from ingest.errors import RejectedFile
from ingest.extract import extract_file
from ingest.rdf import to_graph_write
from sckg import vocab
from sckg.store import GraphStore, GraphWrite, Resolution

PARALLEL_THRESHOLD = 32  # below this, starting worker processes costs more than it saves
# Files extracted but not yet written, at most: writing is the slower half, and without a bound
# the workers' results would pile up in memory, which would then grow with the corpus.
IN_FLIGHT = 96

# Folders are searched for the plain text the UN's PDFs are extracted to; a file
# named on the command line is always tried, whatever its name.
TEXT_SUFFIXES = {".txt"}


@dataclass
class IngestSummary:
    ingested: int = 0
    unchanged: int = 0
    citations: Counter = field(default_factory=Counter)
    cited_documents: set[str] = field(default_factory=set)
    ingested_symbols: set[str] = field(default_factory=set)
    rejected: list[RejectedFile] = field(default_factory=list)
    triples: int = 0
    resolution: Resolution | None = None  # what the store resolved across files at the end of the run

    @property
    def unresolved(self) -> set[str]:
        """Cited documents whose text was not among the ingested files."""
        return self.cited_documents - self.ingested_symbols

    def report(self) -> str:
        relations = ", ".join(f"{self.citations[r]} {r}" for r in vocab.RELATIONS)
        lines = [
            f"documents: {self.ingested} ingested, {self.unchanged} unchanged, {len(self.rejected)} rejected",
            f"citations: {sum(self.citations.values())} ({relations})",
            f"cited documents not ingested (unresolved): {len(self.unresolved)}",
            f"triples written: {self.triples}",
        ]
        if self.resolution:
            lines.append(
                f"references by date alone: {self.resolution.resolved} resolved across files, "
                f"{self.resolution.unresolved} unresolved; documents named by their date: {self.resolution.merged}"
            )
        lines += [f"  rejected {error.path}: {error.reason}" for error in self.rejected]
        return "\n".join(lines)


def source_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and the text files inside folders (recursively, hidden ones skipped)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES and not any(
                    part.startswith(".") for part in relative.parts
                ):
                    yield child
        else:
            yield path


def ingest_paths(
    store: GraphStore,
    paths: Iterable[Path],
    *,
    encoding: str | None = None,
    batch_size: int = 64,
    jobs: int | None = None,
    progress: bool = False,
    log: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Ingest files into `store`; each batch of `batch_size` files is one transaction (`log` hears of each)."""
    summary = IngestSummary()
    known_hashes = store.source_hashes()
    files = _changed_files(source_files(paths), known_hashes, summary)
    batch: list[GraphWrite] = []
    with _extractor(jobs, len(files)) as extract_all, click.progressbar(
        length=len(files), label="ingesting", file=None if progress else _Silent()
    ) as bar:
        for outcome in extract_all(_extract_one, [(path, encoding) for path in files]):
            bar.update(1)
            if isinstance(outcome, RejectedFile):
                summary.rejected.append(outcome)
                continue
            _count(outcome, summary)
            batch.append(outcome.write)
            if len(batch) >= batch_size:
                _flush(store, batch, summary, log)
    _flush(store, batch, summary, log)
    store.refresh_context_classes()  # before resolving: a reference by date is resolved by class and date
    summary.resolution = store.resolve_references()
    store.prune_registry()
    return summary


@dataclass
class _Extracted:
    """What a worker sends back for one file: the write and the figures for the summary."""

    write: GraphWrite
    relations: list[str]
    targets: list[str]
    symbol: str | None


def _extract_one(args: tuple[Path, str | None]) -> _Extracted | RejectedFile:
    path, encoding = args
    try:
        extraction = extract_file(path, encoding)
    except RejectedFile as error:
        return error
    return _Extracted(
        write=to_graph_write(extraction),
        relations=[c.relation for c in extraction.citations],
        targets=[c.target for c in extraction.citations if c.target],
        symbol=extraction.identity.symbol,
    )


def _count(extracted: _Extracted, summary: IngestSummary) -> None:
    summary.ingested += 1
    summary.citations.update(extracted.relations)
    summary.cited_documents.update(extracted.targets)
    if extracted.symbol:
        summary.ingested_symbols.add(extracted.symbol)


def _changed_files(files: Iterable[Path], known_hashes: dict[str, str], summary: IngestSummary) -> list[Path]:
    """The files to extract: new or changed ones; duplicates by name are rejected, unchanged ones counted."""
    seen_names: dict[str, Path] = {}
    changed = []
    for path in files:
        try:
            if path.name in seen_names:
                raise RejectedFile(path, f"another file with the same name ({seen_names[path.name]}) is in this run")
            seen_names[path.name] = path
            if known_hashes.get(vocab.graph_iri(path.name).value) == _file_hash(path):
                summary.unchanged += 1
            else:
                changed.append(path)
        except RejectedFile as error:
            summary.rejected.append(error)
    return changed


@contextmanager
def _extractor(jobs: int | None, file_count: int):
    """A map over files: worker processes for a large run (extraction is CPU-bound), in-process otherwise."""
    jobs = jobs or os.cpu_count() or 1
    if jobs < 2 or file_count < PARALLEL_THRESHOLD:
        yield map
        return
    # fork: workers inherit the loaded spaCy and language tables instead of loading them again.
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield lambda function, items: _bounded_imap(pool, function, items, IN_FLIGHT)


def _bounded_imap(pool, function, items, window: int) -> Iterator:
    """pool.imap with at most `window` items handed out and not yet taken back by the caller."""
    slots = threading.Semaphore(window)

    def handed_out():
        for item in items:
            slots.acquire()  # blocks the pool's feeder thread, not the caller
            yield item

    for result in pool.imap(function, handed_out(), chunksize=8):
        slots.release()
        yield result


def _flush(store: GraphStore, batch: list[GraphWrite], summary: IngestSummary, log: Callable[[str], None] | None) -> None:
    if batch:
        store.replace_graphs(batch)
        # Oxigraph keeps written data in RocksDB's memtables until they are flushed; unflushed,
        # the process grew by ~20 MiB a batch (to ~400 MiB on the shared corpus). Flushing each
        # batch keeps memory flat and costs no time overall: the same data is flushed at the end anyway.
        store.flush()
        summary.triples += sum(w.triple_count for w in batch)
        if log:
            log(f"committed {len(batch)} files ({summary.ingested} so far)")
        batch.clear()


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as error:
        raise RejectedFile(path, f"cannot be read ({error.strerror})") from error


class _Silent:
    """A sink for the progress bar when standard error is not a terminal."""

    def write(self, _text: str) -> None:
        pass

    def flush(self) -> None:
        pass
