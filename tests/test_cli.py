"""The `claimbot` command through its real entry point (a subprocess), as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT, SEED


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimbot", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_help_is_quick_and_imports_nothing_heavy() -> None:
    code = (
        "import sys; from claimbot.cli import build_parser; build_parser();"
        "heavy = {'torch', 'sentence_transformers', 'chromadb', 'textual', 'trafilatura', 'punkt'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert run("--help").returncode == 0


def test_parse_json_on_the_seed() -> None:
    result = run("parse", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    claims = json.loads(result.stdout)
    assert len(claims) == 16
    required = {
        "id",
        "article_id",
        "index",
        "text",
        "start",
        "end",
        "speaker",
        "speaker_kind",
        "mention",
        "cue",
        "form",
        "role",
        "via",
    }
    assert required <= set(claims[0])
    lavrov = [c for c in claims if c["speaker"] == "Sergej Lavrov"]
    assert len(lavrov) == 1 and lavrov[0]["form"] == "partial"
    assert sum(c["speaker"] == "Johan Fredriksson" for c in claims) == 4
    text = SEED.read_text(encoding="utf-8")
    assert all(c["text"] in text for c in claims)


def test_parse_ids_are_stable_across_runs() -> None:
    first = [c["id"] for c in json.loads(run("parse", str(SEED), "--json").stdout)]
    second = [c["id"] for c in json.loads(run("parse", str(SEED), "--json").stdout)]
    assert first == second and len(set(first)) == len(first)


def test_parse_all_lists_headings_and_boilerplate() -> None:
    rows = json.loads(run("parse", str(SEED), "--json", "--all").stdout)
    extra = {(r["kind"], r["text"]) for r in rows if "kind" in r}
    assert extra == {
        ("heading", "Putin pressad"),
        ("boilerplate", "Just nu läser andra"),
        ("boilerplate", "Läs också"),
    }


def test_parse_table_on_a_directory() -> None:
    result = run("parse", str(DATA / "articles"))
    assert result.returncode == 0, result.stderr
    assert "Laura Chen" in result.stdout and "Lisa Håkansson" in result.stdout


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "PNG"),
        ("only-boilerplate.txt", b"L\xc3\xa4s ocks\xc3\xa5\nAdvertisement\n...\n", "no sentences"),
    ],
)
def test_errors_are_one_line_with_status_2(
    tmp_path: Path, name: str, data: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    result = run("parse", str(path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr and "Traceback" not in result.stderr


def test_eval_attribution_prints_totals() -> None:
    result = run("eval-attribution", *map(str, sorted((DATA / "gold").glob("*.json"))))
    assert result.returncode == 0, result.stderr
    assert "total" in result.stdout and "speaker acc" in result.stdout
