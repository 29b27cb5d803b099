"""Omitted modifiers: a reference adjective, participle, noun modifier or adverb of manner
that nothing in the French renders, where the French word for its head carries no modifier.

Read by ``mtqa.checks.wordlevel`` (``modifier_omissions``): syntax is the second witness, so
the sentence-wide gate of the plain omission check is not needed.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from mtqa.checks import wordlink
from mtqa.checks.entities.names import same_name
from mtqa.checks.wordjudge import (
    accounted_english,
    french_anywhere,
    in_compound,
    judged_english,
    manner_adverb,
    names_reference_word,
    stop_words,
)
from mtqa.checks.wordlink import PairLinks
from mtqa.checks.wordplace import FILLING
from mtqa.language.parse import Token
from mtqa.language.text import fold
from mtqa.language.wordnet import wordnet_graph
from mtqa.model import Pair

# English adjectives that point or situate rather than describe; a translator adds them
# freely (the whole country, the current minister, a single day).
_SITUATING = frozenset(
    "single whole entire certain particular specific various several real actual current "
    "present recent former latter last next first new old local national main general "
    "further additional usual overall total key major".split()
)


def _subtree(tokens: Sequence[Token], index: int) -> list[Token]:
    """The words below ``index`` in the parse (la santé numérique: numérique is below
    santé, which is below secteur)."""
    below: list[Token] = []
    frontier = [index]
    while frontier:
        current = frontier.pop()
        for i, t in enumerate(tokens):
            if t.head == current and i != current and i != index and t not in below:
                below.append(t)
                frontier.append(i)
    return below


def _bare_counterpart(links: PairLinks, head: int, word: Token) -> bool:
    """Syntax as a witness: the reference noun ``head`` has a French noun that translates
    it outright (dictionary or look-alike), and nothing on or beside that French noun (its
    adjectives, complements, relative clauses, the word before it, the next content word)
    is a word no other reference word accounts for. Then nothing in the French can carry
    the reference's modifier ``word``."""
    direct = [
        link.french for link in links.of_english(head) if link.how in ("dictionary", "cognate")
    ]
    if not direct:
        return False
    french = links.french_all
    # A second French word for the noun itself (billets d'entrée / tickets) may carry the
    # modifier: only the other reference words' counterparts are taken.
    taken = {
        links.french[j].start for e in range(len(links.english))
        if e != head and links.english[e].start != word.start
        for j in links.counterparts_of_english(e)
    }
    # and names the reference writes alike (« Taxi ») or as English does (« Bretagne » /
    # Brittany): they render themselves
    reference = {fold(t.text) for t in links.english_all}
    names = [t.text for t in links.english_all[1:] if t.text[:1].isupper()]
    taken |= {t.start for t in links.french_all
              if t.text[:1].isupper() and (fold(t.text) in reference or any(
                  same_name(name, t.text, place=True) for name in names))}
    # and days, months, nationalities the reference capitalises (jeudi / Thursday)
    taken |= {t.start for f, t in enumerate(links.french) if names_reference_word(links, f)}
    loose = {
        links.french[link.french].start for link in links.links
        if link.how in wordlink.RELATION_LINKS and link.how != "antonym"
        and links.french[link.french].pos == links.english[link.english].pos == "VERB"
    }
    ignored = stop_words("fr")

    def open_word(t: Token) -> bool:
        return (
            t.pos in FILLING and len(t.text) > 2 and any(c.isalpha() for c in t.text)
            and fold(t.text) not in ignored and t.start not in taken
        )

    verbal = links.english[head].pos != "NOUN"  # a verb or adjective an adverb modifies
    for j in direct:
        noun = links.french[j]
        at = next((i for i, t in enumerate(french) if t.start == noun.start), None)
        # a noun the tagger reads as an adjective (les boutiques) keeps its determiner
        as_noun = noun.pos == "NOUN" or noun.pos == "ADJ" and has_determiner(french, noun)
        if verbal:  # the same part of speech, or a participle the tagger misreads
            as_noun = noun.pos == links.english[head].pos or noun.pos in ("ADJ", "NOUN") and (
                links.english[head].pos == "VERB" and _after_auxiliary(french, at))
        if not as_noun or at is None or "-" in noun.text or any(
            t.text == "-" for t in french[max(0, at - 1):at + 2]
        ):
            return False  # rendered by another part of speech, or a compound (Beaux-Arts)
        # A verb's whole subtree is its clause: only its own dependents may carry an adverb
        dependents = [t for i, t in enumerate(french) if t.head == at and i != at] if (
            verbal) else _subtree(french, at)
        if any(fold(t.text) == "en" and t.dep == "case" for t in dependents) and not any(
            t.pos == "DET" for t in dependents
        ):
            return False  # a bare noun after "en" is adverbial (en nombre)
        # Its dependents, the noun it complements (en fin de matinée / in the late
        # morning), the word before it (grand, vieux) and the next content word of its
        # clause (l'apocalypse qui approche / the impending apocalypse): none may be a
        # word that no other reference word accounts for.
        around = dependents + list(french[at - 1:at])
        # and the verb it is the object of, which may carry the modifier (« hausser le
        # ton » / "take a tougher tone", « baisser les prix » / "offer lower prices")
        if noun.dep in ("nmod", "amod", "obj") and 0 <= noun.head < len(french) and (
            noun.dep != "obj" or french[noun.head].pos == "VERB"
        ):
            around.append(french[noun.head])
        after = next((t for t in french[at + 1:] if open_word(t) or t.pos == "PUNCT"
                      or t.start in taken), None)
        if after is not None and after.pos != "PUNCT":
            around.append(after)
        # A verb of the noun's own clauses that a reference verb is loosely related to
        # (« le héros qui a bouleversé » / the hero who overturned) renders that verb;
        # the verb the noun is the object of may still carry the modifier (hausser).
        excused = dependents + ([after] if after is not None else [])
        if any(open_word(t) and not (t in excused and t.start in loose) for t in around):
            return False
        if verbal and _says_how(french, dependents, taken | links.bound):
            return False
    return True


