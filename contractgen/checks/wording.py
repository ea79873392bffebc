"""Lint checks on the wording of clause text: cross-references and anchors, line breaks a block
tag swallows, defined terms (unused, or capitalised words that are not defined), party names written
into the text, and spelling.
"""

from __future__ import annotations

import re
from typing import Any

from contractgen.checks.lint_sources import (
    ANCHOR,
    JINJA_COMMENT,
    PARTY_NAME,
    TERM_VARIABLE,
    LintReport,
    Version,
    line_at,
    strip_comments,
)
from contractgen.templating.spelling import unhandled_words

REFERENCE = re.compile(r"\[([^\]\n]*)\]\(#([^)\s]*)\)")
JINJA_OUTPUT = re.compile(r"\{\{.*?\}\}", re.DOTALL)
JINJA_TAG = re.compile(r"\{%.*?%\}", re.DOTALL)
SENTENCE_END = re.compile(r"[.!?:]")
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]+(?:s|'s|’s)?$")
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# A party named by a role word in the static text of a clause: the deal's short names come
# through the context (CLIENT, SUPPLIER, CLIENT_NAME, SUPPLIER_NAME), never the text.
HARD_CODED_PARTY = re.compile(r"\b(?:[Tt]he\s+)?(?:Client|Supplier|Customer|Vendor)\b(?:['’]s|\s+[A-Z][a-z]+)?")
AFTER_WORDS = {"Schedule", "Schedules", "clause", "clauses", "Clause", "Clauses", "paragraph", "paragraphs"}


def check_body_text(version: Version, targets: set[str], report: LintReport) -> None:
    """Check references, anchors and comment habits in a body and its definitions (|safe: see templating/sandbox.py)."""
    v = version.version
    body = strip_comments(v.body)
    for match in REFERENCE.finditer(body):
        line = v.body_line + line_at(body, match.start()) - 1
        _check_reference(match, targets, version.rel, line, report)
    for match in re.finditer(r"\{#(?!#)", body):
        line = v.body_line + line_at(body, match.start()) - 1
        anchor = ANCHOR.match(body, match.start())
        if anchor is None:
            report.add(version.rel, line, "'{#' starts no anchor {#id}: use {## … ##} for template comments")
            continue
        rest = body[anchor.end() :].split("\n", 1)[0]
        if JINJA_TAG.sub("", rest).strip():
            report.add(version.rel, line, f"the anchor {{#{anchor.group(1)}}} must end its paragraph")
    _check_swallowed_breaks(version, report)
    for term, meaning in v.defines:
        line = version.key_line("defines", term)
        for match in REFERENCE.finditer(meaning):
            _check_reference(match, targets, version.rel, line, report)


TRAILING_BLOCK_TAG = re.compile(r"\S.*\{%-?.*?[^+]%\}\s*$")


def _check_swallowed_breaks(version: Version, report: LintReport) -> None:
    """Flag text lines ending in a block tag before a blank line: trim_blocks would merge the paragraphs."""
    lines = version.version.body.split("\n")
    for index, text in enumerate(lines[:-1]):
        if lines[index + 1].strip() or text.lstrip().startswith("{%"):
            continue
        if TRAILING_BLOCK_TAG.search(text):
            report.add(
                version.rel,
                version.version.body_line + index,
                "a block tag at the end of a line of text swallows the line break, so the next "
                "paragraph merges into this one: end the tag with '+%}' or put it on its own line",
            )


def _check_reference(match: re.Match, targets: set[str], rel: str, line: int, report: LintReport) -> None:
    text, target = match.group(1), match.group(2)
    if "{" in target:
        return  # computed in the template; cannot be checked statically
    if text.strip():
        report.add(
            rel, line, f"the text of a cross-reference is computed: write [](#{target}), not [{text}](#{target})"
        )
    if target not in targets:
        import difflib

        close = difflib.get_close_matches(target, sorted(targets), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        report.add(
            rel,
            line,
            f"cross-reference [](#{target}) does not resolve: no clause, schedule or anchor has that id{hint}",
        )


def term_pattern(terms: list[str], singulars: bool = False) -> re.Pattern[str] | None:
    """Return one regex matching any of the terms as whole words, plurals allowed (longest first).

    With `singulars`, a term defined in the plural also matches its singular ("Services" →
    "Service", "Parties" → "Party"), as drafters use both.
    """
    alternatives = []
    for term in sorted(set(terms), key=len, reverse=True):
        forms = [re.escape(term)]
        if term.endswith("y") and len(term) > 1:
            forms.append(re.escape(term[:-1]) + "ies")
        if singulars and term.endswith("ies") and len(term) > 4:
            forms.append(re.escape(term[:-3]) + "y")
        elif singulars and term.endswith(("sses", "xes", "ches", "shes")):
            forms.append(re.escape(term[:-2]))
        elif singulars and term.endswith("s") and not term.endswith("ss") and len(term) > 2:
            forms.append(re.escape(term[:-1]))
        alternatives.append(f"(?:{'|'.join(forms)})" + r"(?:s|es)?")
    if not alternatives:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


def check_party_words(version: Version, report: LintReport) -> None:
    """A clause names the parties through the context, never by a hard-coded role word."""
    v = version.version
    found: list[tuple[int, str]] = []
    body = JINJA_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), v.body)
    body = JINJA_OUTPUT.sub(
        lambda m: "x" + "\n" * m.group(0).count("\n"), JINJA_TAG.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    )
    for match in HARD_CODED_PARTY.finditer(body):
        found.append((v.body_line + line_at(body, match.start()) - 1, match.group(0)))
    for match in HARD_CODED_PARTY.finditer(JINJA_OUTPUT.sub("x", v.title)):
        found.append((version.key_line("title"), match.group(0)))
    for term, meaning in v.defines:
        for text in (term, meaning):
            for match in HARD_CODED_PARTY.finditer(JINJA_OUTPUT.sub("x", text)):
                found.append((version.key_line("defines", term), match.group(0)))
    for line, words in found:
        report.add(
            version.rel,
            line,
            f"'{words}' hard-codes a party: write {_party_hint(words)} so the deal's short "
            f"names (and their article) appear",
        )


