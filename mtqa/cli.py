"""The ``mtqa`` command: a thin layer over the library.

Exit codes: 0 success; 1 a ``--fail-on`` gate held, or ``diff --fail-on-regression`` found a
regression; 2 a usage or input error, always as one line on stderr (never a traceback); 3 an
internal error (a bug in mtqa: one line on stderr naming the file that holds the traceback;
``--debug`` prints it); 130 interrupted.
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from mtqa import __version__
from mtqa.errors import MtqaError

if TYPE_CHECKING:
    from mtqa.config import RunConfig

EXIT_GATE = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

EXIT_CODES = (
    "exit codes: 0 done; 1 a --fail-on gate held (or diff --fail-on-regression found a "
    "regression); 2 a usage or input error (one line saying "
    "how to fix it); 3 an internal error, a bug in mtqa (one line naming the file with the "
    "traceback; --debug prints it); 130 interrupted"
)


class UsageError(MtqaError):
    """The command line itself is wrong."""


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _build_parser() -> argparse.ArgumentParser:
    # --debug is accepted before or after the command; the subcommands' copy must not
    # reset a value given before the command, hence SUPPRESS.
    common = _Parser(add_help=False)
    common.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="on an internal error, print the full traceback",
    )
    parser = _Parser(
        prog="mtqa",
        description="Evaluate a French machine translation against its English source text "
        "by back-translation: scores, findings and reports.",
        epilog=EXIT_CODES,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"mtqa {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    run = commands.add_parser(
        "run",
        help="evaluate documents and write a run folder",
        description="Run an evaluation from a TOML config, or ad hoc from --mt and --ref.",
        epilog=EXIT_CODES,
        parents=[common],
    )
    run.add_argument("config", nargs="?", type=Path, help="run config (TOML)")
    run.add_argument("--mt", type=Path, help="French MT file (ad-hoc form, with --ref)")
    run.add_argument("--ref", type=Path, help="English reference file (ad-hoc form, with --mt)")
    run.add_argument(
        "--xliff",
        type=Path,
        metavar="FILE",
        help="an XLIFF 1.2 or 2.x file: English source = reference, French target = MT, "
        "aligned unit by unit (ad-hoc form, instead of --mt/--ref)",
    )
    run.add_argument(
        "--tmx", type=Path, metavar="FILE", help="a TMX file with English and French (as --xliff)"
    )
    run.add_argument(
        "--engine",
        action="append",
        metavar="KIND[:MODEL]",
        help="back-translation engine for the ad-hoc form: apertium, marian[:MODEL], "
        "ct2[:MODEL]; repeatable (default: marian and apertium, whichever can run)",
    )
    run.add_argument("--out", type=Path, help="run folder to write (default from the config)")
    run.add_argument("--name", help="run name (default: the config's, or the MT file's name)")
    run.add_argument(
        "--encoding",
        help="encoding of every input file: a Python codec name (utf-8, latin-1, cp1252, "
        "utf-16...) or 'auto' to detect it (default utf-8)",
    )
    run.add_argument("--mt-encoding", help="encoding of the MT file(s) only (overrides --encoding)")
    run.add_argument(
        "--ref-encoding", help="encoding of the reference file(s) only (overrides --encoding)"
    )
    run.add_argument(
        "--no-cache",
        action="store_true",
        help="translate everything afresh (overrides [cache] enabled)",
    )
    run.add_argument(
        "--min-confidence",
        type=float,
        metavar="P",
        help="leave out findings whose calibrated confidence is below P (0-1): they are not "
        "reported, counted or gated (overrides [checks] min_confidence)",
    )
    run.add_argument(
        "--cache-dir", type=Path, help="translation cache folder (overrides [cache] dir)"
    )
    run.add_argument("--quiet", "-q", action="store_true", help="no progress and no summary")
    run.add_argument(
        "--decisions",
        type=Path,
        metavar="FILE",
        help="review decisions exported from a report (JSON); findings marked false alarm "
        "stay in the outputs with their verdict but leave counts and gates "
        "(overrides [review] decisions)",
    )
    run.add_argument(
        "--json",
        action="store_true",
        help="print summary.json to stdout instead of the text summary (nothing else goes to "
        "stdout; progress and messages go to stderr)",
    )
    run.add_argument(
        "--executor",
        metavar="BACKEND",
        help="where documents are evaluated: this machine's cores (local, the default) or a "
        "Ray cluster (ray; needs `pip install 'mtqa[ray]'`); overrides [execution] backend",
    )
    run.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="documents evaluated at once (default: every core; 1 = one after the other); "
        "overrides [execution] workers",
    )
    run.add_argument(
        "--fail-on",
        action="append",
        default=[],
        metavar="EXPR",
        help="exit 1 when EXPR holds, e.g. 'chrf<45', 'chrf@apertium<45', 'critical>0', "
        "'entity_drift>=1', 'error_score>15', 'error_score@SYSTEM>15'; repeatable",
    )

    report = commands.add_parser(
        "report",
        help="re-render a run folder's HTML report from its saved results",
        description="Re-render report.html from a run folder without re-running anything.",
        parents=[common],
    )
    report.add_argument("run_dir", type=Path, help="a run folder written by `mtqa run`")

    diff = commands.add_parser(
        "diff",
        help="what changed between two run folders",
        description="Compare two run folders: scores with paired-bootstrap significance, "
        "per-document changes, findings added and removed.",
        parents=[common],
    )
    diff.add_argument("run_a", type=Path, help="the earlier run folder (A)")
    diff.add_argument("run_b", type=Path, help="the later run folder (B)")
    diff.add_argument("--json", action="store_true", help="print the diff as JSON")
    diff.add_argument(
        "--fail-on-regression",
        action="store_true",
        help="exit 1 when B has new critical findings or is significantly worse than A on the "
        "error score or chrF (paired bootstrap, p < 0.05)",
    )
    return parser


def _progress_factory(quiet: bool) -> Callable[[str, int], Callable[[int], None]]:
    def factory(description: str, total: int) -> Callable[[int], None]:
        if quiet:
            return lambda done: None
        from tqdm import tqdm

        unit = "doc" if description == "documents" else "sent"
        bar = tqdm(total=total, desc=description, unit=unit, leave=False, disable=None)

        def update(done: int) -> None:
            bar.update(done)
            if bar.n >= total:
                bar.close()

        return update

    return factory


def _ad_hoc_config(args: argparse.Namespace) -> dict[str, object]:
    from mtqa.config import engine_from_option, slugify

    bilingual = [(k, p) for k, p in (("xliff", args.xliff), ("tmx", args.tmx)) if p is not None]
    if bilingual:
        if len(bilingual) > 1 or args.mt or args.ref:
            raise UsageError("give one input: --mt and --ref, or --xliff FILE, or --tmx FILE")
        fmt, path = bilingual[0]
        document: dict[str, object] = {fmt: str(path.resolve())}
        default_name = path.stem.split(".")[0]
    elif args.mt is None or args.ref is None:
        raise UsageError(
            "give a config file, or both --mt FILE and --ref FILE (or --xliff/--tmx FILE)"
        )
    else:
        mt = args.mt.resolve()
        document = {"mt": str(mt), "ref": str(args.ref.resolve())}
        default_name = mt.parent.name if mt.stem in ("mt", "mt.fr") else mt.stem.split(".")[0]
    options = args.engine or ["marian", "apertium"]
    engines: list[dict[str, object]] = []
    for option in options:
        spec = engine_from_option(option)
        name, n = spec.name, 2
        while any(e["name"] == name for e in engines):
            name, n = f"{spec.name}-{n}", n + 1
        engines.append({**spec.model_dump(exclude_none=True), "name": name})
    return {
        "name": slugify(default_name, fallback="run"),
        "documents": [document],
        "engines": engines,
    }


# The options that set config keys (argparse dest -> the key's path). Their values go into
# the config and are validated with it, by the same rules as the file's own keys; an error
# names the option the user typed. tests/unit/test_cli.py fails on a run option that is
# neither here nor in its list of options that set no config key.
CONFIG_OPTIONS: dict[str, str] = {
    "name": "name",
    "encoding": "encoding",
    "mt_encoding": "mt_encoding",
    "ref_encoding": "ref_encoding",
    "decisions": "review.decisions",
    "min_confidence": "checks.min_confidence",
    "no_cache": "cache.enabled",
    "cache_dir": "cache.dir",
    "executor": "execution.backend",
    "workers": "execution.workers",
}


def _override_value(dest: str, value: object) -> object:
    if dest == "no_cache":
        return False  # --no-cache: [cache] enabled = false
    if isinstance(value, Path):  # relative to where the command runs, not to the config file
        return str(value.resolve())
    return value


def _overrides(args: argparse.Namespace) -> tuple[dict[str, object], dict[str, str]]:
    """The options given that set config keys, as a config table (``with_overrides``), and
    each key's option (for messages)."""
    overrides: dict[str, object] = {}
    options: dict[str, str] = {}
    for dest, key in CONFIG_OPTIONS.items():
        value = getattr(args, dest)
        if value is None or value is False:
            continue
        *tables, leaf = key.split(".")
        table = overrides
        for name in tables:
            table = table.setdefault(name, {})  # type: ignore[assignment]
        table[leaf] = _override_value(dest, value)
        options[key] = f"--{dest.replace('_', '-')}"
    return overrides, options


