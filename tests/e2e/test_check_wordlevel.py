"""Word-level checks: the French–reference word link and the findings read off it.

Hand-made sentence pairs, back-translated by hand as Apertium would; the dictionary is
Apertium's own (skipped where ``lt-proc`` is not installed), the relations WordNet's.
"""

from __future__ import annotations

import shutil

import pytest
from support import make_result

from mtqa.checks import lexicon, wordlevel, wordlink, wordmodifier
from mtqa.checks.base import CheckContext
from mtqa.model import Finding

pytestmark = [
    pytest.mark.skipif(shutil.which("lt-proc") is None, reason="Apertium is not installed"),
    pytest.mark.skipif(wordlink.wordnet_graph() is None, reason="WordNet is not installed"),
]

CTX = CheckContext(engines=("apertium",))


def findings(mt: str, ref: str, bt: str) -> list[Finding]:
    result = make_result([mt], [ref], bt={"apertium": [bt]})
    return wordlevel.check(result, CTX)


def summary(found: list[Finding]) -> list[tuple[str, str | None, str | None]]:
    return [(f.kind, f.mt_span, f.ref_span) for f in found if f.severity != "minor"]


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "expected"),
    [
        # An adjective the reference has and the MT lost.
        (
            "Le gouvernement a promis des vaccins aux hôpitaux de la région.",
            "The government promised vaccines to the rural hospitals of the region.",
            "The government has promised vaccines to the hospitals of the region.",
            [("omission", None, "rural")],
        ),
        # An adjective the MT added.
        (
            "Le gouvernement a promis des vaccins gratuits aux hôpitaux de la région.",
            "The government promised vaccines to the hospitals of the region.",
            "The government has promised free vaccines to the hospitals of the region.",
            [("addition", "gratuits", None)],
        ),
        # WordNet antonyms: a verb, and a quantifier through its adjective cluster.
        (
            "Le ministre a accepté la proposition du comité.",
            "The minister rejected the committee's proposal.",
            "The minister has accepted the proposal of the committee.",
            [("meaning_inversion", "accepté", "rejected")],
        ),
        (
            "De nombreux habitants ont quitté la ville après la guerre.",
            "Few inhabitants left the city after the war.",
            "Numerous inhabitants have left the city after the war.",
            [("meaning_inversion", "nombreux", "Few")],
        ),
    ],
)
def test_single_word_errors_are_found(mt: str, ref: str, bt: str, expected: list) -> None:
    assert summary(findings(mt, ref, bt)) == expected


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # A faithful translation.
        (
            "Le gouvernement a promis des vaccins aux hôpitaux de la région.",
            "The government promised vaccines to the hospitals of the region.",
            "The government has promised vaccines to the hospitals of the region.",
        ),
        # A free rendering: several words differ on both sides, none is an error.
        (
            "Les prix ont fortement augmenté cette année dans toute l'Europe.",
            "Prices climbed steeply across Europe this year.",
            "The prices have strongly increased this year in all Europe.",
        ),
        # An idiom the dictionary renders literally ("se jeter" = to flow into).
        (
            "La rivière se jette dans la mer près de la ville.",
            "The river flows into the sea near the town.",
            "The river launches in the sea near the city.",
        ),
        # A negation on one side cancels the opposite: "did not accept" = "a refusé".
        (
            "Le ministre n'a pas accepté la proposition du comité.",
            "The minister rejected the committee's proposal.",
            "The minister has not accepted the proposal of the committee.",
        ),
        # A word the dictionary lacks (« télématique ») between two counterparts of one
        # reference word (large → « grand réseau », « grand public ») is where "online" is.
        (
            "Lancé en 1985 à titre expérimental en Bretagne, le Minitel fut le premier grand "
            "réseau télématique grand public au monde.",
            "Launched as an experiment in Brittany in 1985, the Minitel was the world's first "
            "large online network for the general public.",
            "Launched in 1985 to experimental title in Bretaña, the Minitel was the big premier "
            "coverage télématique big public in the world.",
        ),
        # A noun rendered by a noun (« tableau » ~ picture ~ painting) though a verb of the
        # sentence (« peint ») translates the reference's noun outright.
        (
            "Cette exposition a fait du portrait peint par Titien le tableau le plus célèbre "
            "du musée.",
            "The exhibition made Titian's portrait the most famous painting in the museum.",
            "This exhibition has done of the portrait painted by Titien the picture the famous "
            "plus of the museum.",
        ),
        # A French word translating a word of a name the reference keeps in English.
        (
            "Sa construction par l'Organisation européenne pour la recherche spatiale (ESRO) a "
            "coûté environ 2 milliards de francs suisses.",
            "Building it cost the European Space Research Organisation (ESRO) about 2 billion "
            "Swiss francs.",
            "His construction by the European Organisation for the space investigation (ESRO) "
            "has cost roughly 2 millardos of frank Swiss.",
        ),
        # A French word the reference keeps as a loanword, here in a title before a name.
        (
            "Le chef Marc Dubois ouvrira un bistrot à Lille en mai.",
            "Chef Marc Dubois will open a bistro in Lille in May.",
            "The boss Marc Dubois will open a bistrot in Lille in May.",
        ),
        # A noun after a demonstrative, which the reference says with the pronoun alone.
        (
            "Ce montant resterait toutefois inférieur de 5 % au budget de l'an dernier.",
            "That would still be 5% below last year's budget.",
            "This amount would remain however lower of 5 % to the budget of the last year.",
        ),
        # An activity named by a compound on a light noun: one French noun says it.
        (
            "Le chantier a aussi suscité la colère des habitants, qui dénoncent le bruit.",
            "The repair work also angered residents, who complain about the noise.",
            "The construction site has also provoked the anger of the inhabitants, that "
            "denounce the noise.",
        ),
        # A participle tying a noun to what it serves, which English says as a compound.
        (
            "Le conseil a voté la hausse du budget consacré aux écoles.",
            "The council voted for the increase in the schools budget.",
            "The council has voted the rise of the budget consecrated to the schools.",
        ),
        # A noun that frames an adjective, which English says with the adjective alone.
        (
            "Au niveau national, le ministère de la Santé prévoit une hausse de 4 % des "
            "dépenses.",
            "Nationally, the health ministry forecasts a 4% rise in spending.",
            "To the national level, the ministry of the Health foresees a rise of 4 % of the "
            "expenses.",
        ),
    ],
)
def test_faithful_or_free_renderings_are_not_flagged(mt: str, ref: str, bt: str) -> None:
    assert summary(findings(mt, ref, bt)) == []


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "expected"),
    [
        # An unlinked reference adverb in the verb's place renders the French adverb the
        # dictionary misses (« généralement » / usually), not the verb: the verb was added.
        (
            "Les touristes visitent généralement le musée le matin.",
            "Tourists usually the museum in the morning.",
            "The tourists visit generally the museum the morning.",
            [("addition", "visitent", None)],
        ),
        # A number written in the same digits on both sides renders itself.
        (
            "Près de 30 % des habitants de la ville utilisent le vélo pour aller au travail.",
            "Nearly 30% of the city's inhabitants the bicycle to get to work.",
            "Near of the 30 % of the city-dwellers use the bicycle to go to the work.",
            [("addition", "utilisent", None)],
        ),
        # A name is the same name behind an elided article (« l’Irak » / Iraq).
        (
            "Le comité d’experts sur l’Irak a publié son rapport hier.",
            "The Iraq Expert Committee its report yesterday.",
            "The committee of experts on Iraq has published his report yesterday.",
            [("addition", "publié", None)],
        ),
        # « la plupart » renders "most": the noun's French counterpart is bare.
        (
            "La plupart des billets sont vendus en ligne.",
            "Most cheap tickets are sold online.",
            "The majority of the banknotes are sold on-line.",
            [("omission", None, "cheap")],
        ),
        # « tels que » renders "such as", and the names stand alike on both sides.
        (
            "Il a joué dans des films tels que Casablanca et Vertigo.",
            "He acted in classic films such as Casablanca and Vertigo.",
            "It has played in films such that Casablanca and Vertigo.",
            [("omission", None, "classic")],
        ),
        # The relative clause's verb renders the reference's own verb, loosely (« a
        # bouleversé » / overturned): it cannot carry the lost adjective.
        (
            "Elle restera cette championne qui a bouleversé les règles du sport.",
            "She will remain this legendary champion who overturned the rules of the sport.",
            "It will remain this champion that has disturbed the rules of the sport.",
            [("omission", None, "legendary")],
        ),
        # The clause's next verb renders the reference's verb, loosely (« se répartissent »
        # / are distributed).
        (
            "Les bénéfices de la vente se répartissent entre les employés.",
            "The profits of the illegal sale are distributed among the employees.",
            "The profits of the sale deliver  among the employees.",
            [("omission", None, "illegal")],
        ),
        # A noun the tagger reads as an adjective still has its article (les boutiques).
        (
            "Dans cette rue, les boutiques sont ouvertes le dimanche.",
            "In this street, the bike shops are open on Sunday.",
            "In this street, the tents are opened the Sunday.",
            [("omission", None, "bike")],
        ),
        # The first noun of a compound that is no set phrase.
        (
            "D'autres pays ont signé l'accord.",
            "Other countries signed the trade agreement.",
            "Other countries have signed the agreement.",
            [("omission", None, "trade")],
        ),
    ],
)
def test_words_the_dictionary_misses_leave_the_place_empty(
    mt: str, ref: str, bt: str, expected: list
) -> None:
    assert summary(findings(mt, ref, bt)) == expected


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        (
            "Les touristes visitent généralement le musée le matin.",
            "Tourists usually visit the museum in the morning.",
            "The tourists visit generally the museum the morning.",
        ),
        (
            "La plupart des billets sont vendus en ligne.",
            "Most tickets are sold online.",
            "The majority of the banknotes are sold on-line.",
        ),
        (
            "Elle restera cette championne qui a bouleversé les règles du sport.",
            "She will remain this champion who overturned the rules of the sport.",
            "It will remain this champion that has disturbed the rules of the sport.",
        ),
        (
            "Près de 30 % des habitants de la ville utilisent le vélo pour aller au travail.",
            "Nearly 30% of the city's inhabitants use the bicycle to get to work.",
            "Near of the 30 % of the city-dwellers use the bicycle to go to the work.",
        ),
        (
            "Les bénéfices de la vente se répartissent entre les employés.",
            "The profits of the sale are distributed among the employees.",
            "The profits of the sale deliver  among the employees.",
        ),
        (
            "Dans cette rue, les boutiques sont ouvertes le dimanche.",
            "In this street, the shops are open on Sunday.",
            "In this street, the tents are opened the Sunday.",
        ),
        # A set phrase (trade union) is one French word.
        (
            "Les syndicats ont appelé à la grève.",
            "The trade unions called for a strike.",
            "The unions have called to the strike.",
        ),
        # An adverb with no French adverb to render it holds the verb's place (« faillir »
        # / almost).
        (
            "Le cycliste a failli tomber dans le virage.",
            "The cyclist almost fell in the bend.",
            "The cyclist has failed to fall in the virage.",
        ),
    ],
)
def test_words_that_render_the_french_word_hold_its_place(mt: str, ref: str, bt: str) -> None:
    assert summary(findings(mt, ref, bt)) == []


