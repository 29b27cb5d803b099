"""Run configs: validation errors name the key's path; paths are relative to the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import REPO_ROOT

from mtqa.config import engine_from_option, load_config
from mtqa.errors import ConfigError

GOOD = """
name = "t"
output_dir = "out"
[[documents]]
mt = "docs/a/mt.fr.txt"
ref = "docs/a/ref.en.txt"
[[engines]]
name = "apertium"
kind = "apertium"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "run.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_paths_are_relative_to_the_config_file(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD))
    (doc,) = config.resolved_documents()
    assert doc.id == "a"  # the MT file's folder names the document
    assert doc.mt == tmp_path / "docs" / "a" / "mt.fr.txt"
    assert config.run_dir == tmp_path / "out" / "t"
    assert config.metrics == ["bleu", "chrf", "chrf++", "ter"]
    assert config.engines[0].required is False


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("colour = 'blue'\n" + GOOD, "colour: Extra inputs are not permitted"),
        (GOOD + "colour = 'blue'\n", "engines[0].colour: Extra inputs are not permitted"),
        (GOOD.replace('kind = "apertium"', 'kind = "google"'), "engines[0].kind:"),
        (
            GOOD + "[[engines]]\nname = 'x'\nkind = 'marian'\nrequired = 'yes'\n",
            "engines[1].required:",
        ),
        (GOOD + "[[engines]]\nname = 'apertium'\nkind = 'apertium'\n", "repeated: apertium"),
        (GOOD.replace('name = "t"', 'name = "../escape"'), "name:"),
        ("metrics = ['bleu', 'meteor']\n" + GOOD, "metrics[1]:"),
        (GOOD.replace('[[engines]]\nname = "apertium"\nkind = "apertium"\n', ""), "engines:"),
        ("name = 't'\n[[engines]]\nname='a'\nkind='apertium'\n", "documents:"),
        (GOOD.replace('mt = "docs/a/mt.fr.txt"\n', ""), "documents[0]"),
        ("name = [", "is not valid TOML"),
        ("base_dir = '/'\n" + GOOD, "base_dir: not a config key"),
    ],
)
def test_invalid_configs_name_the_key(tmp_path: Path, text: str, needle: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    message = str(caught.value)
    assert needle in message
    assert "\n" not in message


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml")


def test_glob_documents_expand_sorted(tmp_path: Path) -> None:
    for name in ("b", "a", "c"):
        (tmp_path / "refs" / name).mkdir(parents=True)
    (tmp_path / "refs" / "not-a-folder.txt").write_text("x")
    config = load_config(
        write(
            tmp_path,
            GOOD.replace(
                'mt = "docs/a/mt.fr.txt"\nref = "docs/a/ref.en.txt"\n', 'glob = "refs/*/"\n'
            ),
        )
    )
    docs = config.resolved_documents()
    assert [d.id for d in docs] == ["a", "b", "c"]
    assert docs[0].mt == tmp_path / "refs" / "a" / "mt.fr.txt"


def test_duplicate_document_ids(tmp_path: Path) -> None:
    text = GOOD + '[[documents]]\nmt = "other/a/mt.fr.txt"\nref = "x.txt"\n'
    text = text.replace('mt = "other/a/mt.fr.txt"', 'mt = "other/a/mt.fr.txt"\nid = "a"')
    with pytest.raises(ConfigError, match="repeated: a"):
        load_config(write(tmp_path, text)).resolved_documents()


@pytest.mark.parametrize(
    ("option", "kind", "model"),
    [
        ("apertium", "apertium", None),
        ("marian", "marian", "Helsinki-NLP/opus-mt-fr-en"),
        ("marian:/models/my-fr-en", "marian", "/models/my-fr-en"),
        ("ct2:Helsinki-NLP/opus-mt-tc-big-fr-en", "ct2", "Helsinki-NLP/opus-mt-tc-big-fr-en"),
    ],
)
def test_engine_options(option: str, kind: str, model: str | None) -> None:
    spec = engine_from_option(option)
    assert (spec.kind, spec.model) == (kind, model)


@pytest.mark.parametrize("option", ["google", "apertium:model"])
def test_bad_engine_options(option: str) -> None:
    with pytest.raises(ConfigError):
        engine_from_option(option)


def test_sample_config_is_valid() -> None:
    config = load_config(REPO_ROOT / "configs" / "sample.toml")
    assert [e.name for e in config.engines] == ["marian", "apertium"]
    assert not any(e.required for e in config.engines)
    (doc,) = config.resolved_documents()
    assert doc.mt.exists() and doc.ref.exists()


@pytest.mark.parametrize(
    ("kind", "settings", "needle"),
    [
        ("apertium", "{ batch_size = 0 }", "engines[0].settings: batch_size must be a positive"),
        ("apertium", '{ modes = "fr-es" }', "engines[0].settings: modes must be a non-empty"),
        ("apertium", "{ beams = 3 }", "engines[0].settings: unknown setting(s) beams; known:"),
        ("marian", "{ num_beams = 0 }", "engines[0].settings: num_beams must be a positive"),
        ("marian", '{ dtype = "fp8" }', "engines[0].settings: dtype must be auto"),
        ("marian", "{ sort_by_length = 1 }", "sort_by_length must be true or false"),
        ("ct2", "{ threads = -1 }", "engines[0].settings: threads must be 0 or more"),
        ("ct2", '{ device = "mps" }', "engines[0].settings: device mps is not supported"),
        ("ct2", "{ dtype = 'fp16' }", "unknown setting(s) dtype"),
    ],
)
def test_engine_settings_are_checked_when_the_config_is_read(
    tmp_path: Path, kind: str, settings: str, needle: str
) -> None:
    # Before any engine is built: no model, package or program is needed to find the error.
    text = GOOD.replace('kind = "apertium"', f'kind = "{kind}"\nsettings = {settings}')
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    assert needle in str(caught.value)


def test_engine_settings_each_engine_owns_are_accepted(tmp_path: Path) -> None:
    text = GOOD + (
        "[[engines]]\nname = 'm'\nkind = 'marian'\nsettings = { num_beams = 2, dtype = 'fp32' }\n"
        "[[engines]]\nname = 'c'\nkind = 'ct2'\nsettings = { threads = 2, num_beams = 1 }\n"
    )
    config = load_config(write(tmp_path, text))
    assert [e.settings for e in config.engines] == [
        {}, {"num_beams": 2, "dtype": "fp32"}, {"threads": 2, "num_beams": 1}
    ]


def test_engine_kinds_and_metrics_come_from_the_registries(tmp_path: Path) -> None:
    from mtqa.backtranslate import ENGINES
    from mtqa.metrics import METRICS

    for kind in ENGINES:
        config = load_config(write(tmp_path, GOOD.replace('kind = "apertium"', f'kind = "{kind}"')))
        assert config.engines[0].kind == kind
    assert load_config(write(tmp_path, GOOD)).metrics == list(METRICS)


def test_overrides_are_validated_like_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "[review]\ndecisions = 'mine.json'\n")
    config = load_config(path, overrides={"review": {"decisions": "/elsewhere/d.json"}})
    assert config.review.decisions == Path("/elsewhere/d.json")
    with pytest.raises(ConfigError, match="name:"):
        load_config(path, overrides={"name": "../../x"})
    with pytest.raises(ConfigError, match=r"review\.colour"):
        load_config(path, overrides={"review": {"colour": "blue"}})


