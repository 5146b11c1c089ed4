"""The `sckg` command line: one click group, one small command per job."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from sckg.store import EXPORT_FORMATS, GraphStore, default_store_path

store_option = click.option(
    "--store",
    "store_path",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Store directory (default: $SCKG_STORE or ./data/store).",
)


def _store_path(store_path: Path | None) -> Path:
    return store_path or default_store_path()


@click.group()
@click.version_option(package_name="sckg")
def main() -> None:
    """sckg: a knowledge graph of UN Security Council instruments and their citations."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@store_option
@click.option("--encoding", default=None, help="Read every file in this encoding instead of detecting it.")
@click.option("--batch-size", default=64, show_default=True, help="Files written per transaction.")
@click.option("--jobs", default=None, type=int, help="Extraction processes (default: one per core).")
@click.option("-v", "--verbose", is_flag=True, help="Report every committed batch on standard error.")
def ingest(
    paths: tuple[Path, ...], store_path: Path | None, encoding: str | None, batch_size: int, jobs: int | None, verbose: bool
) -> None:
    """Ingest UN documents (files or folders, recursively) into the store."""
    from ingest.pipeline import ingest_paths

    store = GraphStore(_store_path(store_path))
    log = (lambda line: click.echo(line, err=True)) if verbose else None
    summary = ingest_paths(
        store, paths, encoding=encoding, batch_size=batch_size, jobs=jobs, progress=sys.stderr.isatty(), log=log
    )
    store.publish_snapshot()
    for rejected in summary.rejected:
        click.echo(f"rejected: {rejected}", err=True)
    click.echo(summary.report())
    if summary.rejected:
        sys.exit(2)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--encoding", default=None, help="Read every file in this encoding instead of detecting it.")
def extract(files: tuple[Path, ...], fmt: str, encoding: str | None) -> None:
    """Print what ingest would write for FILES, as JSON, without touching a store."""
    from ingest.extract import extract_file
    from ingest.errors import RejectedFile

    results, failed = [], False
    for path in files:
        try:
            results.append(extract_file(path, encoding=encoding).to_json())
        except RejectedFile as error:
            click.echo(f"rejected: {error}", err=True)
            failed = True
    click.echo(json.dumps(results if len(files) > 1 else (results or [None])[0], ensure_ascii=False, indent=2))
    if failed:
        sys.exit(2)


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORT_FORMATS)), default="nq", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="File to write (default: standard output); a name ending in .gz means --gzip.")
@click.option("--gzip", "compress", is_flag=True, help="Compress with gzip.")
@click.option("--graph", "graph_name", default=None, metavar="IRI|FILE", help="Only this named graph: its IRI, the name of the source file it was read from, or 'registry'.")
def export(store_path: Path | None, fmt: str, output: Path | None, compress: bool, graph_name: str | None) -> None:
    """Export the whole graph, or one named graph, streamed."""
    store = GraphStore(_store_path(store_path), read_only=True)
    try:
        graph = store.graph_named(graph_name) if graph_name else None
    except KeyError as error:
        raise click.BadParameter(error.args[0], param_hint="'--graph'") from None
    compress = compress or (output is not None and output.suffix == ".gz")
    if output is None:
        store.export(sys.stdout.buffer, fmt, graph, compress=compress)
        return
    partial = output.with_name(output.name + ".partial")  # no half-written file under the real name
    try:
        with partial.open("wb") as handle:
            store.export(handle, fmt, graph, compress=compress)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(output)


@main.command()
@click.argument("sparql", required=False)
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Read the query from a .rq file.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter (safely, by substitution).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv"]), default="table", show_default=True)
@store_option
def query(sparql: str | None, query_file: Path | None, params: tuple[str, ...], fmt: str, store_path: Path | None) -> None:
    """Run a SPARQL query over the union of all graphs."""
    from sckg.queries import run_query_cli

    if (sparql is None) == (query_file is None):
        raise click.UsageError("give either a SPARQL string or --file, not both")
    text = sparql if sparql is not None else query_file.read_text(encoding="utf-8")
    store = GraphStore(_store_path(store_path), read_only=True)
    run_query_cli(store, text, params, fmt, click.echo)


@main.command()
@store_option
def stats(store_path: Path | None) -> None:
    """Counts of documents, citations and triples in the store."""
    from sckg.stats import store_stats

    store = GraphStore(_store_path(store_path), read_only=True)
    click.echo(json.dumps(store_stats(store), ensure_ascii=False, indent=2))


@main.command()
@store_option
def validate(store_path: Path | None) -> None:
    """Validate the store against the SHACL shapes in ontology/shapes.ttl."""
    from sckg.validation import validate_store

    store = GraphStore(_store_path(store_path), read_only=True)
    conforms, report = validate_store(store)
    click.echo(report)
    sys.exit(0 if conforms else 1)


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (loopback only by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free port).")
@click.option("--query-timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1), help="Seconds a query may run before it is stopped (503).")
@click.option("--max-rows", default=100_000, show_default=True, type=click.IntRange(min=1), help="Most result rows in one response.")
@click.option("--max-bytes", default=64 * 1024 * 1024, show_default=True, type=click.IntRange(min=1024), help="Most bytes in one query response.")
@click.option("--workers", default=None, type=click.IntRange(min=1), help="Query worker processes, i.e. queries running at once (default: one per core).")
def serve(store_path: Path | None, host: str, port: int, query_timeout: float, max_rows: int, max_bytes: int, workers: int) -> None:
    """Serve the SPARQL endpoint, dumps and saved queries over HTTP (granian)."""
    from graph_server.serve import run_server

    run_server(
        _store_path(store_path), host=host, port=port, query_timeout=query_timeout,
        max_rows=max_rows, max_bytes=max_bytes, workers=workers,
    )


if __name__ == "__main__":
    main()