def test_everyday_senses_the_pivot_loses_link_the_words() -> None:
    links = wordlink.link_pair("Les pêcheurs réparent leurs bateaux au port.",
                               "The fishermen repair their boats in the harbour.", {})
    assert ("bateaux", "boats", "dictionary") in [
        (links.french[x.french].text, links.english[x.english].text, x.how) for x in links.links]


def test_a_word_the_back_translation_has_is_not_an_omission() -> None:
    # "rural" has no French word the dictionary links to, but the back-translation has it:
    # the second witness disagrees, so nothing is reported.
    found = findings(
        "Le gouvernement a promis des vaccins aux hôpitaux de la région.",
        "The government promised vaccines to the rural hospitals of the region.",
        "The government has promised vaccines to the rural hospitals of the region.",
    )
    assert summary(found) == []


def test_an_addition_names_its_back_translated_word() -> None:
    found = findings(
        "Le gouvernement a promis des vaccins gratuits aux hôpitaux de la région.",
        "The government promised vaccines to the hospitals of the region.",
        "The government has promised free vaccines to the hospitals of the region.",
    )
    assert [(f.bt_span, f.engines) for f in found] == [("free", ("apertium",))]
    assert "free" in found[0].evidence["french_senses"]


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "spans"),
    [
        # a look-alike of the antonym (patients / impatient): neither a cognate nor a word
        # the back-translation covers the reference's with
        ("Les clients du restaurant sont restés patients malgré l'attente.",
         "The restaurant's customers remained impatient despite the wait.",
         "The clients of the restaurant have remained patient in spite of the wait.",
         ("patients", "impatient")),
        # the nouns father / mother share a verb sense (to parent): not synonyms
        ("Son père travaille dans une usine de chaussures.",
         "Her mother works in a shoe factory.",
         "His father works in a factory of shoes.", ("père", "mother")),
        # adverbs are judged for antonymy: far against proche (near)
        ("Le village se trouve proche de la côte atlantique.",
         "The village lies far from the Atlantic coast.",
         "The village is near of the Atlantic coast.", ("proche", "far")),
    ],
)
def test_an_antonym_that_looks_like_or_shares_a_sense_with_the_word_is_found(
    mt: str, ref: str, bt: str, spans: tuple[str, str]
) -> None:
    assert summary(findings(mt, ref, bt)) == [("meaning_inversion", *spans)]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        ("Les clients du restaurant sont restés patients malgré l'attente.",
         "The restaurant's customers remained patient despite the wait.",
         "The clients of the restaurant have remained patient in spite of the wait."),
        ("Son père travaille dans une usine de chaussures.",
         "Her father works in a shoe factory.", "His father works in a factory of shoes."),
        ("Le village se trouve loin de la côte atlantique.",
         "The village lies far from the Atlantic coast.",
         "The village is far of the Atlantic coast."),
        # a litotes: "non loin de" is near
        ("Le village se trouve non loin de la côte atlantique.",
         "The village lies near the Atlantic coast.",
         "The village is not far of the Atlantic coast."),
        # "patients" the noun (the sick) is not opposed to anything here
        ("Les malades du service attendent un médecin.",
         "The patients in the ward are waiting for a doctor.",
         "The ills of the service wait a doctor."),
    ],
)
def test_the_same_word_or_its_plain_sense_is_not_an_antonym(mt: str, ref: str, bt: str) -> None:
    assert summary(findings(mt, ref, bt)) == []


