"""Words that name a person's sex, for ``pronoun_gender``: a kinship, rank or sex noun
(*son* / *daughter*, *king* / *queen*, *uncle* / *aunt*) or a title before a name (*Mr* /
*Ms*) whose gender the English and the French give differently.

French marks the same words by gender (*fils* / *fille*, *roi* / *reine*, *M.* / *Mme*), and
Apertium's analysis gives each French noun its gender and a lemma shared by both genders
(*reine* is roi<n><f>, *fille* fils<n><f>): a French noun of one gender that names what an
English gendered word of the other gender names (its dictionary lemma, or its English
sense) is the same person with the other sex.

Counted per pair of words, so *le roi et la reine* / "the king and the queen" agree. For
words whose masculine English uses for anyone (*actor*, *waiter*, *host*), only the
marked feminine (*actress* against *acteur*) is a change: "the actor" for *l'actrice* is
ordinary English. A back-translation that gives the reference's word vouches for the French.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from mtqa.checks import agreement, lexicon
from mtqa.language.apertium import escape_word, stream_units
from mtqa.language.parse import Token
from mtqa.language.tenses import readings
from mtqa.model import Pair

if TYPE_CHECKING:
    from mtqa.checks.gender import GenderChange

MASCULINE, FEMININE = agreement.MASCULINE, agreement.FEMININE

# (masculine words, feminine words) naming one relation, rank or sex.
_PAIRS: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(m.split()), frozenset(f.split())) for m, f in (
        ("man gentleman", "woman lady"),
        ("boy lad schoolboy", "girl lass schoolgirl"),
        ("son", "daughter"),
        ("brother", "sister"),
        ("father dad daddy papa", "mother mum mom mummy mommy mama"),
        ("husband", "wife"),
        ("uncle", "aunt auntie"),
        ("nephew", "niece"),
        ("grandfather grandpa granddad grandad", "grandmother grandma granny"),
        ("grandson", "granddaughter"),
        ("stepfather", "stepmother"),
        ("stepson", "stepdaughter"),
        ("godfather", "godmother"),
        ("boyfriend", "girlfriend"),
        ("fiancé fiance", "fiancée fiancee"),
        ("widower", "widow"),
        ("bridegroom groom", "bride"),
        ("king", "queen"),
        ("prince", "princess"),
        ("duke", "duchess"),
        ("emperor", "empress"),
        ("baron", "baroness"),
        ("monk", "nun"),
        ("actor", "actress"),
        ("waiter", "waitress"),
        ("host", "hostess"),
        ("steward", "stewardess"),
        ("hero", "heroine"),
        ("poet", "poetess"),
        ("heir", "heiress"),
    )
)
# Masculine words English also uses for a woman (the actor Meryl Streep).
_GENERIC = frozenset("actor waiter host steward hero poet heir".split())
_EN_TITLES = {"mr": MASCULINE, "mr.": MASCULINE, "mrs": FEMININE, "mrs.": FEMININE,
              "ms": FEMININE, "ms.": FEMININE, "miss": FEMININE}


def _english_gender(token: Token) -> tuple[int, str] | None:
    """The pair an English noun belongs to and its gender."""
    if token.pos not in ("NOUN", "PROPN", ""):
        return None
    for word in {token.text.lower(), token.lemma.lower()}:
        for n, (masculine, feminine) in enumerate(_PAIRS):
            if word in masculine:
                return n, MASCULINE
            if word in feminine:
                return n, FEMININE
    return None


def _french_gender(token: Token, lemmas: frozenset[str], senses: frozenset[str],
                   pair: int) -> str | None:
    """The gender of a French noun naming what the English words of ``pair`` name: its
    analysis's lemma is a French lemma of one of them, or one of them is its sense."""
    if token.pos not in ("NOUN", "PROPN", "ADJ"):  # « nièce » tagged as an adjective
        return None
    masculine, feminine = _PAIRS[pair]
    genders = set()
    for reading in readings(token.text):
        if "<n>" not in reading:
            continue
        lemma = lexicon.fold(reading.split("<")[0])
        if lemma in lemmas or senses & (masculine | feminine):
            if "<mf>" in reading:
                return None
            genders.add(FEMININE if "<f>" in reading else MASCULINE if "<m>" in reading else None)
    genders.discard(None)
    return genders.pop() if len(genders) == 1 else None


