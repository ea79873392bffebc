"""Every error class of contractgen, in this one module: one base exception with narrow subclasses by stage;
third-party errors are translated at the boundary."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem with an input, located as precisely as we can: file, line and field path."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


@dataclass(frozen=True)
class DraftingNote:
    """Something the deal says that the library does not know, drafted safely, for a lawyer to check.

    `id` is stable (the kind of note and the words it is about, never a line number), so a deal can
    acknowledge it in `acknowledged_notes`; `clause` is the anchor of the clause it affects.
    """

    id: str
    file: str
    line: int | None
    path: str
    unrecognised: str  # what was not recognised
    drafted: str  # what the draft did instead
    check: str  # what a lawyer must check
    clause: str = ""
    acknowledged: bool = False

    @property
    def message(self) -> str:
        """Return the note as one sentence group: not recognised; drafted; to check."""
        return f"{self.unrecognised}; {self.drafted}; check: {self.check} [note {self.id}]"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"

    def as_warning(self) -> str:
        """Return the note as a problem line marked `warning:` (the form annotations read)."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f"{self.path}: " if self.path else ""
        return f"{where}: warning: {field}{self.message}"

    def to_json(self) -> dict:
        """Return the note as a JSON-ready mapping."""
        return {
            "id": self.id,
            "file": self.file,
            "line": self.line,
            "field": self.path,
            "unrecognised": self.unrecognised,
            "drafted": self.drafted,
            "check": self.check,
            "clause": self.clause,
            "acknowledged": self.acknowledged,
        }


class ContractgenError(Exception):
    """Base class of every error contractgen reports to its users."""

    exit_code = 2

    def __init__(self, message: str = "", problems: list[Problem] | None = None):
        self.problems = list(problems or [])
        if not message and self.problems:
            message = "\n".join(str(p) for p in self.problems)
        super().__init__(message)

    def lines(self) -> list[str]:
        """Return the message as lines, one per problem when there are several."""
        if self.problems:
            return [str(p) for p in self.problems]
        return str(self).splitlines() or [type(self).__name__]


class DealError(ContractgenError):
    """The deal specification is not valid (bad YAML, unknown fields, broken rules)."""


class LibraryError(ContractgenError):
    """The clause library or a document template is broken (front matter, versions, ids)."""


class TemplateError(ContractgenError):
    """A clause template failed to render (undefined variable, sandbox violation, syntax)."""


class DocumentError(ContractgenError):
    """The assembled document is inconsistent (unresolved cross-reference, duplicate anchor)."""


class OutputError(ContractgenError):
    """An output file could not be written."""


class SettingError(ContractgenError):
    """An environment setting is not valid (such as a SOURCE_DATE_EPOCH that is not a Unix timestamp)."""


class UnsafePathError(ContractgenError):
    """A file leads outside the folder it belongs to, is not a regular file, or is too large to read."""


class UnsafeResourceError(OutputError):
    """The layout asked WeasyPrint for a resource outside the template folder (or too large)."""


class MissingFontError(OutputError):
    """A font file the template's stylesheet declares (@font-face) is missing: never fall back to another font."""


class MissingGlyphError(MissingFontError):
    """A character of the contract has no glyph in any font the template carries: never print it blank."""


class LawError(ContractgenError):
    """A law record cannot be read (not YAML, not a mapping) or no record has the id asked for."""


class RepoError(ContractgenError):
    """The contracts repository is missing or its settings are invalid."""


class ShardError(RepoError):
    """A shard option or a set of partial locks is not usable."""


class DaskUnavailableError(RepoError):
    """--dask was asked for but dask.distributed is not installed."""


class LockError(ContractgenError):
    """contractgen.lock cannot be read."""


class ImpactError(ContractgenError):
    """The comparison could not be made (not a git repository, unknown ref)."""


class InstallError(ContractgenError):
    """The install setting (or --install-from) names no pinned way to install contractgen."""


class ProvenanceError(ContractgenError):
    """The file carries no readable provenance record."""


class StaleSave(ContractgenError):
    """The file changed on disk since the form was opened: saving would overwrite someone's work."""


class NotFound(ContractgenError):
    """The browser asked for something the repository does not have."""


class RenderTimeout(ContractgenError):
    """A render took longer than the server's time limit."""


class RenderFailed(ContractgenError):
    """A render stopped with a problem in the deal, the library or a template."""


class BindRefused(ContractgenError):
    """Listening beyond this machine without a token."""


class MarkupError(ValueError):
    """The file is not a DOCX contractgen can read changes from."""


class MergeUnavailable(ContractgenError):
    """git could not merge the two versions (not installed, or it failed)."""
