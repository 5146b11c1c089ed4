"""Whole-graph dumps (/dump) and the citation network (/dump/network.csv, /dump/network.graphml).

Dumps are read from the current published snapshot and streamed: Oxigraph writes
into a bounded queue from a thread while the response drains it, so a dump is
never held in memory whole. The ETag and Last-Modified name the snapshot, so
they change exactly when an ingest publishes a new one.
"""

from __future__ import annotations

import datetime
import hashlib
import queue
import threading
import zlib
from pathlib import Path
from typing import Callable, Iterator

from flask import Blueprint, Response, request

from graph_server import network
from graph_server.settings import settings
from graph_server.sparql import text_response
from sckg.store import GraphStore, current_snapshot

bp = Blueprint("dumps", __name__)

DUMP_FORMATS = {  # format parameter -> (EXPORT_FORMATS key, media type, file extension)
    "nq": ("nq", "application/n-quads", "nq"),
    "nquads": ("nq", "application/n-quads", "nq"),
    "nt": ("nt", "application/n-triples", "nt"),
    "ntriples": ("nt", "application/n-triples", "nt"),
    "ttl": ("ttl", "text/turtle", "ttl"),
    "turtle": ("ttl", "text/turtle", "ttl"),
    "trig": ("trig", "application/trig", "trig"),
    "jsonld": ("jsonld", "application/ld+json", "jsonld"),
}
CHUNK = 64 * 1024


@bp.route("/dump")
def dump():
    fmt = request.args.get("format", "nq").lower()
    if fmt not in DUMP_FORMATS:
        return text_response(400, f"parameter 'format': unknown dump format {fmt!r}; use one of {', '.join(DUMP_FORMATS)}")
    gzip_wanted = _flag("gzip")
    snapshot = _snapshot()
    if snapshot is None:
        return text_response(503, "no published snapshot of the store yet (run `sckg ingest`)")
    export_key, media_type, extension = DUMP_FORMATS[fmt]
    graph = request.args.get("graph")
    tag = _etag(snapshot, fmt, graph or "", gzip_wanted)
    if _not_modified(tag, snapshot):
        return _with_validators(Response(status=304), tag, snapshot)
    store = GraphStore(snapshot, read_only=True)
    try:
        graph_node = store.graph_named(graph) if graph else None
    except KeyError as error:
        return text_response(404, f"parameter 'graph': {error.args[0]}")
    write = lambda out: store.export(out, export_key, graph_node)  # noqa: E731
    name = "sckg" + (f"-{_safe(graph)}" if graph else "") + f".{extension}"
    return _download(_stream(write), name, media_type, gzip_wanted, tag, snapshot)


@bp.route("/dump/network.csv")
def network_csv():
    return _network(network.csv_chunks, "sckg-citations.csv", "text/csv; charset=utf-8")


@bp.route("/dump/network.graphml")
def network_graphml():
    return _network(network.graphml_chunks, "sckg-citations.graphml", "application/graphml+xml")


def _network(chunks: Callable, name: str, media_type: str) -> Response:
    snapshot = _snapshot()
    if snapshot is None:
        return text_response(503, "no published snapshot of the store yet (run `sckg ingest`)")
    gzip_wanted = _flag("gzip")
    tag = _etag(snapshot, name, "", gzip_wanted)
    if _not_modified(tag, snapshot):
        return _with_validators(Response(status=304), tag, snapshot)
    store = GraphStore(snapshot, read_only=True)
    return _download(chunks(store), name, media_type, gzip_wanted, tag, snapshot)


# -- streaming ----------------------------------------------------------------------------


class _QueueWriter:
    """A file-like object Oxigraph writes into; full chunks go to a bounded queue."""

    def __init__(self, chunks: queue.Queue, cancelled: threading.Event):
        self.chunks, self.cancelled, self.buffer = chunks, cancelled, bytearray()

    def write(self, data) -> int:
        if self.cancelled.is_set():
            raise BrokenPipeError("the client went away")
        self.buffer += data
        if len(self.buffer) >= CHUNK:
            self._put(bytes(self.buffer))
            self.buffer.clear()
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if self.buffer:
            self._put(bytes(self.buffer))
            self.buffer.clear()

    def _put(self, chunk: bytes) -> None:
        while not self.cancelled.is_set():
            try:
                self.chunks.put(chunk, timeout=1)
                return
            except queue.Full:
                continue
        raise BrokenPipeError("the client went away")


_DONE = object()


def _stream(write: Callable) -> Iterator[bytes]:
    """Run `write(file)` in a thread and yield what it writes, with back-pressure (8 chunks)."""
    chunks: queue.Queue = queue.Queue(maxsize=8)
    cancelled = threading.Event()
    failure: list[BaseException] = []

    def produce():
        writer = _QueueWriter(chunks, cancelled)
        try:
            write(writer)
            writer.close()
        except BaseException as error:  # noqa: BLE001 - handed to the consumer
            failure.append(error)
        finally:
            while not cancelled.is_set():
                try:
                    chunks.put(_DONE, timeout=1)
                    break
                except queue.Full:
                    continue

    threading.Thread(target=produce, daemon=True).start()
    try:
        while (chunk := chunks.get()) is not _DONE:
            yield chunk
        if failure and not isinstance(failure[0], BrokenPipeError):
            raise failure[0]
    finally:
        cancelled.set()  # stops the writer if the client disconnected part way


def _gzipped(chunks: Iterator[bytes]) -> Iterator[bytes]:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)  # wbits 31: a gzip container
    for chunk in chunks:
        out = compressor.compress(chunk)
        if out:
            yield out
    yield compressor.flush()


def _download(chunks, name, media_type, gzip_wanted, tag, snapshot) -> Response:
    if gzip_wanted:
        chunks, name, media_type = _gzipped(chunks), name + ".gz", "application/gzip"
    response = Response(chunks, content_type=media_type, direct_passthrough=True)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return _with_validators(response, tag, snapshot)


# -- request details --------------------------------------------------------------------------


def _snapshot() -> Path | None:
    snapshot = current_snapshot(settings().store_path)
    return snapshot if snapshot is not None and snapshot.exists() else None


def _flag(name: str) -> bool:
    value = request.args.get(name, "").lower()
    return value in ("1", "true", "yes", "gzip")


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in "._-" else "_" for c in text.rsplit("/", 1)[-1])[:80]


def _etag(snapshot: Path, *parts) -> str:
    digest = hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:12]
    return f'"{snapshot.name}-{digest}"'


def _modified(snapshot: Path) -> datetime.datetime:
    # Snapshot names are the time_ns at which they were published.
    seconds = int(snapshot.name) // 1_000_000_000 if snapshot.name.isdigit() else int(snapshot.stat().st_mtime)
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.timezone.utc)


def _not_modified(tag: str, snapshot: Path) -> bool:
    if request.if_none_match:
        return request.if_none_match.contains_weak(tag.strip('"'))
    since = request.if_modified_since
    return since is not None and _modified(snapshot) <= since


def _with_validators(response: Response, tag: str, snapshot: Path) -> Response:
    response.headers["ETag"] = tag
    response.last_modified = _modified(snapshot)
    response.headers["Cache-Control"] = "no-cache"  # revalidate: the store may change at any time
    return response
