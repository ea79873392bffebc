"""Compiled clause templates kept on disk between processes (a fresh `render` skips Jinja's compiler).

Compiling the library's clause bodies is most of building a document in a new process; the
compiled code depends only on the clause text, the sandbox's code generator and the Jinja and
Python versions, so it is stored under a key made of all of them and reused by the next process.
The cache folder is ``$CONTRACTGEN_CACHE_DIR`` (``off`` turns the cache off), else
``$XDG_CACHE_HOME/contractgen`` or ``~/.cache/contractgen``; it must be a folder owned by the
user and closed to others (0700), as Jinja's own bytecode cache requires, otherwise nothing is
read from or written to it. A missing, unwritable or damaged cache only costs the compile.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from types import CodeType

import jinja2
from jinja2 import nodes
from jinja2.bccache import Bucket, FileSystemBytecodeCache
from jinja2.environment import TemplateExpression
from jinja2.exceptions import TemplateSyntaxError
from jinja2.parser import Parser

from contractgen.safefs import cache_folder

CONDITION_PREFIX = "{# a when condition #}"


def cache_dir() -> Path | None:
    """Return the folder of the compiled-template cache, or None when it is off or unsafe."""
    return cache_folder("jinja")


@lru_cache(maxsize=4)
def _store(folder: Path) -> FileSystemBytecodeCache:
    return FileSystemBytecodeCache(str(folder), "%s.jinja")


def environment_fingerprint(env: jinja2.Environment, generator_file: str) -> str:
    """Return what besides the source decides the compiled code: versions, generator, filters, tests."""
    parts = [
        jinja2.__version__,
        type(env).__qualname__,
        hashlib.sha256(Path(generator_file).read_bytes()).hexdigest(),
        ",".join(sorted(env.filters)),
        ",".join(sorted(env.tests)),
        repr(
            (
                env.block_start_string,
                env.variable_start_string,
                env.comment_start_string,
                env.trim_blocks,
                env.lstrip_blocks,
                env.keep_trailing_newline,
                env.autoescape,
            )
        ),
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def compile_cached(env: jinja2.Environment, source: str, fingerprint: str) -> jinja2.Template:
    """Return ``env.from_string(source)``, reusing code compiled by an earlier process when it can."""
    # syntax errors surface from env.compile, exactly as from_string raises them
    code = _cached_code(env, source, fingerprint, lambda: env.compile(source))
    return env.template_class.from_code(env, code, env.make_globals(None), None)


def _cached_code(env: jinja2.Environment, source: str, fingerprint: str, make_code: Callable[[], CodeType]) -> CodeType:
    """Return the code `make_code` compiles from `source`, kept on disk under the source and fingerprint."""
    folder = cache_dir()
    if folder is None:
        return make_code()
    store = _store(folder)
    key = fingerprint + hashlib.sha256(source.encode("utf-8")).hexdigest()
    try:
        bucket = store.get_bucket(env, key, None, source)
    except Exception:  # noqa: BLE001 - a damaged entry (Jinja unpickles its header) is recompiled
        bucket = Bucket(env, store.get_cache_key(key), store.get_source_checksum(source))
    code = bucket.code
    if code is None:
        code = make_code()
        bucket.code = code
        try:
            store.set_bucket(bucket)
        except OSError:
            pass  # a read-only or full disk only costs the next process a compile
    return code


def _condition_code(env: jinja2.Environment, expression: str) -> CodeType:
    """Compile a `when` expression as ``env.compile_expression`` does, up to its code object."""
    parser = Parser(env, expression, state="variable")
    try:
        expr = parser.parse_expression()
        if not parser.stream.eos:
            raise TemplateSyntaxError("chunk after expression", parser.stream.current.lineno, None, None)
        expr.set_environment(env)
    except TemplateSyntaxError:
        env.handle_exception(source=expression)
    body = [nodes.Assign(nodes.Name("result", "store"), expr, lineno=1)]
    return env.compile(nodes.Template(body, lineno=1))


@lru_cache(maxsize=8)
def fingerprint_of(env: jinja2.Environment) -> str:
    """Return the fingerprint of an environment whose code generator lives in its class's module."""
    generator = sys.modules[type(env).__module__].__file__
    if generator is None:  # a class made at run time: nothing to fingerprint its code generator by
        raise TypeError(f"{type(env).__qualname__} is not defined in a module file")
    return environment_fingerprint(env, generator)


@lru_cache(maxsize=4096)
def compiled(env: jinja2.Environment, source: str) -> jinja2.Template:
    """Compile a clause body once per process (and once per machine, through the disk cache).

    ``from_string`` never caches, and compiling was 80% of building the document model.
    """
    return compile_cached(env, source, fingerprint_of(env))


@lru_cache(maxsize=4096)
def compiled_condition(env: jinja2.Environment, expression: str) -> TemplateExpression:
    """Compile a `when` expression once per process (and once per machine, through the disk cache).

    What ``env.compile_expression(expression, undefined_to_none=False)`` returns; compiling the
    library's conditions was most of resolving a deal in a new process.
    """
    source = CONDITION_PREFIX + expression  # never the key of a clause body with the same text
    code = _cached_code(env, source, fingerprint_of(env), lambda: _condition_code(env, expression))
    template = env.template_class.from_code(env, code, env.make_globals(None), None)
    return TemplateExpression(template, undefined_to_none=False)
