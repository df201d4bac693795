"""Language of the article, and lines in another script or language."""

from __future__ import annotations

import pytest

from cleaner.core.language import detect_language, is_foreign_line, main_script

EN = ("The minister said on Tuesday that the talks with the unions would go on for at least "
      "another week, and that he was hopeful of a deal before the end of the month.")


@pytest.mark.parametrize(("text", "lang"), [
    (EN, "en"),
    ("Der Minister sagte am Dienstag, dass die Gespräche mit den Gewerkschaften noch "
     "mindestens eine Woche dauern werden und er auf eine Einigung hofft.", "de"),
    ("Le ministre a déclaré mardi que les discussions avec les syndicats se poursuivraient "
     "pendant au moins une semaine et qu'il espérait un accord.", "fr"),
    ("הפגנה של משפחות החטופים מול הקריה בתל אביב", "he"),
    ("", None),
    ("12345 !!!", None),
])
def test_detect_language(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang


def test_main_script() -> None:
    assert main_script(EN + " שלום") == "latin"
    assert main_script("বানপানী লখিমপুৰ জিলা") == "bengali"


@pytest.mark.parametrize(("line", "foreign"), [
    ("נשיא רוסיה פוטין מצעד ניצחון ב מוסקבה", True),       # Hebrew alt text
    ("বানপানী লখিমপুৰ জিলা", True),                         # Assamese caption
    ("Это предложение написано по-русски.", True),
    ("Er sagte, dass die Gespräche mit den Gewerkschaften noch eine Woche dauern.", True),
    ("Vladimir Putin met Volodymyr Zelensky in Istanbul.", False),
    ("The project is run by Equinor and Vårgrønn in the North Sea.", False),
    ("OK", False),                                        # too short to judge
    ("Tel Aviv (תל אביב) is Israel's second city, and its commercial capital.", False),
])
def test_foreign_line_in_an_english_article(line: str, foreign: bool) -> None:
    assert is_foreign_line(line, "latin", "en") is foreign


@pytest.mark.parametrize(("text", "lang"), [
    # a listing's headlines: one stopword, shared with Dutch, and Portuguese's "a"
    ("Salmon farms face new limits in the harbour\nHow a small school doubled its roll", "en"),
    ("Property News: Mumbai flat with 14 tenants sparks outrage.", "en"),
    ("Rates decision looms as housing slows", "en"),
])
def test_short_english_without_langdetect(text: str, lang: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Too few stopwords for the count, none of another language: English, without
    langdetect (7 ms a call and 67 MB of profiles)."""
    import cleaner.core.language as language

    monkeypatch.setattr(language, "by_langdetect", lambda text: pytest.fail("langdetect"))
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", [
    "Mudah-mudahan kita bisa memahami dan mengamalkan ini at akhirnya",  # "at" alone
    "Rates decision looms as de housing slows",  # a stopword of Spanish, Dutch...
    "Café owners say the rates look bad",  # an accented letter
])
def test_short_text_with_other_evidence_goes_to_langdetect(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import cleaner.core.language as language

    monkeypatch.setattr(language, "by_langdetect", lambda text: "xx")
    assert detect_language(text) == "xx"