def _titles(tokens: Sequence[Token]) -> list[tuple[int, str, str]]:
    """English titles before a name: (index, folded name, gender)."""
    found = []
    for i, token in enumerate(tokens[:-1]):
        gender = _EN_TITLES.get(token.text.lower())
        following = tokens[i + 1]
        if gender is not None and following.text[:1].isupper():
            found.append((i, lexicon.fold(following.text), gender))
    return found


def title_change(ref: Sequence[Token], mt: Sequence[Token]) -> tuple[Token, Token, str] | None:
    """An English title before a name (Mr Petit) whose French counterpart before the same
    name is of the other gender (Mme Petit): (French title, English title, French gender)."""
    for index, name, gender in _titles(ref):
        for i, token in enumerate(mt):
            if lexicon.fold(token.text) != name:
                continue
            titles = [j for j in (i - 1, i - 2) if j >= 0
                      and agreement.title_gender(mt, j) is not None
                      and mt[j].text.lower().rstrip(".") in ("m", "mme", "mlle", "monsieur",
                                                              "madame", "mademoiselle")]
            if titles and (french := agreement.title_gender(mt, titles[0])) != gender:
                return mt[titles[0]], ref[index], french or MASCULINE
    return None


def noun_change(pair: Pair, engines: Sequence[str]) -> GenderChange | None:
    """A gendered person noun or title whose gender the French gives the other way."""
    from mtqa.checks.gender import GenderChange, Pronoun

    ref = lexicon.parse(pair.ref_text, "en")
    mt = lexicon.parse(pair.mt_text, "fr")
    by_title = title_change(ref, mt)
    if by_title is not None:
        fr, en, gender = by_title
        return GenderChange(Pronoun(gender, (fr.start, fr.end)),
                            Pronoun(_EN_TITLES[en.text.lower()], (en.start, en.end)), ())
    found = _noun_change(ref, mt, [pair.bt[e] for e in engines if pair.bt.get(e)])
    if found is None:
        return None
    (fr_start, fr_end, fr_gender), (en_start, en_end, en_gender) = found
    return GenderChange(Pronoun(fr_gender, (fr_start, fr_end)),
                        Pronoun(en_gender, (en_start, en_end)), ())


def _noun_change(ref: Sequence[Token], mt: Sequence[Token], bts: Sequence[str]) -> tuple[
        tuple[int, int, str], tuple[int, int, str]] | None:
    """((French start, end, gender), (English start, end, gender)) of a gendered noun."""
    english = {i: g for i, t in enumerate(ref) if (g := _english_gender(t)) is not None}
    if not english:
        return None
    words = sorted({ref[i].lemma.lower() for i in english} | {ref[i].text.lower()
                                                             for i in english})
    french_lemmas = lexicon.dictionary().english_senses(words)
    senses = _french_senses(mt)
    for pair in sorted({p for p, _ in english.values()}):
        in_ref = [i for i, (p, _) in english.items() if p == pair]
        lemmas = frozenset(lexicon.fold(lemma) for i in in_ref for word in
                           (ref[i].lemma.lower(), ref[i].text.lower())
                           for lemma in french_lemmas.get(word, ()))
        ref_count = Counter(english[i][1] for i in in_ref)
        fr = {i: g for i, t in enumerate(mt)
              if (g := _french_gender(t, lemmas, senses[i], pair)) is not None}
        fr_count = Counter(fr.values())
        for fr_gender, en_gender in ((MASCULINE, FEMININE), (FEMININE, MASCULINE)):
            if fr_count[fr_gender] <= ref_count[fr_gender] or (
                ref_count[en_gender] <= fr_count[en_gender]
            ):
                continue
            en_index = next(i for i in in_ref if english[i][1] == en_gender)
            if en_gender == MASCULINE and {ref[en_index].lemma.lower(),
                                           ref[en_index].text.lower()} & _GENERIC:
                continue  # "the actor" for « l'actrice »
            if any(_bt_count(bt, pair)[en_gender] >= ref_count[en_gender] for bt in bts):
                continue  # the back-translation reads the French as the reference does
            fr_index = next(i for i, g in fr.items() if g == fr_gender)
            return ((mt[fr_index].start, mt[fr_index].end, fr_gender),
                    (ref[en_index].start, ref[en_index].end, en_gender))
    return None