def test_direct_antonyms_are_wordnet_pointers_only() -> None:
    net = wordlink.wordnet_graph()
    assert net is not None
    assert net.opposed("father", "mother") and net.opposed("impatient", "patient")
    assert not net.opposed("true", "odd")  # only through an adjective cluster's head
    assert "odd" in net.antonyms("true")


def test_wordnet_relations() -> None:
    net = wordlink.wordnet_graph()
    assert net is not None
    assert "few" in net.antonyms("numerous")  # through the cluster's head, many
    assert "reject" in net.antonyms("accept")
    assert net.is_hypernym("substance", "vaccine")
    assert not net.is_hypernym("vaccine", "substance")
    assert "economy" in net.derivations("economic")


def test_link_reads_dictionary_cognates_and_back_translation() -> None:
    links = wordlink.link_pair(
        "Le diamètre des grottes est connu.",
        "The diameter of the caves is known.",
        {"apertium": "The diameter of the grottos is known."},
    )
    how = {links.english[link.english].text: link.how for link in links.links}
    assert how["caves"] == "dictionary"  # grotte → cave through Spanish
    assert how["diameter"] in ("dictionary", "cognate")
    covered = {links.english[i].text for i in links.covered_by_bt}
    assert "known" in covered and "caves" not in covered


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "expected"),
    [
        # Word order differs (noun-adjective against compound-noun): nothing is missing.
        (
            "Le ministre a visité les usines textiles de la région.",
            "The minister visited the region's textile factories.",
            "The minister has visited the textile factories of the region.",
            [],
        ),
        # A French adjective rendered by a name in the reference (marocaine / Morocco's).
        (
            "L'agriculture représente 12 % de l'économie marocaine.",
            "Agriculture accounts for 12 percent of Morocco's economy.",
            "The agriculture represents 12 % of the Moroccan economy.",
            [],
        ),
        # A name beside the gap is matched across languages (Japon / Japan), so the place
        # the dropped noun held is still pinned down.
        (
            "Son amour pour le Japon est connu.",
            "His for Japan is known.",
            "His love for Japan is known.",
            [("addition", "amour", None)],
        ),
        # A French word linked to two reference words (salué → hailed, greeted) keeps the
        # one outside the next word's place; the other is that word's (accueillie).
        (
            "Les habitants ont salué le nouveau maire, accueilli par de longs applaudissements.",
            "Residents hailed the new mayor, who was greeted with long applause.",
            "The inhabitants have greeted the new mayor, received by long applause.",
            [],
        ),
    ],
)
def test_position_decides_whether_a_word_has_a_place(
    mt: str, ref: str, bt: str, expected: list
) -> None:
    assert summary(findings(mt, ref, bt)) == expected


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "added"),
    [
        # The reference's grammar shows a noun missing (a preposition with a verb for its
        # object); the French noun of that place means no reference word.
        (
            "Des milliers d'habitants ont signé la pétition depuis mars.",
            "Thousands of have signed the petition since March.",
            "Thousands of inhabitants have signed the petition since March.",
            "habitants",
        ),
        # A modal with no verb after it; the French verb is the one the reference lacks.
        (
            "La nouvelle loi imposerait une taxe sur les voitures importées.",
            "The new law would a tax on imported cars.",
            "The new law would impose a tax on the imported cars.",
            "imposerait",
        ),
        # An article with no noun after it.
        (
            "Les agriculteurs ont vendu leurs légumes au marché de la ville.",
            "Farmers sold their at the town market.",
            "The farmers have sold their vegetables to the market of the city.",
            "légumes",
        ),
    ],
)
def test_a_word_the_reference_has_a_hole_for_is_an_addition(
    mt: str, ref: str, bt: str, added: str
) -> None:
    assert ("addition", added) in [(kind, span) for kind, span, _ in summary(findings(mt, ref, bt))]


