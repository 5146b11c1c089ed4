"""Citation chains: what a document builds on (the instruments it cites, transitively) or what builds on it.

A breadth-first walk over the catalogue's edges, bounded by depth and by a number of
documents, so a page about the most-cited resolution stays small and fast.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from graph_server.browser.catalogue import Catalogue
from sckg import vocab

UP, DOWN = "up", "down"  # up: what this builds on; down: what builds on this
DEFAULT_RELATIONS = ("reaffirms", "recalls")
MAX_DEPTH = 10
MAX_NODES = 300


@dataclass
class Chain:
    root: str
    direction: str
    depth: int
    relations: tuple[str, ...]
    levels: dict[str, int] = field(default_factory=dict)  # iri -> distance from the root
    edges: list[tuple[str, str, str]] = field(default_factory=list)  # (citing, cited, relation local name)
    truncated: bool = False

    def children(self) -> dict[str, list[tuple[str, str]]]:
        """Each node's next documents in the walk's direction, with the relation."""
        nexts: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for citing, cited, relation in self.edges:
            if self.direction == UP:
                nexts[citing].append((cited, relation))
            else:
                nexts[cited].append((citing, relation))
        return nexts


def walk(catalogue: Catalogue, root: str, direction: str, depth: int, relations: tuple[str, ...]) -> Chain:
    wanted = {vocab.SCKG + r for r in relations}
    neighbours = catalogue.cites if direction == UP else catalogue.cited_by
    chain = Chain(root, direction, depth, relations, levels={root: 0})
    frontier = [root]
    for level in range(1, depth + 1):
        following = []
        for node in frontier:
            for other, relation in sorted(neighbours.get(node, {}).items()):
                if relation not in wanted:
                    continue
                edge = (node, other) if direction == UP else (other, node)
                chain.edges.append((*edge, relation[len(vocab.SCKG):]))
                if other not in chain.levels:
                    if len(chain.levels) >= MAX_NODES:
                        chain.truncated = True
                        chain.edges.pop()
                        continue
                    chain.levels[other] = level
                    following.append(other)
        frontier = following
        if not frontier:
            break
    return chain


def indented(chain: Chain) -> list[tuple[int, str, str | None, bool]]:
    """(indent, iri, relation from the parent, already shown) in depth-first order, each subtree once."""
    nexts = chain.children()
    shown: set[str] = set()
    rows: list[tuple[int, str, str | None, bool]] = []

    def visit(node: str, indent: int, relation: str | None) -> None:
        repeated = node in shown
        rows.append((indent, node, relation, repeated))
        if repeated:
            return
        shown.add(node)
        for child, child_relation in nexts.get(node, []):
            if chain.levels.get(child, 0) > chain.levels[node] or child not in shown:
                visit(child, indent + 1, child_relation)

    visit(chain.root, 0, None)
    return rows
