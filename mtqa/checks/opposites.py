"""The general table of opposites the meaning check reads (approve/reject, rise/fall,
win/lose, before/after, above/below...): the reference has one pole and the MT the other
(``flips``). A negation just before either pole says the other one (« pas avant 2030 » /
"only after 2030", « n'est pas descendue au-dessous de » / "stayed above"), so a flip with
a negated pole is none; a negation flip that cancels an opposite (did not accept = a
refusé) is the meaning check's to read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mtqa.language.lexicons import WordPatterns
from mtqa.language.text import fold_keep_length
from mtqa.model import Pair


@dataclass(frozen=True)
class Opposites:
    name: str
    en_a: WordPatterns
    en_b: WordPatterns
    fr_a: WordPatterns
    fr_b: WordPatterns


def _opposites(name: str, en_a: list[str], en_b: list[str], fr_a: list[str],
               fr_b: list[str]) -> Opposites:
    return Opposites(name, WordPatterns.of(en_a), WordPatterns.of(en_b), WordPatterns.of(fr_a),
                     WordPatterns.of(fr_b))


# A general table of opposites: English forms, then French forms (accent-free, * = any ending).
OPPOSITES: tuple[Opposites, ...] = (
    _opposites("approve/reject", ["approve*", "approval"], ["reject*", "rejection*"],
               ["approuv*", "approbation*"], ["rejet*", "rejeter", "rejett*"]),
    _opposites("accept/refuse", ["accept*"], ["refus*", "turned down", "turn down", "turns down"],
               ["accept*"], ["refus*"]),
    _opposites("rise/fall",
               ["rise", "rises", "rose", "risen", "rising", "increase*", "grow", "grows", "grew",
                "growing", "climb*", "jump*", "surge*", "soar*", "higher"],
               ["fall", "falls", "fell", "fallen", "falling", "decrease*", "decline*", "drop*",
                "slump*", "plunge*", "shrink*", "shrank", "lower", "tumble*"],
               ["hausse*", "augment*", "croissance", "grimp*", "bondi*", "progress*", "plus eleve*",
                "envol*"],
               ["baisse*", "diminu*", "recul*", "chute*", "chuter", "declin*", "repli*",
                "effondr*", "plus bas*", "moins eleve*"]),
    # "X defeated Y", « X a battu Y » are X's win; "was defeated", « a été battu » a loss
    _opposites("win/lose", ["win", "wins", "won", "winning", "victory", "victories", "victorious",
                            "defeated", "defeating"],
               ["lose", "loses", "lost", "losing", "defeat", "defeats", "beaten",
                "was defeated", "were defeated", "been defeated", "be defeated",
                "is defeated", "are defeated", "got defeated"],
               ["gagn*", "remport*", "victoire*", "vainqu*", "a battu", "ont battu",
                "avait battu", "avaient battu", "aura battu", "auront battu", "avoir battu",
                "ayant battu"],
               ["perd*", "perdu*", "defaite*", "battu*"]),
    _opposites("encourage/discourage", ["encourag*", "embolden*"],
               ["discourag*", "deter", "deters", "deterred", "dissuad*"],
               ["encourag*", "enhardi*"], ["decourag*", "dissuad*"]),
    _opposites("allow/ban", ["allow*", "permit", "permits", "permitted", "authoris*", "authoriz*"],
               ["ban", "bans", "banned", "banning", "forbid*", "prohibit*", "outlaw*"],
               ["autoris*", "permet*", "permis", "permise*"], ["interdi*", "prohib*", "proscri*"]),
    _opposites("support/oppose", ["support*", "favour*", "favor*"], ["oppos*"],
               ["soutien*", "soutenu*", "soutenir", "soutient", "appui*", "favorable*"],
               ["oppos*", "hostile*"]),
    _opposites("open/close", ["open", "opens", "opened", "opening", "reopen*"],
               ["close", "closes", "closed", "closing", "closure*", "shut", "shuts", "shutting"],
               ["ouvr*", "ouvert*", "reouv*"], ["ferm*"]),
    _opposites("strengthen/weaken", ["strengthen*", "bolster*"], ["weaken*", "undermin*"],
               ["renforc*", "consolid*"], ["affaibl*", "fragilis*"]),
    _opposites("include/exclude", ["includ*", "inclusion"], ["exclud*", "exclusion*"],
               ["inclu*", "inclus*"], ["exclu*"]),
    _opposites("guilty/innocent", ["guilty", "convicted"], ["innocent", "acquitted", "acquittal"],
               ["coupable*", "reconnu* coupable*"], ["innocent*", "acquitt*", "relaxe*"]),
    _opposites("before/after", ["before"], ["after", "not until"], ["avant"], ["apres"]),
    _opposites("during/before or after", ["during", "throughout"],
               ["before", "after", "prior to", "ahead of"],
               ["pendant", "durant", "lors d", "au cours d"], ["avant", "apres"]),
    _opposites("above/below", ["above", "on top of", "higher than"],
               ["below", "beneath", "underneath", "lower than", "under"],
               ["au-dessus", "en haut", "au sommet"],
               ["au-dessous", "en dessous", "sous", "en bas"]),
    _opposites("inside/outside", ["inside", "indoors"], ["outside", "outdoors"],
               ["a l'interieur", "dedans"], ["a l'exterieur", "dehors", "hors"]),
    _opposites("early/late", ["early", "earlier", "sooner"], ["late", "later"],
               ["tot", "plus tot", "en avance"], ["tard", "plus tard", "en retard"]),
    _opposites("import/export", ["import", "imports", "imported", "importing", "importer*"],
               ["export", "exports", "exported", "exporting", "exporter*"],
               ["import*"], ["export*"]),
    _opposites("buy/sell", ["buy", "buys", "bought", "buying", "buyer*", "purchas*"],
               ["sell", "sells", "sold", "selling", "seller*"],
               ["achet*", "achat*", "acheteu*", "acquereu*"], ["vend*", "vente*"]),
    _opposites("impose/lift", ["impose*", "imposing", "imposition"],
               ["lift", "lifts", "lifted", "lifting"],
               ["impos*", "instaur*"],
               ["lever", "leve", "levee", "levees", "leves", "levent", "levait", "levera*",
                "levait"]),
    _opposites("majority/minority", ["majority"], ["minority"], ["majorit*"], ["minorit*"]),
    _opposites("maximum/minimum", ["maximum"], ["minimum"], ["maximum", "maximal*"],
               ["minimum", "minimal*"]),
    _opposites("success/failure", ["success*", "succeed*"], ["failure*"],
               ["succes", "reussi*", "reussite*"], ["echec*", "echou*"]),
    _opposites("hire/lay off", ["hire", "hires", "hired", "hiring"],
               ["lay off", "laid off", "lays off", "layoff*", "job cuts", "cut jobs"],
               ["embauch*", "recrut*"], ["licenci*", "suppressions? d'emplois"]),
)


# A negation up to three words before an opposite says its other pole (« pas avant 2030 »:
# "only after 2030", "not until 2030"; « n'est pas descendue au-dessous de » / "stayed
# above"; "will not open until June" / « restera fermé jusqu'en juin »).
_NEGATED_BEFORE = {
    "fr": re.compile(r"(?<![\w-])(?:pas|jamais|n'|ne)(?:[\s'-]+[\w-]+){0,3}[\s'-]*$"),
    "en": re.compile(r"(?<![\w-])(?:not|never|no|n't)(?:[\s'-]+[\w-]+){0,3}[\s'-]*$"),
}


def _negated(spans: list[tuple[int, int]], folded: str, language: str) -> bool:
    return any(_NEGATED_BEFORE[language].search(folded[:start]) for start, _ in spans)


def _longest(
    a: list[tuple[int, int]], b: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Each pole's spans less those inside a longer span of the other pole: « a battu » is
    the win, not the « battu » of a loss inside it."""

    def inside(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
        return any(o[0] <= span[0] and span[1] <= o[1] and o != span for o in others)

    return [s for s in a if not inside(s, b)], [s for s in b if not inside(s, a)]


def flips(pair: Pair) -> list[tuple[Opposites, tuple[int, int], tuple[int, int]]]:
    """Each group whose one pole the reference says and the other the MT, neither negated:
    the group, the MT's span and the reference's."""
    mt_folded, ref_folded = fold_keep_length(pair.mt_text), fold_keep_length(pair.ref_text)
    found = []
    for group in OPPOSITES:
        a_ref, b_ref = _longest(group.en_a.find(pair.ref_text), group.en_b.find(pair.ref_text))
        a_mt, b_mt = _longest(group.fr_a.find(pair.mt_text), group.fr_b.find(pair.mt_text))
        if a_ref and not b_ref and b_mt and not a_mt:
            flip = (group, b_mt[0], a_ref[0])
        elif b_ref and not a_ref and a_mt and not b_mt:
            flip = (group, a_mt[0], b_ref[0])
        else:
            continue
        if not _negated(a_mt + b_mt, mt_folded, "fr") and not _negated(
                a_ref + b_ref, ref_folded, "en"):
            found.append(flip)
    return found


__all__ = ["OPPOSITES", "Opposites", "flips"]