def test_cache_folder_option_then_config_then_default(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path / "env"))
    plain = load_config(write(tmp_path, GOOD))
    assert plain.cache_directory() == tmp_path / "env"
    option = plain.with_run_options(cache_dir=tmp_path / "option")
    assert option.cache_directory() == tmp_path / "option"
    configured = load_config(write(tmp_path, GOOD + "[cache]\ndir = 'here'\n"))
    assert configured.cache_directory() == tmp_path / "here"


def test_config_files_read_like_text_files(tmp_path: Path) -> None:
    # Windows line ends and an editor's byte-order mark are not errors.
    path = tmp_path / "run.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    assert load_config(path).name == "t"
    with pytest.raises(ConfigError, match="is a folder: give the TOML file"):
        load_config(tmp_path)
    path.write_bytes(b"name = '\xff'\n")
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_config(path)


def test_run_options_are_set_in_the_config_and_validated_like_its_keys(
    tmp_path: Path, monkeypatch
) -> None:
    config = load_config(write(tmp_path, GOOD))
    monkeypatch.chdir(tmp_path)
    given = config.with_run_options(use_cache=False, cache_dir="c", executor="ray", workers=3)
    assert (given.cache.enabled, given.cache_directory()) == (False, tmp_path / "c")
    assert (given.execution.backend, given.execution.workers) == ("ray", 3)
    assert config.with_run_options() is config
    with pytest.raises(ConfigError, match=r"^execution\.workers: .*greater than or equal to 1"):
        config.with_run_options(workers=0)
    with pytest.raises(ConfigError, match=r"^execution\.backend: .*'local' or 'ray'"):
        config.with_run_options(executor="slurm")


def test_the_library_run_validates_its_options_before_any_work(tmp_path: Path) -> None:
    from mtqa.pipeline import run

    with pytest.raises(ConfigError, match=r"execution\.workers"):
        run(write(tmp_path, GOOD), workers=0, run_dir=tmp_path / "out")
    assert not (tmp_path / "out").exists()
