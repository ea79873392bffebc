"""The safe YAML reader: raw text scalars, line numbers, and refusal of dangerous or odd YAML."""

from __future__ import annotations

import time

import pytest

from contractgen.deal.yamlsource import MAX_BYTES, load_deal_file, load_yaml
from contractgen.errors import DealError
from tests.helpers import REFERENCE


def refused(text: str) -> DealError:
    with pytest.raises(DealError) as info:
        load_yaml(text, "deal.yaml")
    assert len(info.value.problems) == 1
    return info.value


def test_every_scalar_is_raw_text():
    data, _ = load_yaml(
        'a: 012345\nb: NO\nc: 12:30\nd: 2027-02-01\ne: 40000\nf: true\ng: "quoted"\nh: 1e3\ni: 0x1F\n', "x.yaml"
    )
    assert data == {
        "a": "012345", "b": "NO", "c": "12:30", "d": "2027-02-01", "e": "40000",
        "f": "true", "g": "quoted", "h": "1e3", "i": "0x1F",
    }  # fmt: skip


def test_nulls_and_empty_strings():
    data, _ = load_yaml('a: ~\nb: null\nc:\nd: ""\ne: "~"\nf: []\ng: {}\n', "x.yaml")
    assert data == {"a": None, "b": None, "c": None, "d": "", "e": "~", "f": [], "g": {}}


def test_line_map_of_the_reference():
    text = REFERENCE.read_text(encoding="utf-8")
    data, lines = load_yaml(text, str(REFERENCE))
    source = text.splitlines()
    p2 = lines[("service_levels", "incident_priorities", 1, "resolution")]
    assert "priority: P2" in source[p2 - 1]
    assert source[lines[("parties", "client", "company_number")] - 1].strip().startswith("company_number:")
    assert source[lines[("scope", "services", 2)] - 1].strip() == "- id: AMS"
    assert source[lines[("term",)] - 1] == "term:"
    assert data["parties"]["client"]["company_number"] == "01234567"


def test_alias_bomb_is_refused_fast():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    start = time.perf_counter()
    error = refused(bomb)
    assert time.perf_counter() - start < 0.5
    assert "anchors" in error.problems[0].message and error.problems[0].line == 1


def test_alias_without_anchor_and_merge_keys_are_refused():
    assert "aliases" in refused("a: *nothing\n").problems[0].message
    assert "anchors" in refused("base: &b {x: 1}\nother:\n  <<: *b\n").problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['echo hacked']\n",
        "a: !!python/name:os.system\n",
        "a: !custom 1\n",
        "a: !!binary aGVsbG8=\n",
        "a: !!set {x, y}\n",
    ],
)
def test_unknown_tags_are_refused(text):
    problem = refused(text).problems[0]
    assert "tag" in problem.message and problem.line == 1


def test_standard_tags_are_tolerated_and_change_nothing():
    assert load_yaml("a: !!str 012\nb: !!int 12\n", "x.yaml")[0] == {"a": "012", "b": "12"}


def test_duplicate_keys_name_both_lines():
    problem = refused("contract:\n  title: A\n  draft: true\n  title: B\n").problems[0]
    assert problem.line == 4
    assert "duplicate key 'title'" in problem.message and "line 2" in problem.message and "line 4" in problem.message


@pytest.mark.parametrize("text", ["- a\n- b\n", "just text\n", "", "# only a comment\n"])
def test_top_level_must_be_a_mapping(text):
    assert "mapping" in refused(text).problems[0].message


def test_syntax_errors_are_located():
    problem = refused("a: 1\nb: [1, 2\nc: 3\n").problems[0]
    assert problem.file == "deal.yaml" and problem.line is not None and problem.message.startswith("invalid YAML")


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("contract:\n  title: A\n reference: B\n", 3, "indented differently"),
        ("contract:\n  title: Services: the agreement\n", 2, "put a text that contains ': ' in quotes"),
        ("contract:\n  title: 'Services\n", 2, "closing quote is missing"),
        ("contract:\n  title: A\n  reference\n  draft: true\n", 3, "has no ': ' after its key"),
        ("contract:\n\ttitle: A\n", 2, "indent with spaces"),
        ("list: [a, b\n", 1, "not closed"),
        ("services:\n  - a\n - b\n", 3, "indented differently"),
    ],
)
def test_syntax_errors_read_as_plain_sentences_at_their_line(text, line, words):
    problem = refused(text).problems[0]
    assert problem.line == line and words in problem.message, problem.message
    for jargon in ("<block end>", "while parsing", "while scanning", "simple key", "token"):
        assert jargon not in problem.message