def check_spelling(version: Version, spelling: Any, template: str, report: LintReport) -> None:
    """Every word that looks British has a US form in the template's spelling.yaml, or is listed as the same."""
    v = version.version
    texts = [(v.body_line + line_at(v.body, 0) - 1, v.body), (version.key_line("title"), v.title)]
    texts += [(version.key_line("defines", term), f"{term} {meaning}") for term, meaning in v.defines]
    for line, text in texts:
        for index, body_line in enumerate(text.split("\n")):
            for word in unhandled_words(body_line, spelling):
                report.add(
                    version.rel,
                    line + index if text is v.body else line,
                    f"'{word}' may be spelt differently in US English: add it to templates/{template}/spelling.yaml "
                    f"(under stems or words with its US form, or under same)",
                )


def _party_hint(words: str) -> str:
    role = "SUPPLIER" if re.search(r"Supplier|Vendor", words) else "CLIENT"
    compound = re.search(r"(?:Client|Supplier|Customer|Vendor)\s+([A-Z][a-z]+)$", words)
    if compound:
        return f"{{{{ {role}_NAME }}}} {compound.group(1)}"
    if re.match(r"(?i)the\s", words):
        return (
            f"{{{{ {role} }}}}" + ("'s" if words.endswith("s") and "'" in words else "") + f" (or {{{{ {role}|cap }}}})"
        )
    return f"{{{{ {role}_NAME }}}} inside a defined term, or {{{{ {role} }}}}"


def check_unused_terms(versions: list[Version], report: LintReport) -> None:
    """Report defined terms no clause body or other definition uses."""
    bodies = "\n".join(party_placeholders(strip_comments(v.version.body)) for v in versions)
    reported: set[str] = set()
    for version in versions:
        for term, _ in version.version.defines:
            if term in reported:
                continue
            pattern = term_pattern([party_placeholders(term)])
            others = "\n".join(party_placeholders(m) for vv in versions for t, m in vv.version.defines if t != term)
            if pattern is not None and not (pattern.search(bodies) or pattern.search(others)):
                reported.add(term)
                report.add(
                    version.rel,
                    version.key_line("defines", term),
                    f"defines: '{term}' is never used in a clause body or another definition",
                )


def party_placeholders(text: str) -> str:
    """Read '{{ CLIENT_NAME }}' and '{{ SUPPLIER_NAME }}' as the default short names, '{{ PD }}' as Personal Data."""
    return TERM_VARIABLE.sub(
        "Personal Data", PARTY_NAME.sub(lambda m: ("a " if m.group(2) else "") + m.group(1).title(), text)
    )


