"""The on-disk cache of compiled clause templates: reused across processes, never trusted blindly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from contractgen.templating import codecache
from contractgen.templating.render import render_text
from contractgen.templating.sandbox import clause_environment

SOURCE = "{% for i in range(3) %}{{ name }}{{ i }} {% endfor %}"
WHERE = "clauses/g/c/v1.md"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("CONTRACTGEN_CACHE_DIR", str(folder))
    return folder / "jinja"


def compile_once(source: str = SOURCE):
    env = clause_environment()
    return codecache.compile_cached(env, source, codecache.fingerprint_of(env))


def test_compiled_code_is_stored_and_read_back(cache):
    first = compile_once().render(name="x", locale_="en_GB")
    stored = sorted(cache.iterdir())
    assert len(stored) == 1 and stored[0].stat().st_size > 0
    assert oct(cache.stat().st_mode & 0o777) == "0o700"
    before = stored[0].stat().st_mtime_ns
    assert compile_once().render(name="x", locale_="en_GB") == first == "x0 x1 x2 "
    assert stored[0].stat().st_mtime_ns == before  # read, not rewritten


def test_a_new_process_renders_the_same_text_from_the_cache(cache):
    program = (
        "from contractgen.templating.render import render_text; "
        f"print(render_text({SOURCE!r}, {{'name': 'n', 'locale_': 'en_GB'}}, {WHERE!r}))"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", program],
            capture_output=True,
            text=True,
            env={**os.environ, "CONTRACTGEN_CACHE_DIR": str(cache.parent)},
            check=True,
        ).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1] == "n0 n1 n2 \n"
    assert len(list(cache.iterdir())) == 1


def test_damaged_cache_file_is_recompiled(cache):
    compile_once()
    (entry,) = cache.iterdir()
    entry.write_bytes(entry.read_bytes()[:40] + b"\x00garbage")
    assert compile_once().render(name="y", locale_="en_GB") == "y0 y1 y2 "


def test_loop_limits_survive_the_cache(cache):
    source = "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}"
    for _ in range(2):  # compiled, then read back from the cache: both count loop iterations
        with pytest.raises(Exception) as caught:
            render_text(source, {"locale_": "en_GB"}, WHERE)
        assert "loops more than" in str(caught.value)


def test_off_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("CONTRACTGEN_CACHE_DIR", "off")
    assert codecache.cache_dir() is None
    assert compile_once().render(name="z", locale_="en_GB") == "z0 z1 z2 "


def test_a_folder_others_can_write_is_not_used(tmp_path, monkeypatch):
    folder = tmp_path / "shared"
    (folder / "jinja").mkdir(parents=True)
    (folder / "jinja").chmod(0o777)
    monkeypatch.setenv("CONTRACTGEN_CACHE_DIR", str(folder))
    assert codecache.cache_dir() is None
    compile_once()
    assert list((folder / "jinja").iterdir()) == []


def test_fingerprint_changes_with_the_filters():
    env = clause_environment()
    before = codecache.environment_fingerprint(env, codecache.__file__)
    env.filters["extra_for_test"] = str
    try:
        assert codecache.environment_fingerprint(env, codecache.__file__) != before
    finally:
        del env.filters["extra_for_test"]


def test_a_when_condition_is_compiled_once_per_machine_and_evaluates_as_jinja_does(cache):
    env = clause_environment()
    expression = "service_levels and service_levels.credits > 2 and 'x' in names"
    context = {"service_levels": {"credits": 3}, "names": ["x"]}
    codecache.compiled_condition.cache_clear()
    first = codecache.compiled_condition(env, expression)
    assert len(list(cache.iterdir())) == 1
    codecache.compiled_condition.cache_clear()  # a new process: read back from the disk cache
    again = codecache.compiled_condition(env, expression)
    reference = env.compile_expression(expression, undefined_to_none=False)
    assert first(**context) is again(**context) is reference(**context) is True
    assert again(service_levels=None, names=[]) == reference(service_levels=None, names=[])
    assert len(list(cache.iterdir())) == 1
    assert codecache.compile_cached(env, expression, codecache.fingerprint_of(env)).render() != ""  # its own key


def test_a_broken_when_condition_fails_as_jinja_does(cache):
    from jinja2 import TemplateSyntaxError

    env = clause_environment()
    for expression in ("a and", "a b"):
        codecache.compiled_condition.cache_clear()
        with pytest.raises(TemplateSyntaxError) as ours:
            codecache.compiled_condition(env, expression)
        with pytest.raises(TemplateSyntaxError) as jinjas:
            env.compile_expression(expression, undefined_to_none=False)
        assert str(ours.value) == str(jinjas.value)
    assert list(cache.iterdir()) == []