def test_a_hole_is_evidence_where_the_rest_of_the_sentence_is_free() -> None:
    # "swiftly" has no French counterpart, so the sentence-wide gate of the plain addition
    # check keeps it silent; the reference's own grammar still shows the missing verb.
    found = findings(
        "La nouvelle loi imposerait une taxe sur les voitures importées.",
        "The new law would swiftly a tax on imported cars.",
        "The new law would impose a tax on the imported cars.",
    )
    assert summary(found) == [("addition", "imposerait", "would")]
    assert found[0].evidence["check"] == "word_gap"
    assert found[0].evidence["gap"] == "modal_without_verb"


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        ("Des milliers d'habitants ont signé la pétition depuis mars.",
         "Thousands of residents have signed the petition since March.",
         "Thousands of inhabitants have signed the petition since March."),
        ("La nouvelle loi imposerait une taxe sur les voitures importées.",
         "The new law would impose a tax on imported cars.",
         "The new law would impose a tax on the imported cars."),
        # The modal's verb is there, under another word the dictionary links (pouvoir is
        # the modal itself, never the missing verb).
        ("Vous pouvez aussi demander conseil à la mairie.",
         "You can also ask the town hall for advice.",
         "You can also ask advice to the town hall."),
    ],
)
def test_a_complete_reference_gives_no_gap_addition(mt: str, ref: str, bt: str) -> None:
    assert summary(findings(mt, ref, bt)) == []


