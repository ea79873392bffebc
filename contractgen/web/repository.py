"""The contracts repository as the web workspace sees it: its deals, their state and their rounds.

Every path the browser names is looked up among the repository's own deal files (or clause
versions); nothing the browser sends is ever joined onto a folder and opened.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from contractgen import safefs
from contractgen.errors import ContractgenError, DealError, NotFound, Problem
from contractgen.outputs import write_atomically
from contractgen.repo.config import CONFIG_NAME, DEFAULTS, RepoConfig, load_config
from contractgen.web.workers import Settings

COMMIT = re.compile(r"^[0-9a-f]{7,40}$")
DEAL_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
SAVED = "saved"  # the round that is the file as saved now
SAVE_SUBJECT = "Saved in the web workspace:"


@dataclass
class DealRow:
    """One line of the deals list."""

    rel: str
    title: str = ""
    status: str = ""
    built: str = ""  # when the outputs were last written, or ""
    state: str = ""  # "current", "out of date" or "never built"
    reasons: list[str] = field(default_factory=list)
    problem: str = ""


@dataclass
class Round:
    """A version of a deal file that can be compared: a commit, or the file as saved."""

    ref: str
    label: str


def open_repository(start: Path) -> RepoConfig:
    """Return the repository settings: contractgen.toml when there is one, else a folder of samples."""
    start = Path(start).resolve()
    if not start.is_dir():
        raise NotFound(f"{start}: no such folder")
    if (start / CONFIG_NAME).is_file():
        return load_config(start)
    if (start / "clauses").is_dir() and (start / "templates").is_dir():
        deals = next((g for g in ("deals/*.yaml", "samples/*.yaml") if list(start.glob(g))), DEFAULTS["deals"])
        return RepoConfig(
            start, deals, DEFAULTS["output"], tuple(DEFAULTS["formats"]), DEFAULTS["clauses"], DEFAULTS["templates"]
        )
    return load_config(start)  # walks up to the nearest contractgen.toml, or says there is none


class WebRepository:
    """The deals, rounds and clause files of one repository."""

    def __init__(self, config: RepoConfig):
        self.config = config
        self.root = config.root.resolve()

    @property
    def settings(self) -> Settings:
        """Return what a render worker needs to find the library."""
        return Settings(str(self.root), str(self.config.clauses_dir), str(self.config.templates_dir))

    def deals(self) -> list[str]:
        """Return the repository-relative paths of every deal file."""
        return [rel for rel in self.config.deal_paths() if self._inside(self.root / rel)]

    def deal_path(self, rel: str) -> Path:
        """Return the file of a deal named by the browser, refusing anything not in the deals list."""
        if rel not in self.deals():
            raise NotFound(f"no deal {rel!r} in this repository")
        return self.root / rel

    def is_signed(self, rel: str) -> bool:
        """Return whether the deal file on disk says `status: signed` (a signed contract is frozen)."""
        from contractgen.deal.yamlsource import load_deal_file

        try:
            data, _ = load_deal_file(self.deal_path(rel))
        except ContractgenError:
            return False
        return isinstance(data, dict) and data.get("status") == "signed"

    def _inside(self, path: Path) -> bool:
        try:
            return safefs.is_regular_file(path, self.root)
        except OSError:
            return False

    # ------------------------------------------------------------ the deals list

    def rows(self) -> list[DealRow]:
        """Return the deals with their status, last build and whether their outputs are current."""
        from contractgen.deal.yamlsource import load_deal_file
        from contractgen.repo.staleness import assess

        try:
            assessment = assess(self.config)
            states = assessment.deals
        except ContractgenError:
            states = {}
        rows = []
        for rel in self.deals():
            row = DealRow(rel)
            try:
                data, _ = load_deal_file(self.root / rel)
                contract = data.get("contract") if isinstance(data.get("contract"), dict) else {}
                row.title = str(contract.get("title") or "")
                status = data.get("status")
                row.status = (
                    str(status)
                    if isinstance(status, str) and status
                    else (
                        _default_status() or ("draft" if str(contract.get("draft")).lower() in ("true", "yes") else "")
                    )
                )
            except ContractgenError as exc:
                row.problem = exc.lines()[0]
            built = [self.root / p for p in self.config.output_paths(rel).values() if (self.root / p).is_file()]
            if built:
                moment = max(p.stat().st_mtime for p in built)
                row.built = datetime.fromtimestamp(moment, tz=timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
            state = states.get(rel)
            if state is None or state.new or not built:
                row.state = "never built"
            elif state.stale or state.edited:
                row.state = "out of date"
                row.reasons = state.reasons + [f"{o} was edited by hand" for o in state.edited]
            else:
                row.state = "current"
            rows.append(row)
        return rows

    def new_deal(self, name: str, sample_rel: str = "", upload: bytes | None = None) -> str:
        """Create deals/<name>.yaml from one of the repository's deals or an uploaded file; return its path."""
        if not DEAL_NAME.match(name or ""):
            raise ContractgenError("a deal name is lower-case letters, digits and '-' (e.g. 'acme-2027')")
        if upload is None:
            from contractgen.deal.yamlsource import MAX_BYTES

            data = safefs.read_bytes(self.deal_path(sample_rel), self.root, MAX_BYTES)
        else:
            data = _checked_upload(upload, f"{name}.yaml")
        folder = self.config.deals_base or "."
        rel = (Path(folder) / f"{name}.yaml").as_posix().removeprefix("./")
        target = self.root / rel
        if target.exists():
            raise ContractgenError(f"{rel} already exists; choose another name")
        if not target.parent.resolve().is_relative_to(self.root):
            raise NotFound(f"{rel} is outside the repository")

        write_atomically(target, data, root=self.root)
        if rel not in self.deals():
            target.unlink()
            raise ContractgenError(f"{rel} would not match the repository's deals pattern {self.config.deals!r}")
        return rel

    # ------------------------------------------------------------ rounds (git history)

    def _git(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["git", "-c", "core.quotepath=off", *args], cwd=self.root, capture_output=True, timeout=20, check=False
        )

    def last_saved_by(self, rel: str) -> str:
        """Who committed the deal file as it is now ("Ada Counsel at 08:52 UTC"); "" when git cannot say.

        Only when the file is as committed: a hand edit since is nobody git knows.
        """
        if self._git("diff", "--quiet", "HEAD", "--", rel).returncode != 0:
            return ""
        done = self._git("log", "-n", "1", "--format=%an%x09%ct", "--", rel)
        author, _, stamp = done.stdout.decode("utf-8", "replace").strip().partition("\t")
        if done.returncode != 0 or not author or not stamp.isdigit():
            return ""
        return f"{author} at {datetime.fromtimestamp(int(stamp), timezone.utc):%H:%M} UTC"

    def rounds(self, rel: str) -> list[Round]:
        """Return the saved file and the commits that changed the deal, newest first."""
        self.deal_path(rel)
        found = [Round(SAVED, "the file as saved now")]
        done = self._git("log", "-n", "50", "--format=%H%x09%cs%x09%an%x09%s", "--", rel)
        if done.returncode == 0:
            for line in done.stdout.decode("utf-8", "replace").splitlines():
                sha, day, author, subject = (line.split("\t", 3) + ["", "", ""])[:4]
                found.append(Round(sha, f"{day} {sha[:8]} {subject} ({author})"))
        return found

    def record_round(self, rel: str, message: str) -> str:
        """Commit the saved deal file alone to git with `message` (a negotiation round); return the commit."""
        self.deal_path(rel)
        message = " ".join((message or "").split())
        if not message or len(message) > 200:
            raise ContractgenError(
                "describe the round in one line of up to 200 characters (e.g. 'Round 2 sent to the supplier')"
            )
        if self._git("rev-parse", "--is-inside-work-tree").returncode != 0:
            raise ContractgenError(f"{self.root.name} is not a git repository: rounds are recorded as git commits")
        identity = self._identity()
        last = self._git("log", "-1", "--format=%s", "HEAD").stdout.decode("utf-8", "replace").strip()
        unchanged = not self._git("diff", "--quiet", "HEAD", "--", rel).returncode
        if unchanged and last == f"{SAVE_SUBJECT} {rel}":
            # every save is committed: the round names the last save (its author kept) instead of an empty commit
            done = self._git(*identity, "commit", "-q", "--amend", "--only", "-m", message)
            if done.returncode == 0:
                return self._git("rev-parse", "HEAD").stdout.decode().strip()
        added = self._git("add", "--", rel)
        if added.returncode != 0:
            raise ContractgenError("git could not add the deal: " + added.stderr.decode("utf-8", "replace").strip())
        done = self._git(*identity, "commit", "-q", "-m", message, "--only", "--", rel)
        if done.returncode != 0:
            if not self._git("diff", "--cached", "--quiet", "HEAD", "--", rel).returncode:
                raise ContractgenError("the saved file is already recorded: nothing changed since the last round")
            raise ContractgenError(
                "git could not record the round: " + (done.stderr or done.stdout).decode("utf-8", "replace").strip()
            )
        return self._git("rev-parse", "HEAD").stdout.decode().strip()

    def _identity(self) -> list[str]:
        """Return git options giving a committer when the repository has none configured."""
        if self._git("config", "user.name").stdout.strip() and self._git("config", "user.email").stdout.strip():
            return []
        return ["-c", "user.name=contractgen workspace", "-c", "user.email=contractgen@localhost"]

    def commit_save(self, rel: str, author: str | None) -> str:
        """Commit the saved deal file alone, by `author` ("Name <email>", None: git's identity); return what happened."""
        if self._git("rev-parse", "--is-inside-work-tree").returncode != 0:
            return f"saved {rel} (not committed: {self.root.name} is not a git repository)"
        who = ["--author", author] if author else []
        added = self._git("add", "--", rel)
        if added.returncode == 0 and not self._git("diff", "--cached", "--quiet", "HEAD", "--", rel).returncode:
            return f"saved {rel} (unchanged since its last commit)"
        done = self._git(*self._identity(), "commit", "-q", *who, "-m", f"{SAVE_SUBJECT} {rel}", "--only", "--", rel)
        if added.returncode != 0 or done.returncode != 0:
            why = (added.stderr or done.stderr or done.stdout).decode("utf-8", "replace").strip()
            return f"saved {rel}, but git could not commit it: {why}"
        head = self._git("log", "-1", "--format=%h %an").stdout.decode("utf-8", "replace").strip()
        return f"saved {rel} (commit {head})"

    def round_text(self, rel: str, ref: str) -> str:
        """Return the deal's text at a round: the saved file, or a commit listed by `rounds`."""
        from contractgen.web.yamledit import read_deal_text

        path = self.deal_path(rel)
        if ref == SAVED:
            return read_deal_text(path)
        if not COMMIT.match(ref or "") or ref not in {r.ref for r in self.rounds(rel)}:
            raise NotFound(f"no round {ref!r} of {rel}")
        done = self._git("show", f"{ref}:./{rel}")
        if done.returncode != 0:
            raise NotFound(f"{rel} is not in commit {ref[:8]}")
        from contractgen.deal.yamlsource import MAX_BYTES

        if len(done.stdout) > MAX_BYTES:
            raise ContractgenError(f"{rel} at {ref[:8]} is larger than {MAX_BYTES // 1024} KiB")
        try:
            return done.stdout.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ContractgenError(f"{rel} at {ref[:8]} is not UTF-8 text") from None

    # ------------------------------------------------------------ clause files

    def clause_history(self, path: Path) -> list[str]:
        """Return the git log of one clause version file (who changed or approved it, when, why)."""
        rel = path.resolve().relative_to(self.root).as_posix()
        done = self._git("log", "-n", "20", "--format=%cs %an: %s", "--", rel)
        return done.stdout.decode("utf-8", "replace").splitlines() if done.returncode == 0 else []


def _default_status() -> str:
    """Return the deal model's default `status` (e.g. "draft"), or "" when the model has no status."""
    from contractgen.deal.model import Deal

    info = Deal.model_fields.get("status")
    default = getattr(info, "default", None) if info is not None else None
    return str(getattr(default, "value", default)) if isinstance(default, str) or hasattr(default, "value") else ""


def _checked_upload(raw: bytes, name: str) -> bytes:
    """Return an uploaded deal file if the CLI's reader and safe loader accept it (DealError otherwise)."""
    from contractgen.deal.yamlsource import MAX_BYTES
    from contractgen.web.yamledit import RoundTrip

    if len(raw) > MAX_BYTES:
        raise DealError(problems=[Problem(name, None, "", f"the file is larger than {MAX_BYTES // 1024} KiB")])
    if b"\x00" in raw:
        raise DealError(problems=[Problem(name, None, "", "this looks like a binary file, not YAML text")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DealError(problems=[Problem(name, None, "", "the file is not UTF-8 text; save it as UTF-8")]) from None
    RoundTrip(text, name)  # the safe loader and its limits, then the round-trip reader the form uses
    return text.encode("utf-8")
