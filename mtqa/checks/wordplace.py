"""Position as a witness of the word link: whether a word's place on the other side is
empty, so that a word that means nothing there was added (or dropped), not reworded.

Read by ``mtqa.checks.wordlevel`` for its additions and omissions; also whether a French
verb of being holds the place of the reference's "be" (``copula_rendered``) and the other
way round (``english_copula_rendered``), and the French words that say a reference word
another way: a locution (« de peu », « avoir lieu »), a class noun before its name (« le
mois de juin »), a noun restating the class of the noun beside it (``restates_head``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from mtqa.checks import lexicon, wordlink
from mtqa.language.lexicons import stop_words
from mtqa.language.parse import Token
from mtqa.language.text import fold
from mtqa.language.wordnet import wordnet_graph

if TYPE_CHECKING:
    from mtqa.checks.wordlink import PairLinks

# The parts of speech that hold a place in a sentence.
FILLING = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN", "NUM"})


def slot_is_empty(
    own: Sequence[Token], index: int, counterparts: Callable[[int], list[int]],
    other: Sequence[Token], other_text: str, other_language: str, own_text: str,
) -> bool:
    """Position as a witness: between the other-side counterparts of the word's nearest
    linked neighbours stands no content word that is not some other word's counterpart,
    so the other side has no place where the word could have been rendered differently."""
    left = next((i for i in range(index - 1, -1, -1) if counterparts(i)), None)
    right = next((i for i in range(index + 1, len(own)) if counterparts(i)), None)
    if left is None and right is None:
        return False
    if left is not None and right is not None:
        low = min(other[j].end for j in counterparts(left))
        high = max(other[j].start for j in counterparts(right))
        if high < low:  # the neighbours swap places (adjective order)
            low = min(other[j].end for i in (left, right) for j in counterparts(i))
            high = max(other[j].start for i in (left, right) for j in counterparts(i))
    elif left is not None:
        low, high = max(other[j].end for j in counterparts(left)), len(other_text)
    else:
        low, high = 0, min(other[j].start for j in counterparts(right or 0))
    # A word linked to several words of the other side (salué → hailed, greeted) keeps the
    # ones outside this word's place: the one inside may be this word's (accueilli → greeted)
    taken = {
        other[j].start for i in range(len(own)) if i != index
        for j in _held(counterparts(i), other, low, high)
    }
    # French quantifiers tagged as adjectives (toutes, plusieurs) and names hold no place
    # for an English common word; English ones (most, Morocco) may render a French word
    # (la plupart, marocaine), so they count.
    french = other_language == "fr"
    ignored = stop_words("fr") if french else frozenset()
    filling = [
        t for t in lexicon.parse(other_text, other_language)
        if t.pos in FILLING and any(c.isalnum() for c in t.text)
        and fold(t.text) not in ignored
        # a lower-case word the tagger calls a name (« prévoit » after « L’entreprise »)
        and not (french and t.pos == "PROPN" and not t.text[:1].islower())
    ]
    between = [t for t in filling if t.start >= low and t.end <= high]
    # Word order differs (bouchons quotidiens / daily traffic jams): the content word
    # just outside the span must be accounted for too.
    neighbours = [other[j] for i in (left, right) if i is not None for j in counterparts(i)]
    first, last = min(n.start for n in neighbours), max(n.end for n in neighbours)
    before = [t for t in filling if t.end <= first][-1:]
    after = [t for t in filling if t.start >= last][:1]
    # A neighbour rendered twice (large → « grand réseau … grand public ») spreads over the
    # words between its counterparts: they are places too (« réseau télématique »).
    among = [t for t in filling if t.start >= first and t.end <= last]
    place = [t for t in before + between + among + after
             if t.start not in taken and not _name_on_both_sides(t, own_text)]
    if not place:
        return True
    held = _rendered_elsewhere(place, own, index, counterparts, own_text, other_language)
    return all(t.start in held for t in place)


# French adverbs that negate: they render no English adverb of their own.
_NEGATION_ADVERBS = frozenset({"ne", "pas", "plus", "jamais", "not", "never", "n't"})


def _rendered_elsewhere(
    place: Sequence[Token], own: Sequence[Token], index: int,
    counterparts: Callable[[int], list[int]], own_text: str, other_language: str,
) -> set[int]:
    """The words of the place that some other word of the own sentence, outside the word
    link, renders: a word written alike on both sides, a word the dictionary pairs with
    another word of the own sentence, function words included (most / plus, other /
    autres), and adverbs, one for each adverb of the own sentence that renders no word of
    the other side (« généralement » / usually, « certes » / certainly: adverbs are where
    the dictionary is thinnest). None of them can be where ``own[index]`` went. Numbers
    and verbs always hold their place."""
    word = own[index]
    own_language = "en" if other_language == "fr" else "fr"
    own_all = [t for t in lexicon.parse(own_text, own_language)
               if t.start != word.start and any(c.isalnum() for c in t.text)]
    own_words = {fold(t.text) for t in own_all} | {fold(t.lemma) for t in own_all}
    dictionary = lexicon.dictionary()
    wanted = [t.text for t in place] + [t.lemma for t in place]
    if not dictionary.available:
        senses: dict[str, frozenset[str]] = {}
    elif other_language == "en":
        senses = dictionary.english_senses(wanted)
    else:
        senses = dictionary.french_senses(wanted)
    held = set()
    # a word the reference capitalises (Saturday, European) that a French word of the
    # sentence translates: the word link leaves it out as a name
    named = [t for t in place if t.text[:1].isupper() and t.start > 0]
    if named and other_language == "en" and dictionary.available:
        own_senses = {fold(s) for found in dictionary.french_senses(
            [t.text for t in own_all] + [t.lemma for t in own_all]).values() for s in found}
        held |= {t.start for t in named if fold(t.text) in own_senses}
    for t in place:
        if t.pos == "NUM" or any(c.isdigit() for c in t.text):
            # a number holds its place (the French word may be its unit), unless written
            # in the same digits on both sides
            if t.text.isdigit() and t.text in own_words:
                held.add(t.start)
            continue
        paired = senses.get(t.text, frozenset()) | senses.get(t.lemma, frozenset())
        if fold(t.text) in own_words or (
            # not a verb: "have" paired with « avoir » may be an idiom's (avoir son mot
            # à dire / have a say), whose noun is then said by another word
            t.pos not in ("VERB", "AUX") and any(fold(s) in own_words for s in paired)
        ):
            held.add(t.start)
    free_adverbs = sum(
        1 for i, t in enumerate(own)
        if i != index and t.pos == "ADV" and len(t.text) > 3 and not counterparts(i)
        and t.text[:1].islower() and fold(t.text) not in _NEGATION_ADVERBS
    )
    for t in place:
        if t.pos == "ADV" and t.start not in held and free_adverbs > 0:
            held.add(t.start)
            free_adverbs -= 1
    return held


def _held(linked: list[int], other: Sequence[Token], low: int, high: int) -> list[int]:
    """The counterparts of a word that hold their place: all of them, but for a word with
    several, one that stands between ``low`` and ``high`` while another stands outside."""
    inside = [j for j in linked if other[j].start >= low and other[j].end <= high]
    if len(linked) < 2 or not inside or len(inside) == len(linked):
        return linked
    return [j for j in linked if j not in inside]


def _name_on_both_sides(token: Token, text: str) -> bool:
    """A name that also stands, spelt alike, in the other text (Japan / Japon), or a code or
    figure with digits written the same there (A7, G20, 2019): it renders itself."""
    if any(c.isdigit() for c in token.text) and re.search(
        rf"(?<!\w){re.escape(token.text)}(?!\w)", text
    ):
        return True
    if token.pos != "PROPN":
        return False
    name = fold(token.text)
    # an elided article stays on the French word (l’Irak, d'Espagne); an adjective of the
    # place begins with the name, less its last letter when the name is short (« la région
    # lyonnaise » / the Lyon area, « un tribunal parisien » / a Paris court)
    stem = name[:max(4, min(5, len(name) - 1))]
    return any(
        fuzz.ratio(name, folded) >= 70 or (len(name) >= 4 and folded.startswith(stem))
        for folded in (fold(word).split("'")[-1] for word in lexicon.words(text)))


# French verbs that say "be" of their subject (les Alpes forment la plus haute chaîne =
# the Alps are the highest range; il compte parmi les meilleurs = he is among the best).
_FR_COPULAR = frozenset({"former", "constituer", "représenter",
                         # support verbs of an event noun (le club réalise la plus grosse
                         # vente de son histoire = it is the biggest sale in its history)
                         "réaliser", "effectuer", "signer", "enregistrer"})
_FR_COPULAR_AMONG = frozenset({"compter", "figurer"})


def _at(tokens: Sequence[Token], word: Token) -> int | None:
    """The word's place among every token of its sentence."""
    return next((i for i, t in enumerate(tokens) if t.start == word.start), None)