def test_an_adjective_whose_noun_is_bare_in_french_is_an_omission() -> None:
    # "last spring" is missing too, so the sentence-wide gate of the plain omission check
    # keeps it silent about "strange"; the French noun "cristaux" carries no modifier,
    # which is the second witness.
    found = findings(
        "Les enquêteurs ont découvert des cristaux dans l'eau du lac.",
        "Investigators found strange crystals in the water of the lake last spring.",
        "The investigators have discovered crystals in the water of the lake.",
    )
    assert [(f.kind, f.ref_span, f.evidence["check"]) for f in found] == [
        ("omission", "strange", "word_modifier_omission")]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # The French noun has an adjective of its own the dictionary does not link.
        ("Les enquêteurs ont découvert des cristaux insolites dans l'eau du lac.",
         "Investigators found strange crystals in the water of the lake last spring.",
         "The investigators have discovered insolites crystals in the water of the lake."),
        # One French noun renders an English compound.
        ("Les syndicats ont appelé à une grève générale.",
         "Trade unions called for a general strike last spring.",
         "The unions have called to a general strike."),
        # The French adjective sits below a complement of the noun (secteur de la santé
        # numérique / digital health sector).
        ("Le secteur de la santé numérique a fortement progressé l'an dernier.",
         "The digital health sector grew strongly in the spring.",
         "The sector of the health numérique has strongly progressed the last year."),
        # The verb the French noun is the object of carries the modifier (« rajeunir son
        # logo » / "adopt a younger logo", « hausser le ton » / "take a tougher tone").
        ("L'entreprise a rajeuni son logo.", "The company adopted a younger logo.",
         "The company has rejuvenated its logo."),
    ],
)
def test_a_modifier_the_french_may_carry_is_not_an_omission(mt: str, ref: str, bt: str) -> None:
    assert not [f for f in findings(mt, ref, bt)
                if f.evidence.get("check") == "word_modifier_omission"]


