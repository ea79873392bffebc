"""`contractgen lint`: check the whole clause library and a template's outline and checklist.

Every problem is a `path:line: message` line (paths relative to the root folder). Warnings
(an unused clause, a checklist item no clause covers) are prefixed `warning:` and do not fail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from contractgen.errors import ContractgenError, Problem
from contractgen.templating.analysis import analyse_expression, analyse_template
from contractgen.templating.spelling import load_spelling, unhandled_words
from contractgen.library.clauses import (
    STATUSES, VERSION_FILE, ClauseVersion, parse_clause_file, scan_library_folder, split_front_matter,
)

ROLE_WORDS = ("Client", "Supplier", "Party", "Parties")
ANCHOR = re.compile(r"\{#([A-Za-z][A-Za-z0-9._-]*)\}")
REFERENCE = re.compile(r"\[([^\]\n]*)\]\(#([^)\s]*)\)")
JINJA_COMMENT = re.compile(r"\{##.*?##\}", re.DOTALL)
JINJA_OUTPUT = re.compile(r"\{\{.*?\}\}", re.DOTALL)
JINJA_TAG = re.compile(r"\{%.*?%\}", re.DOTALL)
SENTENCE_END = re.compile(r"[.!?:]")
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]+(?:s|'s|’s)?$")
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# A party's short name inside a compound defined term ("{{ CLIENT_NAME }} Data") reads, for the
# static checks, as the default short name ("Client Data").
PARTY_NAME = re.compile(r"\{\{-?\s*(CLIENT|SUPPLIER)_NAME\s*-?\}\}")
# A party named by a role word in the static text of a clause: the deal's short names come
# through the context (CLIENT, SUPPLIER, CLIENT_NAME, SUPPLIER_NAME), never the text.
HARD_CODED_PARTY = re.compile(r"\b(?:[Tt]he\s+)?(?:Client|Supplier|Customer|Vendor)\b(?:['’]s|\s+[A-Z][a-z]+)?")
AFTER_WORDS = {"Schedule", "Schedules", "clause", "clauses", "Clause", "Clauses", "paragraph", "paragraphs"}


@dataclass(frozen=True, order=True)
class LintMessage:
    """One lint finding: a file, a line, a message; warnings do not fail the lint."""

    path: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"
        return f"warning: {text}" if self.warning else text


@dataclass
class LintReport:
    """The outcome of a lint run."""

    messages: list[LintMessage] = field(default_factory=list)
    clauses: int = 0
    versions: int = 0

    @property
    def errors(self) -> list[LintMessage]:
        """Return the findings that fail the lint."""
        return [m for m in self.messages if not m.warning]

    @property
    def warnings(self) -> list[LintMessage]:
        """Return the findings that only warn."""
        return [m for m in self.messages if m.warning]

    def add(self, path: str, line: int | None, message: str, warning: bool = False) -> None:
        """Record a finding (duplicates are dropped)."""
        found = LintMessage(path, line or 0, message, warning)
        if found not in self.messages:
            self.messages.append(found)


@dataclass
class Version:
    """A clause version as lint sees it: the parsed version plus where its front matter keys are."""

    rel: str
    version: ClauseVersion
    key_lines: dict[tuple, int]

    def key_line(self, *path: Any) -> int:
        """Return the file line of a front matter key (1 if unknown)."""
        return self.key_lines.get(tuple(path), 1)


@dataclass
class Template:
    """What lint reads from one document template."""

    name: str
    outline_rel: str
    outline: Any  # resolve.Outline | None
    outline_lines: dict[tuple, int]
    checklist_rel: str
    checklist: Any  # coverage.Checklist | None
    allow: list[str]


def strip_comments(text: str) -> str:
    """Replace Jinja comments ({## … ##}) with blank space, keeping line numbers."""
    return JINJA_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _yaml_lines(text: str, where: str) -> dict[tuple, int]:
    from contractgen.deal.yamlsource import load_yaml

    try:
        return load_yaml(text, where)[1]
    except ContractgenError:
        return {}


# ---------------------------------------------------------------- loading


def _load_template(root: Path, name: str, report: LintReport) -> Template:
    from contractgen.checks.coverage import load_checklist
    from contractgen.library.resolve import load_outline

    folder = root / "templates" / name
    outline_rel = f"templates/{name}/outline.yaml"
    checklist_rel = f"templates/{name}/checklist.yaml"
    outline = checklist = None
    outline_lines: dict[tuple, int] = {}
    try:
        outline = load_outline(folder)
        outline_lines = _yaml_lines(outline.path.read_text(encoding="utf-8"), outline_rel)
    except ContractgenError as exc:
        _report_problems(report, exc, outline_rel)
    try:
        checklist = load_checklist(folder, root)
    except ContractgenError as exc:
        _report_problems(report, exc, checklist_rel)
    allow: list[str] = []
    lint_file = folder / "lint.yaml"
    if lint_file.is_file():
        try:
            data = yaml.safe_load(lint_file.read_text(encoding="utf-8")) or {}
            allow = [str(word) for word in (data.get("allow") or [])] if isinstance(data, dict) else []
        except yaml.YAMLError as exc:
            report.add(f"templates/{name}/lint.yaml", 1, f"invalid YAML: {str(exc).splitlines()[0]}")
    return Template(name, outline_rel, outline, outline_lines, checklist_rel, checklist, allow)


def _report_problems(report: LintReport, exc: ContractgenError, default: str) -> None:
    if not exc.problems:
        report.add(default, None, str(exc))
    for problem in exc.problems:
        path = default if Path(default).name == Path(problem.file).name else problem.file
        message = f"{problem.path}: {problem.message}" if problem.path else problem.message
        report.add(path, problem.line, message)


def _load_versions(root: Path, report: LintReport) -> list[Version]:
    library_root = root / "clauses"
    versions: list[Version] = []
    if not library_root.is_dir():
        report.add("clauses", None, "the clause library folder does not exist")
        return versions
    for file in scan_library_folder(library_root, prefix="clauses/"):
        if file.problem:
            report.add(file.rel, None, file.problem)
            continue
        version = _parse_version(file.path, library_root, file.rel, report)
        if version is not None:
            versions.append(version)
    return versions


def _parse_version(path: Path, library_root: Path, rel: str, report: LintReport) -> Version | None:
    """Parse one version file, reporting front matter problems at the line of their key."""
    try:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        head, body, body_line = split_front_matter(text)
        meta = yaml.safe_load(head) or {}
    except (UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        report.add(rel, 1, f"front matter: {str(exc).splitlines()[0]}")
        return None
    if not isinstance(meta, dict):
        report.add(rel, 1, "front matter must be a mapping of keys to values")
        return None
    lines = {key: line + 1 for key, line in _yaml_lines(head, rel).items()}
    parsed, problems = parse_clause_file(path, library_root)
    for problem in problems:
        line = lines.get((problem.path,), 1) if problem.path else (problem.line or 1)
        message = f"{problem.path}: {problem.message}" if problem.path else problem.message
        report.add(rel, line, message)
    if parsed is None:
        # Keep checking the body of an incomplete version: build it leniently.
        defines = meta.get("defines") if isinstance(meta.get("defines"), dict) else {}
        covers = meta.get("covers") if isinstance(meta.get("covers"), list) else []
        parsed = ClauseVersion(
            id=path.parent.name, group=path.parent.parent.relative_to(library_root).as_posix(),
            version=int(VERSION_FILE.match(path.name).group(1)), path=path,
            title=str(meta.get("title") or ""), status=str(meta.get("status") if meta.get("status") in STATUSES else "draft"),
            body=body, body_line=body_line, when=str(meta.get("when") or "").strip(),
            defines=tuple((str(k), str(v)) for k, v in defines.items()), covers=tuple(str(c) for c in covers),
        )  # fmt: skip
    if not parsed.covers:
        report.add(rel, lines.get(("covers",), 1), "covers: is required: list the checklist items this clause covers")
    return Version(rel, parsed, lines)


# ---------------------------------------------------------------- checks


def _check_covers(version: Version, checklist_ids: set[str], templates: list[Template], report: LintReport) -> None:
    if not any(t.checklist is not None for t in templates):
        return
    names = ", ".join(t.checklist_rel for t in templates)
    for index, item in enumerate(version.version.covers):
        if item not in checklist_ids:
            import difflib

            close = difflib.get_close_matches(item, sorted(checklist_ids), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            line = version.key_lines.get(("covers", index), version.key_line("covers"))
            report.add(version.rel, line, f"covers: '{item}' is not an item of {names}{hint}")


def _check_body_text(version: Version, targets: set[str], report: LintReport) -> None:
    """Check references, anchors and comment habits in a body and its definitions (|safe: see jinja_paths)."""
    v = version.version
    body = strip_comments(v.body)
    for match in REFERENCE.finditer(body):
        line = v.body_line + _line_at(body, match.start()) - 1
        _check_reference(match, targets, version.rel, line, report)
    for match in re.finditer(r"\{#(?!#)", body):
        line = v.body_line + _line_at(body, match.start()) - 1
        anchor = ANCHOR.match(body, match.start())
        if anchor is None:
            report.add(version.rel, line, "'{#' starts no anchor {#id}: use {## … ##} for template comments")
            continue
        rest = body[anchor.end():].split("\n", 1)[0]
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
            report.add(version.rel, version.version.body_line + index,
                       "a block tag at the end of a line of text swallows the line break, so the next "
                       "paragraph merges into this one: end the tag with '+%}' or put it on its own line")


def _check_reference(match: re.Match, targets: set[str], rel: str, line: int, report: LintReport) -> None:
    text, target = match.group(1), match.group(2)
    if "{" in target:
        return  # computed in the template; cannot be checked statically
    if text.strip():
        report.add(rel, line, f"the text of a cross-reference is computed: write [](#{target}), not [{text}](#{target})")
    if target not in targets:
        import difflib

        close = difflib.get_close_matches(target, sorted(targets), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        report.add(rel, line, f"cross-reference [](#{target}) does not resolve: no clause, schedule or anchor has that id{hint}")


def _check_variables(version: Version, report: LintReport) -> None:
    v = version.version
    for finding in analyse_template(v.body):
        report.add(version.rel, v.body_line + finding.line - 1, finding.message)
    if v.when:
        for finding in analyse_expression(v.when):
            report.add(version.rel, version.key_line("when"), f"when: {finding.message}")
    for term, meaning in v.defines:
        for finding in analyse_template(meaning):
            report.add(version.rel, version.key_line("defines", term), f"defines: {term}: {finding.message}")


def term_pattern(terms: list[str], singulars: bool = False) -> re.Pattern | None:
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


def _check_party_words(version: Version, report: LintReport) -> None:
    """A clause names the parties through the context, never by a hard-coded role word."""
    v = version.version
    found: list[tuple[int, str]] = []
    body = JINJA_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), v.body)
    body = JINJA_OUTPUT.sub(lambda m: "x" + "\n" * m.group(0).count("\n"), JINJA_TAG.sub(lambda m: "\n" * m.group(0).count("\n"), body))
    for match in HARD_CODED_PARTY.finditer(body):
        found.append((v.body_line + _line_at(body, match.start()) - 1, match.group(0)))
    for match in HARD_CODED_PARTY.finditer(JINJA_OUTPUT.sub("x", v.title)):
        found.append((version.key_line("title"), match.group(0)))
    for term, meaning in v.defines:
        for text in (term, meaning):
            for match in HARD_CODED_PARTY.finditer(JINJA_OUTPUT.sub("x", text)):
                found.append((version.key_line("defines", term), match.group(0)))
    for line, words in found:
        report.add(version.rel, line, f"'{words}' hard-codes a party: write {_party_hint(words)} so the deal's short "
                                      f"names (and their article) appear")


def _check_spelling(version: Version, spelling: Any, template: str, report: LintReport) -> None:
    """Every word that looks British has a US form in the template's spelling.yaml, or is listed as the same."""
    v = version.version
    texts = [(v.body_line + _line_at(v.body, 0) - 1, v.body), (version.key_line("title"), v.title)]
    texts += [(version.key_line("defines", term), f"{term} {meaning}") for term, meaning in v.defines]
    for line, text in texts:
        for index, body_line in enumerate(text.split("\n")):
            for word in unhandled_words(body_line, spelling):
                report.add(version.rel, line + index if text is v.body else line,
                           f"'{word}' may be spelt differently in US English: add it to templates/{template}/spelling.yaml "
                           f"(under stems or words with its US form, or under same)")


def _party_hint(words: str) -> str:
    role = "SUPPLIER" if re.search(r"Supplier|Vendor", words) else "CLIENT"
    compound = re.search(r"(?:Client|Supplier|Customer|Vendor)\s+([A-Z][a-z]+)$", words)
    if compound:
        return f"{{{{ {role}_NAME }}}} {compound.group(1)}"
    if re.match(r"(?i)the\s", words):
        return f"{{{{ {role} }}}}" + ("'s" if words.endswith("s") and "'" in words else "") + f" (or {{{{ {role}|cap }}}})"
    return f"{{{{ {role}_NAME }}}} inside a defined term, or {{{{ {role} }}}}"


def _check_unused_terms(versions: list[Version], report: LintReport) -> None:
    bodies = "\n".join(party_placeholders(strip_comments(v.version.body)) for v in versions)
    reported: set[str] = set()
    for version in versions:
        for term, _ in version.version.defines:
            if term in reported:
                continue
            pattern = term_pattern([party_placeholders(term)])
            others = "\n".join(party_placeholders(m) for vv in versions for t, m in vv.version.defines if t != term)
            if not (pattern.search(bodies) or pattern.search(others)):
                reported.add(term)
                report.add(version.rel, version.key_line("defines", term),
                           f"defines: '{term}' is never used in a clause body or another definition")


def party_placeholders(text: str) -> str:
    """Read '{{ CLIENT_NAME }}' and '{{ SUPPLIER_NAME }}' as the default short names."""
    return PARTY_NAME.sub(lambda m: m.group(1).title(), text)


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
            following = next((l.strip() for l in lines[index + 1:] if l.strip()), "")
            if re.fullmatch(r"\|?[\s:|-]+\|?", stripped) or re.fullmatch(r"\|?\s*:?-{3,}.*", following):
                continue  # a separator or a header row
            for cell in stripped.strip("|").split("|"):
                out.append((index + 1, cell, True))
            start = True
            continue
        marker = LIST_MARKER.match(text)
        if marker:
            text = text[marker.end():]
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
    keyword = re.match(r"\{%[-+]?\s*(\w+)", tag)
    keyword = keyword.group(1) if keyword else ""
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
        gap = text[last_end:match.start()]
        last_end = match.end()
        if (first or after or not word[:1].isupper() or len(word) < 2 or ACRONYM.match(word)
                or any(ch.isdigit() for ch in word) or covered[match.start()]
                or re.fullmatch(r"[0-9]+|[A-Z]", following)):  # a citation: Article 28, Subpart E
            run_open = False
            continue
        if run_open and gap.strip() == "" and found:
            found[-1].append(word)
        else:
            found.append([word])
        run_open = not was_start
    return [" ".join(words) for words in found]


def _check_capitalised(version: Version, known: re.Pattern | None, report: LintReport) -> None:
    v = version.version
    seen: dict[str, list[int]] = {}
    for line, text, start in static_lines(v.body):
        for phrase in capitalised_words(text, start, known):
            seen.setdefault(phrase, []).append(v.body_line + line - 1)
    for phrase, lines in seen.items():
        more = f" (also on line{'s' if len(lines) > 2 else ''} {', '.join(map(str, lines[1:]))})" if len(lines) > 1 else ""
        report.add(version.rel, lines[0],
                   f"'{phrase}' is capitalised but is not a defined term, a party role or in lint.yaml{more}")


def _check_outline(template: Template, library_ids: set[str], report: LintReport) -> set[str]:
    used: set[str] = set()
    if template.outline is None:
        return used
    seen: set[str] = set()
    for p_index, part in enumerate(template.outline.parts):
        if part.when:
            line = template.outline_lines.get(("parts", p_index, "when"), template.outline_lines.get(("parts", p_index), 1))
            for finding in analyse_expression(part.when):
                report.add(template.outline_rel, line, f"when: {finding.message}")
        for c_index, item in enumerate(part.items):
            line = template.outline_lines.get(("parts", p_index, "clauses", c_index), 1)
            used.add(item.id)
            if item.id not in library_ids:
                import difflib

                close = difflib.get_close_matches(item.id, sorted(library_ids), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                report.add(template.outline_rel, line, f"unknown clause id '{item.id}'{hint}")
            if item.id in seen:
                report.add(template.outline_rel, line, f"clause '{item.id}' appears twice")
            seen.add(item.id)
            if item.when:
                when_line = template.outline_lines.get(("parts", p_index, "clauses", c_index, "when"), line)
                for finding in analyse_expression(item.when):
                    report.add(template.outline_rel, when_line, f"when: {finding.message}")
            for v_index, (variant_id, variant_when) in enumerate(item.variants):
                v_line = template.outline_lines.get(("parts", p_index, "clauses", c_index, "variants", v_index), line)
                used.add(variant_id)
                if variant_id not in library_ids:
                    report.add(template.outline_rel, v_line, f"unknown clause id '{variant_id}' in the variants of '{item.id}'")
                if variant_id in seen:
                    report.add(template.outline_rel, v_line, f"clause '{variant_id}' appears twice")
                seen.add(variant_id)
                for finding in analyse_expression(variant_when):
                    report.add(template.outline_rel, v_line, f"when: {finding.message}")
    return used


def _check_checklist(template: Template, covered: set[str], report: LintReport) -> None:
    if template.checklist is None:
        return
    for item in template.checklist.items:
        if item.when:
            for finding in analyse_expression(item.when):
                report.add(template.checklist_rel, item.when_line or item.line, f"when: {finding.message}")
        if item.id not in covered:
            report.add(template.checklist_rel, item.line, f"item '{item.id}' is covered by no clause of the library", warning=True)


# ---------------------------------------------------------------- entry point


def template_names(root: Path) -> list[str]:
    """Return the names of the document templates under root/templates."""
    folder = root / "templates"
    return sorted(p.name for p in folder.iterdir() if (p / "outline.yaml").is_file()) if folder.is_dir() else []


def lint_library(root: Path, template: str | None = None) -> LintReport:
    """Check the clause library under root/clauses and the template(s) under root/templates."""
    root = Path(root)
    report = LintReport()
    names = [template] if template else template_names(root)
    if template and not (root / "templates" / template / "outline.yaml").is_file():
        report.add(f"templates/{template}", None, f"unknown document template '{template}' (known: {', '.join(template_names(root)) or 'none'})")
        names = []
    templates = [_load_template(root, name, report) for name in names]
    versions = _load_versions(root, report)
    library_ids = {v.version.id for v in versions} | (
        {f.clause_id for f in scan_library_folder(root / "clauses") if f.version} if (root / "clauses").is_dir() else set())
    report.clauses = len({v.version.id for v in versions})
    report.versions = len(versions)

    checklist_ids = set().union(*(t.checklist.ids() for t in templates if t.checklist is not None))
    schedule_ids = {part.id for t in templates if t.outline for part in t.outline.parts if part.kind == "schedule"}
    anchors = {m.group(1) for v in versions for m in ANCHOR.finditer(strip_comments(v.version.body))}
    targets = library_ids | schedule_ids | anchors

    terms = [party_placeholders(term) for v in versions for term, _ in v.version.defines]
    allow = [word for t in templates for word in t.allow]
    known = term_pattern(terms + list(ROLE_WORDS) + allow, singulars=True)

    for version in versions:
        _check_covers(version, checklist_ids, templates, report)
        _check_body_text(version, targets, report)
        _check_variables(version, report)
        _check_capitalised(version, known, report)
        _check_party_words(version, report)
    spellings = [(t.name, load_spelling(root / "templates" / t.name)) for t in templates]
    for name, spelling in spellings:
        if spelling is not None:
            for version in versions:
                _check_spelling(version, spelling, name, report)
    _check_unused_terms(versions, report)

    used: set[str] = set()
    for t in templates:
        used |= _check_outline(t, library_ids, report)
    covered = {item for v in versions for item in v.version.covers}
    for t in templates:
        _check_checklist(t, covered, report)
    if templates:
        newest: dict[str, Version] = {}
        for version in versions:
            if version.version.id not in newest or version.version.version > newest[version.version.id].version.version:
                newest[version.version.id] = version
        for clause_id, version in sorted(newest.items()):
            if clause_id not in used:
                outlines = ", ".join(t.outline_rel for t in templates)
                report.add(version.rel, 1, f"clause '{clause_id}' is not in {outlines} (unused)", warning=True)
    report.messages.sort(key=lambda m: (m.path, m.line, m.message))
    return report


__all__ = ["LintMessage", "LintReport", "lint_library", "Problem"]
