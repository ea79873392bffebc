"""The clause library loader: file names, front matter, ids, and problems collected at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from contractgen.errors import LibraryError
from contractgen.library.clauses import default_version, load_library, split_front_matter
from tests.helpers import clause_file, write_file


def problems_of(root: Path) -> list[str]:
    with pytest.raises(LibraryError) as caught:
        load_library(root)
    return [str(p) for p in caught.value.problems]


def test_front_matter_is_parsed_into_a_clause_version(tmp_path):
    path = write_file(
        tmp_path / "risk" / "service-credits" / "v2.md",
        (
            "---\n"
            "title: '  Service Credits '\n"
            "status: approved\n"
            "when: service_levels and service_levels.service_credits\n"
            "defines:\n"
            "  Service Credit: ' a reduction of the Charges. '\n"
            "covers: sla-credits\n"
            "changes: Credits now capped.\n"
            "---\n"
            "Body line one.\n"
        ),
    )
    clause_file(tmp_path, "risk/service-credits/v1.md", title="Service Credits")
    library = load_library(tmp_path)
    clause = library.get("service-credits")
    assert clause.group == "risk" and sorted(clause.versions) == [1, 2]
    v2 = clause.versions[2]
    assert v2.title == "Service Credits"
    assert v2.status == "approved"
    assert v2.when == "service_levels and service_levels.service_credits"
    assert v2.defines == (("Service Credit", "a reduction of the Charges."),)
    assert v2.covers == ("sla-credits",)  # a single string is a one-item list
    assert v2.changes == "Credits now capped."
    assert v2.body == "Body line one.\n"
    assert v2.body_line == 10  # the body starts on line 10 of the file
    assert v2.path == path and v2.label == "service-credits v2"
    assert len(v2.sha256) == 64


@pytest.mark.parametrize(
    "statuses, expected",
    [
        (("approved", "approved", "draft"), 2),  # the newest approved; a newer draft is not chosen
        (("deprecated", "approved", "retired"), 2),
        (("deprecated", "deprecated", "draft"), 2),  # no approved version: the newest deprecated
        (("draft", "retired"), None),  # neither: no default (a deal must pin)
    ],
)
def test_default_version_is_the_newest_approved_else_deprecated(tmp_path, statuses, expected):
    for number, status in enumerate(statuses, start=1):
        clause_file(tmp_path, f"g/c/v{number}.md", status=status, **({"changes": "x"} if number > 1 else {}))
    clause = load_library(tmp_path).get("c")
    chosen = clause.default()
    assert (chosen.version if chosen else None) == expected
    assert default_version(clause.versions) is chosen


def test_crlf_files_read_like_lf(tmp_path):
    (tmp_path / "g" / "c").mkdir(parents=True)
    (tmp_path / "g" / "c" / "v1.md").write_bytes(b"---\r\ntitle: T\r\nstatus: approved\r\n---\r\nText.\r\n")
    version = load_library(tmp_path).get("c").versions[1]
    assert version.body == "Text.\n" and version.title == "T"


def test_readme_files_are_ignored(tmp_path):
    write_file(tmp_path / "README.md", "# The library\n")
    write_file(tmp_path / "g" / "README.md", "# A group\n")
    clause_file(tmp_path, "g/c/v1.md")
    assert list(load_library(tmp_path).clauses) == ["c"]


def test_missing_title_and_bad_status(tmp_path):
    clause_file(tmp_path, "g/c/v1.md", title=None, status=None)
    clause_file(tmp_path, "g/d/v1.md", title="''", status="final")
    problems = problems_of(tmp_path)
    assert "g/c/v1.md:1: title: is required" in problems
    assert "g/c/v1.md:1: status: must be one of draft, approved, deprecated, retired" in problems
    assert "g/d/v1.md:1: title: is required" in problems
    assert "g/d/v1.md:1: status: must be one of draft, approved, deprecated, retired" in problems


def test_unknown_front_matter_key(tmp_path):
    clause_file(tmp_path, "g/c/v1.md", titel="Typo")
    (problem,) = problems_of(tmp_path)
    assert problem.startswith("g/c/v1.md:1: titel: unknown front matter key")
    assert "title" in problem  # the allowed keys are listed


def test_changes_required_from_version_two(tmp_path):
    clause_file(tmp_path, "g/c/v1.md")  # v1 needs no changes
    clause_file(tmp_path, "g/c/v2.md")
    clause_file(tmp_path, "g/c/v3.md", changes="'   '")
    problems = problems_of(tmp_path)
    assert problems == [
        "g/c/v2.md:1: changes: is required from version 2 on: say what changed",
        "g/c/v3.md:1: changes: is required from version 2 on: say what changed",
    ]


@pytest.mark.parametrize("name", ["v0.md", "V1.md", "v01.md", "version1.md", "v1.markdown.md", "draft.md"])
def test_bad_version_file_names(tmp_path, name):
    clause_file(tmp_path, f"g/c/{name}")
    (problem,) = problems_of(tmp_path)
    assert problem == f"g/c/{name}: a version file must be named v1.md, v2.md …"


@pytest.mark.parametrize("clause_id", ["Bad-Id", "bad_id", "-bad", "bad--id", "1bad"])
def test_bad_clause_ids(tmp_path, clause_id):
    clause_file(tmp_path, f"g/{clause_id}/v1.md")
    (problem,) = problems_of(tmp_path)
    assert f"'{clause_id}' is not a valid clause id" in problem


def test_duplicate_id_across_groups(tmp_path):
    clause_file(tmp_path, "alpha/shared/v1.md")
    clause_file(tmp_path, "beta/shared/v1.md")
    (problem,) = problems_of(tmp_path)
    assert problem == "beta/shared/v1.md: clause id 'shared' is also used in alpha/; ids must be unique"


@pytest.mark.parametrize(
    "text, message",
    [
        ("title: T\nstatus: approved\n", "the file must start with a '---' front matter block"),
        ("---\ntitle: T\nstatus: approved\n", "the front matter block is not closed with '---'"),
        (
            "---\ntitle: [unclosed\n---\nText\n",
            "front matter: invalid YAML: the list in [ ] that starts on this line is not closed",
        ),
        ("---\n- a list\n---\nText\n", "front matter must be a mapping of keys to values"),
        ("---\ntitle: T\nstatus: approved\ndefines: [a, b]\n---\nText\n", "defines: must map each term to its meaning"),
        ("---\ntitle: T\nstatus: approved\ncovers: {a: 1}\n---\nText\n", "covers: must be a list of checklist ids"),
    ],
)
def test_malformed_front_matter(tmp_path, text, message):
    write_file(tmp_path / "g" / "c" / "v1.md", text)
    (problem,) = problems_of(tmp_path)
    line = 2 if "invalid YAML" in message else 1  # a YAML error is located on its own line of the file
    assert problem.startswith(f"g/c/v1.md:{line}: ") and message in problem


def test_non_utf8_file(tmp_path):
    (tmp_path / "g" / "c").mkdir(parents=True)
    (tmp_path / "g" / "c" / "v1.md").write_bytes(b"---\ntitle: Caf\xe9\nstatus: approved\n---\n")
    assert problems_of(tmp_path) == ["g/c/v1.md:1: is not UTF-8 text"]


def test_all_problems_are_collected_at_once(tmp_path):
    clause_file(tmp_path, "g/ok/v1.md")
    clause_file(tmp_path, "g/no-title/v1.md", title=None)
    clause_file(tmp_path, "g/unknown-key/v1.md", colour="blue")
    clause_file(tmp_path, "g/no-changes/v1.md")
    clause_file(tmp_path, "g/no-changes/v2.md")
    clause_file(tmp_path, "g/badname/version2.md")
    clause_file(tmp_path, "g/Bad_Id/v1.md")
    clause_file(tmp_path, "h/ok/v1.md")
    problems = problems_of(tmp_path)
    assert len(problems) == 6, problems
    joined = "\n".join(problems)
    for needle in (
        "no-title/v1.md:1: title",
        "unknown-key/v1.md:1: colour",
        "no-changes/v2.md:1: changes",
        "badname/version2.md",
        "'Bad_Id' is not a valid clause id",
        "h/ok/v1.md: clause id 'ok'",
    ):
        assert needle in joined


def test_missing_library_folder(tmp_path):
    with pytest.raises(LibraryError, match="does not exist"):
        load_library(tmp_path / "nowhere")


def test_split_front_matter_reports_body_line():
    head, body, line = split_front_matter("---\na: 1\nb: 2\n---\nbody\n")
    assert (head, body, line) == ("a: 1\nb: 2", "body\n", 5)


def test_fixture_library_loads(mini_root):
    library = load_library(mini_root / "clauses")
    assert set(library.clauses) == {
        "parties",
        "definitions",
        "scope",
        "legacy",
        "sunset",
        "future",
        "non-solicitation",
        "credits",
        "svc-list",
        "milestones",
        "pricing",
    }
    assert library.suggest("scpoe") == " (did you mean 'scope'?)"
    assert library.suggest("zzzzzz") == ""