def copula_rendered(links: PairLinks, f: int) -> bool:
    """A French verb of being, or a pronominal main verb, that the reference renders with
    "be", where the French has no « être » of its own that the "be" could render."""
    word = links.french[f]
    at = _at(links.french_all, word)
    if at is None or word.pos != "VERB":
        return False
    among = any(fold(t.text) == "parmi" for t in links.french_all[at + 1 : at + 4])
    # a pronominal main verb (« la hausse s'explique par » / "is due to", « le musée se
    # trouve » / "is"): English says the state with "be"
    pronominal = word.dep == "ROOT" and any(
        t.head == at and fold(t.text) in ("se", "s'") for t in links.french_all)
    if word.lemma not in _FR_COPULAR and not (word.lemma in _FR_COPULAR_AMONG and among) and (
        not pronominal or not any(t.lemma == "be" and t.dep == "ROOT" for t in links.english_all)
    ):
        return False
    if any(t.lemma == "être" for t in links.french_all):
        return False
    return any(t.lemma == "be" and t.dep in ("ROOT", "cop", "relcl", "conj")
               for t in links.english_all)


# English verbs that say "be" of their subject, which French often says with « être »
# (this offers a rare chance = c'est une occasion rare; the vote marks a turning point =
# le vote est un tournant; it proved a success = ce fut un succès).
_EN_COPULAR = frozenset(
    "offer represent constitute form mark prove serve amount pose".split())


