"""Which sense a French word carries, said in English words of that sense alone.

Apertium's French → English entries give a word's translation, not its sense: « facture »
is "bill", « courir » "run", « haut-parleur » "speaker", and a reference word of several
senses ("the bill passed": a draft law) cannot be told from the French word's sense
(an invoice) by the dictionary alone. This lexicon is general knowledge of French: for
common French words that render one sense only of an English word of many (the
classic wrong-sense renderings of machine translation), the English words that name that
sense and no other: « facture » → invoice, « fête » → festivity, « armoire » →
wardrobe. WordNet then tells which senses of the reference word these reach
(``mtqa.language.senses.carried_senses``).

An entry names what the French word *means*, never the reference word it gets confused
with; a French word with several everyday senses lists each (« course »: a footrace,
an errand). Keys are folded lemmas.
"""

from __future__ import annotations

from mtqa.language.text import fold

NARROW_SENSES: dict[str, frozenset[str]] = {
    key: frozenset(words.split(","))
    for key, words in {
        # Politics and law
        "facture": "invoice,account",
        "fete": "celebration,festivity,fete,social gathering",
        "armoire": "wardrobe,cupboard,closet",
        "haut-parleur": "loudspeaker,speaker unit",
        "course": "footrace,errand,running",
        "frais": "expense,cost,fee",
        "attrait": "attraction,charm,attractiveness,allure",
        "valise": "suitcase,luggage",
        "costume": "garment,outfit",
        "belle": "beauty,belle",
        "essai": "test,experiment,attempt,essay",
        "proces": "lawsuit,proceedings,legal proceeding",
        # Money and business
        "capitale": "capital city,uppercase,capital letter",
        "bouillon": "broth,soup",
        "rameau": "twig,bough",
        "remarque": "remark,comment,observation",
        "ferme": "farm,farmhouse",
        "plante": "flora,plant life,herb",
        "planche": "plank",
        "chaise": "seat,armchair",
        # Sport and transport
        "allumette": "lucifer,friction match",
        "autocar": "bus,motorcoach",
        "hauteur": "height,altitude,tone",
        "dessin": "drawing,sketch",
        "lieue": "linear unit",
        "cravate": "necktie",
        "luminaire": "lighting fixture,lamp",
        # Health, shipping, war
        "drogue": "narcotic,controlled substance",
        "pupille": "pupil,protege",
        "baton": "stick,baton,rod",
        "recipient": "container,receptacle",
        "coquille": "eggshell,seashell,carapace",
        "greve": "walkout,work stoppage",
        "reservoir": "reservoir,storage tank",
        "camion-citerne": "tank truck",
    }.items()
}


def narrow_senses(lemma: str) -> frozenset[str]:
    """The English words naming the senses a French lemma (or its plural or feminine form)
    carries; empty when the lexicon does not know it."""
    key = fold(lemma)
    singular = key.removesuffix("s")
    for candidate in (key, singular, singular.removesuffix("e")):
        if candidate in NARROW_SENSES:
            return NARROW_SENSES[candidate]
    return frozenset()
