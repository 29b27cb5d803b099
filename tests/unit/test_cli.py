"""The command line, in process: usage and input errors are one line on stderr and exit 2."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from support import apertium_argv

from mtqa.cli import _build_parser, main

MT = "Le ministre a annoncé un budget lundi.\nLes écoles recevront plus d'argent."
REF = "The minister announced a budget on Monday.\nSchools will receive more money."


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    mt, ref = tmp_path / "mt.fr.txt", tmp_path / "ref.en.txt"
    mt.write_text(MT, encoding="utf-8")
    ref.write_text(REF, encoding="utf-8")
    return mt, ref


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("mtqa: error: ")
    return lines[0]


def test_missing_config(capsys, tmp_path: Path) -> None:
    code, _, err = run_cli(capsys, "run", str(tmp_path / "none.toml"))
    assert code == 2
    assert "config file not found" in one_line_error(err)


def test_bad_config(capsys, tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        "name = 't'\nengines = 3\n[[documents]]\nmt = 'a'\nref = 'b'\n", encoding="utf-8"
    )
    code, _, err = run_cli(capsys, "run", str(path))
    assert code == 2
    assert "engines" in one_line_error(err)


def test_missing_mt_file(capsys, files, tmp_path: Path) -> None:
    _, ref = files
    code, _, err = run_cli(capsys, *apertium_argv(tmp_path / "nope.txt", ref, tmp_path / "out"))
    assert code == 2
    assert "MT file not found" in one_line_error(err)
    assert not (tmp_path / "out").exists()


def test_non_utf8_names_the_option(capsys, files, tmp_path: Path) -> None:
    mt, ref = files
    mt.write_bytes(MT.encode("latin-1"))
    code, _, err = run_cli(
        capsys, "run", "--mt", str(mt), "--ref", str(ref), "--engine", "apertium"
    )
    assert code == 2
    line = one_line_error(err)
    assert str(mt) in line and "--mt-encoding cp1252" in line


def test_empty_reference(capsys, files) -> None:
    mt, ref = files
    ref.write_text("\n", encoding="utf-8")
    code, _, err = run_cli(
        capsys, "run", "--mt", str(mt), "--ref", str(ref), "--engine", "apertium"
    )
    assert code == 2
    assert "is empty" in one_line_error(err)


def test_unknown_engine(capsys, files) -> None:
    mt, ref = files
    code, _, err = run_cli(capsys, "run", "--mt", str(mt), "--ref", str(ref), "--engine", "deepl")
    assert code == 2
    assert "unknown engine 'deepl'" in one_line_error(err)


@pytest.mark.parametrize(
    "argv",
    [
        ["run"],
        ["run", "--mt", "x.txt"],
        ["run", "--bogus"],
        ["frobnicate"],
        ["run", "c.toml", "--mt", "x", "--ref", "y"],
    ],
)
def test_usage_errors_are_one_line(capsys, argv: list[str]) -> None:
    code, _, err = run_cli(capsys, *argv)
    assert code == 2
    one_line_error(err)


def test_report_on_a_folder_that_is_not_a_run(capsys, tmp_path: Path) -> None:
    code, _, err = run_cli(capsys, "report", str(tmp_path))
    assert code == 2
    assert "not an mtqa run folder" in one_line_error(err)


def test_every_command_and_option_has_help() -> None:
    parser = _build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert subparsers.choices, "no commands"
    helps = {a.dest: a.help for a in subparsers._choices_actions}
    for name, sub in subparsers.choices.items():
        assert helps.get(name), f"command {name} has no help"
        for action in sub._actions:
            if action.dest != "help":
                assert action.help, f"{name} {action.option_strings or action.dest} has no help"


def test_no_engine_can_run_is_exit_2(capsys, files, tmp_path: Path, monkeypatch) -> None:
    mt, ref = files
    monkeypatch.setenv("PATH", str(tmp_path))  # no apertium on PATH
    code, _, err = run_cli(capsys, *apertium_argv(mt, ref, tmp_path / "out"))
    assert code == 2
    line = one_line_error(err)
    assert "no back-translation engine can run here" in line and "apertium" in line


@pytest.mark.parametrize(
    ("checks", "needle"),
    [
        ("[checks]\nlow_score_zz = 3\n", "checks.low_score_zz: unknown setting"),
        ("[checks]\nclause_min_words = 'five'\n", "checks.clause_min_words: expected an integer"),
        ("[checks.entities]\nner = 'magic'\n", "checks.entities.ner"),
        ("[checks.entities]\nlink_threshold = 3\n", "checks.entities.link_threshold"),
    ],
)
def test_bad_checks_settings_fail_before_any_work(
    capsys, files, tmp_path: Path, checks, needle
) -> None:
    mt, ref = files
    config = tmp_path / "c.toml"
    config.write_text(
        f'output_dir = "out"\n[[documents]]\nmt = "{mt}"\nref = "{ref}"\n'
        f'[[engines]]\nname = "apertium"\nkind = "apertium"\n{checks}',
        encoding="utf-8",
    )
    code, _, err = run_cli(capsys, "run", str(config))
    assert code == 2
    assert needle in one_line_error(err)
    assert not (tmp_path / "out").exists()


