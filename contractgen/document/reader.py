"""Read rendered clause Markdown (markdown-it-py tokens) into document-model blocks."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from contractgen.document import mdcache
from contractgen.errors import DocumentError, Problem
from contractgen.document.model import (
    Block,
    CrossRef,
    Emph,
    Heading,
    Inline,
    LineBreak,
    ListBlock,
    ListItem,
    Paragraph,
    Strong,
    Table,
    Text,
)

if TYPE_CHECKING:  # markdown-it-py is imported only when a text is not in the cache (document/mdcache.py)
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

ANCHOR = re.compile(r"(?<!\\)\{#([A-Za-z][A-Za-z0-9._-]*)\}\s*$")
DISABLED_RULES = [
    "code",
    "fence",
    "html_block",
    "html_inline",
    "image",
    "autolink",
    "blockquote",
    "hr",
    "lheading",
    "reference",
]


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """Return the parser: CommonMark with pipe tables, without code, HTML, images or quotes."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.disable(DISABLED_RULES)
    return md


class _Reader:
    def __init__(self, tokens: list[Token], where: str, source: str, first_line: int = 1):
        self.tokens = tokens
        self.pos = 0
        self.where = where
        self.source = source
        self.first_line = first_line

    def fail(self, message: str, token: Token | None = None, needle: str = "") -> DocumentError:
        return DocumentError(problems=[Problem(self.where, self.line_of(needle), "", message)])

    def line_of(self, needle: str) -> int | None:
        """Find the line of the clause template where a piece of text comes from."""
        if needle:
            index = self.source.find(needle)
            if index >= 0:
                return self.source.count("\n", 0, index) + self.first_line
        return None

    def blocks(self, stop: str | None = None, depth: int = 0) -> list[Block]:
        out: list[Block] = []
        while self.pos < len(self.tokens):
            token = self.tokens[self.pos]
            if stop and token.type == stop:
                self.pos += 1
                return out
            if token.type == "paragraph_open":
                out.append(self.paragraph())
            elif token.type == "heading_open":
                out.append(self.heading())
            elif token.type in ("ordered_list_open", "bullet_list_open"):
                out.append(self.list_block(token.type, depth + 1))
            elif token.type == "table_open":
                out.append(self.table())
            else:
                raise self.fail(f"unsupported Markdown element '{token.type}'")
        return out

    def paragraph(self) -> Paragraph:
        line = _line(self.tokens[self.pos])
        inline = self.tokens[self.pos + 1]
        self.pos += 3  # paragraph_open, inline, paragraph_close
        content = self.inlines(inline.children or [])
        anchor = ""
        match = ANCHOR.search(inline.content)
        if match:
            anchor = match.group(1)
            _strip_anchor(content, match.group(0).strip())
        return Paragraph(content, anchor=anchor, line=line)

    def heading(self) -> Heading:
        open_token, inline = self.tokens[self.pos], self.tokens[self.pos + 1]
        self.pos += 3
        level = max(3, int(open_token.tag[1]))
        return Heading(level, self.inlines(inline.children or []), line=_line(open_token))

    def list_block(self, kind: str, depth: int) -> ListBlock:
        line = _line(self.tokens[self.pos])
        close = kind.replace("_open", "_close")
        self.pos += 1
        items: list[ListItem] = []
        while self.tokens[self.pos].type != close:
            token = self.tokens[self.pos]
            if token.type != "list_item_open":
                raise self.fail(f"unexpected '{token.type}' in a list")
            self.pos += 1
            blocks = self.blocks(stop="list_item_close", depth=depth)
            anchor = ""
            if blocks and isinstance(blocks[0], Paragraph) and blocks[0].anchor:
                anchor, blocks[0].anchor = blocks[0].anchor, ""
            items.append(ListItem(blocks, anchor=anchor))
        self.pos += 1
        return ListBlock(items, ordered=kind.startswith("ordered"), depth=depth, line=line)

    def table(self) -> Table:
        line = _line(self.tokens[self.pos])
        header: list[list[Inline]] = []
        rows: list[list[list[Inline]]] = []
        align: list[str] = []
        row: list[list[Inline]] = []
        in_head = False
        self.pos += 1
        while self.tokens[self.pos].type != "table_close":
            token = self.tokens[self.pos]
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open":
                row = []
            elif token.type == "tr_close":
                if in_head:
                    header = row
                else:
                    rows.append(row)
            elif token.type in ("th_open", "td_open"):
                style = str(token.attrs.get("style", "")) if token.attrs else ""
                if in_head:
                    align.append(style.replace("text-align:", "") or "left")
                inline = self.tokens[self.pos + 1]
                row.append(self.inlines(inline.children or []))
                self.pos += 2
            self.pos += 1
        self.pos += 1
        return Table(header, rows, align, line=line)

    def inlines(self, children: list[Token]) -> list[Inline]:
        stack: list[list[Inline]] = [[]]
        wrappers: list[str] = []
        index = 0
        while index < len(children):
            token = children[index]
            kind = token.type
            if kind == "text":
                _append_text(stack[-1], token.content)
            elif kind == "softbreak":
                _append_text(stack[-1], " ")
            elif kind == "hardbreak":
                stack[-1].append(LineBreak())
            elif kind in ("strong_open", "em_open"):
                stack.append([])
                wrappers.append(kind)
            elif kind in ("strong_close", "em_close"):
                children_nodes = stack.pop()
                wrapper = wrappers.pop()
                stack[-1].append(Strong(children_nodes) if wrapper == "strong_open" else Emph(children_nodes))
            elif kind == "link_open":
                href = str(token.attrs.get("href", ""))
                label_tokens = []
                index += 1
                while children[index].type != "link_close":
                    label_tokens.append(children[index])
                    index += 1
                label = "".join(t.content for t in label_tokens)
                if not href.startswith("#") or len(href) < 2:
                    raise self.fail(
                        f"only cross-references like [](#clause-id) are allowed, not a link to '{href}'", needle=href
                    )
                if label.strip():
                    raise self.fail(
                        f"a cross-reference's text is computed: write [](#{href[1:]}), not [{label}]({href})",
                        needle=href,
                    )
                stack[-1].append(CrossRef(href[1:], line=self.line_of(f"(#{href[1:]})") or 0))
            elif kind == "code_inline":
                _append_text(stack[-1], token.markup + token.content + token.markup)
            else:
                _append_text(stack[-1], token.content)
            index += 1
        return stack[0]


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0


