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
