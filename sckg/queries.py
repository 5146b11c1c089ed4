"""Saved SPARQL queries (queries/*.rq): their header comment, safe parameter binding, CLI output.

A query file starts with a comment header:

    # title: Everything that reaffirms a given instrument
    # description: Documents that reaffirm the target, with the sentence that
    #   does it (an indented line continues the previous field).
    # param: target document S/RES/1353(2001) -- the reaffirmed instrument

`param:` is `NAME KIND [DEFAULT] -- DESCRIPTION`; KIND is one of PARAM_KINDS.
Parameters are bound with pyoxigraph substitutions (SEP-0007), never pasted
into the query text, so a value can never change the shape of a query.
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat

from sckg import vocab

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"

PARAM_KINDS = ("document", "iri", "string", "integer", "date")

# A UN document symbol: a series of capitals, then slash-separated parts ("S/RES/1353 (2001)").
SYMBOL_PATTERN = re.compile(r"^[A-Z]{1,4}/[A-Za-z0-9./()\-\s]+$")
IRI_PATTERN = re.compile(r"^<?((?:https?|urn):[^\s<>\"{}|\\^`]+)>?$")


class ParamError(ValueError):
    """A parameter value that cannot be bound; the message names the parameter."""

    def __init__(self, name: str, message: str):
        super().__init__(f"parameter {name!r}: {message}")
        self.name = name


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    default: str | None
    description: str


@dataclass(frozen=True)
class SavedQuery:
    name: str  # the file's stem
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    fields: dict[str, str] = field(default_factory=dict)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def bind(self, values: dict[str, str]) -> dict[str, object]:
        """Substitutions for the given values plus every declared default."""
        unknown = sorted(set(values) - {p.name for p in self.params})
        if unknown and self.params:
            known = ", ".join(p.name for p in self.params)
            raise ParamError(unknown[0], f"this query has no such parameter (it takes: {known})")
        if unknown:
            raise ParamError(unknown[0], "this query takes no parameters")
        bound = {}
        for param in self.params:
            value = values.get(param.name, param.default)
            if value is None or value == "":
                raise ParamError(param.name, f"a value is required ({param.description})")
            bound[param.name] = bind_value(param.name, value, param.kind)
        return bound


# -- reading query files ---------------------------------------------------------------


def parse_query_text(text: str, name: str = "query") -> SavedQuery:
    fields = _header_fields(text)
    params = tuple(_parse_param(line) for line in fields.get("param", "").split("\n") if line.strip())
    return SavedQuery(
        name=name,
        title=fields.get("title", name).replace("\n", " "),
        description=fields.get("description", "").replace("\n", " "),
        params=params,
        text=text,
        fields={k: v for k, v in fields.items() if k != "param"},
    )


def load_query_file(path: Path) -> SavedQuery:
    path = Path(path)
    return parse_query_text(path.read_text(encoding="utf-8"), path.stem)


def load_queries(directory: Path | None = None) -> dict[str, SavedQuery]:
    """Every saved query in `directory` (default: the project's queries/), by name, sorted."""
    directory = Path(directory) if directory is not None else QUERIES_DIR
    return {p.stem: load_query_file(p) for p in sorted(directory.glob("*.rq"))}


def _header_fields(text: str) -> dict[str, str]:
    """`key: value` lines of the leading comment; `param` may repeat (one per line)."""
    fields: dict[str, str] = {}
    last = None
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        body = line[1:]
        match = re.match(r"^\s?([a-z]+):\s*(.*)$", body)
        if match:
            last = match.group(1)
            joiner = "\n" if last in fields else ""
            fields[last] = fields.get(last, "") + joiner + match.group(2).strip()
        elif last and body.startswith("  ") and body.strip():
            fields[last] += " " + body.strip()
    return fields


def _parse_param(line: str) -> Param:
    spec, _, description = line.partition("--")
    words = spec.split(None, 2)
    if len(words) < 2 or words[1] not in PARAM_KINDS:
        raise ValueError(f"bad param line {line!r}: expected NAME KIND [DEFAULT] -- DESCRIPTION, KIND in {PARAM_KINDS}")
    default = words[2].strip() if len(words) > 2 else None
    return Param(words[0], words[1], default, description.strip())


# -- binding values --------------------------------------------------------------------


def bind_value(name: str, value: str, kind: str | None = None):
    """The RDF term for one parameter value (kind None: guess from the value's shape)."""
    value = value.strip()
    kind = kind or guess_kind(value)
    if kind == "document":
        if IRI_PATTERN.match(value):
            return NamedNode(IRI_PATTERN.match(value).group(1))
        if not SYMBOL_PATTERN.match(value):
            raise ParamError(name, f"{value!r} is neither a UN document symbol (e.g. S/RES/1353(2001)) nor an IRI")
        return vocab.document_iri(value)
    if kind == "iri":
        match = IRI_PATTERN.match(value)
        if not match:
            raise ParamError(name, f"{value!r} is not an absolute IRI")
        return NamedNode(match.group(1))
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", value):
            raise ParamError(name, f"{value!r} is not an integer")
        return Literal(str(int(value)), datatype=vocab.XSD_INTEGER)
    if kind == "date":
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ParamError(name, f"{value!r} is not a date (YYYY-MM-DD)") from None
        return Literal(value, datatype=vocab.XSD_DATE)
    return Literal(value)


def guess_kind(value: str) -> str:
    if SYMBOL_PATTERN.match(value):
        return "document"
    if IRI_PATTERN.match(value):
        return "iri"
    if re.fullmatch(r"[+-]?\d+", value):
        return "integer"
    return "string"


def parse_param_args(params: tuple[str, ...] | list[str]) -> dict[str, str]:
    values = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ParamError(item, "expected NAME=VALUE")
        values[name.strip()] = value
    return values


# -- the `sckg query` command ------------------------------------------------------------


def run_query_cli(store, text: str, params, fmt: str, echo) -> None:
    """Run a query (saved or ad hoc) with --param values and print its results in `fmt`."""
    import click

    saved = parse_query_text(text)
    try:
        values = parse_param_args(params)
        if saved.params:
            substitutions = saved.bind(values)
        else:  # an ad hoc query: bind whatever was given, guessing each value's kind
            substitutions = {n: bind_value(n, v) for n, v in values.items()}
    except ParamError as error:
        raise click.BadParameter(str(error), param_hint="--param") from None
    try:
        result = store.query(text, substitutions)
        echo(format_result(result, fmt).rstrip("\n"))
    except SyntaxError as error:
        raise click.ClickException(f"malformed query: {error}") from None
    except RuntimeError as error:  # e.g. a parameter the query does not project
        raise click.ClickException(f"query cannot be evaluated: {error}") from None


def format_result(result, fmt: str) -> str:
    if isinstance(result, QueryBoolean):
        return "true" if bool(result) else "false"
    if isinstance(result, QuerySolutions):
        if fmt == "table":
            return _table(result)
        formats = {"json": QueryResultsFormat.JSON, "csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV}
        return result.serialize(format=formats[fmt]).decode("utf-8")
    graph_format = RdfFormat.JSON_LD if fmt == "json" else RdfFormat.N_TRIPLES
    out = io.BytesIO()
    result.serialize(out, format=graph_format)
    return out.getvalue().decode("utf-8")


def _table(solutions) -> str:
    names = [v.value for v in solutions.variables]
    rows = [[_cell(row[n]) for n in names] for row in solutions]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _cell(term) -> str:
    if term is None:
        return ""
    value = term.value
    base = vocab.base_iri()
    if isinstance(term, NamedNode):
        for prefix, namespace in vocab.PREFIXES.items():
            if value.startswith(namespace):
                return f"{prefix}:{value[len(namespace):]}"
        if value.startswith(base):
            return "<" + value[len(base):] + ">"
    value = value.replace("\n", " ")
    return value if len(value) <= 80 else value[:77] + "..."