_NEGATION = frozenset({"ne", "n'", "pas", "n’"})


def _says_how(
    french: Sequence[Token], dependents: Sequence[Token], taken: Collection[int]
) -> bool:
    """The French says how some other way than with an adverb the reference renders: an
    adverb in the sentence, a function word too (« de peu » / narrowly), a verb in the
    conditional of hearsay (« aurait reçu » / allegedly received), or a bare noun after a
    preposition anywhere in the sentence (« à
    distance » / remotely, « avec soin » / carefully), wherever the parser attached it;
    not a noun of a locution (``taken`` holds them: « en raison de »)."""
    if any(t.pos == "ADV" and fold(t.text) not in _NEGATION and t.start not in taken
           for t in [*dependents, *french]):
        return True  # « a échappé de peu » / "narrowly escaped"
    if any("Mood=Cnd" in t.morph for t in [*dependents, *french] if t.pos in ("VERB", "AUX")):
        return True  # the conditional of hearsay (« il aurait reçu » / "allegedly received")
    for i, t in enumerate(french):
        below = [d for d in french if d.head == i and d is not t]
        if t.pos == "NOUN" and t.start not in taken and len(below) == 1 and (
            below[0].dep == "case" and fold(below[0].text) not in ("de", "d'")
        ):  # not a noun's complement (des milliers de poussettes, un défaut de fabrication)
            return True
    return False


def _after_auxiliary(sentence: Sequence[Token], at: int | None) -> bool:
    """The word follows a form of « avoir » or « être », adverbs aside (« a toujours rêvé »):
    a past participle, whatever the tagger made of it."""
    before = [t for t in sentence[:at or 0] if t.pos != "ADV"]
    return at is not None and bool(before) and before[-1].lemma in ("avoir", "être")


def _set_phrase(word: Token, head: Token, links: PairLinks, h: int) -> bool:
    """A noun compound that is a word of its own (trade union, prize money, swearword):
    WordNet has it, or the French noun's dictionary senses hold it whole."""
    net = wordnet_graph()
    modifier, noun = word.text.lower(), head.lemma
    if net is not None and any(net.known(form) for form in (
        f"{modifier} {noun}", f"{word.lemma} {noun}", f"{modifier}{noun}",
        f"{modifier} {head.text.lower()}",
    )):
        return True
    return any(
        modifier in sense.split() or word.lemma in sense.split()
        for link in links.of_english(h) for sense in links.senses[link.french]
    )


