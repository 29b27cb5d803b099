"""Numbers a free translation gives in another unit, as a count of days, or that name a
school year: no mismatch, while a real slip in the same forms still is one.

Every sentence is invented for these tests.
"""

from __future__ import annotations

import pytest

from mtqa.checks.numbers import compare
from mtqa.language.measures import metric_readings, school_year
from mtqa.language.quantities import quantities


def _mismatch(mt: str, ref: str) -> tuple[list[str], list[str]]:
    left_mt, left_ref = compare(quantities(mt, "fr"), quantities(ref, "en"))
    return [q.surface for q in left_mt], [q.surface for q in left_ref]


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        # a length or a mass in the next metric unit
        ("Le coureur a accéléré dans les derniers 800 mètres.",
         "The runner kicked over the final 0.8 km."),
        ("Le nouveau tunnel mesure 2,3 kilomètres.", "The new tunnel is 2,300 metres long."),
        ("Le colis pesait 1,2 tonne.", "The parcel weighed 1,200 kg."),
        # a count of days said in hours
        ("La réunion a été repoussée de 24 heures.", "The meeting was put off for a day."),
        ("Les grévistes doivent prévenir 48 heures à l'avance.",
         "Strikers must give 48 hours' notice."),
        ("Les femelles ne sont fertiles que 72 heures par an.",
         "Females are fertile for only three days a year."),
        ("Il est tombé 50 centimètres de neige.", "Half a metre of snow fell."),
        # « un millier » is about a thousand
        ("Un millier de personnes ont défilé.", "About 1,000 people marched."),
        # school years named by their ordinal
        ("Les élèves de quatrième et de troisième partiront en voyage.",
         "Pupils in their last two years of lower secondary will go on a trip."),
        ("Elle entre en seconde à la rentrée.", "She starts upper secondary school in September."),
    ],
)
def test_a_number_said_another_way_is_no_mismatch(mt: str, ref: str) -> None:
    assert _mismatch(mt, ref) == ([], [])


@pytest.mark.parametrize(
    ("mt", "ref"),
    [
        ("Le coureur a accéléré dans les derniers 800 mètres.",
         "The runner kicked over the final 8 km."),
        ("Le colis pesait 1,2 tonne.", "The parcel weighed 120 kg."),
        ("La réunion a été repoussée de 48 heures.", "The meeting was put off for 24 hours."),
        # an ordinal that counts, beside a noun, is a number
        ("La troisième étape arrive à Lyon.", "The fourth stage finishes in Lyon."),
    ],
)
def test_a_slip_in_those_forms_is_still_a_mismatch(mt: str, ref: str) -> None:
    assert _mismatch(mt, ref) != ([], [])


def test_metric_readings_go_one_unit_up_or_down() -> None:
    assert 1.5 in metric_readings(1500.0, "1 500 mètres", 5, "fr")
    assert metric_readings(2.0, "2 km", 1, "en") == (2000.0,)  # not centimetres
    assert metric_readings(3.0, "3 ans", 1, "fr") == ()


def test_a_school_year_is_told_from_an_ordinal_that_counts() -> None:
    text = "Les élèves de sixième visitent la cinquième salle."
    assert school_year(text, text.index("sixième"), text.index("sixième") + 7)
    assert not school_year(text, text.index("cinquième"), text.index("cinquième") + 9)
