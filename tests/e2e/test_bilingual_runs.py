"""XLIFF and TMX inputs through a real run."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from mtqa.cli import main

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


def _run_and_check(argv: list[str], out: Path) -> None:
    assert main([*argv, "--out", str(out), "--quiet"]) == 0
    with (out / "segments.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    # One bead per unit, in file order, each exactly the unit's texts: no re-alignment.
    assert [(r["reference"], r["mt"]) for r in rows] == UNITS
    assert [(r["mt_indexes"], r["ref_indexes"]) for r in rows] == [("0", "0"), ("1", "1"),
                                                                   ("2", "2")]
    findings = [
        json.loads(line)
        for line in (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert any(f["kind"] == "number_mismatch" and f["mt_index"] == 0 for f in findings)


def test_xliff_12_and_tmx_run_end_to_end(files: dict[str, Path], tmp_path: Path) -> None:
    from support import apertium_required

    apertium_required()
    cache = ["--engine", "apertium", "--cache-dir", str(tmp_path / "cache")]
    _run_and_check(["run", "--xliff", str(files["story.xlf"]), *cache], tmp_path / "x1")
    _run_and_check(["run", "--tmx", str(files["story.tmx"]), *cache], tmp_path / "tmx")
    summary = json.loads((tmp_path / "x1" / "summary.json").read_text(encoding="utf-8"))
    assert summary["name"] == "story" and summary["documents"][0]["id"] == "story"


def test_xliff_2_from_a_config(files: dict[str, Path], tmp_path: Path) -> None:
    from support import apertium_required

    apertium_required()
    config = tmp_path / "run.toml"
    config.write_text(
        '[[documents]]\nid = "two"\nxliff = "story2.xliff"\n'
        '[[engines]]\nname = "apertium"\nkind = "apertium"\n',
        encoding="utf-8",
    )
    _run_and_check(["run", str(config), "--cache-dir", str(tmp_path / "cache")], tmp_path / "x2")
