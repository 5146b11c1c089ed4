"""Query worker processes that can be killed: the only way to stop an Oxigraph query.

pyoxigraph's `Store.query` has no timeout and no cancellation, so every query
runs in a worker process. The server hands a job to an idle worker and waits at
most the time limit; a worker that has not answered by then is killed and a
fresh one started in the background, and the client gets 503.

Workers read published snapshots only (see sckg.store.publish_snapshot): before
each job a worker looks at `<store>.snapshots/CURRENT` and, if it moved, opens
the new snapshot read-only. A snapshot is a consistent checkpoint, so a reader
never sees half a document, and new documents appear without a restart.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import queue
import select
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, QueryBoolean, QuerySolutions

from graph_server import negotiate, results
from sckg.store import GraphStore, current_snapshot, snapshots_dir

log = logging.getLogger(__name__)

# Spawned (not forked) children: the server process runs threads, and forking a
# threaded process can copy a held lock into the child.
_CONTEXT = multiprocessing.get_context("spawn")


@dataclass
class QueryJob:
    query: str
    format_param: str | None = None
    accept: str | None = None
    default_graphs: list[str] | None = None
    named_graphs: list[str] | None = None
    # variable name -> encoded term, see encode_term
    substitutions: dict[str, tuple] = field(default_factory=dict)
    max_rows: int = 100_000
    max_bytes: int = 64 * 1024 * 1024


@dataclass
class Reply:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


class QueryTimeout(Exception):
    """The query ran past the time limit; its worker was killed."""


class PoolBusy(Exception):
    """Every worker is taken and the wait for one ran out (or too many are waiting)."""


class WorkerCrashed(Exception):
    """The worker died while running the query (out of memory, a crash in Oxigraph)."""


# -- terms across the process boundary ------------------------------------------------


def encode_term(term) -> tuple:
    if isinstance(term, NamedNode):
        return ("iri", term.value)
    return ("literal", term.value, term.datatype.value if not term.language else None, term.language)


def decode_term(encoded: tuple):
    if encoded[0] == "iri":
        return NamedNode(encoded[1])
    _, value, datatype, language = encoded
    if language:
        return Literal(value, language=language)
    return Literal(value, datatype=NamedNode(datatype))


# -- inside a worker ------------------------------------------------------------------


class SnapshotReader:
    """The newest published snapshot of a store, reopened whenever CURRENT moves."""

    def __init__(self, store_path: Path):
        self.store_path = Path(store_path)
        self.pointer = os.fspath(snapshots_dir(self.store_path) / "CURRENT")
        self.pointer_seen: tuple | None = None
        self.opened: Path | None = None
        self.store: GraphStore | None = None

    def current(self) -> GraphStore:
        # One stat per query; CURRENT is only read when it was replaced (publishing renames
        # a new file over it, so its inode and times change).
        try:
            info = os.stat(self.pointer)
        except FileNotFoundError:
            info = None
        seen = info and (info.st_ino, info.st_mtime_ns, info.st_ctime_ns, info.st_size)
        if seen is None or seen != self.pointer_seen:
            self._open(current_snapshot(self.store_path))
            self.pointer_seen = seen
        return self.store

    def _open(self, snapshot: Path | None) -> None:
        if snapshot is None:
            raise FileNotFoundError(f"{self.store_path}: no published snapshot (run `sckg ingest`)")
        if snapshot != self.opened:
            self.store = GraphStore(snapshot, read_only=True)
            self.opened = snapshot


def execute_job(reader: SnapshotReader, job: QueryJob) -> Reply:
    """Run one query and write its results; errors become replies with their HTTP status."""
    try:
        store = reader.current()
        reply = _write(lambda: _run(store, job), job)
    except SyntaxError as error:
        return text_reply(400, f"malformed query: {error}")
    except negotiate.NotAcceptable as error:
        return text_reply(406, str(error))
    except FileNotFoundError as error:
        return text_reply(503, str(error))
    except (ValueError, RuntimeError) as error:  # e.g. a substitution the query cannot take
        return text_reply(400, f"query cannot be evaluated: {error}")
    except OSError as error:
        return text_reply(500, f"query failed: {error}")
    reply.headers["X-SCKG-Snapshot"] = reader.opened.name
    return reply


def _graphs(iris: list[str] | None):
    return None if iris is None else [NamedNode(i) for i in iris]


def _run(store: GraphStore, job: QueryJob):
    return store.query_dataset(
        job.query,
        default_graphs=_graphs(job.default_graphs),
        named_graphs=_graphs(job.named_graphs),
        substitutions={k: decode_term(v) for k, v in job.substitutions.items()} if job.substitutions else None,
    )


def _write(run, job: QueryJob) -> Reply:
    """Run the query (`run()`) and write its result in the negotiated format, within the caps."""
    outcome = run()
    if isinstance(outcome, QuerySolutions):
        kind = negotiate.SOLUTIONS
    elif isinstance(outcome, QueryBoolean):
        kind = negotiate.BOOLEAN
    else:
        kind = negotiate.GRAPH
    fmt = negotiate.choose(kind, job.format_param, job.accept)
    if kind == negotiate.SOLUTIONS:
        written = results.write_solutions_native(outcome, fmt.name, job.max_rows, job.max_bytes)
        if written is None:  # over the byte cap: run again and write row by row, stopping at the cap
            outcome = run()
            variables = [v.value for v in outcome.variables]
            written = results.write_solutions(outcome, variables, fmt.name, job.max_rows, job.max_bytes)
    elif kind == negotiate.BOOLEAN:
        written = results.write_boolean(outcome, fmt.name)
    else:
        written = results.write_triples(outcome, fmt.name, job.max_rows, job.max_bytes)
    headers = {"X-SCKG-Result-Rows": str(written.rows)}
    if written.truncated:
        # Reported in a header so the body stays a standard results document.
        headers["X-SCKG-Truncated"] = written.truncated
    charset = "; charset=utf-8" if fmt.media_type.startswith("text/") else ""
    return Reply(200, fmt.media_type + charset, written.body, headers)


def text_reply(status: int, message: str, headers: dict[str, str] | None = None) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), headers or {})


# Jobs and replies cross the pipe as pickled plain tuples and dicts: cheaper to pickle than
# dataclass instances, and Connection.send's pickler (which copies the copyreg table on
# every call) is skipped.
_PROTOCOL = pickle.HIGHEST_PROTOCOL


def _job_message(job: QueryJob) -> bytes:
    return pickle.dumps(vars(job), _PROTOCOL)


def _reply_message(reply: Reply) -> bytes:
    return pickle.dumps((reply.status, reply.content_type, reply.body, reply.headers), _PROTOCOL)


def worker_main(conn, store_path: str) -> None:
    reader = SnapshotReader(Path(store_path))
    conn.send_bytes(b"ready")
    while True:
        try:
            job = QueryJob(**pickle.loads(conn.recv_bytes()))
        except (EOFError, OSError):
            return  # the server went away
        conn.send_bytes(_reply_message(execute_job(reader, job)))


# -- in the server ------------------------------------------------------------------


class _Worker:
    def __init__(self, store_path: Path):
        self.conn, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=worker_main, args=(child, str(store_path)), daemon=True)
        self.process.start()
        child.close()
        # One poll object per worker, reused: Connection.poll builds a selector on every call.
        self._poller = select.poll()
        self._poller.register(self.conn.fileno(), select.POLLIN)

    def wait_ready(self, timeout: float) -> bool:
        return self.readable(timeout) and self.conn.recv_bytes() == b"ready"

    def readable(self, timeout: float) -> bool:
        """Whether the worker has written something (a reply, or EOF as it died) within `timeout` seconds."""
        return bool(self._poller.poll(max(0, int(timeout * 1000))))

    def ask(self, job: QueryJob, timeout: float) -> Reply | None:
        """The worker's reply to `job`, or None if it has not answered within `timeout` seconds."""
        self.conn.send_bytes(_job_message(job))
        if not self.readable(timeout):
            return None
        status, content_type, body, headers = pickle.loads(self.conn.recv_bytes())
        return Reply(status, content_type, body, headers)

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """A fixed number of worker processes; at most that many queries run at once."""

    def __init__(
        self,
        store_path: Path,
        size: int = 4,
        query_timeout: float = 30.0,
        queue_timeout: float = 30.0,
        max_waiting: int = 64,
    ):
        self.store_path = Path(store_path)
        self.size = size
        self.query_timeout = query_timeout
        self.queue_timeout = queue_timeout
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._waiting = threading.BoundedSemaphore(size + max_waiting)
        self._closed = False
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        starting = [self._start_worker() for _ in range(size)]
        for worker in starting:
            self._await_ready(worker)

    def run(self, job: QueryJob) -> Reply:
        if not self._waiting.acquire(blocking=False):
            raise PoolBusy(f"too many queries waiting (more than {self.size} running and queued)")
        try:
            worker = self._take_worker()
            return self._run_on(worker, job)
        finally:
            self._waiting.release()

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            worker.kill()

    def _take_worker(self) -> _Worker:
        try:
            return self._idle.get(timeout=self.queue_timeout)
        except queue.Empty:
            raise PoolBusy(
                f"all {self.size} query workers stayed busy for {self.queue_timeout:g} s"
            ) from None

    def _run_on(self, worker: _Worker, job: QueryJob) -> Reply:
        started = time.monotonic()
        try:
            reply = worker.ask(job, self.query_timeout)
            if reply is not None:
                self._idle.put(worker)
                return reply
        except (EOFError, OSError) as error:
            self._replace(worker)
            raise WorkerCrashed(f"the query worker died: {error}") from None
        log.warning("query killed after %.1f s: %.200s", time.monotonic() - started, job.query)
        self._replace(worker)
        raise QueryTimeout(
            f"query stopped: it ran longer than the {self.query_timeout:g}-second limit"
        )

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker and start its successor in the background (the client is not kept waiting)."""
        with self._lock:
            self._all.discard(worker)
        worker.kill()
        if not self._closed:
            threading.Thread(target=self._start_and_enlist, daemon=True).start()

    def _start_worker(self) -> _Worker:
        worker = _Worker(self.store_path)
        with self._lock:
            self._all.add(worker)
        return worker

    def _await_ready(self, worker: _Worker) -> None:
        if not worker.wait_ready(60):
            raise RuntimeError("a query worker did not start within 60 s")
        self._idle.put(worker)

    def _start_and_enlist(self) -> None:
        try:
            self._await_ready(self._start_worker())
        except Exception:  # noqa: BLE001 - logged; the pool runs one worker short rather than dying
            log.exception("could not start a replacement query worker")
