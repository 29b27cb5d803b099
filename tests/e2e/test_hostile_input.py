"""Hostile input, end to end through the command line: every case ends in exit 0 with a
warning, or exit 2 with one line saying what is wrong; an internal error is exit 3 with one
line naming the traceback file. None ends in a traceback."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from support import apertium_argv

from mtqa.cli import EXIT_INTERNAL, main

MT = (
    "Le conseil municipal a approuvé le nouveau stade lundi soir après un long débat.\n"
    "La construction coûtera 120 millions d'euros et commencera au mois de mars prochain."
)
REF = (
    "The city council approved the new stadium on Monday evening after a long debate.\n"
    "Construction will cost 120 million euros and will start next March."
)

Setup = Callable[[Path], list[str]]


def _files(root: Path, mt: bytes | str = MT, ref: bytes | str = REF) -> tuple[Path, Path]:
    mt_path, ref_path = root / "mt.fr.txt", root / "ref.en.txt"
    for path, content in ((mt_path, mt), (ref_path, ref)):
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return mt_path, ref_path


def _adhoc(
    root: Path,
    *options: str,
    mt: bytes | str = MT,
    ref: bytes | str = REF,
    out: Path | str | None = None,
) -> list[str]:
    mt_path, ref_path = _files(root, mt, ref)
    out = root / "out" if out is None else out
    return apertium_argv(mt_path, ref_path, Path(out), *options, cache=root / "cache")


def _config(
    root: Path, extra: str = "", engine: str = "", documents: str | None = None
) -> list[str]:
    mt_path, ref_path = _files(root)
    documents = documents or f'[[documents]]\nmt = "{mt_path}"\nref = "{ref_path}"\n'
    (root / "run.toml").write_text(
        f'output_dir = "out"\n{documents}'
        f'[[engines]]\nname = "apertium"\nkind = "apertium"\n{engine}\n{extra}',
        encoding="utf-8",
    )
    return ["run", str(root / "run.toml"), "--cache-dir", str(root / "cache")]


def _file_as_out(root: Path) -> list[str]:
    (root / "taken").write_text("x", encoding="utf-8")
    return _adhoc(root, out=root / "taken")


def _out_under_file(root: Path) -> list[str]:
    (root / "taken").write_text("x", encoding="utf-8")
    return _adhoc(root, out=root / "taken" / "run")


def _damaged_run(content: object) -> Setup:
    def setup(root: Path) -> list[str]:
        (root / "run").mkdir()
        text = content if isinstance(content, str) else json.dumps(content)
        (root / "run" / "result.json").write_text(text, encoding="utf-8")
        return ["report", str(root / "run")]

    return setup


def _doc_missing_field(root: Path) -> list[str]:
    (root / "run").mkdir()
    data = {
        "format": 1, "name": "x", "created": "", "mtqa_version": "", "config": {},
        "engines": [], "scores": {}, "timings": {},
        "documents": [{"id": "d1", "mt_text": "a", "ref_text": "b"}],
    }
    (root / "run" / "result.json").write_text(json.dumps(data), encoding="utf-8")
    return ["diff", str(root / "run"), str(root / "run")]


# (case, argv builder, expected exit code, what the one line must say)
BEFORE_WORK: list[tuple[str, Setup, int, str]] = [
    ("out is a file", _file_as_out, 2, "is a file, not a folder"),
    ("out under a file", _out_under_file, 2, "part of that path is a file"),
    ("out under /proc", lambda r: _adhoc(r, out="/proc/mtqa-run/x"), 2,
     "cannot create run folder /proc/mtqa-run/x"),
    ("out name too long", lambda r: _adhoc(r, out=r / ("x" * 300)), 2,
     "cannot create run folder"),
    ("--name escapes", lambda r: _adhoc(r, "--name", "../../x"), 2, "--name: '../../x'"),
    ("--name with a space", lambda r: _config(r) + ["--name", "my run"], 2, "--name: 'my run'"),
    ("--encoding unknown", lambda r: _adhoc(r, "--encoding", "klingon-8"), 2,
     "--encoding: unknown encoding 'klingon-8'"),
    ("--mt-encoding not text", lambda r: _adhoc(r, "--mt-encoding", "rot13"), 2,
     "--mt-encoding: 'rot13' is not a text encoding"),
    ("config encoding unknown", lambda r: _config_top(r, 'encoding = "klingon"'), 2,
     "encoding: unknown encoding 'klingon'"),
    ("apertium batch_size", lambda r: _config(r, engine='settings = { batch_size = "lots" }'), 2,
     "batch_size must be a positive integer, got 'lots'"),
    ("apertium modes", lambda r: _config(r, engine="settings = { modes = 5 }"), 2,
     "modes must be a non-empty list"),
    ("apertium timeout", lambda r: _config(r, engine='settings = { timeout_s = "soon" }'), 2,
     "timeout_s must be a positive number"),
    ("engine settings not a table", lambda r: _config(r, engine="settings = 5"), 2,
     "engines[0].settings"),
    ("link_threshold", lambda r: _config(r, '[checks.entities]\nlink_threshold = "high"'), 2,
     "checks.entities.link_threshold: expected a number, got 'high'"),
    ("language list", lambda r: _config(r, "[checks.language]\nlanguages = 5"), 2,
     "checks.language.languages"),
    ("min_words", lambda r: _config(r, '[checks.language]\nmin_words = "4"'), 2,
     "checks.language.min_words: expected an integer"),
    ("traps_path missing", lambda r: _config(r, '[checks]\ntraps_path = "traps.toml"'), 2,
     "checks.traps_path"),
    ("traps file not TOML", lambda r: _bad_lexicon(r, b"[[trap]\nid = 1"), 2, "not valid TOML"),
    ("traps file not UTF-8", lambda r: _bad_lexicon(r, "id = 'é'".encode("latin-1")), 2,
     "not UTF-8"),
    ("traps file wrong shape", lambda r: _bad_lexicon(r, b"trap = 5"), 2, "expected [[trap]]"),
    ("baseline_system misspelt", lambda r: _config(r, '[compare]\nbaseline_system = "deepl"'), 2,
     "compare.baseline_system: no system 'deepl'"),
    ("baseline_engine misspelt",
     lambda r: _config(r, '[compare]\nbaseline_engine = "apertum"'), 2,
     "compare.baseline_engine: no engine 'apertum'"),
    ("document id escapes", lambda r: _config(r, documents=_doc_toml(r, 'id = "../x"')), 2,
     "id '../x': use letters"),
    ("utf-16 without a mark", lambda r: _adhoc(r, mt=MT.encode("utf-16-le")), 2,
     "pass --mt-encoding utf-16-le"),
    ("binary file", lambda r: _adhoc(r, mt=bytes(range(256)) * 8 + b"\x00" * 4096), 2,
     "not a text file"),
    ("UTF-8 reference under a one-byte --encoding",
     lambda r: _adhoc(r, "--encoding", "latin-1", mt=MT.encode("latin-1"),
                      ref=REF.replace("city", "Tokáyev's")), 2,
     "is UTF-8, not latin-1"),
    ("config is a folder", lambda r: ["run", str(r)], 2, "is a folder: give the TOML file"),
    # The same kinds with other values.
    ("--name empty", lambda r: _adhoc(r, "--name", ""), 2, "--name: ''"),
    ("--encoding empty", lambda r: _adhoc(r, "--encoding", ""), 2, "unknown encoding ''"),
    ("config name escapes", lambda r: _config_top(r, 'name = "../x"'), 2, "name: '../x'"),
    ("document id too long", lambda r: _config(r, documents=_doc_toml(r, f'id = "{"d" * 200}"')),
     2, "at most 120 characters"),
    ("document id empty", lambda r: _config(r, documents=_doc_toml(r, 'id = ""')), 2, "id ''"),
    ("batch_size true", lambda r: _config(r, engine="settings = { batch_size = true }"), 2,
     "batch_size must be a positive integer, got True"),
    ("batch_size 0", lambda r: _config(r, engine="settings = { batch_size = 0 }"), 2,
     "batch_size must be a positive integer, got 0"),
    ("timeout_s negative", lambda r: _config(r, engine="settings = { timeout_s = -1 }"), 2,
     "timeout_s must be a positive number"),
    ("modes empty", lambda r: _config(r, engine="settings = { modes = [] }"), 2,
     "modes must be a non-empty list"),
    ("modes with a number", lambda r: _config(r, engine='settings = { modes = ["fr-es", 3] }'),
     2, "modes must be a non-empty list"),
    ("unknown engine setting", lambda r: _config(r, engine="settings = { beams = 3 }"), 2,
     "unknown setting(s) beams"),
    ("ner a list", lambda r: _config(r, '[checks.entities]\nner = ["rules"]'), 2,
     "checks.entities.ner: expected a string"),
    ("missing a string", lambda r: _config(r, '[checks.entities]\nmissing = "yes"'), 2,
     "checks.entities.missing: expected true or false"),
    ("low_score_z a word", lambda r: _config(r, '[checks]\nlow_score_z = "low"'), 2,
     "checks.low_score_z: expected a number, got 'low'"),
    ("threshold a string", lambda r: _config(r, '[checks.language]\nthreshold = "0.9"'), 2,
     "checks.language.threshold: expected a number"),
    ("boilerplate_path missing",
     lambda r: _config(r, '[checks]\nboilerplate_path = "furniture.toml"'), 2,
     "checks.boilerplate_path"),
    ("traps_path a folder", lambda r: _config(r, '[checks]\ntraps_path = "."'), 2,
     "a folder, not a lexicon file"),
    ("baseline_system a number", lambda r: _config(r, "[compare]\nbaseline_system = 5"), 2,
     "compare.baseline_system"),
    ("UTF-32 without a mark", lambda r: _adhoc(r, ref=REF.encode("utf-32-le")), 2,
     "pass --ref-encoding utf-32-le"),
    ("result.json empty object", _damaged_run({}), 2, "incompatible mtqa version"),
    ("result.json documents a string", _damaged_run(
        {"format": 1, "name": "x", "created": "", "mtqa_version": "", "config": {},
         "engines": [], "scores": {}, "timings": {}, "documents": "x"}), 2, "is damaged"),
    ("report on a missing folder", lambda r: ["report", str(r / "none")], 2,
     "not an mtqa run folder"),
    ("MT is /dev/zero", lambda r: [*_adhoc(r)[:2], "/dev/zero", *_adhoc(r)[3:]], 2,
     "larger than 64 MiB"),
    ("cache folder is a file", lambda r: _cache_is_a_file(r), 2, "cache-file is a file"),
    ("result.json {format: 1}", _damaged_run({"format": 1}), 2, "missing field 'name'"),
    ("result.json not JSON", _damaged_run("{"), 2, "cannot read"),
    ("result.json a list", _damaged_run("[]"), 2, "incompatible mtqa version"),
    ("result.json document missing a field", _doc_missing_field, 2,
     "missing field 'mt_segments' (in documents[0], id 'd1')"),
]


def _cache_is_a_file(root: Path) -> list[str]:
    (root / "cache-file").write_text("x", encoding="utf-8")
    return [*_adhoc(root)[:-1], str(root / "cache-file")]


def _config_top(root: Path, line: str) -> list[str]:
    argv = _config(root)
    path = root / "run.toml"
    path.write_text(f"{line}\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    return argv


def _doc_toml(root: Path, extra: str) -> str:
    return f'[[documents]]\nmt = "{root / "mt.fr.txt"}"\nref = "{root / "ref.en.txt"}"\n{extra}\n'


def _bad_lexicon(root: Path, content: bytes) -> list[str]:
    (root / "lexicons").mkdir()
    (root / "lexicons" / "traps.toml").write_bytes(content)
    return _config(root, '[checks]\ntraps_path = "lexicons/traps.toml"')


def _one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err, err
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize(
    ("setup", "code", "needle"),
    [pytest.param(s, c, n, id=name) for name, s, c, n in BEFORE_WORK],
)
def test_bad_input_is_one_line_before_any_work(
    tmp_path: Path, capsys, monkeypatch, setup: Setup, code: int, needle: str
) -> None:
    root = tmp_path / "case"
    root.mkdir()
    argv = setup(root)
    monkeypatch.chdir(tmp_path)  # config paths must not depend on the working directory
    assert main(argv) == code
    out, err = capsys.readouterr()
    line = _one_line(err)
    assert line.startswith("mtqa: error: "), line
    assert needle in line
    assert "more problem" not in line  # one thing is wrong in each case, and only it is named
    # Nothing was translated: the failure came before the engines ran.
    assert not (root / "cache").exists()


def test_following_the_utf16_suggestion_works(tmp_path: Path, capsys, apertium) -> None:
    argv = _adhoc(tmp_path, "--mt-encoding", "utf-16-le", mt=MT.encode("utf-16-le"))
    assert main(argv) == 0


def test_a_byte_order_mark_decides_even_against_encoding(
    tmp_path: Path, capsys, apertium
) -> None:
    # UTF-16 with a mark, given --encoding latin-1 (what older messages suggested).
    argv = _adhoc(
        tmp_path, "--encoding", "latin-1", mt=MT.encode("utf-16"), ref=REF.encode("utf-16")
    )
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "byte-order mark, read as utf-16" in err
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert any("byte-order mark" in w for w in summary["stats"]["warnings"])


def test_each_file_its_own_encoding(tmp_path: Path, capsys, apertium) -> None:
    ref = REF.replace("city council", "council of Tokáyev")
    argv = _adhoc(tmp_path, "--mt-encoding", "latin-1", mt=MT.encode("latin-1"), ref=ref)
    assert main(argv) == 0
    result = json.loads((tmp_path / "out" / "result.json").read_text(encoding="utf-8"))
    (doc,) = result["documents"]
    assert "Tokáyev" in doc["ref_text"] and "débat" in doc["mt_text"]


def test_auto_encoding_reports_what_it_found(tmp_path: Path, capsys, apertium) -> None:
    argv = _adhoc(tmp_path, "--encoding", "auto", mt=MT.encode("cp1252"))
    assert main(argv) == 0
    assert "encoding detected as cp1252" in capsys.readouterr().err


def test_invisible_and_control_characters_are_removed_with_a_warning(
    tmp_path: Path, capsys, apertium
) -> None:
    mt = MT.replace("conseil", "con\xadseil").replace("\n", "\n\xad\n\x00\n")
    # Lines of nothing translatable: an empty back-translation must not break the run.
    mt += "\nFin\x00 du\x07 texte.\n\u200b\n—\n\x0c\n\u2028…\n\u202eabc"
    ref = REF.replace("council", "coun\x00cil")
    assert main(_adhoc(tmp_path, mt=mt, ref=ref)) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "NUL character" in err and "soft hyphen" in err
    for name in ("result.json", "segments.csv", "findings.jsonl", "report.html"):
        text = (tmp_path / "out" / name).read_text(encoding="utf-8")
        assert "\x00" not in text and "\\u0000" not in text and "\xad" not in text, name


def test_folder_names_with_spaces_become_ids(tmp_path: Path, capsys, apertium, monkeypatch) -> None:
    for name in ("my doc", "l'été (v2)", "中文"):
        folder = tmp_path / "docs" / name
        folder.mkdir(parents=True)
        _files(folder)
    (tmp_path / "run.toml").write_text(
        'output_dir = "out"\n[[documents]]\nglob = "docs/*/"\n'
        '[[engines]]\nname = "apertium"\nkind = "apertium"\n',
        encoding="utf-8",
    )
    assert main(["run", str(tmp_path / "run.toml"), "--cache-dir", str(tmp_path / "c")]) == 0
    summary = json.loads((tmp_path / "out" / "run" / "summary.json").read_text(encoding="utf-8"))
    labels = {d["id"]: d.get("label") for d in summary["documents"]}
    assert set(labels.values()) == {"my doc", "l'été (v2)", "中文"}
    assert all(" " not in i and "'" not in i for i in labels)
    report = (tmp_path / "out" / "run" / "report.html").read_text(encoding="utf-8")
    assert "(<bdi>l&#39;été (v2)</bdi>)" in report


def test_ad_hoc_run_from_a_folder_with_spaces(
    tmp_path: Path, capsys, apertium, monkeypatch
) -> None:
    folder = tmp_path / "space dir"
    folder.mkdir()
    mt, ref = _files(folder)
    monkeypatch.chdir(folder)
    argv = ["run", "--mt", str(mt), "--ref", str(ref), "--engine", "apertium",
            "--cache-dir", str(tmp_path / "c")]
    assert main(argv) == 0
    assert "--name" not in capsys.readouterr().err


def test_a_cache_damaged_in_the_middle_is_rebuilt(tmp_path: Path, capsys, apertium) -> None:
    from mtqa.backtranslate import TranslationCache

    cache = tmp_path / "cache"
    with TranslationCache(cache) as filled:
        filled.put_many("sig", [(f"phrase {i} " * 10, f"sentence {i}") for i in range(3000)])
    path = cache / "translations.sqlite3"
    with sqlite3.connect(path) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        (root,) = db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'translations'"
        ).fetchone()
    db.close()
    data = bytearray(path.read_bytes())
    # The header and the schema stay whole (the file opens); the translations' tree does not.
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))
    assert main(_adhoc(tmp_path)) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "malformed" in err and "was damaged" in err
    assert any(p.name.startswith("translations.sqlite3.damaged-") for p in cache.iterdir())
    assert main(_adhoc(tmp_path)) == 0  # the new cache serves the rerun
    assert "was damaged" not in capsys.readouterr().err


def test_swapped_files_are_a_warning_everywhere(tmp_path: Path, capsys, apertium) -> None:
    assert main(_adhoc(tmp_path, mt=REF, ref=MT)) == 0
    err = capsys.readouterr().err
    assert "swapped" in err
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert any("swapped" in w for w in summary["stats"]["warnings"])
    assert "swapped" in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")


def test_same_language_on_both_sides_is_a_warning(tmp_path: Path, capsys, apertium) -> None:
    assert main(_adhoc(tmp_path, mt=REF, ref=REF)) == 0
    assert "the MT looks English" in capsys.readouterr().err
    assert main(_adhoc(tmp_path, mt=MT, ref=MT)) == 0
    assert "the reference looks French" in capsys.readouterr().err


def test_mojibake_in_a_utf8_file_is_a_warning(tmp_path: Path, capsys, apertium) -> None:
    garbled = MT.encode("utf-8").decode("cp1252")  # "approuvÃ©", "coÃ»tera"
    assert main(_adhoc(tmp_path, mt=garbled)) == 0
    err = capsys.readouterr().err
    assert "look like UTF-8 read with the wrong encoding" in err and "Traceback" not in err


def test_an_internal_error_is_exit_3_with_the_traceback_saved(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something mtqa did not expect")

    monkeypatch.setattr("mtqa.pipeline.run", broken)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    argv = _adhoc(tmp_path)
    assert main(argv) == EXIT_INTERNAL
    line = _one_line(capsys.readouterr().err)
    assert "internal error" in line and "a bug in mtqa" in line
    assert "RuntimeError: something mtqa did not expect" in line
    (saved,) = tmp_path.glob("mtqa-crash-*.txt")
    assert str(saved) in line
    assert "Traceback" in saved.read_text(encoding="utf-8")

    assert main(["--debug", *argv]) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "Traceback" in err and err.strip().splitlines()[-1].startswith("mtqa: internal error")
    assert main([*argv, "--debug"]) == EXIT_INTERNAL  # after the command too
    assert "Traceback" in capsys.readouterr().err


def test_a_full_disk_is_an_input_error_not_a_bug(tmp_path: Path, capsys, monkeypatch) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp_path / "out"))

    monkeypatch.setattr("mtqa.pipeline.run", full)
    assert main(_adhoc(tmp_path)) == 2
    line = _one_line(capsys.readouterr().err)
    assert "No space left on device" in line


def test_help_documents_the_exit_codes(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "3 an internal error" in out and "--debug" in out


def test_very_long_tokens_are_cut_in_the_report_with_the_whole_one_click_away() -> None:
    from html.parser import HTMLParser

    from support import make_result

    from mtqa.model import EngineInfo, RunResult
    from mtqa.report.format import LONG_TOKEN
    from mtqa.report.html import render_html

    token = "<b>x</b>" + "A" * 20_000 + "</details><script>alert(1)</script>"
    doc = make_result(
        [f"Le conseil a voté {token} hier."],
        [f"The council voted {token} yesterday."],
        bt={"e": [f"The council voted {token} yesterday."]},
    )
    result = RunResult(
        "long", "2026-01-01T00:00:00+00:00", "0", {"metrics": ["chrf"]},
        (EngineInfo("e", "apertium", {}),), (doc,), {}, {}, {"warnings": ["a warning"]},
    )
    html = render_html(result)
    assert "<script>alert(1)" not in html and "<b>x</b>" not in html

    class Visible(HTMLParser):
        """Text outside closed <details>: what the browser lays out on load."""

        def __init__(self) -> None:
            super().__init__()
            self.depth, self.longest, self.hidden = 0, 0, []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "details":
                self.depth += 1

        def handle_endtag(self, tag: str) -> None:
            if tag == "details":
                self.depth -= 1

        def handle_data(self, data: str) -> None:
            longest = max((len(w) for w in data.split()), default=0)
            if self.depth:
                self.hidden.append(data)
            else:
                self.longest = max(self.longest, longest)

    parser = Visible()
    parser.feed(html)
    assert parser.longest <= LONG_TOKEN
    assert any("A" * 20_000 in text for text in parser.hidden)  # the whole token, on demand
    assert "a warning" in html


def test_make_demo_writes_only_where_git_ignores() -> None:
    import re
    import shutil
    import subprocess

    from support import REPO_ROOT

    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    (command,) = [line.strip() for line in recipe.splitlines()[1:] if "mtqa run" in line]
    out = re.search(r"--out (\S+)", command)
    assert out is not None, command  # without --out the run rewrites the committed sample
    if shutil.which("git") is None or not (REPO_ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    probe = f"{out.group(1)}/summary.json"
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", probe], cwd=REPO_ROOT, check=False
    ).returncode
    assert ignored == 0, f"{probe} would dirty the checkout"


def test_a_config_saved_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    from mtqa.config import load_config

    _config(tmp_path)
    path = tmp_path / "run.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_config(path).engines[0].name == "apertium"


def test_a_path_that_is_not_utf8_is_printed_not_a_crash(tmp_path: Path, capsys) -> None:
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt"))
    argv = ["run", "--mt", str(odd), "--ref", str(odd), "--engine", "apertium"]
    assert main(argv) == 2
    assert "not found" in _one_line(capsys.readouterr().err)