def _append_text(nodes: list[Inline], text: str) -> None:
    if nodes and isinstance(nodes[-1], Text):
        nodes[-1] = Text(nodes[-1].text + text)
    elif text:
        nodes.append(Text(text))


def _strip_anchor(content: list[Inline], marker: str) -> None:
    last = content[-1] if content else None
    if isinstance(last, Text) and last.text.rstrip().endswith(marker):
        stripped = last.text.rstrip()[: -len(marker)].rstrip()
        if stripped:
            content[-1] = Text(stripped)
        else:
            content.pop()


def read_markdown(text: str, where: str = "", source: str = "", first_line: int = 1) -> list[Block]:
    """Parse rendered Markdown into blocks; `where`, `source` and `first_line` locate errors in the template.

    The blocks of a text read before (by any process of this user) come from the cache (document/mdcache.py).
    """
    return mdcache.blocks_of(
        text, lambda: _Reader(markdown_parser().parse(text), where, source or text, first_line).blocks()
    )


def read_inline(text: str, where: str = "", source: str = "") -> list[Inline]:
    """Parse one line of Markdown (a definition's meaning) into inlines."""
    blocks = read_markdown(text, where, source)
    if not blocks:
        return []
    if len(blocks) != 1 or not isinstance(blocks[0], Paragraph):
        raise DocumentError(problems=[Problem(where, None, "", "a definition must be a single sentence of text")])
    return blocks[0].content


def save_read_texts() -> None:
    """Keep the blocks of the texts this process read for the next one (document/mdcache.py)."""
    mdcache.save()