@pytest.mark.parametrize(
    ("french", "noun", "expected"),
    [
        ("Le match a été reporté en raison de la neige.", "raison", False),  # a locution
        ("Le match a été reporté en raison de la neige.", "neige", True),
        ("Ils annoncent la fin du monde.", "monde", True),  # du = de + le
        ("Les panneaux sont en catalan.", "panneaux", True),
    ],
)
def test_an_article_gap_wants_a_french_noun_with_its_own_article(
    french: str, noun: str, expected: bool
) -> None:
    sentence = lexicon.parse(french, "fr")
    word = next(t for t in sentence if t.text == noun)
    assert wordmodifier.has_determiner(sentence, word) is expected


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # French verbs of being that English says with "be"
        ("Ces îles forment un archipel volcanique.", "These islands are a volcanic archipelago.",
         "These islands form a volcanic archipelago."),
        ("Ce roman figure parmi les plus lus du siècle.",
         "This novel is among the most read of the century.",
         "This novel figures among the most read of the century."),
        ("Le tourisme représente la moitié des emplois de la ville.",
         "Tourism is half the jobs in the town.",
         "The tourism represents the half of the employments of the city."),
        # a support verb of an event noun
        ("Le musée national réalise ainsi la plus grosse vente de son histoire.",
         "It is the biggest sale in the national museum's history.",
         "The national museum makes like this the fattest sale of his history."),
    ],
)
def test_a_verb_of_being_the_reference_says_with_be_is_no_addition(
    mt: str, ref: str, bt: str
) -> None:
    assert findings(mt, ref, bt) == []


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # English verbs of being that French says with « être »
        ("C'est une occasion rare de visiter le phare.",
         "This offers a rare chance to visit the lighthouse.",
         "It is a rare occasion to visit the lighthouse."),
        ("Le vote est un tournant pour la coopérative.",
         "The vote marks a turning point for the cooperative.",
         "The vote is a turning point for the cooperative."),
    ],
)
def test_a_verb_of_being_french_says_with_etre_is_no_omission(mt: str, ref: str,
                                                               bt: str) -> None:
    assert [f for f in summary(findings(mt, ref, bt)) if f[0] == "omission"] == []


def test_the_second_dictionary_reads_the_lemma_in_its_part_of_speech() -> None:
    from mtqa.language.freedict import freedict

    if freedict() is None:
        pytest.skip("FreeDict fra-eng is not installed")
    links = wordlink.link_pair("Les données sombres partiront demain.",
                               "The dark data will leave tomorrow.", {})
    senses = {t.text: own | more for t, own, more in zip(
        links.french, links.senses, links.more_senses, strict=True)}
    # sombres → sombre, partiront → partir: Apertium's "shady" and "leave" and FreeDict's
    assert {"dark", "gloomy", "shady"} <= senses["sombres"]
    assert "dark" not in links.senses[1] and "dark" in links.more_senses[1]
    assert {"depart", "leave"} <= senses["partiront"]
    # « données » the noun is data, not a form of « donner »: no FreeDict verb senses
    assert not {"exit", "spend"} & senses["données"]
    # they serve opposites only: no word is linked, or accounted for, through them
    linked = {(links.french[k.french].text, links.english[k.english].text)
              for k in links.links}
    assert ("sombres", "dark") not in linked


def test_a_noun_naming_the_class_of_the_noun_beside_it_is_no_addition() -> None:
    # a chef is a cook: « le chef cuisinier » is "the chef"
    mt = "Le chef cuisinier a présenté un menu où tous les desserts sont servis avec des fruits."
    bt = "The boss cook has presented a menu where all the desserts are served with fruits."
    assert findings(mt, "The chef presented a menu where all the desserts are served with fruit.",
                    bt) == []
    # a word of its own beside the noun is still an addition
    found = findings(mt.replace("cuisinier", "célèbre"), "The chef presented a menu where all "
                     "the desserts are served with fruit.", bt.replace("boss cook", "famous boss"))
    assert [(f.kind, f.mt_span) for f in found] == [("addition", "célèbre")]


def test_a_verb_of_being_beside_its_own_be_is_still_judged() -> None:
    from mtqa.checks.wordplace import english_copula_rendered

    links = wordlink.link_pair("Le vote est un tournant.", "The vote is and marks a turning point.",
                               {"apertium": "The vote is a turning point."})
    marks = next(i for i, t in enumerate(links.english) if t.text == "marks")
    assert not english_copula_rendered(links, marks)


