"""The kit's déroulé templates (modèles de déroulé), in our own short words.

Modèle 1 (session d'intelligence collective), Modèle KISS (rétrospective), a world café /
pro-action café afternoon with timed rotations between tables, and a blank agenda. The timings
follow the kit. Consignes are what the room reads on the projector, addressed to the
participants; what the kit tells the facilitator (points to present, variantes, « si plus de 20
personnes… ») goes to the séquence's notes pour l'animateur·rice, which are never projected.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from kitcop_desktop.i18n import TrMap, tr_later


@dataclass(frozen=True)
class TemplateSequence:
    title: str
    minutes: int
    intention: str = ""
    instructions: str = ""
    materials: str = ""
    kind: str = ""
    tool_key: str = ""
    pinned_start: time | None = None
    # Talking points and variantes for the facilitator only (never on the room screen).
    facilitator_notes: str = ""
    # The item a workshop made from the template gets, ready and linked to this séquence:
    # a board kind (« retro_path », « kiss »…) when tool_key is « boards »; a speaking round
    # (its kind from the séquence's kind) when tool_key is « rounds » and `round_prompt` is set.
    board_kind: str = ""
    round_prompt: str = ""


@dataclass(frozen=True)
class AgendaTemplate:
    key: str
    title: str  # French, offered by « Nouvel atelier depuis un modèle du kit »
    description: str
    start: time
    sequences: tuple[TemplateSequence, ...]

    @property
    def total_minutes(self) -> int:
        return sum(s.minutes for s in self.sequences)


FRAME = (
    "Chaque parole vaut la même chose : on s'écoute et on partage le temps de parole.\n"
    "On contribue, on ne garde pas tout pour soi.\n"
    "On parle en son nom, avec bienveillance.\n"
    "Ce qui est dit en confiance reste ici."
)

MODEL_1 = AgendaTemplate(
    key="modele_1",
    title="Modèle 1 — session d'intelligence collective",
    description="Diagnostic (fiche étonnement ou speedboat), projection 2030 en bocal à poisson.",
    start=time(9, 30),
    sequences=(
        # The kit's first row: « Accueil café » and « Introduction » share one 15-minute slot
        # (09h30-09h45), so everything after starts on the kit's times.
        TemplateSequence(
            "Accueil café / Introduction",
            15,
            "Accueillir, créer un climat chaleureux. Se projeter dans la séance, se donner un "
            "cadre d'échanges.",
            "Bienvenue ! Servez-vous un café, signez la liste d'émargement.\n\n"
            "Aujourd'hui : partager et enrichir l'état des lieux, nous entendre sur les chantiers "
            "prioritaires (co-construction).\n\nNotre cadre :\n" + FRAME,
            "Café, thé, gobelets\nListe d'émargement imprimée\n"
            "Ordre du jour affiché\nCadre des échanges affiché\nQuelques chiffres clés (diapo)",
            kind="introduction",
            facilitator_notes=(
                "Présenter le contexte : quelques chiffres sur la COP régionale et sur ce "
                "chantier (pourquoi ce chantier, que s'est-il passé depuis le début ?).\n"
                "Objectif : s'aider de la projection pour identifier les appuis clés. Degré de "
                "participation : co-construction, c'est ici que sont imaginées et décidées les "
                "grandes orientations.\n"
                "Chacun·e connaît ses propres besoins et se les autorise dans le respect du "
                "groupe ; tout le monde est coresponsable de la réussite de l'atelier.\n"
                "Vérifier que les règles sont comprises par tous et qu'il n'y a pas besoin d'en "
                "ajouter ; s'y référer tout au long de l'atelier.\n"
                "Conseil méthode : une séquence témoignage de 30 min peut être ajoutée pour "
                "partager les grands enjeux de la thématique étudiée."
            ),
        ),
        TemplateSequence(
            "Brise-glace",
            15,
            "Créer un climat de confiance, se sentir plus à l'aise pour contribuer activement.",
            "En binôme, de préférence avec une personne que vous ne connaissez pas : "
            "présentez-vous, puis répondez tour à tour (2 min d'échanges).\n\n"
            "Nous sommes en 2030. Vous exercez un autre métier, qui contribue à la transition "
            "écologique. Lequel ? Qu'est-ce qui vous y attire ?",
            "",
            kind="icebreaker",
            tool_key="rounds",
            facilitator_notes=(
                "Présentation croisée. Si moins de 15 personnes : chacun·e présente ensuite son "
                "binôme (nom, prénom, structure, métier 2025 et métier 2030). Si le groupe est "
                "trop nombreux, pas de restitution."
            ),
        ),
        TemplateSequence(
            "Diagnostic",
            50,
            "Enrichir l'état des lieux.",
            "En sous-groupes de 6 : notez sur post-it les freins (ancres) et les leviers (vents) "
            "pour atteindre les objectifs de la COP, puis regroupez-les en sous-thématiques "
            "(40 min). Restitution en collectif (10 min).",
            "Grande affiche speedboat\nPost-it de deux couleurs (freins, leviers)\n"
            "Fiches étonnement imprimées (variante)",
            tool_key="boards",
            facilitator_notes=(
                "C'est la première étape du diagnostic (option 2 du kit) : les post-it se posent "
                "sur une grande affiche en forme de bateau, ancres (freins) et vents (leviers).\n"
                "Variante (option 1), si une première enquête a été réalisée : présenter ses "
                "résultats en une diapo ; fiche étonnement seul·e (5 min), à trois (15 min), "
                "puis en plénière (30 min).\n"
                "Avec plusieurs axes dans le diagnostic : un sous-groupe par axe de travail."
            ),
        ),
        TemplateSequence(
            "Pause",
            10,
            "S'aérer, reprendre des forces cognitives.",
            "",
            "",
            kind="break",
        ),
        TemplateSequence(
            "Projection 2030",
            35,
            "Se projeter pour identifier des chantiers à mener.",
            "Nous sommes en 2030 et nous avons atteint les objectifs de la COP. À quoi cela "
            "ressemble-t-il ? Qu'avons-nous mis en place ? Quelles ont été les clés de succès ? "
            "Quels obstacles avons-nous dépassés ?\n\n"
            "Bocal à poisson : seules les 4 personnes au centre parlent, une chaise reste "
            "toujours vide. Pour parler, prenez la chaise vide.",
            "Chaises en cercle, 4 chaises au centre\nTableau blanc ou paperboard pour les notes",
            tool_key="fishbowl",
            facilitator_notes=(
                "Rappeler concrètement les objectifs de la COP dans le secteur.\n"
                "Qui veut parler se lève et s'assoit sur la chaise vide ; une autre personne du "
                "centre part pour qu'une chaise reste libre.\n"
                "Une personne prend note au tableau des leviers importants (actions concrètes, "
                "leviers de réussite, freins dépassés) : ce tableau n'est pas visible des "
                "participant·es."
            ),
        ),
        TemplateSequence(
            "Partage des enjeux",
            10,
            "Trouver un accord sur les éléments essentiels à travailler.",
            "La personne qui a pris les notes partage les leviers relevés. Qu'est-ce qui vous "
            "semble essentiel ? Que faut-il ajouter ?",
            "",
            facilitator_notes=(
                "Ces éléments serviront de base à la suite, pour approfondir les idées à partir "
                "des enjeux identifiés."
            ),
        ),
        TemplateSequence(
            "Déclusion",
            15,
            "Clôturer, susciter l'engagement pour imaginer la suite.",
            "Un mot sur votre ressenti de fin de session, sans rebond : simple écoute. "
            "Souhaitez-vous rester impliqué·e dans le chantier ?",
            "Petits papiers de déclusion (si plus de 20 personnes) : nom – ressenti – envie de "
            "s'engager dans la suite",
            kind="closing_round",
            tool_key="rounds",
            facilitator_notes=(
                "Puis annoncer les suites du chantier.\n"
                "Si plus de 20 personnes : chacun·e écrit sur un petit papier (nom, ressenti, "
                "envie de s'engager) qu'on vient coller en partant."
            ),
        ),
    ),
)

MODEL_KISS = AgendaTemplate(
    key="modele_kiss",
    title="Modèle KISS — rétrospective",
    description="Bilan d'un projet test sur le chemin de la rétrospective, puis la méthode KISS.",
    start=time(9, 0),
    sequences=(
        TemplateSequence(
            "Accueil café",
            30,
            "Accueillir, créer un climat chaleureux.",
            "Bienvenue ! Servez-vous un café, signez la liste d'émargement.",
            "Café, thé, gobelets\nListe d'émargement imprimée",
            kind="welcome",
        ),
        TemplateSequence(
            "Introduction",
            15,
            "Se projeter dans la séance, se donner un cadre d'échanges.",
            "Nos objectifs :\n1. Faire la rétrospective du projet test.\n"
            "2. En tirer des conclusions pour adapter le projet test.\n\nNotre cadre :\n" + FRAME,
            "Ordre du jour affiché\nCadre des échanges affiché",
            kind="introduction",
            facilitator_notes=(
                "Présenter le contexte et les objectifs de l'atelier : la rétrospective du "
                "projet test, de sa date de début à aujourd'hui (dire les dates), puis les "
                "conclusions pour l'adapter."
            ),
        ),
        TemplateSequence(
            "Brise-glace",
            15,
            "Créer un climat de confiance, se sentir plus à l'aise pour contribuer activement.",
            "Écoute active : on n'interrompt pas, on ne réagit pas, on cherche juste à "
            "s'écouter et à se comprendre.",
            "Jeu de cartes (besoins, émotions) ou photolangage",
            kind="icebreaker",
            tool_key="rounds",
            facilitator_notes=(
                "Trouver un exercice qui favorise l'expression de chacun·e en mettant en œuvre "
                "une écoute active : par exemple un jeu de cartes sur les besoins, les émotions, "
                "ou du photolangage."
            ),
            round_prompt="Choisissez une carte et dites en une phrase ce qu'elle vous évoque.",
        ),
        TemplateSequence("Pause", 15, "S'aérer, reprendre des forces.", kind="break"),
        TemplateSequence(
            "Rétrospective",
            60,
            "Faire collectivement le bilan du projet test, du fonctionnement en équipe, "
            "depuis son début jusqu'à aujourd'hui.",
            "Sur le chemin de la rétrospective, on identifie : ce qui a marché, ce qui n'a pas "
            "marché, ce qui a déjà été ré-essayé, ce que j'ai détecté, ce que j'ai aimé, ce que "
            "j'ai détesté, ce que j'ai appris.\n"
            "Deux angles : un angle concret (actions) et un autre émotions, ressentis.\n\n"
            "Après un temps individuel de réflexion, chacun·e pose ses post-it sur le chemin, "
            "puis prend la parole à son tour, dans l'écoute.",
            "Affiche du chemin de la rétrospective\nPost-it de deux couleurs (actions, ressentis)",
            tool_key="boards",
            board_kind="retro_path",
            facilitator_notes=(
                "Le groupe a ainsi un espace de réflexivité et de retour d'expériences sur son "
                "fonctionnement, et chacun·e est écouté·e dans sa parole. Sur l'ordinateur, "
                "Alt+A / Alt+R donnent l'angle de chaque post-it tapé."
            ),
        ),
        TemplateSequence(
            "La méthode KISS",
            30,
            "Décider ensemble.",
            "Une fois la rétrospective réalisée, on se penche sur la suite et les enseignements "
            "du chemin. Après un temps individuel de réflexion, on identifie collectivement :\n"
            "1. On garde : les actions à garder.\n"
            "2. On jette : les éléments à ne pas garder.\n"
            "3. On améliore : les actions à améliorer.\n"
            "4. On commence : un espace pour créer des nouvelles actions.",
            "Affiche en 4 parties : 1. on garde 2. on jette 3. on améliore 4. on commence\nPost-it",
            tool_key="boards",
            board_kind="kiss",
            facilitator_notes=(
                "KISS : keep, improve, start, stop. Les post-it et sous-thématiques de « On "
                "commence » deviennent des fiches actions (bouton « Fiches actions » du tableau "
                "ou clic droit) : une fiche par sous-thématique."
            ),
        ),
        TemplateSequence(
            "Déclusion",
            15,
            "Clôture et suite à donner aux décisions prises.",
            "1. Retour sur les décisions actées lors de l'atelier.\n"
            "2. Un mot sur votre ressenti de fin de séance (pas de rebond, simple écoute), et "
            "votre envie de continuer d'être impliqué·e sur le chantier.\n"
            "Puis les suites du chantier.",
            "Petits papiers de déclusion (si plus de 20 personnes) : nom – ressenti – envie de "
            "s'engager dans la suite",
            kind="closing_round",
            tool_key="rounds",
            facilitator_notes=(
                "Si plus de 20 personnes, le mot peut se faire sur un petit papier que l'on "
                "vient coller en partant. Terminer en indiquant les suites du chantier."
            ),
            round_prompt=(
                "Un mot sur votre ressenti de fin de séance (pas de rebond, simple écoute). "
                "Envie de continuer d'être impliqué·e sur le chantier ?"
            ),
        ),
    ),
)


def _rotation(number: int, theme: str, minutes: int) -> TemplateSequence:
    return TemplateSequence(
        f"Rotation {number} — {theme}",
        minutes,
        "Croiser les regards de table en table.",
        f"Table suivante ! Question du tour : {theme.lower()}.\n"
        "L'hôte·sse de table résume en une minute ce qui a été dit avant vous.",
        "Une nappe en papier et des feutres par table\nUn·e hôte·sse par table\n"
        "Cartes de table imprimées (question de chaque tour)",
        kind="rotation",
        tool_key="tables",  # the room shows who sits where, then the countdown (#24)
    )


WORLD_CAFE = AgendaTemplate(
    key="world_cafe",
    title="World café / pro-action café — après-midi",
    description="Six tables, trois rotations chronométrées, restitution et capitalisation.",
    start=time(13, 30),
    sequences=(
        TemplateSequence(
            "Accueil convivial",
            30,
            "Accueillir, créer un climat chaleureux.",
            "Bienvenue ! Installez-vous à la table de votre choix.",
            "Café, thé\nListe d'émargement imprimée\nUn sujet affiché par table",
            kind="welcome",
        ),
        TemplateSequence(
            "Ouverture",
            35,
            "Rappeler la démarche, lancer les ateliers.",
            "Le sens de la démarche, les sujets des tables et leurs porteurs, les règles "
            "du café : on change de table à chaque rotation, l'hôte·sse reste.",
            "Programme affiché",
            kind="introduction",
        ),
        _rotation(1, "Le sens, les finalités", 20),
        _rotation(2, "Les besoins", 25),
        TemplateSequence("Pause", 20, "S'aérer, reprendre des forces.", kind="break"),
        _rotation(3, "Les actions à mettre en place", 30),
        TemplateSequence(
            "Restitution des ateliers",
            25,
            "Partager ce que chaque table a produit.",
            "Chaque hôte·sse présente en trois minutes les idées fortes de sa table.",
            "Nappes affichées au mur",
        ),
        TemplateSequence(
            "Capitalisation collective",
            20,
            "Retenir l'essentiel et décider des suites.",
            "Quelles idées retenons-nous ? Qui s'en saisit ?",
            "Fiches actions vierges",
            tool_key="actions",
        ),
        TemplateSequence(
            "Clôture",
            5,
            "Clôturer, annoncer les prochaines étapes.",
            "Les prochaines étapes. Un mot chacun·e pour finir.",
            "",
            kind="closing_round",
            tool_key="rounds",
        ),
    ),
)

BLANK = AgendaTemplate(
    key="blank",
    title="Déroulé vierge",
    description="Une seule séquence, à compléter.",
    start=time(9, 0),
    sequences=(TemplateSequence("Accueil", 15, kind="welcome"),),
)

TEMPLATES: tuple[AgendaTemplate, ...] = (MODEL_1, MODEL_KISS, WORLD_CAFE, BLANK)


def by_key(key: str) -> AgendaTemplate | None:
    """The built-in template with this key, or None."""
    return next((t for t in TEMPLATES if t.key == key), None)


KIND_LABELS = TrMap(
    {
        "": tr_later("Séquence"),
        "welcome": tr_later("Accueil"),
        "introduction": tr_later("Introduction"),
        "icebreaker": tr_later("Brise-glace"),
        "check_in_round": tr_later("Météo"),
        "break": tr_later("Pause"),
        "rotation": tr_later("Rotation"),
        "closing_round": tr_later("Déclusion"),
    }
)

TOOL_LABELS = TrMap(
    {
        "": tr_later("Aucun outil"),
        "boards": tr_later("Tableaux (post-it)"),
        "voting": tr_later("Vote par gommettes"),
        "fishbowl": tr_later("Bocal à poisson"),
        "rounds": tr_later("Tour de parole"),
        "interviews": tr_later("Enquête de terrain"),
        "actions": tr_later("Fiches actions"),
        "tables": tr_later("Tables (qui s'assoit où)"),
    }
)
