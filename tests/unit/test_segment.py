"""Segmentation: paragraphs, sentences, offsets, and the abbreviations that must not split."""

from __future__ import annotations

import pytest
from support import sample_texts

from mtqa.segment import segment, split_sentences


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The U.S. said on Feb. 24 that prices rose. Markets fell.", 2),
        ("en", "Mr. Smith met Dr. Jones in St. Louis. They talked.", 2),
        ("fr", "M. Dupont a vu une hausse de 4,2 %. Mme Durand aussi.", 2),
        ("fr", "Il a dit « Bonjour. Ça va ? » puis il est parti. Fin.", 2),
        ("fr", "Les É.-U. ont annoncé des sanctions. Moscou a répondu.", 2),
        ("fr", "Le 1er mars, J. K. Rowling a parlé. Elle a souri.", 2),
        ("en", "Growth was 7.5 percent in 2023. It slowed.", 2),
        ("fr", "Quelle surprise ! Personne ne s'y attendait.", 2),
        ("fr", "Titre sans point", 1),
    ],
)
def test_sentence_counts(lang: str, text: str, expected: int) -> None:
    spans = split_sentences(text, lang)
    assert len(spans) == expected, [text[a:b] for a, b in spans]


def test_offsets_point_into_the_text() -> None:
    text = "Première phrase.  Deuxième phrase.\n\nTroisième, seule.\nM. X est là. Oui."
    segments = segment("d", "mt", text, "fr")
    assert [s.text for s in segments] == [
        "Première phrase.",
        "Deuxième phrase.",
        "Troisième, seule.",
        "M. X est là.",
        "Oui.",
    ]
    for s in segments:
        assert text[s.start : s.end] == s.text
    assert [s.para for s in segments] == [0, 0, 2, 3, 3]
    assert [s.index for s in segments] == list(range(5))


def test_sample_tricky_lines() -> None:
    mt, ref = sample_texts()
    mt_segments = segment("s", "mt", mt, "fr")
    ref_segments = segment("s", "ref", ref, "en")
    # a quotation with its attribution stays one sentence; the stray tail is its own segment
    assert any(s.text.startswith("« Nous surveillons") and s.text.endswith("centrale.")
               for s in mt_segments)
    assert any(s.text == "États-Unis dans la capitale kazakhe Astana." for s in mt_segments)
    # "Feb. 24" and "U.S." do not end sentences
    assert any("Feb. 24 first anniversary" in s.text for s in ref_segments)
    assert any(s.text.startswith("ASTANA, Feb 28 (Reuters) - U.S. Secretary") for s in ref_segments)
    assert len(ref_segments) == 18
