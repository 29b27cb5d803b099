"""A clause the reference renders freely, in words near the French's, is no addition."""

from __future__ import annotations

import pytest
from test_check_structure import _clause_findings, needs_parser


@needs_parser
@pytest.mark.usefixtures("apertium")
def test_a_clause_rendered_in_near_kin_words_is_no_addition() -> None:
    # débuter / start out, théâtre / stage, cinéma / films
    assert _clause_findings(
        "Originaire de Lyon depuis 1950, il avait débuté au théâtre avant de devenir célèbre "
        "grâce au cinéma.",
        "A native of Lyon since 1950, he started out on stage before films made him a star.",
        "Native of Lyon since 1950, it had debuted to the theatre before becoming famous "
        "thanks to the cinema.",
    ) == []


@needs_parser
@pytest.mark.usefixtures("apertium")
def test_a_clause_whose_words_the_reference_lacks_is_still_an_addition() -> None:
    found = _clause_findings(
        "Originaire de Lyon depuis 1950, il avait vendu la vieille ferme familiale avant de "
        "partir pêcher des poissons en Australie.",
        "A native of Lyon since 1950, he started out on stage before films made him a star.",
        "Native of Lyon since 1950, it had sold the old familiar farm before leaving to fish "
        "fish in Australia.",
    )
    assert [kind for kind, _, _ in found] == ["addition"]