def test_a_verb_of_being_with_no_be_in_the_reference_is_still_an_addition() -> None:
    found = findings("Ces îles forment un archipel volcanique.",
                     "These islands a volcanic archipelago.",
                     "These islands form a volcanic archipelago.")
    assert [(f.kind, f.mt_span) for f in found] == [("addition", "forment")]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # everyday senses: des vents violents are strong winds; le premier exportateur is
        # the biggest
        ("Des vents violents ont arraché des toitures dans la nuit.",
         "Strong winds tore roofs off during the night.",
         "Violent winds have torn off roofs in the night."),
        ("La Chine est le premier exportateur mondial d'acier.",
         "China is the world's biggest steel exporter.",
         "China is the first world exporter of steel."),
        # an ordinal in Roman numerals is the reference's ordinal word
        ("Le château a été construit au XIIe siècle par un comte.",
         "The castle was built in the twelfth century by a count.",
         "The castle has been built to the XIIe century by a count."),
        ("L'abbaye aurait été abandonnée au Ve siècle, après un incendie.",
         "The abbey appears to have been abandoned in the fifth century, after a fire.",
         "The abbey would have been abandoned to the Ve century, after a fire."),
    ],
)
def test_an_everyday_sense_or_an_ordinal_is_no_omission(mt: str, ref: str, bt: str) -> None:
    assert [f for f in summary(findings(mt, ref, bt)) if f[0] == "omission"] == []


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # « selon eux » / "they believe": the verb renders the preposition of the source
        ("Selon eux, la ferme appartenait probablement à un riche marchand.",
         "They believe the farm probably belonged to a wealthy merchant.",
         "According to them, the farm belonged probably to a rich merchant."),
        ("D'après les chercheurs, le glacier a reculé de deux kilomètres.",
         "Researchers estimate the glacier has retreated by two kilometres.",
         "According to the researchers, the glacier has moved back of two kilometres."),
    ],
)
def test_a_verb_of_saying_for_a_french_source_is_no_omission(mt: str, ref: str,
                                                               bt: str) -> None:
    assert [f for f in summary(findings(mt, ref, bt)) if f[0] == "omission"] == []


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # the reference's verb is rendered by a French noun (« film », « promotion »)
        (
            "Le documentaire a été tourné en Norvège l'hiver dernier.",
            "The documentary was filmed in Norway last winter.",
            "The documentary has been turned in Norway the last winter.",
        ),
        (
            "Le directeur l'a remercié et lui a offert une promotion.",
            "The director thanked him and promoted him.",
            "The director thanked him and him has offered a promotion.",
        ),
        # or by a verb of a locution (« à partir de » / from)
        (
            "Le Sénat a adopté une réforme qui s'appliquera à partir de 2030.",
            "The Senate passed a reform that will apply from 2030.",
            "The Senate has adopted a reform that will apply from 2030.",
        ),
    ],
)
def test_a_clause_reworded_around_another_verb_adds_no_verb(mt: str, ref: str, bt: str) -> None:
    assert [f for f in summary(findings(mt, ref, bt)) if f[0] == "addition"] == []


def test_a_verb_the_reference_lost_is_still_an_addition() -> None:
    found = findings(
        "Les oiseaux migrateurs disparaissent souvent sans laisser de traces.",
        "Migratory birds often without leaving any traces.",
        "The migratory birds disappear often without leaving traces.",
    )
    assert ("addition", "disparaissent", None) in summary(found)


def test_a_verb_and_a_noun_are_no_opposites() -> None:
    found = findings(
        "La ministre est partie sans répondre aux journalistes.",
        "The minister left without taking questions from journalists.",
        "The minister has gone without answering to the journalists.",
    )
    assert [f for f in summary(found) if f[0] == "meaning_inversion"] == []


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "adverb"),
    [
        # The reference's other missing words ("last spring") keep the sentence-wide gate
        # shut; the French verb carries no adverb, which is the second witness.
        ("Le comité a approuvé le budget.",
         "The committee swiftly approved the budget last spring.",
         "The committee has agreed the estimate.", "swiftly"),
        # a past participle the tagger reads as a noun, after its auxiliary
        ("Elle a toujours rêvé de voyager.",
         "She has always secretly dreamed of travelling abroad.",
         "It has dreamed always to travel.", "secretly"),
        # a day French writes in lower case beside the verb renders the reference's
        # Thursday, not the adverb
        ("Les prix ont augmenté jeudi, selon le ministère.",
         "Prices rose sharply on Thursday, according to the ministry last year.",
         "The prizes have augmented Thursday, according to the ministry.", "sharply"),
    ],
)
def test_an_adverb_whose_verb_is_bare_in_french_is_an_omission(
    mt: str, ref: str, bt: str, adverb: str
) -> None:
    assert [(f.kind, f.ref_span, f.evidence["check"]) for f in findings(mt, ref, bt)] == [
        ("omission", adverb, "word_modifier_omission")]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # the French verb has a phrase of its own that may say how (« sans tarder »)
        ("Le comité a approuvé sans tarder le budget.",
         "The committee swiftly approved the budget last spring.",
         "The committee has agreed without taking the estimate."),
        ("Le comité a approuvé le budget.", "The committee approved the budget last spring.",
         "The committee has agreed the estimate."),
        # an adverb of the French sentence (« de peu »), the conditional of hearsay
        ("Le navire a évité de peu le naufrage.", "The ship narrowly avoided sinking last year.",
         "The ship has avoided of little the shipwreck."),
        ("Le maire aurait accepté des cadeaux.", "The mayor allegedly accepted gifts last year.",
         "The mayor would have accepted gifts."),
        # a bare noun after a preposition says how, wherever the parser attached it
        ("Il a rangé ses livres avec soin.", "He carefully put away his books last week.",
         "It has ordered his books with cure."),
        # the adverb has a degree word of its own, which the French says alone
        ("C'est l'un des romans les plus lus du pays.",
         "It is one of the most widely read novels in the country today.",
         "It is one of the novels the most read of the country."),
    ],
)
def test_an_adverb_the_french_may_carry_is_not_an_omission(mt: str, ref: str, bt: str) -> None:
    assert not [f for f in findings(mt, ref, bt)
                if f.evidence.get("check") == "word_modifier_omission"]


