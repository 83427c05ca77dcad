"""#18 « English, properly »: one `tr()` for every layer, PO catalogues kept in step with the code,
`--lang en`, and a pseudo-locale that shows which widgets would cut a longer language."""

from __future__ import annotations

import pytest

from kitcop_desktop import cli, i18n
from kitcop_desktop.i18n import read_po, set_language, tr, tr_n
from kitcop_desktop.i18n_extract import Message, carry_over, extract, main, render


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("fr")


def test_the_catalogues_are_in_step_with_the_code_and_complete():
    """A new `tr("…")` without its English fails here: run i18n_extract, translate it."""
    assert main(["--check"]) == 0
    messages, problems = extract()
    assert problems == []
    assert "Copies modifiables" in {m.msgid for m in messages}


def test_french_is_the_source_and_english_comes_from_the_catalogue(english):
    assert tr("Copies modifiables") == "Editable copies"
    assert tr("Une phrase sans traduction") == "Une phrase sans traduction"
    set_language("fr")
    assert tr("Copies modifiables") == "Copies modifiables"


def test_plural_forms_follow_each_language(english):
    one, many = "{n} page, préparée en {s} s.", "{n} pages, préparées en {s} s."
    set_language("fr")
    assert [tr_n(one, many, n).format(n=n, s="1,5") for n in (0, 1, 2)] == [
        "0 page, préparée en 1,5 s.",
        "1 page, préparée en 1,5 s.",
        "2 pages, préparées en 1,5 s.",
    ]
    set_language("en")
    assert [tr_n(one, many, n).format(n=n, s="1.5") for n in (0, 1, 2)] == [
        "0 pages, prepared in 1.5 s.",
        "1 page, prepared in 1.5 s.",
        "2 pages, prepared in 1.5 s.",
    ]


def test_the_pseudo_locale_doubles_every_string():
    set_language("pseudo")
    try:
        # Word by word, as a longer language's words are; placeholders are kept whole.
        assert tr("Tableur (CSV)") == "[Tableur~~~~~~~ (CSV)~~~~~]"
        assert tr("{n} post-its").format(n=3) == "[3~~~ post-its~~~~~~~~]"
    finally:
        set_language("fr")


def test_po_files_round_trip_quotes_newlines_and_plurals():
    messages = [
        Message('Il a dit « oui » et "non"\\ puis\nla suite'),
        Message("{n} post-it", "{n} post-it"),
    ]
    translations = {
        messages[0].key: 'He said "yes"\\ and\nthen',
        messages[1].key: "{n} sticky note\x00{n} sticky notes",
    }
    parsed = read_po(render(messages, translations, "en"))
    assert {k: parsed[k] for k in translations} == translations


def test_lang_option_selects_the_language_of_the_app(monkeypatch, tmp_path, db_path, store):
    monkeypatch.setenv(i18n.ENV_LANGUAGE, "fr")  # and put back after the test
    assert cli.main(["--db", str(db_path), "--lang", "en", "list"]) == cli.EXIT_OK
    assert i18n.requested_language() == "en"
    monkeypatch.setenv(i18n.ENV_LANGUAGE, "de")
    assert i18n.requested_language() == "fr"  # a language the app does not know


def test_a_french_spacing_fix_keeps_its_english():
    """Correcting « enregistrée : » to a no-break space must not send the English back to
    the translator; a change of words must."""
    old = {"Copie enregistrée : {path}": "Copy saved: {path}"}
    fixed = Message("Copie enregistrée\u00a0: {path}")
    reworded = Message("Copie sauvegardée\u00a0: {path}")
    carried = carry_over([fixed, reworded], old)
    assert carried[fixed.key] == "Copy saved: {path}"
    assert reworded.key not in carried


def test_a_context_keeps_two_translations_of_one_french_word():
    messages = [Message("Annuler"), Message("Annuler", context="undo")]
    text = render(messages, {"Annuler": "Cancel", "undo\x04Annuler": "Undo"}, "en")
    assert 'msgctxt "undo"' in text
    assert read_po(text) == {"": read_po(text)[""], "Annuler": "Cancel", "undo\x04Annuler": "Undo"}
