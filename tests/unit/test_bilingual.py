"""XLIFF 1.2, XLIFF 2.x and TMX files as inputs: units come aligned, end to end."""

from __future__ import annotations

from pathlib import Path

import pytest
from inputs import UNITS, XLIFF12, write_bilingual_files

from mtqa.bilingual import read_units
from mtqa.cli import main
from mtqa.errors import InputError


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    return write_bilingual_files(tmp_path)


@pytest.mark.parametrize(
    ("name", "fmt"), [("story.xlf", "xliff"), ("story2.xliff", "xliff"), ("story.tmx", "tmx")]
)
def test_units_are_read_english_source_french_target(
    files: dict[str, Path], name: str, fmt: str
) -> None:
    units = read_units(files[name], fmt)  # type: ignore[arg-type]
    assert [(u.source, u.target) for u in units] == UNITS





@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<xliff version='1.2'><file", "is not a readable XLIFF file"),
        ("<html></html>", "not <xliff>"),
        (
            XLIFF12.replace('source-language="en-US" target-language="fr-FR"',
                            'source-language="de" target-language="fr"'),
            "declares de → fr",
        ),
        (
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file '
            'original="a" source-language="en" target-language="fr" datatype="plaintext">'
            "<body/></file></xliff>",
            "no translation unit",
        ),
    ],
)
def test_malformed_files_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    path = tmp_path / "bad.xlf"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_units(path, "xliff")
    assert main(["run", "--xliff", str(path), "--engine", "apertium", "--out",
                 str(tmp_path / "run")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]
    assert not (tmp_path / "run").exists()


def test_bad_tmx_and_conflicting_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.tmx"
    path.write_text("<tmx><body><tu>", encoding="utf-8")
    assert main(["run", "--tmx", str(path), "--engine", "apertium"]) == 2
    assert "is not a readable TMX file" in capsys.readouterr().err
    assert main(["run", "--tmx", str(path), "--mt", str(path), "--ref", str(path)]) == 2
    assert "give one input" in capsys.readouterr().err


def test_config_document_needs_exactly_one_file(tmp_path: Path) -> None:
    from mtqa.config import load_config
    from mtqa.errors import ConfigError

    config = tmp_path / "run.toml"
    config.write_text(
        '[[documents]]\nxliff = "a.xlf"\ntmx = "a.tmx"\n'
        '[[engines]]\nname = "apertium"\nkind = "apertium"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="give one of xliff"):
        load_config(config)