def english_copula_rendered(links: PairLinks, e: int) -> bool:
    """A reference verb of being that the French says with an « être » the reference
    has no "be" for."""
    word = links.english[e]
    if word.pos != "VERB" or word.lemma not in _EN_COPULAR:
        return False
    etre = sum(1 for t in links.french_all if t.lemma == "être")
    be = sum(1 for t in links.english_all if t.lemma == "be")
    return etre > be


def restates_head(links: PairLinks, f: int) -> bool:
    """A French noun set beside another (its head or its dependent) that names the class the
    reference's word for that other already belongs to (« le chef cuisinier » / "the chef":
    a chef is a cook): English says the pair with one word."""
    net = wordnet_graph()
    word = links.french[f]
    at = _at(links.french_all, word)
    if net is None or at is None:
        return False
    beside = [i for i, t in enumerate(links.french_all) if i != at and (
        (i == links.french_all[at].head and word.dep.lower() in _BESIDE and t.pos == "NOUN")
        or (t.head == at and t.dep.lower() in _BESIDE and word.pos == "NOUN"))]
    others = [i for i, t in enumerate(links.french)
              if any(t.start == links.french_all[b].start for b in beside)]
    return any(
        net.is_hypernym(sense, links.english[e].lemma)
        or net.share_synset(sense, links.english[e].lemma)
        for h in others for e in links.counterparts_of_french(h) for sense in links.senses[f]
    )


_BESIDE = frozenset({"amod", "nmod", "appos", "compound"})


_FR_DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})
_EN_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})


def demonstrative_rendered(links: PairLinks, f: int) -> bool:
    """A French noun after a demonstrative (« ce chiffre », « cette mesure ») that the
    reference says with a demonstrative pronoun alone ("that would still be …")."""
    word = links.french[f]
    at = _at(links.french_all, word)
    if word.pos != "NOUN" or at is None or not any(
        t.head == at and t.dep == "det" and t.text.lower() in _FR_DEMONSTRATIVES
        for t in links.french_all
    ):
        return False
    return any(t.pos == "PRON" and t.text.lower() in _EN_DEMONSTRATIVES
               for t in links.english_all)


# Clause roles of the two parsers' dependency labels, French (UD) and English (ClearNLP).
_CLAUSE_ROLES = {
    "root": "root", "conj": "conj", "advcl": "advcl", "acl:relcl": "relcl", "relcl": "relcl",
    "ccomp": "ccomp", "xcomp": "xcomp",
}


def verb_reworded(links: PairLinks, index: int) -> bool:
    """A French verb whose clause the reference heads with a verb of its own that the French
    renders by no verb, only by a noun or an idiom (« a été tourné » / "was filmed", where
    « film » took "filmed"; « lui a offert une promotion » / "promoted him"; « a adopté
    une loi » / "passed a law", where « à partir de » took "passed"): the clause is reworded,
    its verb not added. The clause is read from the parses: both sentences' main verbs, or
    the verbs of clauses in the same role (coordinated, adverbial, relative, complement)."""
    word = links.french[index]
    role = _CLAUSE_ROLES.get(word.dep.lower())
    if word.pos != "VERB" or role is None:
        return False
    for e, token in enumerate(links.english):
        if token.pos != "VERB" or _CLAUSE_ROLES.get(token.dep.lower()) != role:
            continue
        counterparts = links.counterparts_of_english(e)
        if counterparts and not any(_renders_a_verb(links, f) for f in counterparts):
            return True
    return False


