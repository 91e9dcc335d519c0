"""Each article's own language, told from its function words or its script."""

from __future__ import annotations

import pytest

import briefing
from briefing.model import Article
from briefing.nlp.language import detect

SAMPLES = {
    "english": "The government announced new measures against inflation on Wednesday, but experts say they will not "
               "be enough for the families who have been hit hardest.",
    "spanish": "El gobierno anunció el miércoles nuevas medidas contra la inflación, pero los expertos dicen que no "
               "serán suficientes para las familias más afectadas.",
    "german": "Die Regierung hat am Mittwoch neue Maßnahmen gegen die Inflation angekündigt, aber Experten sagen, "
              "dass sie für die am stärksten betroffenen Familien nicht ausreichen werden.",
    "french": "Le gouvernement a annoncé mercredi de nouvelles mesures contre l'inflation, mais les experts estiment "
              "qu'elles ne suffiront pas pour les familles les plus touchées.",
    "italian": "Il governo ha annunciato mercoledì nuove misure contro l'inflazione, ma secondo gli esperti non "
               "saranno sufficienti per le famiglie più colpite.",
    "dutch": "De regering heeft woensdag nieuwe maatregelen tegen de inflatie aangekondigd, maar volgens experts is "
             "dat niet genoeg voor de gezinnen die het hardst zijn getroffen.",
    "russian": "Правительство в среду объявило о новых мерах против инфляции, но эксперты считают, что их не "
               "хватит для семей, которые пострадали больше всего.",
    "japanese": "政府は水曜日、インフレ対策の新たな措置を発表したが、専門家は不十分だと指摘している。",
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_each_language_is_told_by_its_words_or_script(language: str) -> None:
    assert detect(SAMPLES[language]) == language


def test_too_little_text_says_nothing_and_an_article_then_falls_back_to_english() -> None:
    assert detect("Hello") is None
    assert Article(id="a", text="Hello", language="auto").language == "english"
    assert Article(id="a", text=SAMPLES["german"], language="auto").language == "german"
    assert Article(id="a", text=SAMPLES["german"], language="fr").language == "french"  # a given language wins


def test_a_brief_follows_each_articles_language() -> None:
    made = briefing.brief([Article(id="es", text=SAMPLES["spanish"] + " " + SAMPLES["spanish"], language="auto"),
                           Article(id="en", text=SAMPLES["english"], language="auto")])
    assert any("no entity model for spanish" in n for n in made.notices)
    assert len(made.stories) == 2


POLISH = ("Rząd ogłosił w środę nowe środki przeciwko inflacji, ale eksperci twierdzą, że nie wystarczą one "
          "rodzinom, które najbardziej ucierpiały. Ministrowie spotkają się ponownie w przyszłym tygodniu.")


@pytest.mark.parametrize("language", ["polish", "greek"])
def test_a_language_whose_stemmer_needs_a_missing_package_is_lower_cased_not_a_crash(language: str) -> None:
    from briefing.nlp.stems import stem

    assert stem("Słowami", language) == "słowami"


def test_a_polish_article_is_briefed_with_the_rest_of_the_day(tmp_path) -> None:
    (tmp_path / "pl.txt").write_text(POLISH, encoding="utf-8")
    (tmp_path / "en.txt").write_text(SAMPLES["english"], encoding="utf-8")
    made = briefing.daily_brief([tmp_path], history=None, record=False)
    assert len(made.stories) == 2
    assert all(s.sections for s in made.stories)