def _run_config(args: argparse.Namespace) -> RunConfig:
    """The run's config: the file's, or the ad-hoc form's, with the options' overrides."""
    from mtqa.config import load_config, parse_config, with_overrides

    overrides, options = _overrides(args)
    if args.config is not None:
        if args.mt or args.ref or args.xliff or args.tmx or args.engine:
            raise UsageError(
                "give either a config file or --mt/--ref/--xliff/--tmx/--engine, not both"
            )
        return load_config(args.config, overrides=overrides, options=options)
    return parse_config(
        with_overrides(_ad_hoc_config(args), overrides),
        base_dir=Path.cwd(),
        source="command line",
        options=options,
    )


def _command_run(args: argparse.Namespace) -> int:
    from mtqa.gate import evaluate_gates, parse_gate
    from mtqa.pipeline import run
    from mtqa.report.terminal import format_summary

    gates = [parse_gate(text) for text in args.fail_on]  # usage errors before any work
    config = _run_config(args)
    run_dir = args.out if args.out is not None else config.run_dir
    result = run(config, run_dir=run_dir, progress=_progress_factory(args.quiet))
    if args.json:
        import json

        from mtqa.report.files import summary

        print(json.dumps(summary(result), ensure_ascii=False, indent=2))
    elif not args.quiet:
        print(format_summary(result, run_dir))
    if args.quiet or args.json:  # the summary names skipped engines and why; say it anyway
        for engine in result.engines:
            if engine.skipped:
                print(f"mtqa: engine {engine.name} skipped: {engine.skipped}", file=sys.stderr)
    reasons = evaluate_gates(result, gates)
    for reason in reasons:
        print(f"mtqa: gate failed: {reason}", file=sys.stderr)
    return EXIT_GATE if reasons else 0