@pytest.mark.parametrize(
    ("french", "word", "expected"),
    [
        ("Elle a toujours rêvé de voyager.", "rêvé", True),
        ("Les enfants sont partis tôt.", "partis", True),
        ("Son rêve a changé.", "rêve", False),
    ],
)
def test_a_participle_is_read_after_its_auxiliary(french: str, word: str, expected: bool) -> None:
    sentence = lexicon.parse(french, "fr")
    at = next(i for i, t in enumerate(sentence) if t.text == word)
    assert wordmodifier._after_auxiliary(sentence, at) is expected


def test_a_place_named_as_english_does_carries_no_modifier() -> None:
    # « Normandie » renders "Normandy": it cannot be where the reference's "family" went.
    found = findings(
        "L'entreprise, qui emploie des ouvriers en Normandie, construit une usine.",
        "The family company, which employs workers in Normandy, is building a factory "
        "last year.",
        "The company, that employs working in Normandy, builds a factory.",
    )
    assert [(f.kind, f.ref_span, f.evidence["check"]) for f in found] == [
        ("omission", "family", "word_modifier_omission")]


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "added"),
    [
        # "Lyon" renders the adjective « lyonnaise », not « métros »
        ("La grève touchera les bus et les métros de la région lyonnaise.",
         "The strike will affect buses and in the Lyon region.",
         "The strike will touch the buses and the metres of the region lyonnaise.",
         "métros"),
    ],
)
def test_a_removed_noun_leaves_its_place_empty(mt: str, ref: str, bt: str, added: str) -> None:
    assert [(f.kind, f.mt_span) for f in findings(mt, ref, bt)] == [("addition", added)]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        ("Les ventes de vélos ont augmenté, selon les chiffres de l'entreprise.",
         "Sales of bicycles rose, according to the company's figures.",
         "The sales of bicycles have augmented, according to the figures of the company."),
        ("La grève touchera les bus et les métros de la région lyonnaise.",
         "The strike will affect buses and the underground in the Lyon region.",
         "The strike will touch the buses and the metres of the region lyonnaise."),
    ],
)
def test_a_complete_reference_gives_no_single_word_finding(mt: str, ref: str, bt: str) -> None:
    assert summary(findings(mt, ref, bt)) == []


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # « informatiques » is in what "hackers" means: a programmer who breaks into
        # computer systems
        ("Des pirates informatiques ont attaqué le réseau de la ville.",
         "Hackers attacked the city's network.",
         "Of the computer pirates have attacked the network of the city."),
    ],
)
def test_a_relational_adjective_the_reference_word_defines_is_no_addition(
    mt: str, ref: str, bt: str
) -> None:
    assert summary(findings(mt, ref, bt)) == []


def test_a_qualifying_adjective_is_not_read_into_a_definition() -> None:
    # "young" is no relational adjective: « jeunes » is added, whatever "pupil" means
    found = findings(
        "Les jeunes élèves ont visité le musée de la ville.",
        "The pupils visited the city's museum.",
        "The young pupils have visited the museum of the city.",
    )
    assert [(f.kind, f.mt_span) for f in found] == [("addition", "jeunes")]


@pytest.mark.parametrize(
    ("french", "bound", "free"),
    [
        # a preposition of several words: none of its words means anything alone
        ("Le match a été reporté en raison de la neige.", ["raison"], ["match", "neige"]),
        ("Il a été libéré faute de preuves.", ["faute"], ["preuves"]),
        # a noun's fixed words stay words of their own (interest rates / rates)
        ("Les taux d'intérêt ont baissé.", [], ["taux", "intérêt"]),
    ],
)
def test_words_of_a_locution_are_bound(french: str, bound: list[str], free: list[str]) -> None:
    tokens = lexicon.parse(french, "fr")
    starts = wordlink.bound_words(french, tokens)
    words = {t.text: t.start in starts for t in tokens}
    assert all(words[w] for w in bound) and not any(words[w] for w in free)
