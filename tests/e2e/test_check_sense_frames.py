"""A verb with a direct object is not judged against its senses that take none."""

from __future__ import annotations

from test_check_senses import _found, pytestmark  # noqa: F401

from mtqa.language.wordnet import wordnet_graph


def test_wordnet_verb_frames_tell_senses_with_an_object() -> None:
    net = wordnet_graph()
    assert net is not None
    frames = {net.synset(key).words[:2]: net.synset(key).takes_object
              for key in net.synsets("gather", "VERB")}
    assert frames[("gather", "garner")] is True  # Somebody ----s something
    assert frames[("meet", "gather")] is False  # Somebody ----s (people gathered)


def test_a_verb_with_an_object_is_not_read_in_a_sense_without_one() -> None:
    # "members", "association" back the intransitive sense (people meet, gather), but the
    # volunteers gathered something: the sense « recueillir » carries.
    assert _found(
        ["Les bénévoles du groupe ont recueilli des dons pour les sinistrés.",
         "Les membres de l'association se retrouvent chaque samedi."],
        ["The group's volunteers gathered donations for the flood victims.",
         "The association's members meet every Saturday."],
        ["The volunteers of the group have collected donations for the victims.",
         "The members of the association meet every Saturday."],
    ) == []