def _command_report(args: argparse.Namespace) -> int:
    from mtqa.report.html import write_html
    from mtqa.runfolder import load_run

    result = load_run(args.run_dir)
    path = write_html(result, args.run_dir)
    print(path)
    return 0


def _command_diff(args: argparse.Namespace) -> int:
    import json

    from mtqa.diff import diff_runs
    from mtqa.report.terminal import format_diff
    from mtqa.runfolder import load_run

    diff = diff_runs(load_run(args.run_a), load_run(args.run_b))
    if args.json:
        print(json.dumps(diff.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_diff(diff))
    if args.fail_on_regression:
        reasons = diff.regressions()
        for reason in reasons:
            print(f"mtqa: regression: {reason}", file=sys.stderr)
        return EXIT_GATE if reasons else 0
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "run": _command_run,
    "report": _command_report,
    "diff": _command_diff,
}


# Failures of the machine or the file system, not of mtqa: a one-line error, exit 2.
_ENVIRONMENT_ERRNOS = frozenset(
    {
        errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS, errno.ENAMETOOLONG,
        errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.EEXIST, errno.EIO, errno.EMFILE,
        errno.ENFILE, errno.EXDEV, errno.ELOOP,
    }
)


def _one_line(text: str, limit: int = 1000) -> str:
    text = " ".join(part.strip() for part in text.splitlines() if part.strip())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _internal_error(error: BaseException, argv: Sequence[str] | None, debug: bool) -> int:
    """One line saying it is a bug and where the traceback went; the traceback with --debug."""
    detail = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    where = "it could not be saved"
    try:
        fd, name = tempfile.mkstemp(
            prefix=f"mtqa-crash-{time.strftime('%Y%m%d-%H%M%S')}-", suffix=".txt"
        )
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(f"mtqa {__version__}, Python {sys.version.split()[0]}\n")
            handle.write(f"arguments: {list(sys.argv[1:] if argv is None else argv)!r}\n\n")
            handle.write(detail)
        where = f"the traceback is in {name}"
    except OSError:
        pass
    if debug:
        print(detail, file=sys.stderr, end="")
    summary = _one_line(f"{type(error).__name__}: {error}", limit=300)
    print(
        f"mtqa: internal error (a bug in mtqa, not in your input): {summary}; {where}; "
        "please report it (--debug prints the traceback)",
        file=sys.stderr,
    )
    return EXIT_INTERNAL


class _StderrHandler(logging.Handler):
    """The library's warnings as ``mtqa: ...`` lines on whatever stderr is at the time."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            print(f"mtqa: {_one_line(self.format(record))}", file=sys.stderr)
        except Exception:  # noqa: BLE001 - logging must never break the command
            self.handleError(record)


def _log_to_stderr() -> None:
    logger = logging.getLogger("mtqa")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        logger.addHandler(_StderrHandler(logging.WARNING))
    logger.propagate = False  # the command owns the terminal: each warning once


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``mtqa`` console script; returns the exit code."""
    _log_to_stderr()
    # A path that is not valid UTF-8 is printed escaped instead of failing the print.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure):
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass
    parser = _build_parser()
    debug = False
    try:
        args = parser.parse_args(argv)
        debug = bool(getattr(args, "debug", False))
        if args.command is None:
            parser.print_help()
            return EXIT_USAGE
        return COMMANDS[args.command](args)
    except MtqaError as error:
        print(f"mtqa: error: {_one_line(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("mtqa: interrupted (finished documents are in the run folder)", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `mtqa diff A B | head`: the reader left; nothing to report
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stops the flush at exit failing
        except OSError:
            pass
        return 0
    except OSError as error:
        if error.errno not in _ENVIRONMENT_ERRNOS:
            return _internal_error(error, argv, debug)
        where = f": {error.filename}" if error.filename else ""
        print(
            f"mtqa: error: {error.strerror or error}{where} "
            "(check the path, its permissions and the free space)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except Exception as error:  # anything else is a bug in mtqa
        return _internal_error(error, argv, debug)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
