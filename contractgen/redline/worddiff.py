"""Word-level diff of inlines: the new text with Ins/Del around the words changed from the old.

Inlines are flattened into tokens (words, spaces, cross-references, line breaks, each with its
Strong/Emph path), compared with difflib and rebuilt; a paragraph rewritten almost entirely is
shown as all deleted, then all inserted. Used by contractgen.redline.diff.
"""

from __future__ import annotations

import copy
import re
from difflib import SequenceMatcher

from contractgen.document.model import CrossRef, Del, Emph, Ins, LineBreak, Strong, Text

_TOKEN = re.compile(r"\s+|\S+")
REWRITE_THRESHOLD = 0.3  # below this word similarity a paragraph is shown as deleted then inserted


def _tokens(inlines: list, path: tuple = ()) -> list[tuple]:
    """Flatten inlines into (key, path, payload) tokens: words, spaces, cross-references, breaks."""
    out: list[tuple] = []
    for node in inlines:
        if isinstance(node, Text):
            for word in _TOKEN.findall(node.text):
                out.append(((path, "t", word), path, word))
        elif isinstance(node, Strong):
            out.extend(_tokens(node.children, path + ("strong",)))
        elif isinstance(node, Emph):
            out.extend(_tokens(node.children, path + ("emph",)))
        elif isinstance(node, CrossRef):
            out.append(((path, "x", node.target, node.text), path, node))
        elif isinstance(node, LineBreak):
            out.append(((path, "br"), path, node))
        elif isinstance(node, (Ins, Del)):
            raise ValueError("cannot compare a model that is already a redline")
    return out


def _rebuild(tokens: list[tuple]) -> list:
    """Turn tokens back into inlines, nesting Strong/Emph by each token's path."""
    out: list = []
    i = 0
    while i < len(tokens):
        path = tokens[i][1]
        j = i
        nodes: list = []
        while j < len(tokens) and tokens[j][1] == path:
            payload = tokens[j][2]
            if isinstance(payload, str):
                if nodes and isinstance(nodes[-1], Text):
                    nodes[-1].text += payload
                else:
                    nodes.append(Text(payload))
            else:
                nodes.append(copy.deepcopy(payload))
            j += 1
        for wrapper in reversed(path):
            nodes = [Strong(nodes) if wrapper == "strong" else Emph(nodes)]
        out.extend(nodes)
        i = j
    return out


def diff_inlines(old: list, new: list) -> tuple[list, bool]:
    """Return (inlines of `new` with Ins/Del marking the words changed from `old`, changed?)."""
    a, b = _tokens(old), _tokens(new)
    ka, kb = [t[0] for t in a], [t[0] for t in b]
    if ka == kb:
        return copy.deepcopy(new), False
    matcher = SequenceMatcher(None, ka, kb, autojunk=False)
    words_a = [k for k in ka if not (k[1] == "t" and k[2].isspace())]
    if a and b and matcher.ratio() < REWRITE_THRESHOLD and len(words_a) > 3:
        segments = [("-", a), ("+", b)]
    else:
        segments = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                segments.append(("=", a[i1:i2]))
            else:
                if i2 > i1:
                    segments.append(("-", a[i1:i2]))
                if j2 > j1:
                    segments.append(("+", b[j1:j2]))
        segments = _tidy(segments)
    out: list = []
    for op, toks in segments:
        nodes = _rebuild(toks)
        if op == "=":
            out.extend(nodes)
        elif op == "-":
            out.append(Del(nodes))
        else:
            out.append(Ins(nodes))
    return out, True


def _tidy(segments: list[tuple]) -> list[tuple]:
    """Fold lone spaces between two changes into the change, deletions before insertions."""
    folded: list[tuple] = []
    for index, (op, toks) in enumerate(segments):
        lone_space = (
            op == "="
            and all(t[0][1] == "t" and t[0][2].isspace() for t in toks)
            and 0 < index < len(segments) - 1
            and segments[index - 1][0] != "="
            and segments[index + 1][0] != "="
        )
        if lone_space:
            folded.extend([("-", toks), ("+", toks)])
        else:
            folded.append((op, toks))
    out: list[tuple] = []
    run: dict[str, list] = {"-": [], "+": []}
    for op, toks in folded + [("=", [])]:
        if op == "=":
            for mark in "-+":
                if run[mark]:
                    out.append((mark, run[mark]))
            run = {"-": [], "+": []}
            if toks:
                out.append(("=", toks))
        else:
            run[op] = run[op] + toks
    return out


def mark_text(old: str, new: str) -> list | None:
    """Return the marked inlines for a changed plain string field, or None if it is unchanged."""
    if old == new:
        return None
    if not old:
        return [Ins([Text(new)])]
    if not new:
        return [Del([Text(old)])]
    marked, _ = diff_inlines([Text(old)], [Text(new)])
    return marked
