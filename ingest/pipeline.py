"""Files to store: walk the paths, skip unchanged files, extract, write in transactional batches."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import click

from ingest.errors import RejectedFile
from ingest.extract import extract_file
from ingest.rdf import to_graph_write
from sckg import vocab
from sckg.store import GraphStore, GraphWrite

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
    progress: bool = False,
) -> IngestSummary:
    summary = IngestSummary()
    known_hashes = store.source_hashes()
    seen_names: dict[str, Path] = {}
    batch: list[GraphWrite] = []
    files = list(source_files(paths))
    with click.progressbar(files, label="ingesting", file=None if progress else _Silent()) as bar:
        for path in bar:
            write = _prepare(path, encoding, known_hashes, seen_names, summary)
            if write is not None:
                batch.append(write)
            if len(batch) >= batch_size:
                _flush(store, batch, summary)
    _flush(store, batch, summary)
    store.prune_registry()
    return summary


def _prepare(
    path: Path,
    encoding: str | None,
    known_hashes: dict[str, str],
    seen_names: dict[str, Path],
    summary: IngestSummary,
) -> GraphWrite | None:
    """The write for one file, or None when it is unchanged or rejected (recorded in the summary)."""
    try:
        if path.name in seen_names:
            raise RejectedFile(path, f"another file with the same name ({seen_names[path.name]}) is in this run")
        seen_names[path.name] = path
        graph = vocab.graph_iri(path.name).value
        digest = _file_hash(path)
        if known_hashes.get(graph) == digest:
            summary.unchanged += 1
            return None
        extraction = extract_file(path, encoding)
    except RejectedFile as error:
        summary.rejected.append(error)
        return None
    summary.ingested += 1
    summary.citations.update(c.relation for c in extraction.citations)
    summary.cited_documents.update(c.target for c in extraction.citations)
    if extraction.identity.symbol:
        summary.ingested_symbols.add(extraction.identity.symbol)
    return to_graph_write(extraction)


def _flush(store: GraphStore, batch: list[GraphWrite], summary: IngestSummary) -> None:
    if batch:
        store.replace_graphs(batch)
        summary.triples += sum(len(w.quads) + len(w.registry) for w in batch)
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