def static_lines(body: str) -> list[tuple[int, str, bool]]:
    """Return (line number, static text, starts a sentence) for the prose lines of a clause body.

    Jinja output becomes a lower-case placeholder, tags and comments disappear; headings,
    table headers and separators are skipped; each table cell and list item starts a sentence.
    """
    body = party_placeholders(strip_comments(body))
    raw_lines = body.split("\n")
    body = JINJA_OUTPUT.sub(lambda m: "xvar" + "\n" * m.group(0).count("\n"), body)
    tag_only = {i for i, line in enumerate(raw_lines) if line.strip() and not JINJA_TAG.sub("", line).strip()}
    body = JINJA_TAG.sub(_tag_marker, body)
    body = REFERENCE.sub("xref", body)
    body = ANCHOR.sub("", body)
    lines = body.split("\n")
    out: list[tuple[int, str, bool]] = []
    start = True
    for index, line in enumerate(lines):
        text = line.replace("*", "").replace("\\", "")
        stripped = text.strip()
        if index in tag_only:
            continue
        if not stripped:
            start = True
            continue
        if stripped.startswith("#"):
            start = True
            continue
        if stripped.startswith("|"):
            following = next((l.strip() for l in lines[index + 1 :] if l.strip()), "")
            if re.fullmatch(r"\|?[\s:|-]+\|?", stripped) or re.fullmatch(r"\|?\s*:?-{3,}.*", following):
                continue  # a separator or a header row
            for cell in stripped.strip("|").split("|"):
                out.append((index + 1, cell, True))
            start = True
            continue
        marker = LIST_MARKER.match(text)
        if marker:
            text = text[marker.end() :]
            start = True
        out.append((index + 1, text, start))
        start = _ends_sentence(text, start)
    return out


# Markers left in the static text where a branch starts, switches or ends: the text of an
# {% else %} branch starts in the same position of the sentence as the {% if %} branch did.
BRANCH_OPEN, BRANCH_NEXT, BRANCH_CLOSE = "\x01", "\x02", "\x03"


def _tag_marker(match: re.Match) -> str:
    tag = match.group(0)
    newlines = "\n" * tag.count("\n")
    opening = re.match(r"\{%[-+]?\s*(\w+)", tag)
    keyword = opening.group(1) if opening else ""
    if keyword in ("if", "for"):
        return BRANCH_OPEN + newlines
    if keyword in ("else", "elif"):
        return BRANCH_NEXT + newlines
    if keyword in ("endif", "endfor"):
        return BRANCH_CLOSE + newlines
    return newlines or " "


def _ends_sentence(text: str, start: bool) -> bool:
    """Return whether the text after this line starts a sentence."""
    tokens = re.findall(r"[A-Za-z0-9]+|[.!?:]", text)
    if not tokens:
        return start
    return bool(SENTENCE_END.fullmatch(tokens[-1]))


def capitalised_words(text: str, start: bool, known: re.Pattern | None) -> list[str]:
    """Return the capitalised words or phrases used mid-sentence in a line that no known term explains."""
    covered = [False] * len(text)
    if known is not None:
        for match in known.finditer(text):
            for i in range(match.start(), match.end()):
                covered[i] = True
    found: list[list[str]] = []
    previous_word = ""
    sentence_start = start
    last_end = 0
    run_open = False
    tokens = list(re.finditer(r"[A-Za-z0-9][A-Za-z0-9'’-]*|[.!?:;,()\"“”\x01\x02\x03]", text))
    branches: list[bool] = []
    for position, match in enumerate(tokens):
        token = match.group(0)
        following = tokens[position + 1].group(0) if position + 1 < len(tokens) else ""
        if token == BRANCH_OPEN:
            branches.append(sentence_start)
            continue
        if token == BRANCH_NEXT:
            sentence_start = branches[-1] if branches else sentence_start
            run_open = False
            continue
        if token == BRANCH_CLOSE:
            if branches:
                branches.pop()
            continue
        if not token[0].isalnum():
            if SENTENCE_END.fullmatch(token):
                sentence_start = True
            run_open = False
            continue
        word = re.sub(r"['’]s?$", "", token)
        first, was_start = sentence_start, sentence_start
        sentence_start = False
        after = previous_word in AFTER_WORDS
        previous_word = word
        gap = text[last_end : match.start()]
        last_end = match.end()
        if (
            first
            or after
            or not word[:1].isupper()
            or len(word) < 2
            or ACRONYM.match(word)
            or any(ch.isdigit() for ch in word)
            or covered[match.start()]
            or re.fullmatch(r"[0-9]+[a-z]?|[A-Z]", following)
        ):  # a citation: Article 28, Subpart E
            run_open = False
            continue
        if run_open and gap.strip() == "" and found:
            found[-1].append(word)
        else:
            found.append([word])
        run_open = not was_start
    return [" ".join(words) for words in found]


def check_capitalised(version: Version, known: re.Pattern | None, report: LintReport) -> None:
    """Report capitalised words in a body that are neither defined terms nor allowed words."""
    v = version.version
    seen: dict[str, list[int]] = {}
    for line, text, start in static_lines(v.body):
        for phrase in capitalised_words(text, start, known):
            seen.setdefault(phrase, []).append(v.body_line + line - 1)
    for phrase, lines in seen.items():
        more = (
            f" (also on line{'s' if len(lines) > 2 else ''} {', '.join(map(str, lines[1:]))})" if len(lines) > 1 else ""
        )
        report.add(
            version.rel,
            lines[0],
            f"'{phrase}' is capitalised but is not a defined term, a party role or in lint.yaml{more}",
        )
