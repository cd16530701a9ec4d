"""`claimbot index / ask / claims / speakers / articles / remove` through the real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT


def run(*args: str, index: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "HF_HUB_OFFLINE": "1", **env}
    return subprocess.run(
        [sys.executable, "-m", "claimbot", *args, "--index-dir", str(index)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=environ,
    )  # fmt: skip


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index that `ask` seeded itself on first run (the shipped seeds/)."""
    index = tmp_path_factory.mktemp("cli") / "index"
    result = run("ask", "Vad sa Lavrov?", "--json", index=index)
    assert result.returncode == 0, result.stderr
    assert "the index is empty; indexing" in result.stderr
    answer = json.loads(result.stdout)
    assert answer["abstained"] is False and answer["hits"][0]["speaker"] == "Sergej Lavrov"
    assert set(answer["hits"][0]["context"]) == {"before", "after"}
    return index


def test_index_is_idempotent_and_reports(index_dir: Path) -> None:
    article = str(DATA / "articles" / "en_economy_battery.txt")
    first = json.loads(run("index", article, "--json", index=index_dir).stdout)
    assert (len(first["added"]), first["claims_embedded"]) == (1, 24)
    again = run("index", article, "--json", index=index_dir)
    second = json.loads(again.stdout)
    assert (len(second["unchanged"]), second["claims_embedded"]) == (1, 0)


def test_ask_table_and_filters(index_dir: Path) -> None:
    result = run("ask", "Who called Trump a coward?", "-k", "2", index=index_dir)
    assert result.returncode == 0, result.stderr
    assert "flera radikala ryska röster" in result.stdout and "”fegis”" in result.stdout
    lavrov = json.loads(run("claims", "--speaker", "sergei lavrov", "--json", index=index_dir).stdout)
    assert [c["speaker"] for c in lavrov] == ["Sergej Lavrov"]


def test_speakers_and_articles(index_dir: Path) -> None:
    speakers = json.loads(run("speakers", "--json", index=index_dir).stdout)
    assert {"Sergej Lavrov", "Dmitrij Peskov", "Johan Fredriksson"} <= {s["name"] for s in speakers}
    articles = json.loads(run("articles", "--json", index=index_dir).stdout)
    assert any(a["title"].startswith("Medan Ukraina") for a in articles)


def test_unknown_speaker_question_abstains(index_dir: Path) -> None:
    answer = json.loads(run("ask", "What did Zelensky say?", "--json", index=index_dir).stdout)
    assert answer["abstained"] is True and answer["hits"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("ask", "   "), "the question is empty"),
        (("ask", "x" * 10_000), "limit"),
        (("ask", "vapenvila", "--model", "some/other-model"), "built with model"),
        (("remove", "no-such-article"), "no article has"),
        (("claims", "--article", "zzzz-nothing"), "no article matches"),
    ],
)
def test_errors_are_one_line(index_dir: Path, args: tuple[str, ...], message: str) -> None:
    result = run(*args, index=index_dir)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_remove(index_dir: Path) -> None:
    articles = json.loads(run("articles", "--json", index=index_dir).stdout)
    target = next(a for a in articles if a["language"] == "en")
    result = run("remove", target["id"], index=index_dir)
    assert result.returncode == 0 and target["id"] in result.stdout
    left = json.loads(run("articles", "--json", index=index_dir).stdout)
    assert target["id"] not in {a["id"] for a in left}


def test_index_of_bad_sources_is_status_2_and_keeps_the_index(index_dir: Path, tmp_path: Path) -> None:
    before = len(json.loads(run("claims", "--json", index=index_dir).stdout))
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run("index", str(empty), str(tmp_path / "missing.txt"), index=index_dir)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "empty" in result.stderr and "no such file" in result.stderr
    assert len(json.loads(run("claims", "--json", index=index_dir).stdout)) == before


def test_bad_chroma_url_is_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "claimbot", "articles", "--chroma-url", "chroma.internal:9000"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2 and "http://host:port" in result.stderr and result.stderr.count("\n") == 1