_FEMININE = frozenset({"woman", "women", "female"})
# Nouns whose compound names an activity by its first noun alone (building work, repair
# works): French says the whole with one noun (chantier, travaux, réparations).
_LIGHT_HEADS = frozenset({"work", "works", "job", "jobs", "operation", "operations"})
def modifier_omissions(pair: Pair, links: PairLinks, reported: Collection[int]) -> list[int]:
    """Reference adjectives or participles (the *stolen* yacht, the *failed* recovery), and
    adverbs of manner on a verb or an adjective (*easily* won), that no witness links to
    the French (dictionary both ways, WordNet, look-alike, the back-translation) and whose
    head's French counterpart is bare (``_bare_counterpart``).
    Two independent witnesses, so the sentence-wide gate of ``_omissions`` is not needed;
    a sentence whose reference words are mostly unaccounted for is still a paraphrase."""
    english = range(len(links.english))
    if sum(1 for e in english if accounted_english(links, e)) < 0.5 * len(links.english):
        return []
    french_all = wordlink.content_tokens_all(pair.mt_text)
    sentence = links.english_all
    found = []
    for e in english:
        word = links.english[e]
        # Adjectives and participles, and the first noun of a compound that is no set
        # phrase: one French noun often renders a lexicalised compound whole (trade
        # unions / syndicats, armed forces / Armées), not a free one (poultry exports).
        noun_modifier = word.dep == "compound" and word.pos == "NOUN"
        # and an adverb of manner on a verb or an adjective (easily won, carefully chosen)
        adverb = word.dep == "advmod" and manner_adverb(links, e)
        if e in reported or not (
            noun_modifier or adverb or (word.dep == "amod" and word.pos in ("ADJ", "VERB"))
        ):
            continue
        if in_compound(word, sentence) and not noun_modifier or (noun_modifier or adverb) and any(
            sentence[t.head].start == word.start and t.start != word.start for t in sentence
        ):
            continue  # a modifier with words of its own (the most frequently performed)
        if not (adverb or judged_english(links, e)) or word.lemma in _SITUATING or (
            links.of_english(e)
        ):
            continue
        if e in links.covered_by_bt or french_anywhere(word, pair.mt_text, french_all):
            continue
        at = next((i for i, t in enumerate(sentence) if t.start == word.start), None)
        if at is None or "-" in word.text or any(
            t.text == "-" for t in sentence[max(0, at - 1):at + 2]
        ):
            continue  # a hyphenated compound (mid-September) is rendered whole
        head = sentence[word.head]
        h = next((i for i, t in enumerate(links.english) if t.start == head.start), None)
        if head.pos not in (("VERB", "ADJ") if adverb else ("NOUN",)) or h is None or h == e:
            continue
        if noun_modifier and head.lemma in _LIGHT_HEADS:
            continue  # "building work", "repair work": one French noun (chantier, travaux)
        if noun_modifier and (_set_phrase(word, head, links, h) or any(
            t.head == word.head and t.start != word.start and t.dep in ("amod", "compound")
            for t in sentence
        )):
            continue  # one of several modifiers (the armed forces minister): a phrase
        if word.lemma in _FEMININE and any(
            "Gender=Fem" in links.french[link.french].morph for link in links.of_english(h)
        ):
            continue  # "women composers": the French feminine noun (compositrices) says it
        if _bare_counterpart(links, h, word):
            found.append(e)
    return found



_CONTRACTED = frozenset({"du", "des", "au", "aux"})


def has_determiner(sentence: Sequence[Token], word: Token) -> bool:
    """The French noun has an article, a possessive or demonstrative, or a preposition
    contracted with its article (du, des, au, aux)."""
    at = next((i for i, t in enumerate(sentence) if t.start == word.start), None)
    return at is not None and any(
        t.head == at and (t.dep.startswith("det") or fold(t.text) in _CONTRACTED)
        for t in sentence)


__all__ = ["has_determiner", "modifier_omissions"]
