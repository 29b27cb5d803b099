"""Input files shared by a feature's unit tests and its end-to-end companion (plain data)."""

from __future__ import annotations

from pathlib import Path

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



def write_bilingual_files(root: Path) -> dict[str, Path]:
    """The XLIFF 1.2, XLIFF 2.0 and TMX versions of UNITS, written under root."""
    out = {}
    for name, text in (("story.xlf", XLIFF12), ("story2.xliff", XLIFF20), ("story.tmx", TMX)):
        path = root / name
        path.write_text(text, encoding="utf-8")
        out[name] = path
    return out


DOCS = {
    "budget": (
        "Le gouvernement a présenté son budget lundi.\nLes impôts baisseront de 2 % l'an prochain.",
        "The government presented its budget on Monday.\nTaxes will fall by 2% next year.",
    ),
    "port": (
        "Le port de Marseille a accueilli 300 navires en mars.\nLe trafic a augmenté de 5 %.",
        "The port of Marseille received 300 ships in March.\nTraffic rose by 5%.",
    ),
}


def make_docs(root: Path, docs: dict[str, tuple[str, str]]) -> None:
    for name, (mt, ref) in docs.items():
        (root / name).mkdir(parents=True, exist_ok=True)
        (root / name / "mt.fr.txt").write_text(mt, encoding="utf-8")
        (root / name / "ref.en.txt").write_text(ref, encoding="utf-8")


GLOSSARY = """English,French,note
central bank,banque centrale|Banque de France,house term
sanction,sanction
# a comment line
Kyiv,Kyiv,the team's spelling of the capital
"""


def write_glossary(root: Path) -> Path:
    path = root / "terms.csv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


# A review run's sentences: the first and third are the same error, so ids must tell them apart.
REVIEW_MT = [
    "Le ministre a payé 40 dollars.",
    "Il fait beau à Paris.",
    "Le ministre a payé 40 dollars.",
    "La réunion a eu lieu mardi.",
]
REVIEW_REF = [
    "The minister paid 50 dollars.",
    "The weather is fine in Paris.",
    "The minister paid 50 dollars.",
    "The meeting took place on Tuesday.",
]
