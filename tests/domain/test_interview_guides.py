"""The kit's guides, the hints shown while editing one, pseudonyms and the campaign target."""

from kitcop_desktop.domain import interview_guides as rules


def test_builtin_guides_are_the_kits_two_question_sets():
    keys = [g.key for g in rules.BUILTIN_GUIDES]
    assert keys == ["engaged_companies", "trades_and_training"]
    companies = rules.builtin_guide("engaged_companies")
    assert (
        companies.questions[0] == "En quoi consiste l'engagement écologique de votre entreprise ?"
    )
    assert len(companies.questions) == 6
    trades = rules.builtin_guide("trades_and_training")
    assert trades.questions[0] == "En quoi consiste votre métier ?"
    assert any("FARE" in q for q in trades.questions)


def test_pseudonym_is_inclusive_and_numbered():
    assert rules.pseudonym(7) == "Enquêté·e 7"


def test_yes_no_questions_are_flagged_and_open_ones_are_not():
    assert rules.is_closed_question("Connaissez-vous le projet FARE ?")
    assert rules.is_closed_question("Est-ce que vous recrutez ?")
    assert rules.is_closed_question("Avez-vous des apprentis ?")
    assert rules.is_closed_question("Y a-t-il une formation ?")
    assert not rules.is_closed_question("Comment votre métier est-il impacté ?")
    assert not rules.is_closed_question("En quoi consiste votre métier ?")
    assert not rules.is_closed_question("Quelles sont les difficultés ?")
    assert not rules.is_closed_question("")


def test_hints_warn_past_ten_questions_and_name_closed_ones():
    assert rules.guide_hints(["Comment ça va ?"] * 10) == []
    hints = rules.guide_hints(["Comment ça va ?"] * 11)
    assert len(hints) == 1 and "11 questions" in hints[0] and "10 au plus" in hints[0]
    hints = rules.guide_hints(["Comment ?", "Connaissez-vous FARE ?", "Avez-vous des CDI ?"])
    assert hints == [
        "Questions 2, 3 : la formulation appelle un oui ou un non ; une question ouverte "
        "(« Comment… », « En quoi… ») fera davantage parler."
    ]
    # The kit's own trades guide has 11 questions, one of them closed: both hints show.
    assert len(rules.guide_hints(rules.builtin_guide("trades_and_training").questions)) == 2


def test_campaign_progress_against_the_12_to_30_target():
    assert "encore 9" in rules.campaign_progress(3)
    assert "1 entretien réalisé " in rules.campaign_progress(1)
    assert "dans la fourchette" in rules.campaign_progress(12)
    assert "au-delà" in rules.campaign_progress(31)


def test_each_mark_kind_has_its_own_shortcut_and_french_label():
    shortcuts = [k.shortcut for k in rules.MARK_KINDS]
    assert len(set(shortcuts)) == 5
    assert [k.label for k in rules.MARK_KINDS] == [
        "frein",
        "levier",
        "difficulté",
        "action",
        "besoin",
    ]
    assert rules.mark_kind("difficulty").zone == "brakes"


def test_reflexive_yes_no_questions_are_hinted_too():
    assert rules.is_closed_question("Vous sentez-vous personnellement concerné ?")
    assert rules.is_closed_question("Y a-t-il des aides ?")
    assert not rules.is_closed_question("Comment vous sentez-vous dans ce métier ?")
    assert not rules.is_closed_question("Qu'est-ce qui impacte votre choix de formations ?")


def test_a_passage_is_found_across_line_breaks_and_regex_characters_are_plain_text():
    from kitcop_desktop.domain.interview_guides import passage_spans

    notes = "Coût (x2) *avant*\nle 1er   mars [sic] 🙁 & <b>\nCoût (x2)"
    assert passage_spans(notes, "Coût (x2)") == [(0, 9), (len(notes) - 9, len(notes))]
    start = notes.index("*avant*")
    assert passage_spans(notes, "*avant* le 1er mars [sic]") == [(start, notes.index(" 🙁"))]
    assert passage_spans(notes, "🙁 & <b>") == [(notes.index("🙁"), notes.index("\nCoût (x2)"))]
    assert passage_spans(notes, "absent") == [] and passage_spans(notes, "   ") == []


def test_a_passage_says_its_own_label_once():
    from kitcop_desktop.domain.interview_guides import bare_passage

    assert bare_passage("need", "Besoin : des tuteurs") == "des tuteurs"
    assert bare_passage("need", "– BESOINS: des tuteurs") == "des tuteurs"
    assert bare_passage("difficulty", "Difficulte : le logement") == "le logement"
    assert bare_passage("need", "Frein : le logement") == "Frein : le logement"  # another kind
    assert bare_passage("need", "Besoin :") == "Besoin :"  # nothing after: kept as typed
    assert bare_passage("lever", "Le CFA : un atout") == "Le CFA : un atout"