def test_control_characters_are_located():
    problem = refused("a: 1\nb: x\x07y\n").problems[0]
    assert problem.line == 2 and "U+0007" in problem.message


def test_multiple_documents_are_refused():
    assert "invalid YAML" in refused("a: 1\n---\nb: 2\n").problems[0].message


def test_complex_keys_are_refused():
    assert "key" in refused("? [a, b]\n: 1\n").problems[0].message


def test_size_cap():
    assert "larger than" in refused("a: " + "x" * (MAX_BYTES + 1) + "\n").problems[0].message


def test_deep_nesting_is_refused():
    assert "nested" in refused("a: " + "[" * 5000 + "]" * 5000 + "\n").problems[0].message


def test_load_deal_file_reads_utf8_with_or_without_bom(tmp_path):
    path = tmp_path / "deal.yaml"
    path.write_bytes("\ufeffcity: Kraków\n".encode("utf-8"))
    assert load_deal_file(path)[0] == {"city": "Kraków"}


def test_load_deal_file_refuses_non_utf8(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("a: 1\ncity: Kraków\n".encode("latin-1"))
    with pytest.raises(DealError) as info:
        load_deal_file(path)
    problem = info.value.problems[0]
    assert "not UTF-8" in problem.message and problem.line == 2 and problem.file == str(path)


def test_load_deal_file_refuses_binary(tmp_path):
    path = tmp_path / "image.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(DealError, match="binary"):
        load_deal_file(path)


def test_load_deal_file_reports_a_missing_file(tmp_path):
    with pytest.raises(DealError, match="cannot read"):
        load_deal_file(tmp_path / "missing.yaml")


@pytest.mark.parametrize(
    "text",
    [
        REFERENCE.read_text(encoding="utf-8"),
        "a: null\nb: ''\nc: ~\nd: \"null\"\ne: [1, 2]\nf: {g: NO, h: 012345}\ni: |\n  two\n  lines\n",
        "a: [x, y?, z]\n",  # libyaml reads "y?" in a flow list; PyYAML refuses it
        "a: b\tc\n",
        "a: [x,\ty]\n",
    ],
)
def test_libyaml_fast_path_reads_exactly_what_pyyaml_reads(text):
    from contractgen.deal import yamlsource

    def pyyaml(t):
        try:
            return yamlsource._compose(yamlsource._Composer, t)
        except Exception as exc:  # noqa: BLE001 (compared, not handled)
            return type(exc).__name__

    try:
        ours = load_yaml(text, "deal.yaml")
    except DealError:
        ours = None
    expected = pyyaml(text)
    assert ours == (expected if isinstance(expected, tuple) else None)


_CUT = "parties:\n  client:\n    address: 8 Marina View, #30-01 Asia Square\n"
_SPLIT = "parties:\n  client: {name: Acme, Inc., address: 1 Main Street}\n"


@pytest.mark.parametrize(
    "text, line, words",
    [
        (_CUT, 3, ["quote this value", '"8 Marina View, #30-01 Asia Square"']),
        ("a:\n  - 8 Marina View, #30-01\n  - x\n", 2, ["quote this value"]),
        (_SPLIT, 2, ["'Inc.' has no value", "quote it", 'name: "Acme, Inc."']),
    ],
)
def test_a_value_yaml_would_cut_short_is_refused_with_quote_it(text, line, words):
    from contractgen.deal import yamlsource

    for composer in (yamlsource._FastComposer, yamlsource._Composer):  # the libyaml path and PyYAML's say the same
        if composer is None:
            continue
        with pytest.raises(yamlsource._Refused) as info:
            yamlsource._compose(composer, text)
        assert info.value.line == line
        assert all(w in info.value.message for w in words), info.value.message
    assert refused(text).problems[0].line == line


@pytest.mark.parametrize(
    "text",
    [
        "a: 1000  # in pounds\n",
        "a: x #\n",
        "a: 'x #1'\n",
        "a: x#1\n",
        "a: {b: 1, c: 2}\n",
        "a: {b: , c: 2}\n",
        'a: "8 Marina View, #30-01"\n',
    ],
)
def test_comments_and_quoted_values_are_read_as_before(text):
    load_yaml(text, "deal.yaml")
