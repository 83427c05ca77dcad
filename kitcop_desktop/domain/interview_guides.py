"""Interview guides as data (Brique 2 of the kit), the marks a passage can carry, and hints.

Pure rules, standard library only. The two built-in guides are the kit's question sets; a
workshop gets editable copies of them (see storage.interviews.ensure_builtin_guides).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# The kit: « Entre 12 et 30 entretiens, c'est un nombre satisfaisant. »
TARGET_MIN = 12
TARGET_MAX = 30
# The kit: « ne posant pas plus de 10 questions ».
ADVISED_MAX_QUESTIONS = 10
PLANNED_MINUTES_DEFAULT = 60
PLANNED_MINUTES_MIN = 5
PLANNED_MINUTES_MAX = 180


@dataclass(frozen=True)
class BuiltinGuide:
    key: str
    title: str
    questions: tuple[str, ...]
    description: str = ""


BUILTIN_GUIDES: tuple[BuiltinGuide, ...] = (
    BuiltinGuide(
        key="engaged_companies",
        title="Entreprises engagées",
        description="Questions aux initiatives innovantes repérées à la brique 1.",
        questions=(
            "En quoi consiste l'engagement écologique de votre entreprise ?",
            "Quelles initiatives avez-vous mises en place pour répondre à votre engagement "
            "écologique ?",
            "Comment cela a-t-il impacté les emplois et les compétences dans votre entreprise ?",
            "Et qu'avez-vous mis en place pour y répondre ?",
            "Quelles sont les difficultés que vous avez rencontrées dans vos actions ?",
            "À l'inverse, quels sont les points sur lesquels vous vous êtes appuyés ?",
        ),
    ),
    BuiltinGuide(
        key="trades_and_training",
        title="Métiers, formation et transition",
        description="Questions aux professionnel·les sur leur métier, leur formation et la "
        "transition écologique.",
        questions=(
            "En quoi consiste votre métier ?",
            "Quelles sont les caractéristiques de recrutement dans votre secteur d'activité / "
            "de métiers ?",
            "Comment pourriez-vous définir l'attractivité de votre secteur d'activité / métier, "
            "plutôt positive ou négative ?",
            "Comment votre métier est-il impacté par le sujet de la transition écologique ?",
            "Quelle est l'offre de formation qui vous est proposée à ce sujet ? (vous "
            "semble-t-elle suffisante et adaptée aux besoins liés à la transition écologique / "
            "intéressante ? / utile ? / portée et valorisée par votre entreprise ?)",
            "Comment êtes-vous informés des propositions de formations ?",
            "Quelles sont les compétences nécessaires pour accompagner la transition "
            "écologique ? Sont-elles suffisamment transmises dans les formations ?",
            "Si non, que manque-t-il dans les formations aujourd'hui ?",
            "Qu'est-ce qui impacte votre choix de formations ?",
            "Connaissez-vous le projet FARE ?",
            "Vous sentez-vous personnellement concerné par le sujet de la transition écologique ?",
        ),
    ),
)


def builtin_guide(key: str) -> BuiltinGuide:
    """The built-in guide with this key (KeyError if unknown)."""
    for guide in BUILTIN_GUIDES:
        if guide.key == key:
            return guide
    raise KeyError(key)


@dataclass(frozen=True)
class MarkKind:
    key: str  # stored
    label: str  # French, singular
    plural: str  # French, for headings
    shortcut: str  # QKeySequence text
    zone: str  # speedboat zone it feeds, "" for none
    colour: str  # Okabe–Ito name (warm for freins, cool for leviers)


MARK_KINDS: tuple[MarkKind, ...] = (
    MarkKind("brake", "frein", "Freins", "Alt+1", "brakes", "vermilion"),
    MarkKind("lever", "levier", "Leviers", "Alt+2", "levers", "blue"),
    MarkKind("difficulty", "difficulté", "Difficultés", "Alt+3", "brakes", "orange"),
    MarkKind("action", "action", "Actions", "Alt+4", "", "green"),
    MarkKind("need", "besoin", "Besoins", "Alt+5", "", "purple"),
)
MARK_KIND_KEYS = tuple(kind.key for kind in MARK_KINDS)


def mark_kind(key: str) -> MarkKind:
    for kind in MARK_KINDS:
        if kind.key == key:
            return kind
    raise KeyError(key)


def _folded(text: str) -> str:
    bare = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in bare if not unicodedata.combining(ch)).strip()


BULLETS = "–—-•*·"


def bare_passage(key: str, text: str) -> str:
    """A marked passage without what its kind already says: a leading bullet and a leading
    « Besoin : » on a besoin (any case, accents or not, « besoin: » too), so that nothing that
    shows it with its kind reads « Besoin : Besoin : … »."""
    kind = mark_kind(key)
    passage = text.strip().lstrip(BULLETS + " \t")
    head, colon, rest = passage.partition(":")
    if colon and _folded(head) in (_folded(kind.label), _folded(kind.plural)) and rest.strip():
        passage = rest.strip()
    return passage or text.strip()


def passage_spans(notes: str, passage: str) -> list[tuple[int, int]]:
    """Where a marked passage stands in the notes it was marked in: (start, end) of each
    occurrence, any run of blanks or line breaks in the notes matching one blank of the
    passage (a mark's text is stored on one line)."""
    words = passage.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(word) for word in words)
    return [(m.start(), m.end()) for m in re.finditer(pattern, notes)]


