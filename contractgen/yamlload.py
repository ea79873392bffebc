"""Safe YAML for files the project reads often (its legal data, outlines, clause front matter).

libyaml's C parser when PyYAML has it (the same safe constructor, so the same data, about ten
times faster: the data files were a fifth of a DOCX render's start), else PyYAML's own.
"""

from __future__ import annotations

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str):
    """Return the data of one YAML document, as yaml.safe_load does."""
    return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 (a safe loader)


# PyYAML's problems, as a person who writes a deal or a clause can act on them (first match wins).
# These point at the line where the thing began (PyYAML's context), not where the parser gave up.
_AT_START = {
    "could not find expected ':'",
    "found unexpected end of stream",
    "expected ',' or ']'",
    "expected ',' or '}'",
}
_PLAIN = (
    (
        "could not find expected ':'",
        "this line has no ': ' after its key, or a text that runs onto the next line needs quotes",
    ),
    (
        "mapping values are not allowed here",
        "there is a ': ' where YAML does not expect one: put a text that "
        "contains ': ' in quotes, or check this line's indentation",
    ),
    (
        "did not find expected key",
        "this line is indented differently from the keys above it; keys of one section must start in the same column",
    ),
    (
        "did not find expected '-' indicator",
        "this list item is indented differently from the items above it; "
        "every '- ' of one list must start in the same column",
    ),
    (
        "expected <block end>, but found '<scalar>'",
        "a value is followed by more text on its line (after a "
        "closing quote?), or this line is indented differently from the "
        "lines above it",
    ),
    (
        "expected <block end>",
        "this line is indented differently from the lines above it; keys of one "
        "section must start in the same column, and a nested one further right",
    ),
    (
        "that cannot start any token",
        "this line contains a character YAML does not allow here (a tab used to "
        "indent, or a text starting with '@', '`' or '%'): indent with spaces and "
        "put such a text in quotes",
    ),
    (
        "found unexpected end of stream",
        "the quoted text that starts on this line is not closed: its closing quote is missing",
    ),
    (
        "expected ',' or ']'",
        "the list in [ ] that starts on this line is not closed, or its items are not separated by commas",
    ),
    (
        "expected ',' or '}'",
        "the mapping in { } that starts on this line is not closed, or its entries are not separated by commas",
    ),
    (
        "found unknown escape character",
        "a text in double quotes contains a backslash that is not a known escape; "
        "use single quotes, or write two backslashes",
    ),
    (
        "expected a comment or a line break",
        "something follows a value on the same line (after a closing quote, "
        "perhaps); move it to a line of its own or remove it",
    ),
    ("expected alphabetic or numeric character", "an '&' or '*' starts a text; put that text in quotes"),
    ("but found another document", "the file holds more than one YAML document ('---' between them); keep one"),
    ("found duplicate anchor", "an anchor name (&…) is used twice"),
)


def describe_error(exc: Exception, text: str = "") -> tuple[int | None, str]:
    """Return (the 1-based line, a plain sentence) for a YAML syntax error, for people who are not YAML experts."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1 if text else None
        code = exc.character if isinstance(exc.character, int) else None
        return line, (
            f"the character U+{code:04X} is not allowed in YAML text; remove it"
            if code is not None
            else "the text contains a character YAML does not allow; remove it"
        )
    found = " ".join(str(part) for part in (getattr(exc, "context", None), getattr(exc, "problem", None)) if part)
    for phrase, sentence in _PLAIN:
        if phrase in found:
            start = getattr(exc, "context_mark", None)
            if phrase in _AT_START and start is not None:
                line = start.line + 1
            return line, sentence
    return line, f"the YAML cannot be read here ({found or str(exc).splitlines()[0]})"