def test_corrupt_index_gives_one_line_and_rebuild_sets_it_aside(tmp_path: Path) -> None:
    index = tmp_path / "index"
    index.mkdir()
    (index / "chroma.sqlite3").write_bytes(b"this is not a database" * 100)
    broken = run("articles", index=index)
    assert broken.returncode == 2 and "--rebuild" in broken.stderr and broken.stderr.count("\n") == 1
    rebuilt = run("index", "--rebuild", str(DATA.parent.parent / "seeds"), "--json", index=index)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "moved to" in rebuilt.stderr and json.loads(rebuilt.stdout)["claims_embedded"] == 16
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("index.broken-")]
    assert len(kept) == 1 and (kept[0] / "chroma.sqlite3").read_bytes().startswith(b"this is not")


def test_similar_and_check_across_articles(index_dir: Path) -> None:
    tracking = DATA / "tracking" / "articles"
    added = run("index", str(tracking / "02_sv_dagens_eko.txt"), str(tracking / "03_en_baltic_herald.txt"),
                index=index_dir)  # fmt: skip
    assert added.returncode == 0, added.stderr
    claims = json.loads(run("claims", "--speaker", "Fredriksson", "--json", index=index_dir).stdout)
    assert len({c["article_id"] for c in claims}) == 3  # the seed's and both reports, one speaker
    seed_claim = next(c for c in claims if c["text"].startswith("Enligt TV4 Nyheternas Johan Fredriksson"))
    similar = json.loads(run("similar", seed_claim["id"][:8], "--json", index=index_dir).stdout)
    same = [r for r in similar["related"] if r["same"]]
    assert {r["language"] for r in same} == {"sv", "en"} and all(
        r["article_id"] != seed_claim["article_id"] for r in same
    )
    check = json.loads(
        run(
            "check", "Air raid alerts sounded in 15 of Ukraine's 24 regions.", "--json", index=index_dir
        ).stdout
    )
    assert check["found"] and any("15 av Ukrainas 24" in m["text"] for m in check["matches"])
    nobody = run("check", "The harvest of blue bananas doubled in Iceland.", index=index_dir)
    assert nobody.returncode == 0 and "nobody in the index says this" in nobody.stdout
    unknown = run("similar", "0000000000", index=index_dir)
    assert (
        unknown.returncode == 2
        and unknown.stderr.count("\n") == 1
        and "no claim has the id" in unknown.stderr
    )


def test_eval_tracking_prints_precision_and_recall(tmp_path: Path) -> None:
    result = run("eval-tracking", index=tmp_path / "unused")
    assert result.returncode == 0, result.stderr
    assert "speaker merge" in result.stdout and "same claim at 0.86" in result.stdout
    assert not (tmp_path / "unused").exists()  # the evaluation indexes into a throw-away folder


def test_eval_retrieval_scores_every_mode_on_the_held_out_set(tmp_path: Path) -> None:
    heldout = DATA / "retrieval_heldout"
    args = ("eval-retrieval", str(heldout / "questions.json"), "--corpus", str(heldout / "articles"))
    result = run(*args, index=tmp_path / "unused")
    assert result.returncode == 0, result.stderr
    rows = {
        line.split()[1]: line
        for line in result.stdout.splitlines()
        if line.split()[1:2] in (["dense"], ["lexical"], ["hybrid"])
    }
    assert set(rows) == {"dense", "lexical", "hybrid"}
    assert not (tmp_path / "unused").exists()


def test_eval_retrieval_refuses_a_stale_question_set(tmp_path: Path) -> None:
    questions = tmp_path / "q.json"
    questions.write_text(json.dumps([{"question": "Vad sa Lavrov?", "answers": ["Lavrov sa något annat."]}]))
    result = run("eval-retrieval", str(questions), "--corpus", str(ROOT / "seeds"), index=tmp_path / "unused")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "1 answers in" in result.stderr and "not sentences of the corpus" in result.stderr