def pseudonym(number: int) -> str:
    """The default name of an interviewee: « Enquêté·e 7 »."""
    return f"Enquêté·e {number}"


# Openings that invite a yes/no answer in French (« Est-ce que… ? », inversions « Avez-vous… ? »,
# « Connaissez-vous… ? »). Open questions start with comment, quel, pourquoi, en quoi…
_OPEN_STARTS = (
    "comment",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "pourquoi",
    "en quoi",
    "qu'",
    "que ",
    "qui ",
    "où",
    "combien",
    "à quel",
    "de quel",
    "dans quel",
    "si non",
    "et qu'",
    "à l'inverse",
    "racontez",
    "décrivez",
    "pouvez-vous décrire",
    "pouvez-vous raconter",
)
_CLOSED_RE = re.compile(
    # An optional reflexive pronoun first: « Vous sentez-vous… ? », « Vous êtes-vous… ? ».
    r"^((vous|nous|tu|se|s') ?)?"
    r"(est-ce que|est-ce qu'|\w+-(vous|tu|il|elle|ils|elles|on)\b|\w+-t-(il|elle|on)\b|y a-t-il)",
    re.IGNORECASE,
)


def is_closed_question(text: str) -> bool:
    """True when a question's wording invites a yes/no answer (a hint, not a rule)."""
    words = " ".join(text.strip().split()).lower().replace("’", "'")
    if not words:
        return False
    if words.startswith(_OPEN_STARTS):
        return False
    return bool(_CLOSED_RE.match(words))


def guide_hints(questions: list[str] | tuple[str, ...]) -> list[str]:
    """French advice on a guide while it is edited (empty when all is well)."""
    hints: list[str] = []
    count = len([q for q in questions if q.strip()])
    if count > ADVISED_MAX_QUESTIONS:
        hints.append(
            f"{count} questions : le kit conseille d'en poser {ADVISED_MAX_QUESTIONS} au plus "
            "pour ne pas surcharger la personne interrogée."
        )
    closed = [i + 1 for i, q in enumerate(questions) if is_closed_question(q)]
    if closed:
        numbers = ", ".join(str(n) for n in closed)
        plural = "s" if len(closed) > 1 else ""
        hints.append(
            f"Question{plural} {numbers} : la formulation appelle un oui ou un non ; une "
            "question ouverte (« Comment… », « En quoi… ») fera davantage parler."
        )
    return hints


def campaign_progress(done: int) -> str:
    """French sentence on the number of interviews done against the kit's 12–30 target."""
    if done < TARGET_MIN:
        missing = TARGET_MIN - done
        return (
            f"{done} entretien{'s' if done > 1 else ''} réalisé{'s' if done > 1 else ''} "
            f"sur {TARGET_MIN} à {TARGET_MAX} conseillés : encore {missing} pour atteindre "
            f"le minimum."
        )
    if done <= TARGET_MAX:
        return f"{done} entretiens réalisés : dans la fourchette conseillée ({TARGET_MIN} à {TARGET_MAX})."
    return f"{done} entretiens réalisés : au-delà des {TARGET_MAX} conseillés, c'est très complet."