def _french_senses(mt: Sequence[Token]) -> list[frozenset[str]]:
    from mtqa.checks import wordlink  # the dictionary loads on first use

    return wordlink.french_senses(mt)


def _bt_count(bt: str, pair: int) -> Counter[str]:
    return Counter(g for t in lexicon.parse(bt, "en")
                   if (found := _english_gender(t)) is not None and found[0] == pair
                   for g in (found[1],))


def sexed_noun(token: Token) -> str | None:
    """The sex a French noun names whatever its determiner: a noun for one of a pair of
    English gendered words (« sœur » sister, « grand-père », « reine » queen)."""
    if token.pos not in ("NOUN", "ADJ"):
        return None
    from mtqa.checks import wordlink  # the dictionary loads on first use

    senses = wordlink.french_senses([token])[0]
    words = frozenset().union(*(m | f for m, f in _PAIRS)) - _GENERIC
    if not senses & words:
        return None
    genders = set()
    for reading in readings(token.text):
        if "<n>" in reading:
            genders.add(None if "<mf>" in reading else FEMININE if "<f>" in reading
                        else MASCULINE if "<m>" in reading else None)
    return genders.pop() if len(genders) == 1 else None


# The feminine of a French noun for a man by its ending: acteur → actrice, chanteur →
# chanteuse, infirmier → infirmière, musicien → musicienne, avocat → avocate.
_FEMININE_ENDINGS = (("teur", "trice"), ("eur", "euse"), ("ier", "ière"), ("ien", "ienne"),
                     ("on", "onne"), ("er", "ère"), ("", "e"))


def has_feminine(word: str) -> bool:
    """A French noun whose feminine Apertium knows as that noun's (acteur: actrice), so
    that the masculine names a man; not a noun French uses for women too (le médecin)."""
    folded = word.lower()
    for ending, feminine in _FEMININE_ENDINGS:
        if folded.endswith(ending):
            candidate = folded[: len(folded) - len(ending)] + feminine
            if any("<n><f>" in r and r.split("<")[0].lower() == folded
                   for r in readings(candidate)):
                return True
    return False


@lru_cache(maxsize=4096)
def name_gender(name: str) -> str | None:
    """The sex a first name gives, from the English analyser's first names (Julien,
    Marie, Jeanne: one gender; Camille, Dominique: either, so None); not a name the French
    analyser knows as a place or an organisation."""
    dictionary = lexicon.dictionary()
    if not dictionary.available or not name[:1].isupper() or any(
        "<np><loc>" in r or "<np><org>" in r for r in readings(name)
    ):
        return None  # Paris, Florence: a place first
    try:
        line = dictionary.lookup("en_morph", [escape_word(name)], bilingual=False)[0]
    except lexicon.DictionaryError:
        return None
    genders = set()
    for unit in stream_units(line):
        for analysis in unit[1:]:
            if "<np><ant>" in analysis:
                genders.add(FEMININE if "<f>" in analysis else MASCULINE if "<m>" in analysis
                            else None)
    return genders.pop() if len(genders) == 1 else None