# Light verbs of idioms (« il fait froid »: it is cold) and verbs of prepositional locutions
# (« à partir de », « à compter de »: from) render no verb of their own.
_LIGHT_VERBS = frozenset({"faire", "etre", "avoir"})
_LOCUTION_VERBS = frozenset({"partir", "compter"})


def _renders_a_verb(links: PairLinks, f: int) -> bool:
    """The French word may be a verb of its own (whatever its clause, whatever the tagger
    made of a participle: « reconnues » as an adjective): all but a noun, a light verb of an
    idiom and a verb of a locution."""
    word = links.french[f]
    if word.pos in ("NOUN", "PROPN"):
        return False
    lemma = fold(word.lemma)
    if lemma in _LIGHT_VERBS:
        return False
    at = _at(links.french_all, word)
    before = fold(links.french_all[at - 1].text) if at else ""
    return not (lemma in _LOCUTION_VERBS and before == "a")


def adverbial_locution(links: PairLinks, e: int) -> bool:
    """The reference adverb ``e`` renders a French locution right after its verb's
    counterpart: « de » and a bare adverb or adjective that means no reference word
    (« échapper de peu » / "narrowly escape", « gagner de justesse » / "narrowly win",
    « suivre de près » / "closely follow")."""
    adverb = links.english[e]
    head = next((i for i, t in enumerate(links.english)
                 if t.start == links.english_all[adverb.head].start), None)
    if adverb.pos != "ADV" or head is None:
        return False
    sentence = links.french_all
    verbs = {links.french[f].end for f in links.counterparts_of_english(head)}
    linked = {links.french[link.french].start for link in links.links
              if link.how in wordlink.MEANING_LINKS}
    for i, t in enumerate(sentence[:-1]):
        if i == 0 or sentence[i - 1].end not in verbs:
            continue
        word = sentence[i + 1]
        after = sentence[i + 2] if i + 2 < len(sentence) else None
        if fold(t.text) in ("de", "d'") and word.pos in ("ADV", "ADJ") and (
            after is None or after.pos not in ("NOUN", "PROPN", "ADJ")
        ) and word.start not in linked:
            return True
    return False


def classifier_noun(links: PairLinks, index: int) -> bool:
    """A French noun that names the class of the name after it (« le mois de février », « la
    ville de Lyon », « le fleuve Amazone »), where the reference gives the name alone: the
    name's English word, in the reference, is an instance or kind of the noun's sense."""
    word = links.french[index]
    sentence = links.french_all
    at = next((i for i, t in enumerate(sentence) if t.start == word.start), None)
    net = wordnet_graph()
    if word.pos != "NOUN" or at is None or net is None:
        return False
    after = at + 1
    if after < len(sentence) and fold(sentence[after].text) in ("de", "d'", "du"):
        after += 1
    if after >= len(sentence):
        return False
    name = sentence[after]
    reference = {t.text.lower() for t in links.english_all}
    if name.text[:1].isupper() and fold(name.text) in {fold(t) for t in reference} and any(
        sense in _ORGANISATIONS or net.is_hypernym("organization", sense, depth=4)
        for sense in links.senses[index]
    ):
        # « le groupe Airbus », « la société Vantor », « le constructeur Renault »: a noun for
        # a kind of organisation before its name, which the reference gives alone
        return True
    named = (wordlink.french_senses([name])[0] | {fold(name.text)}) & reference
    return any(net.is_hypernym(sense, other) for sense in links.senses[index] for other in named)


_ORGANISATIONS = frozenset({"group", "company", "organization", "organisation", "firm"})


def verbal_locution(links: PairLinks, index: int) -> bool:
    """A bare noun a French verb takes with no determiner (« avoir lieu », « prendre fin »,
    « faire face »), where that verb renders a reference verb ("be held", "end", "face"):
    verb and noun are one locution, the noun no word of its own."""
    word = links.french[index]
    sentence = links.french_all
    at = next((i for i, t in enumerate(sentence) if t.start == word.start), None)
    if word.pos != "NOUN" or at is None or word.dep not in ("obj", "dobj") or any(
        t.head == at and t.dep.startswith("det") for t in sentence
    ):
        return False
    verb = sentence[word.head]
    return verb.pos in ("VERB", "AUX") and any(
        links.french[link.french].start == verb.start
        and links.english[link.english].pos == "VERB" and link.how in wordlink.MEANING_LINKS
        for link in links.links)
