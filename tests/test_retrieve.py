"""Ranking pieces without I/O: terms, BM25, loose speaker names, role words, fusion."""

from __future__ import annotations

import subprocess
import sys

import pytest

from claimbot import retrieve


def test_terms_fold_accents_and_drop_stop_words() -> None:
    assert retrieve.terms("Vad sa Lavróv om freden?") == ["lavrov", "fred"]
    assert "1200" in retrieve.terms("They cut 1200 jobs")


def test_bm25_prefers_rarer_terms_and_shorter_documents() -> None:
    bm25 = retrieve.BM25(
        {
            "a": retrieve.terms("Lavrov talar om freden i Moskva"),
            "b": retrieve.terms("Freden diskuterades länge i Moskva av många andra personer som var där"),
            "c": retrieve.terms("Vädret var fint"),
        }
    )
    scores = bm25.scores(retrieve.terms("Lavrov freden"))
    assert scores["a"] > scores.get("b", 0) > 0 and "c" not in scores


@pytest.mark.parametrize("spelling", ["Lavrov", "lavrov", "Sergej Lavrov", "Sergei Lavrov", "SERGEJ LAVROV"])
def test_speaker_names_match_loosely(spelling: str) -> None:
    assert retrieve.speaker_matches(spelling, "Sergej Lavrov")
    assert retrieve.speakers_named(f"What did {spelling} say?", ["Sergej Lavrov", "Dmitrij Peskov"]) == {
        "Sergej Lavrov"
    }


def test_different_people_do_not_match() -> None:
    assert not retrieve.speaker_matches("Karin Lind", "Per Lind")
    assert not retrieve.speaker_matches("Lavr", "Dmitrij Peskov")


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("What did Putin say about the ceasefire?", "Putin"),
        ("Vad sa Ursula von der Leyen om vapenvilan?", "Ursula von der Leyen"),
        ("What did Dr. Okafor say?", "Okafor"),
        ("What did the prosecutor argue?", None),
        ("Vad säger Kinas handelsministerium om exportreglerna?", None),
        ("Who won the match?", None),
    ],
)
def test_asked_person(question: str, person: str | None) -> None:
    assert retrieve.asked_person(question) == person


def test_roles_across_languages() -> None:
    roles = {
        "Karin Lind": {"kammaråklagare"},
        "Henrik Ståhl": {"Försvarsminister"},
        "Anna Ek": {"talesperson"},
    }
    assert retrieve.speakers_by_role("What did the prosecutor argue?", roles) == {"Karin Lind"}
    assert retrieve.speakers_by_role("Vad sa försvarsministern?", roles) == {"Henrik Ståhl"}
    assert retrieve.speakers_by_role("What did the spokesman say?", roles) == {"Anna Ek"}
    assert retrieve.speakers_by_role("Who won the match?", roles) == set()


def test_more_roles_across_languages() -> None:
    roles = {
        "a U.S. official": {"a U.S. official"},  # a source named by its role
        "Erik Hansson": {"Mjölkbonden"},
        "Maria Ek": {"hydrogeolog vid Sveriges geologiska undersökning"},
        "Ines Falk": {"kardiolog"},
    }
    assert retrieve.speakers_by_role("Vad sa den amerikanska tjänstemannen?", roles) == {"a U.S. official"}
    assert retrieve.speakers_by_role("What will the dairy farmer do?", roles) == {"Erik Hansson"}
    assert retrieve.speakers_by_role("What does the hydrogeologist think?", roles) == {"Maria Ek"}
    assert retrieve.speakers_by_role("Which cardiologist was surprised?", roles) == set()  # k/c differ
    assert retrieve.speakers_by_role("What did the geologist find?", roles) == set()  # not a hydrogeologist


def test_standardise_removes_a_language_offset() -> None:
    sims = {"sv1": 0.90, "sv2": 0.86, "sv3": 0.85, "en1": 0.84, "en2": 0.80, "en3": 0.79}
    groups = {k: k[:2] for k in sims}
    z = retrieve.standardise(sims, groups)
    assert z["en1"] > z["sv2"]  # the best English sentence is no longer buried under Swedish ones


def test_fuse_orders_by_combined_score_and_favours_named_speakers() -> None:
    sims = {"a": 0.85, "b": 0.84, "c": 0.80}
    ranked = retrieve.fuse(sims, {"c": 5.0}, dict.fromkeys(sims, "sv"), ["b"])
    assert ranked[0].claim_id == "b"
    assert [s.claim_id for s in retrieve.fuse(sims, {}, dict.fromkeys(sims, "sv"))] == ["a", "b", "c"]


def test_engine_core_does_not_import_the_ui_or_models() -> None:
    code = (
        "import sys, claimbot.engine, claimbot.factory, claimbot.store, claimbot.embed;"
        "print(sorted({'textual', 'torch', 'sentence_transformers', 'chromadb'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_role_words_match_whole_not_as_parts_of_other_words() -> None:
    roles = {"a U.S. official": {"a U.S. official"}, "Eva Berg": {"sjuksköterska"}, "Ola Ek": {"minister"}}
    assert retrieve.speakers_by_role("Was the decision officially announced?", roles) == set()
    assert retrieve.speakers_by_role("Which nursery closed?", roles) == set()
    assert retrieve.speakers_by_role("What did the nurses say?", roles) == {"Eva Berg"}
    assert retrieve.speakers_by_role("What did the press secretary say?", roles) == set()


def test_danish_norwegian_and_german_titles_answer_english_and_swedish_role_questions() -> None:
    roles = {"Sabine Krämer": {"Bürgermeisterin"}, "Jens Holm": {"borgmester"}, "Ida Lund": {"politiker"}}
    assert retrieve.speakers_by_role("What did the mayor say?", roles) == {"Sabine Krämer", "Jens Holm"}
    assert retrieve.speakers_by_role("Vad sa borgmästaren?", roles) == {"Sabine Krämer", "Jens Holm"}
    assert retrieve.speakers_by_role("What did the police say?", roles) == set()


def test_the_best_of_another_language_does_not_outrank_a_much_closer_sentence() -> None:
    # A Swedish question over Swedish, English and German articles, whose candidates are spread
    # alike in each language, but English and German ones 0.08 less similar throughout.
    sims = {"sv-best": 0.90, "en-best": 0.82, "de-best": 0.818}
    for lang, low in (("sv", 0.80), ("en", 0.72), ("de", 0.718)):
        sims |= {f"{lang}{i}": low + i * 0.004 for i in range(20)}
    groups = {cid: cid[:2] for cid in sims}
    assert retrieve.fuse(sims, {}, groups)[0].claim_id == "sv-best"
    # Standardised per language alone, the best of every language scores alike, and one of the
    # far less similar ones comes first.
    assert retrieve.fuse(sims, {}, groups, language_share=1.0)[0].claim_id != "sv-best"


def test_a_one_word_common_noun_source_is_not_named_by_a_question_that_uses_the_word() -> None:
    speakers = {"domen": ["c1"], "Anna Weber": ["c2"], "Polisen": ["c3"], "en anonym rysk källa": ["c4"]}
    assert retrieve.speakers_named("Vad tyckte borgmästaren i Kirchberg om domen?", speakers) == set()
    assert retrieve.speakers_named("Vad säger polisen?", speakers) == {"Polisen"}
    assert retrieve.speakers_named("Vad sa en anonym rysk källa?", speakers) == {"en anonym rysk källa"}
