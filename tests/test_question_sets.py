"""The retrieval question sets stay true to the corpus: every answer is a sentence claimbot makes of
the articles, so a change in segmentation shows up here, not as silent retrieval misses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimbot.evaluation import stale_answers
from claimbot.parse import parse_article
from claimbot.sources import iter_source_files, read_article
from tests.conftest import DATA, ROOT

SETS = {
    "tuned": (DATA / "questions.json", [ROOT / "seeds", DATA / "articles"]),
    "heldout": (DATA / "retrieval_heldout" / "questions.json", [DATA / "retrieval_heldout" / "articles"]),
    "blind": (DATA / "retrieval_blind" / "questions.json", [DATA / "retrieval_blind" / "articles"]),
    "fresh": (DATA / "retrieval_fresh" / "questions.json", [DATA / "retrieval_fresh" / "articles"]),
    "set6": (DATA / "retrieval_set6" / "questions.json", [DATA / "retrieval_set6" / "articles"]),
    "set7": (DATA / "retrieval_set7" / "questions.json", [DATA / "retrieval_set7" / "articles"]),
    "set8": (DATA / "retrieval_set8" / "questions.json", [DATA / "retrieval_set8" / "articles"]),
    "set9": (DATA / "retrieval_set9" / "questions.json", [DATA / "retrieval_set9" / "articles"]),
    "set10": (DATA / "retrieval_set10" / "questions.json", [DATA / "retrieval_set10" / "articles"]),
    "set11": (DATA / "retrieval_set11" / "questions.json", [DATA / "retrieval_set11" / "articles"]),
}


def _sentences(folders: list[Path]) -> set[str]:
    return {
        c.text
        for folder in folders
        for p in iter_source_files([folder])
        for c in parse_article(read_article(p)).claims
    }


@pytest.mark.parametrize("name", SETS)
def test_every_answer_is_a_sentence_of_the_corpus(name: str) -> None:
    path, corpus = SETS[name]
    questions = json.loads(path.read_text(encoding="utf-8"))
    assert stale_answers(questions, _sentences(corpus)) == []
    assert {q["type"] for q in questions} <= {
        "speaker",
        "crosslingual",
        "paraphrase",
        "fact",
        "abstain",
        "unanswerable",
    }
    assert sum(1 for q in questions if q["answers"]) >= 30 and any(not q["answers"] for q in questions)


def test_a_stale_answer_is_reported() -> None:
    questions = [{"question": "q", "answers": ["Ett påhittat svar som ingen artikel innehåller."]}]
    assert stale_answers(questions, _sentences([ROOT / "seeds"])) == questions[0]["answers"]
