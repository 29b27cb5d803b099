"""XLIFF 1.2, XLIFF 2.x and TMX files as inputs: units come aligned, end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtqa.bilingual import read_units
from mtqa.cli import main
from mtqa.errors import InputError

# The second unit holds two sentences: it must stay one segment and one bead.
UNITS = [
    ("The minister paid 50 dollars.", "Le ministre a payé 40 dollars."),
    (
        "The weather is fine in Paris. It will rain tomorrow.",
        "Il fait beau à Paris. Il pleuvra demain.",
    ),
    ("The meeting took place on Tuesday.", "La réunion a eu lieu mardi."),
]

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="story.txt" source-language="en-US" target-language="fr-FR" datatype="plaintext">
<body>
<trans-unit id="1"><source>{0[0]}</source><target>{0[1]}</target></trans-unit>
<trans-unit id="2"><source>{1[0]}</source><target state="translated">{1[1]}</target></trans-unit>
<trans-unit id="3"><source>The meeting took <g id="b">place</g> on Tuesday.</source>
<target>La réunion a eu <g id="b">lieu</g> mardi.</target></trans-unit>
</body></file></xliff>
""".format(*UNITS)

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="fr">
<file id="f1">
<unit id="u1"><segment><source>{0[0]}</source><target>{0[1]}</target></segment></unit>
<unit id="u2"><segment><source>{1[0]}</source><target>{1[1]}</target></segment></unit>
<unit id="u3"><segment><source>The meeting took <pc id="1">place</pc> on Tuesday.</source>
<target>La réunion a eu <pc id="1">lieu</pc> mardi.</target></segment></unit>
</file></xliff>
""".format(*UNITS)

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence"
 o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="en-US"><seg>{0[0]}</seg></tuv><tuv xml:lang="fr-FR"><seg>{0[1]}</seg></tuv></tu>
<tu><tuv xml:lang="fr"><seg>{1[1]}</seg></tuv><tuv xml:lang="en"><seg>{1[0]}</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>{2[0]}</seg></tuv><tuv xml:lang="fr"><seg>{2[1]}</seg></tuv></tu>
</body></tmx>
""".format(*UNITS)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in (("story.xlf", XLIFF12), ("story2.xliff", XLIFF20), ("story.tmx", TMX)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        out[name] = path
    return out


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
