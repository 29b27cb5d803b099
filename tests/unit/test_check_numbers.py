"""Number and date checks: localised forms agree, real slips are found with exact spans.

Every sentence is invented for these tests.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from support import make_result

from mtqa.checks import numbers
from mtqa.checks.base import CheckContext
from mtqa.checks.numbers import compare
from mtqa.language.quantities import quantities
from mtqa.model import Finding


def run(mt: str, ref: str, bt: Mapping[str, str] | None = None) -> list[Finding]:
    result = make_result(
        [mt], [ref], bt={engine: [text] for engine, text in (bt or {}).items()}
    )
    findings = numbers.check(result, CheckContext(engines=tuple(bt or ())))
    for f in findings:  # the findings contract: spans are exact substrings
        assert f.mt_span is None or f.mt_span in mt
        assert f.ref_span is None or f.ref_span in ref
        assert f.kind == "number_mismatch" and f.detector == "numbers"
    return findings


# (French MT, English reference, MT span, reference span)
MISMATCHES = [
    pytest.param(
        "L'usine a vendu 3 400 tracteurs.", "The factory sold 4,300 tractors.",
        "3 400", "4,300", id="digits-transposed",
    ),
    pytest.param(
        "L'usine a vendu 3\u202f400 tracteurs.", "The factory sold 3,500 tractors.",
        "3\u202f400", "3,500", id="narrow-no-break-space",
    ),
    pytest.param(
        "Le projet coûtera 40 millions d'euros.", "The project will cost 40 billion euros.",
        "40 millions", "40 billion", id="scale-word",
    ),
    pytest.param(
        "La dette atteint 2 billions de dollars.", "The debt has reached $2 billion.",
        "2 billions", "$2 billion", id="french-billion-false-friend",
    ),
    pytest.param(
        "Le sommet s'ouvrira le 14 mars.", "The summit will open on March 4.",
        "14 mars", "March 4", id="date-day",
    ),
    pytest.param(
        "Le chômage est tombé à 7,5 %.", "Unemployment fell to 5.7 percent.",
        "7,5 %", "5.7 percent", id="percent",
    ),
    pytest.param(
        "Vingt-trois personnes ont été évacuées.", "Thirty-two people were evacuated.",
        "Vingt-trois", "Thirty-two", id="number-words",
    ),
    pytest.param(
        "Le pont a été construit en 1989.", "The bridge was built in 1998.",
        "1989", "1998", id="year",
    ),
    pytest.param(
        "La séance reprendra à 15 h.", "The session will resume at 5 p.m.",
        "15 h", "5 p.m.", id="clock-time",
    ),
    pytest.param(
        "Le plan prévoit 1,5 milliard d'euros.", "The plan provides 15 billion euros.",
        "1,5 milliard", "15 billion", id="decimal-comma-scale",
    ),
    pytest.param(
        "Le témoin a appelé 15 voisins.", "The witness called 16 neighbours.",
        "15", "16", id="a-count-after-a-verb-of-calling",
    ),
]


@pytest.mark.parametrize(("mt", "ref", "mt_span", "ref_span"), MISMATCHES)
def test_mismatch_is_found(mt: str, ref: str, mt_span: str, ref_span: str) -> None:
    findings = run(mt, ref)
    assert [(f.mt_span, f.ref_span, f.severity) for f in findings] == [
        (mt_span, ref_span, "critical")
    ]


AGREEMENTS = [
    pytest.param("Il y a un an, l'un des juges a démissionné.",
                 "A year ago, one of the judges resigned.", id="articles-and-one-of"),
    pytest.param("Le projet coûtera 40 millions d'euros.",
                 "The project will cost 40 million euros.", id="millions"),
    pytest.param("La dette mondiale dépasse 2 000 milliards.",
                 "Global debt exceeds 2 trillion.", id="thousand-billions-is-trillion"),
    pytest.param("Washington a promis 25 millions de dollars.",
                 "Washington pledged $25 million.", id="currency-placement"),
    pytest.param("Le plan prévoit 1,5 milliard d'euros.",
                 "The plan provides 1.5 billion euros.", id="decimal-comma"),
    pytest.param("Le chômage est tombé à 7,5 %.",
                 "Unemployment fell to 7.5 percent.", id="percent-forms"),
    pytest.param("Les prix ont augmenté de vingt-cinq pour cent.",
                 "Prices rose 25%.", id="percent-in-words"),
    pytest.param("La loi entre en vigueur le 1er mars 2024.",
                 "The law takes effect on March 1, 2024.", id="first-of-month"),
    pytest.param("Le 24 février marquait le premier anniversaire.",
                 "Feb. 24 marked the first anniversary.", id="abbreviated-month"),
    pytest.param("L'usine emploie 3\u00a0400 personnes, dont 3\u202f100 à temps plein.",
                 "The plant employs 3,400 people, 3,100 of them full time.",
                 id="no-break-spaces"),
    pytest.param("Les deux pays ont voté deux fois.",
                 "Both countries voted twice.", id="both-and-twice"),
    pytest.param("La séance reprendra à 15 h 30 après une pause de 24 heures.",
                 "The session will resume at 3:30 p.m. after a 24-hour break.",
                 id="clock-and-duration"),
    pytest.param("Au XXIe siècle, le G7 compte toujours sept membres.",
                 "In the 21st century the G7 still has seven members.",
                 id="roman-century-and-code"),
    pytest.param("Une douzaine de bâtiments flambant neufs, dont un neuf.",
                 "A dozen brand-new buildings, one of them new.", id="dozen-and-neuf"),
    pytest.param("Mille personnes ont manifesté à mi-2022.",
                 "A thousand people protested in mid-2022.", id="thousand-and-year"),
    pytest.param("Le 3 mai, la troisième réunion a eu lieu.",
                 "On May 3, the third meeting took place.", id="ordinals"),
    pytest.param("Des centaines de milliers de personnes ont défilé dans 200 villes.",
                 "Hundreds of thousands marched in 200 cities.", id="vague-plural-scales"),
    pytest.param("Deux millions d'électeurs, et des millions d'autres.",
                 "Two million voters, and millions more.", id="exact-and-vague-millions"),
    pytest.param("Le vote aura lieu à 10 heures, heure locale (8 h GMT).",
                 "The vote will take place at 10 a.m. local time (0800 GMT).", id="wire-time"),
    pytest.param("La saison 2022-2023 a commencé.", "The 2022-23 season began.",
                 id="season-range"),
    pytest.param("Le score était de 3-1 après 90 minutes.", "The score was 3-1 after 90 minutes.",
                 id="score"),
    pytest.param("Le train partit à 21 h 15 et arriva à 6 h 05 du matin.",
                 "The train left at 9.15 p.m. and arrived at 6.05 a.m.", id="british-clock"),
    pytest.param("Dans la nuit du 3 au 4 mai, la digue céda.",
                 "On the night of 3 May the dyke gave way.", id="night-of"),
    pytest.param("Dans la nuit du 3 au 4 mai, la digue céda.",
                 "On the night of 3-4 May the dyke gave way.", id="night-of-both-days"),
    pytest.param("On fêta le troisième centenaire de l'université.",
                 "The university's 300th anniversary was celebrated.", id="nth-centenary"),
    pytest.param("Le bicentenaire de la Révolution fut fêté en 1989.",
                 "The bicentenary of the Revolution was celebrated in 1989.", id="bicentenary"),
    pytest.param("Le bicentenaire de la Révolution fut fêté en 1989.",
                 "The 200th anniversary of the Revolution was celebrated in 1989.",
                 id="bicentenary-as-number"),
]


@pytest.mark.parametrize(("mt", "ref"), AGREEMENTS)
def test_localised_numbers_are_not_flagged(mt: str, ref: str) -> None:
    assert run(mt, ref) == []


def test_number_only_in_the_reference_is_a_major_finding() -> None:
    findings = run("Le pont a été construit.", "The bridge was built in 1998.")
    assert [(f.mt_span, f.ref_span, f.severity) for f in findings] == [(None, "1998", "major")]


def test_a_year_naming_an_event_in_the_reference_only_is_minor() -> None:
    # English names an event by its year where French names it otherwise
    findings = run("Le krach boursier ruina des milliers d'épargnants.",
                   "The 1929 crash ruined thousands of savers.")
    assert [(f.ref_span, f.severity) for f in findings] == [("1929", "minor")]
    # a year that dates the fact stays major; so does a year against another year
    assert [f.severity for f in run("Le pont a été ouvert.", "The bridge opened in 1998.")] == [
        "major"]
    assert [f.severity for f in run("Le krach de 1987 ruina des épargnants.",
                                    "The 1929 crash ruined savers.")] == ["critical"]


def test_back_translation_supports_the_mismatch() -> None:
    findings = run(
        "Le sommet s'ouvrira le 14 mars.",
        "The summit will open on March 4.",
        bt={"apertium": "The summit will open the 14 March.", "marian": "It opens March 4."},
    )
    assert [(f.engines, f.bt_span) for f in findings] == [(("apertium",), "14 March")]


def test_unaligned_pairs_are_skipped() -> None:
    result = make_result(["Il y avait 300 personnes."], ["Hello."], beads=[((0,), ()), ((), (0,))])
    assert numbers.check(result, CheckContext(engines=())) == []


def test_values_and_spans_are_read() -> None:
    text = "Quelque 3 400 soldats, 2 000 milliards, le 1er mars à 15 h 30."
    read = [(q.kind, q.value, q.surface) for q in quantities(text, "fr")]
    assert read == [
        ("number", 3400.0, "3 400"),
        ("number", 2e12, "2 000 milliards"),
        ("date", (3, 1), "1er mars"),
        ("time", (15, 30), "15 h 30"),
    ]
    english = "Some 3,400 troops, 2 trillion, on March 1 at 3:30 p.m."
    assert compare(quantities(text, "fr"), quantities(english, "en")) == ([], [])


def test_ambiguous_dot_reads_both_ways() -> None:
    # An MT that keeps the English decimal point: 1.500 may be 1500 or 1.5.
    assert run("Le taux est de 1.500 %.", "The rate is 1.5%.") == []
    assert run("Ils étaient 1.500.", "There were 1,500 of them.") == []
    # An English sentence left in the MT keeps its comma for thousands.
    assert run("The plant employs about 45,000 people.", "It employs about 45,000 people.") == []
    assert run("Le taux est de 2,125 %.", "The rate is 2.125%.") == []


# Forms that look like different numbers and are the same (invented sentences).
SAME_IN_OTHER_WORDS = [
    ("Le style a connu son apogée entre le Xe–XIe siècle.",
     "The style peaked in the 10th–11th century."),
    ("Les XVe et XVIe siècles ont vu naître l'imprimerie.",
     "The 15th and 16th centuries saw printing born."),
    ("Dans les années 70, la ville a grandi.", "In the 1970s, the city grew."),
    ("Dans les années soixante-dix, la ville a grandi.", "In the seventies, the city grew."),
    ("Dans les années 1990, la ville a grandi.", "In the '90s, the city grew."),
    ("Un groupe célèbre dans les années 60 et 70.", "A band famous in the 1960s and 70s."),
    ("Elle peignait encore à plus de 90 ans.", "She was still painting in her nineties."),
    ("Plusieurs millions de doses ont été livrées.", "Several million doses were delivered."),
    ("Quelques milliers de personnes ont défilé.", "A few thousand people marched."),
    ("Les attentats du 11 septembre ont tout changé.", "The 9/11 attacks changed everything."),
    ("La pharmacie est ouverte 24 heures sur 24.", "The pharmacy is open around the clock."),
    ("Le service fonctionne sept jours sur sept.", "The service runs every day."),
    ("Les marchés n'avaient pas connu une telle chute depuis le 11 septembre 2001.",
     "Markets had not seen such a fall since 9/11."),
    ("Le syndicat a appelé à une grève de vingt-quatre heures.",
     "The union called a twenty-four-hour strike."),
    ("Le plan sur cinq ans a été adopté.", "The five-year plan was adopted."),
    ("Les moins de 18 ans entrent gratuitement.", "Under-18s get in free."),
    ("Une trentaine de pays ont signé.", "Around thirty countries signed."),
    ("Une dizaine de sites pourraient fermer.", "About 10 sites could close."),
    ("Le contrat vaut une trentaine de milliards d'euros.",
     "The contract is worth some 30 billion euros."),
    ("Une centaine de milliers de personnes ont manifesté.",
     "About 100,000 people demonstrated."),
    # a service's telephone number, named by its service on the other side
    ("En cas d'incendie, composez le 18.", "In case of fire, call the fire brigade."),
    ("Les victimes peuvent appeler le numéro vert 3919.",
     "Victims can call a free helpline."),
    ("Les témoins sont priés d'appeler la police.", "Witnesses are asked to dial 999."),
    ("Le château, bâti entre le XIe et le XIIe siècle, domine la ville.",
     "The castle, built between the 11th and 12th centuries, overlooks the town."),
    ("Elle habite dans le XVe arrondissement.", "She lives in the 15th arrondissement."),
    ("Le pays compte quatre millions et demi d'habitants.",
     "The country has four and a half million inhabitants."),
    ("Un million et demi de personnes ont défilé.", "A million and a half people marched."),
    # a half of a unit: « quatre heures et demie » = "four and a half hours" = "4.5 hours"
    ("Le trajet dure quatre heures et demie.", "The journey takes 4.5 hours."),
    ("Le trajet dure quatre heures et demie.", "The journey takes four and a half hours."),
    ("Les travaux ont duré deux ans et demi.", "The work lasted two and a half years."),
    ("Le train part à sept heures et demie.", "The train leaves at 7:30."),
    ("Un garçon de huit ans a été blessé.", "An eight-year-old boy was injured."),
    ("Le butin est estimé entre 46 et 50 millions d'euros.",
     "The haul is estimated at 46 million to 50 million euros."),
    ("Les ventes ont atteint de 3 à 4 milliards.", "Sales reached $3bn to $4bn."),
    ("Le musée ferme le 14 Juillet.", "The museum closes on Bastille Day."),
    ("Les magasins ouvrent à Noël.", "Shops open on December 25."),
]


@pytest.mark.parametrize(("mt", "ref"), SAME_IN_OTHER_WORDS)
def test_the_same_number_written_differently_is_not_flagged(mt: str, ref: str) -> None:
    assert run(mt, ref) == []


@pytest.mark.parametrize(
    ("mt", "ref", "mt_span", "ref_span"),
    [
        ("Dans les années 80, la ville a grandi.", "In the 1970s, the city grew.", "80", "1970s"),
        ("Un groupe célèbre dans les années 60 et 70.", "A band famous in the 1960s and 80s.",
         "70", "80s"),
        ("Il est mort à 80 ans.", "He died in his seventies.", "80", "seventies"),
        ("Le style date du XIe siècle.", "The style dates from the 12th century.", "XIe", "12th"),
        ("Elle habite dans le XVe arrondissement.", "She lives in the 16th arrondissement.",
         "XVe", "16th"),
        ("Le butin est estimé entre 46 et 50 millions d'euros.",
         "The haul is estimated at 45 million to 50 million euros.", "46", "45 million"),
        ("Le pays compte quatre millions et demi d'habitants.",
         "The country has three and a half million inhabitants.", "quatre millions et demi",
         "three and a half million"),
        ("Le trajet dure quatre heures et demie.", "The journey takes five and a half hours.",
         "quatre", "five and a half"),
        ("Les travaux ont duré deux ans et demi.", "The work lasted 3.5 years.", "deux", "3.5"),
        ("Les attentats du 11 septembre.", "The 9/12 attacks.", "11 septembre", "9/12"),
        ("Le traité du 11 septembre 2001.", "The treaty of September 11, 2002.", "2001", "2002"),
        ("La séance reprit à 21 h 15.", "The sitting resumed at 9.45 p.m.", "21 h 15", "9.45 p.m."),
        ("Dans la nuit du 3 au 4 mai, la digue céda.", "On the night of 5 May the dyke gave way.",
         "3", "5 May"),
        ("On fêta le troisième centenaire.", "The 400th anniversary was celebrated.",
         "troisième", "400th"),
    ],
)
def test_decades_centuries_and_slashed_dates_still_disagree(
    mt: str, ref: str, mt_span: str, ref_span: str
) -> None:
    found = run(mt, ref)
    assert [(f.mt_span, f.ref_span, f.severity) for f in found] == [
        (mt_span, ref_span, "critical")
    ]


def test_a_number_word_on_one_side_only_is_minor() -> None:
    # "faire les quatre cents coups" (to run wild): an idiom, not a count
    found = run("Dans sa jeunesse, il a fait les quatre cents coups.", "In his youth he ran wild.")
    assert [(f.mt_span, f.severity) for f in found] == [("quatre cents", "minor")]
    assert found[0].evidence["one_side_in_words"] is True
    # in digits it stays major
    found = run("Il a vendu 400 tracteurs.", "He sold tractors.")
    assert [(f.mt_span, f.severity) for f in found] == [("400", "major")]


def test_a_number_word_against_a_weak_one_or_two_stays_major() -> None:
    found = run("Ils se répartissent entre ces trois groupes.", "They fall into these two groups.")
    assert [(f.mt_span, f.severity) for f in found] == [("trois", "major")]


@pytest.mark.parametrize(
    ("mt", "ref", "ref_span"),
    [
        ("Il est arrivé deuxième de la course.", "He came third in the race.", "third"),
        ("C'est la première fois depuis 2010.", "It is the third time since 2010.", "third"),
    ],
)
def test_a_number_word_against_an_ordinal_stays_major(mt: str, ref: str, ref_span: str) -> None:
    found = run(mt, ref)
    assert [(f.ref_span, f.severity) for f in found] == [(ref_span, "major")]



@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # a telephone number in groups is one code, however the groups are spaced
        ("Appelez le standard au 01 45 67 89 10.", "Call the switchboard on 01 45 67 89 10."),
        ("Le numéro vert 0 805 200 300 est ouvert le samedi.",
         "The free number, 0805 200 300, is open on Saturdays."),
        ("Depuis l'étranger, composez le +33 1 45 67 89 10.",
         "From abroad, dial +33 1 45 67 89 10."),
        # a length of time in hours and minutes, the French way or the English way
        ("Le marathon a été couru en 2 h 05.", "The marathon was run in two hours and five "
         "minutes."),
        ("Le vol a duré 11 h 30.", "The flight took 11 hours 30 minutes."),
        ("La réunion a duré trois heures et 20 minutes.", "The meeting lasted 3 hours 20 minutes."),
        # an ordinal written into a compound: "third-quarter", "second-round"
        ("Les ventes du troisième trimestre ont reculé.", "Third-quarter sales fell."),
        ("Il a été éliminé au quatrième tour.", "He went out in a fourth-round match."),
    ],
)
def test_phone_numbers_durations_and_compound_ordinals_agree(mt: str, ref: str) -> None:
    assert run(mt, ref) == []


@pytest.mark.parametrize(
    ("mt", "ref", "mt_span", "ref_span"),
    [
        ("Appelez le 01 45 67 89 10.", "Call 01 45 67 89 11.", "01 45 67 89 10",
         "01 45 67 89 11"),
        ("Le vol a duré 11 h 30.", "The flight took 11 hours 50 minutes.", "11 h 30",
         "11 hours 50 minutes"),
        ("Les ventes du troisième trimestre ont reculé.", "Fourth-quarter sales fell.",
         "troisième", "Fourth"),
    ],
)
def test_phone_numbers_durations_and_compound_ordinals_still_disagree(
    mt: str, ref: str, mt_span: str, ref_span: str
) -> None:
    found = run(mt, ref)
    assert [(f.mt_span, f.ref_span) for f in found] == [(mt_span, ref_span)]


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # figures pair with figures first: the number word is the one left over
        ("Elle a gagné en trois manches, 6-3, 3-6, 6-1.", "She won 6-3, 3-6, 6-1."),
        # a small word inside a quantity the other side read is no loose number word
        ("Le débat a duré deux heures et 10 minutes, en quatre parties.",
         "The debate lasted two hours and 10 minutes."),
    ],
)
def test_a_number_word_left_over_beside_matching_figures_is_minor(mt: str, ref: str) -> None:
    assert [f.severity for f in run(mt, ref)] == ["minor"]


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        ("Il vit à Paris depuis 20 ans.", "He has lived in Paris for two decades."),
        ("Il vit à Paris depuis 30 ans.", "He has lived in Paris for three decades."),
        ("Le pont a été construit il y a 50 ans.", "The bridge was built half a century ago."),
        ("La ville a changé en 10 ans.", "The city changed in a decade."),
        ("Le monastère a été fondé il y a 300 ans.",
         "The monastery was founded three centuries ago."),
        ("Le chantier reprendra dans 15 jours.", "Work will resume in two weeks."),
        ("Le chantier reprendra dans 15 jours.", "Work will resume in a fortnight."),
        ("Le chantier reprendra dans 8 jours.", "Work will resume in a week."),
        ("Les deux pays sont en paix depuis deux décennies.",
         "The two countries have been at peace for 20 years."),
    ],
)
def test_a_span_of_time_counted_in_another_unit_is_the_same_span(mt: str, ref: str) -> None:
    assert run(mt, ref) == []


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        ("Il vit à Paris depuis 30 ans.", "He has lived in Paris for two decades."),
        ("Le monastère a été fondé il y a 300 ans.",
         "The monastery was founded two centuries ago."),
        ("Le chantier reprendra dans 15 jours.", "Work will resume in three weeks."),
        ("La ville a changé en 20 ans.", "The city changed in a decade."),
    ],
)
def test_a_span_of_time_of_another_length_is_still_a_mismatch(mt: str, ref: str) -> None:
    assert [f.kind for f in run(mt, ref)] == ["number_mismatch"]


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # a fraction in words is the percentage it says
        ("Les exportations ont baissé de 20 %.", "Exports fell by a fifth."),
        ("Un quart des élèves sont absents.", "25% of pupils are absent."),
        ("Le prix a augmenté de 25 %.", "The price went up by a quarter."),
        ("Les deux tiers des électeurs ont voté.", "67% of voters turned out."),
        ("La moitié des vols ont été annulés.", "50% of flights were cancelled."),
        ("Le parti a obtenu 33 % des voix.", "The party won a third of the vote."),
        # half of a scale, and « un demi-millier » (some 500)
        ("Un demi-million de personnes ont manifesté.", "Half a million people marched."),
        ("Un demi-million de personnes ont manifesté.", "500,000 people marched."),
        ("La ville a reçu un demi-milliard d'euros.", "The city got €500 million."),
        ("Un demi-millier de soldats ont été déployés.", "Some 500 troops were deployed."),
        # an ordinal in Roman numerals is "first" or "second" in words, as « 2e » is
        ("L'église date du IIe siècle.", "The church dates from the second century."),
        ("Le château date du Ier siècle.", "The castle dates from the first century."),
        # "the first of March" is le 1er mars
        ("La loi entre en vigueur le 1er mars.", "The law takes effect on the first of March."),
    ],
)
def test_fractions_halves_and_dates_in_words_are_the_same_number(mt: str, ref: str) -> None:
    assert run(mt, ref) == []


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        ("Les exportations ont baissé de 25 %.", "Exports fell by a fifth."),
        ("Un demi-million de personnes ont manifesté.", "A million people marched."),
        ("Cinq millions de personnes ont manifesté.", "Half a million people marched."),
        ("La loi entre en vigueur le 1er mars.", "The law takes effect on the second of March."),
    ],
)
def test_a_fraction_half_or_date_in_words_of_another_value_is_a_mismatch(mt: str,
                                                                         ref: str) -> None:
    assert [f.kind for f in run(mt, ref)] == ["number_mismatch"]


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # « neuf » before a plural noun is nine, whatever precedes it; after its noun, new
        ("Le club compte neuf joueurs blessés avant la finale.",
         "The club has nine injured players before the final."),
        ("Le chantier a duré neuf mois et coûté neuf cents euros par logement.",
         "The work lasted nine months and cost nine hundred euros per home."),
        ("La commune a acheté un camion neuf pour les pompiers.",
         "The town bought a new truck for the fire brigade."),
    ],
)
def test_french_nine_before_a_plural_noun_is_a_count_and_new_after_one_is_not(
    mt: str, ref: str,
) -> None:
    assert run(mt, ref) == []


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        ("Le quartier aura un jardin de trois hectares.",
         "The district will have a three-hectare garden."),
        ("La ville a construit un immeuble de douze étages.",
         "The city built a twelve-storey building."),
        # a compound whose number word counts nothing the French says
        ("Le boulevard deviendra une rue à double sens.",
         "The boulevard will become a two-way street."),
    ],
)
def test_a_number_word_in_an_english_compound_adjective_is_the_count(mt: str, ref: str) -> None:
    assert run(mt, ref) == []


def test_a_compound_adjective_of_another_count_is_still_a_mismatch() -> None:
    found = run("Le quartier aura un jardin de cinq hectares.",
                "The district will have a three-hectare garden.")
    assert [f.mt_span for f in found] == ["cinq"]


@pytest.mark.parametrize(("mt", "ref"), [
    ("Au XVIe siècle, le bourg comptait deux moulins.", "In the 1500s the village had two mills."),
    ("La chapelle date du XIIe siècle.", "The chapel dates from the 1100s."),
    ("Les fresques du XXe siècle ont été restaurées.", "The 1900s frescoes were restored."),
])
def test_a_century_is_the_hundreds_after_it(mt: str, ref: str) -> None:
    assert run(mt, ref) == []


def test_a_century_of_other_hundreds_is_still_a_mismatch() -> None:
    found = run("Au XVIe siècle, le bourg comptait deux moulins.",
                "In the 1700s the village had two mills.")
    assert [(f.mt_span, f.ref_span, f.severity) for f in found] == [
        ("XVIe", "1700s", "critical")]
    # a count of seventeen is no century
    assert run("Le port comptait 17 navires.", "The port had ships in the 1600s.")


def test_an_english_plural_model_is_the_french_model() -> None:
    assert run("La flotte compte 14 F-16 et 6 A321.", "The fleet has 14 F-16s and 6 A321s.") == []
    found = run("La flotte compte 14 F-16.", "The fleet has 14 F-15s.")
    assert [(f.mt_span, f.ref_span) for f in found] == [("F-16", "F-15s")]
