"""What the public endpoint refuses before a query reaches a worker.

Updates (INSERT, DELETE, LOAD, CLEAR, ...) are refused by protocol: they only
come as `update=` or `application/sparql-update`, and a worker would reject them
anyway because it only ever parses queries. SERVICE needs a check of its own:
pyoxigraph would really call the remote host, so the keyword is looked for in
the query with strings, IRIs and comments taken out (a literal "service" in a
FILTER is fine).
"""

from __future__ import annotations

import re

_STRINGS = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''" r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'")
_IRIS = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_COMMENTS = re.compile(r"#[^\n]*")
_SERVICE = re.compile(r"(?<![?$\w:])SERVICE\b", re.IGNORECASE)  # not ?service, ex:service


class Refused(Exception):
    """A request the read-only public endpoint will not run (HTTP 403)."""


def check_query(query: str) -> None:
    if _SERVICE.search(_code_only(query)):
        raise Refused(
            "SERVICE (federated query to another endpoint) is not allowed on this public endpoint"
        )


def _code_only(query: str) -> str:
    """The query with string literals, IRIs and comments blanked out, in that order.

    Strings first, because a string may hold '#' or '<'; comments last, because an
    IRI may hold '#'.
    """
    without_strings = _STRINGS.sub('""', query)
    without_iris = _IRIS.sub("<>", without_strings)
    return _COMMENTS.sub("", without_iris)
