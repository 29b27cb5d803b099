"""The command line, in process: usage and input errors are one line on stderr and exit 2."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest
from support import apertium_argv

from mtqa.cli import CONFIG_OPTIONS, _build_parser, main
from mtqa.config import RunConfig
from mtqa.errors import MtqaError

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




# Options of `mtqa run` that set no config key (every other one is in CONFIG_OPTIONS).
NOT_CONFIG_KEYS = {
    "config", "mt", "ref", "xliff", "tmx", "engine", "out", "quiet", "json", "fail_on", "debug",
}


def _run_options() -> dict[str, argparse.Action]:
    parser = _build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {a.dest: a for a in subparsers.choices["run"]._actions if a.dest != "help"}


def test_every_run_option_sets_a_config_key_or_is_known_not_to() -> None:
    """A new option of `mtqa run` must say whether it overrides the config: one that does is
    validated with it (CONFIG_OPTIONS); one that does not is listed here."""
    dests = set(_run_options())
    assert dests - set(CONFIG_OPTIONS) - NOT_CONFIG_KEYS == set()
    assert set(CONFIG_OPTIONS) <= dests and not set(CONFIG_OPTIONS) & NOT_CONFIG_KEYS


def _config_file(tmp_path: Path, files: tuple[Path, Path], top: str = "", tables: str = "") -> Path:
    mt, ref = files
    path = tmp_path / "c.toml"
    path.write_text(
        f'{top}\noutput_dir = "out"\n[[documents]]\nmt = "{mt}"\nref = "{ref}"\n'
        f'[[engines]]\nname = "apertium"\nkind = "apertium"\n{tables}\n',
        encoding="utf-8",
    )
    return path


# (option, bad value, config key, the same value in the config file: top-level line, table)
BAD_OVERRIDES = [
    ("--name", "../x", "name", 'name = "../x"', ""),
    ("--name", "", "name", 'name = ""', ""),
    ("--encoding", "klingon", "encoding", 'encoding = "klingon"', ""),
    ("--mt-encoding", "rot13", "mt_encoding", 'mt_encoding = "rot13"', ""),
    ("--ref-encoding", "", "ref_encoding", 'ref_encoding = ""', ""),
    ("--min-confidence", "1.5", "checks.min_confidence", "", "[checks]\nmin_confidence = 1.5"),
    ("--min-confidence", "nan", "checks.min_confidence", "", "[checks]\nmin_confidence = nan"),
    ("--workers", "0", "execution.workers", "", "[execution]\nworkers = 0"),
    ("--workers", "-2", "execution.workers", "", "[execution]\nworkers = -2"),
    ("--executor", "slurm", "execution.backend", "", '[execution]\nbackend = "slurm"'),
    ("--executor", "", "execution.backend", "", '[execution]\nbackend = ""'),
]


@pytest.mark.parametrize(("option", "value", "key", "top", "table"), BAD_OVERRIDES)
def test_a_bad_option_fails_as_the_same_value_in_the_config(
    capsys, files, tmp_path: Path, option, value, key, top, table
) -> None:
    """The option's value meets the config's own rule, and the message is the config's, with
    the option in place of the file and key."""
    in_config = _config_file(tmp_path, files, top, table)
    code, _, err = run_cli(capsys, "run", str(in_config))
    assert code == 2
    from_config = one_line_error(err)
    assert f"{in_config}: {key}: " in from_config

    plain = _config_file(tmp_path, files)
    code, _, err = run_cli(capsys, "run", str(plain), f"{option}={value}")
    assert code == 2
    assert one_line_error(err) == from_config.replace(f"{in_config}: {key}: ", f"{option}: ")
    code, _, err = run_cli(
        capsys, "run", "--mt", str(files[0]), "--ref", str(files[1]), f"{option}={value}"
    )
    assert code == 2
    assert one_line_error(err).startswith(f"mtqa: error: {option}: ")
    assert not (tmp_path / "out").exists()


def test_a_bad_decisions_file_fails_alike_from_the_option_and_the_config(
    capsys, files, tmp_path: Path
) -> None:
    decisions = tmp_path / "decisions.json"
    decisions.write_text("{not json", encoding="utf-8")
    table = f'[review]\ndecisions = "{decisions}"'
    code, _, err = run_cli(capsys, "run", str(_config_file(tmp_path, files, tables=table)))
    assert code == 2
    from_config = one_line_error(err)
    code, _, err = run_cli(
        capsys, "run", str(_config_file(tmp_path, files)), "--decisions", str(decisions)
    )
    assert code == 2
    assert one_line_error(err) == from_config
    assert "is not valid JSON" in from_config


class _Stopped(MtqaError):
    """Raised by a stand-in for the pipeline once it has seen what the command gave it."""


def test_options_reach_the_run_only_through_the_config(
    capsys, files, tmp_path: Path, monkeypatch
) -> None:
    import mtqa.pipeline

    seen: dict[str, Any] = {}

    def fake_run(config: RunConfig, **kwargs: object) -> None:
        seen.update(config=config, kwargs=kwargs)
        raise _Stopped("stopped before any work")

    monkeypatch.setattr(mtqa.pipeline, "run", fake_run)
    monkeypatch.chdir(tmp_path)
    decisions = tmp_path / "d.json"
    code, _, err = run_cli(
        capsys, "run", str(_config_file(tmp_path, files)),
        "--name", "other", "--encoding", "latin-1", "--mt-encoding", "cp1252",
        "--ref-encoding", "utf-16", "--decisions", "d.json", "--min-confidence", "0.25",
        "--no-cache", "--cache-dir", "here", "--executor", "ray", "--workers", "3",
    )
    assert code == 2 and "stopped before any work" in err
    config = seen["config"]
    assert isinstance(config, RunConfig)
    # No option passed beside the config, where it would escape its validation.
    assert set(seen["kwargs"]) <= {"run_dir", "progress"}
    assert (config.name, config.encoding, config.mt_encoding, config.ref_encoding) == (
        "other", "latin-1", "cp1252", "utf-16",
    )
    assert config.review.decisions is not None
    assert config.path(config.review.decisions) == decisions.resolve()
    assert config.checks["min_confidence"] == 0.25
    assert config.cache.enabled is False
    assert config.cache_directory() == (tmp_path / "here").resolve()
    assert (config.execution.backend, config.execution.workers) == ("ray", 3)
    assert config.to_dict()["execution"]["workers"] == 3  # recorded with the run's config
