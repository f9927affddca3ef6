"""The documentation and the `ilacs` command agree, as sqlite-utils checks its own: every command,
subcommand and option of `ilacs` (and of the project's own `ilacs manage` commands) is shown in a
usage line in README.md or docs/*.md, and every `ilacs ...` usage shown there exists.

A usage line is `ilacs COMMAND ...` in a code block (with the indented lines that continue it) or
in a `code span`; an option counts as documented for a command when it is written in one of that
command's usage lines, e.g. `ilacs plan list [--la SLUG] [--user USERNAME]`.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class
from django.core.management.base import BaseCommand

from ilacs.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]
MANAGE = "manage"  # hands the rest of its line to Django's management commands

INVOCATION = re.compile(r"(?:^|(?<=[\s/`(]))ilacs((?: +[^\s#`]+)+)")
OPTION = re.compile(r"(?<![\w-])--?[a-z][a-z0-9-]*")
WORD = re.compile(r"[a-z][a-z0-9_-]*")


# --- the commands ---------------------------------------------------------------------------------


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


ALSO_WRITTEN: dict[str, set[str]] = {}  # "--output": {"-o", "--output"}


def _options(parser: argparse.ArgumentParser) -> set[str]:
    """Each option by its long name (its short one if it has no long one); --help left out.
    Either spelling documents it (`-o FILE` for --output)."""
    names = set()
    for action in parser._actions:
        strings = [s for s in action.option_strings if s not in {"-h", "--help"}]
        if strings:
            name = next((s for s in strings if s.startswith("--")), strings[0])
            names.add(name)
            ALSO_WRITTEN.setdefault(name, set()).update(strings)
    return names


def _django_own_options() -> set[str]:
    return _options(BaseCommand().create_parser("ilacs manage", "command"))


def _project_management_commands() -> dict[str, argparse.ArgumentParser]:
    """The management commands ilacs itself adds (add_member, load_local_authorities, ...)."""
    return {
        name: load_command_class(app, name).create_parser("ilacs manage", name)
        for name, app in get_commands().items()
        if app.startswith("ilacs.")
    }


def command_tree() -> dict[tuple[str, ...], set[str]]:
    """Every runnable command as its words, with its options: ("plan", "add-action") -> {...}."""
    tree: dict[tuple[str, ...], set[str]] = {}

    def walk(path: tuple[str, ...], parser: argparse.ArgumentParser) -> None:
        children = _subcommands(parser)
        if path == (MANAGE,):
            return
        if not children:
            tree[path] = _options(parser)
        for name, child in children.items():
            walk((*path, name), child)

    walk((), build_parser())
    django_options = _django_own_options()
    for name, parser in _project_management_commands().items():
        tree[(MANAGE, name)] = _options(parser) - django_options
    return tree


# --- the documentation ----------------------------------------------------------------------------


@dataclass
class Usage:
    where: str  # file:line
    words: list[str]  # what follows `ilacs`, placeholders and options included
    text: str = ""  # the whole usage, continuation lines included
    options: set[str] = field(default_factory=set)


def _code_pieces(text: str):
    """(line number, code) for each line of a fenced code block, with the indented lines that
    continue it joined on, and for each `code span` outside them (a span may wrap a line)."""
    in_fence = False
    block: list[tuple[int, str]] = []
    prose: list[tuple[int, str]] = []

    def spans():
        joined = "\n".join(line for _, line in prose)
        for match in re.finditer(r"`([^`]+)`", joined):
            yield prose[0][0] + joined.count("\n", 0, match.start()), " ".join(match[1].split())

    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("```"):
            if in_fence:
                yield from block
                block = []
            else:
                yield from spans() if prose else ()
                prose = []
            in_fence = not in_fence
        elif in_fence:
            code = line.split(" #")[0] if not line.lstrip().startswith("#") else ""
            if block and code[:1].isspace() and "ilacs " not in code:
                block[-1] = (block[-1][0], f"{block[-1][1]} {code.strip()}")
            else:
                block.append((number, code))
        elif line.strip():
            prose.append((number, line))
        else:
            yield from spans() if prose else ()
            prose = []
    yield from spans() if prose else ()


def documented_usages() -> list[Usage]:
    usages = []
    for path in DOC_FILES:
        name = path.relative_to(ROOT).as_posix()
        for number, code in _code_pieces(path.read_text()):
            for match in INVOCATION.finditer(code):
                rest = match.group(1)
                usages.append(
                    Usage(f"{name}:{number}", rest.split(), rest, set(OPTION.findall(rest)))
                )
    return usages


def _resolve(words: list[str], tree) -> tuple[tuple[str, ...], str | None]:
    """The command the words name, and what is wrong with them (None: nothing)."""
    path: tuple[str, ...] = ()
    prefixes = {p[:n] for p in tree for n in range(len(p) + 1)}
    for word in words:
        if not WORD.fullmatch(word):
            break  # a placeholder (PLAN_ID), an option, "..."
        if (*path, word) in prefixes:
            path = (*path, word)
            continue
        if path in tree:
            break  # a command's own argument, e.g. `ilacs ingest report.pdf`
        if path == (MANAGE,) and word in get_commands():
            return (MANAGE, word), None  # one of Django's or a library's commands
        return path, f"`ilacs {' '.join((*path, word))}` is not a command"
    return path, None


# --- the tests ------------------------------------------------------------------------------------

TREE = command_tree()


def test_the_walk_finds_the_commands():
    """The checks below are only as good as this."""
    assert ("plan", "add-action") in TREE and "--lead" in TREE[("plan", "add-action")]
    assert ("extract",) in TREE and "--max-size" in TREE[("extract",)]
    assert (MANAGE, "add_member") in TREE and "--create" in TREE[(MANAGE, "add_member")]
    assert "--verbosity" not in TREE[(MANAGE, "add_member")]  # Django's own
    usage = Usage("x", ["plan", "list", "[--la", "SLUG]"])
    assert _resolve(usage.words, TREE) == (("plan", "list"), None)
    assert _resolve(["plan", "lst"], TREE) == (("plan",), "`ilacs plan lst` is not a command")


def test_every_command_and_option_is_documented():
    usages = documented_usages()
    shown: dict[tuple[str, ...], set[str]] = {}
    shown_at: dict[tuple[str, ...], list[str]] = {}
    for usage in usages:
        path, problem = _resolve(usage.words, TREE)
        if problem is None and path in TREE:
            shown.setdefault(path, set()).update(usage.options)
            shown_at.setdefault(path, []).append(usage.where)
    missing = []
    for path, options in sorted(TREE.items()):
        command = "ilacs " + " ".join(path)
        if path not in shown:
            missing.append(f"{command}: add a usage line `{command} ...` with its options")
            continue
        where = ", ".join(shown_at[path])
        for option in sorted(o for o in options if not ALSO_WRITTEN[o] & shown[path]):
            missing.append(f"{command} {option}: add `[{option} ...]` to its usage line ({where})")
    assert not missing, (
        "Not documented in README.md or docs/*.md (a usage line is `ilacs COMMAND [--option X]` "
        "in a code block or code span; docs/web.md's 'Command line' section has the plan "
        "commands):\n  " + "\n  ".join(missing)
    )


def test_every_documented_command_and_option_exists():
    wrong = []
    for usage in documented_usages():
        path, problem = _resolve(usage.words, TREE)
        if problem:
            wrong.append(f"{usage.where}: {problem}")
        elif path in TREE:
            known = {s for o in TREE[path] for s in ALSO_WRITTEN[o]} | {"--help", "-h"}
            for option in sorted(usage.options - known):
                command = "ilacs " + " ".join(path)
                wrong.append(f"{usage.where}: `{command}` has no option {option}")
    assert not wrong, "The documentation shows what `ilacs` does not have:\n  " + "\n  ".join(wrong)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("```sh\nilacs plan list [--la SLUG]\n```\n", [("plan", "list", {"--la"})]),
        (
            "```sh\n.venv/bin/ilacs plan add-action PLAN_ID --title T\n"
            "                      [--due DATE]   # a comment --not-an-option\n```\n",
            [("plan", "add-action", {"--title", "--due"})],
        ),
        ("Run `ilacs demo [--port N]`, not ilacs prose.\n", [("demo", None, {"--port"})]),
        ("`ilacs.extraction` is a package\n", []),
    ],
)
def test_usage_lines_are_read_from_code(tmp_path, monkeypatch, text, expected):
    doc = tmp_path / "README.md"
    doc.write_text(text)
    monkeypatch.setattr(f"{__name__}.DOC_FILES", [doc])
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    found = [
        (u.words[0], u.words[1] if len(u.words) > 1 and WORD.fullmatch(u.words[1]) else None,
         u.options)
        for u in documented_usages()
    ]  # fmt: skip
    assert found == [(a, b, c) for a, b, c in expected]
