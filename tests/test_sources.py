"""Reading articles: encodings, binary refusal, header blocks, hard-wrapped text and saved HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimbot.parse import parse_article
from claimbot.sources import SourceError, iter_source_files, read_article
from tests.conftest import DATA, SEED

SWEDISH = "Ryssland säger nej\nUtrikesminister Sergej Lavrov säger att Ryssland inte kan godta förslaget.\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_encodings_are_read_correctly(tmp_path: Path, encoding: str) -> None:
    article = read_article(_write(tmp_path, "a.txt", SWEDISH.encode(encoding)))
    assert article.title == "Ryssland säger nej"
    assert "Utrikesminister Sergej Lavrov säger" in article.text
    assert article.language == "sv"


def test_cp1252_curly_quotes(tmp_path: Path) -> None:
    text = "Rubrik\n”Vi är oroliga,” säger Anna Berg.\n"
    article = read_article(_write(tmp_path, "a.txt", text.encode("cp1252")))
    assert "”Vi är oroliga,”" in article.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        (b"%PDF-1.7\n" + bytes(range(256)), "PDF"),
        (bytes(range(256)) * 8, "binary"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        read_article(_write(tmp_path, "bad.txt", data))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        read_article(tmp_path / "nope.txt")


def test_size_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", b"Rubrik\n" + b"Det var en gang. " * 1000)
    with pytest.raises(SourceError, match="limit"):
        read_article(path, max_bytes=1000)


def test_header_block_is_metadata(tmp_path: Path) -> None:
    text = "Date: 2025-03-14\nSource: Dagens Nyheter\nAuthor: Maria Holm\n\nRubrik här\nFörsta meningen.\n"
    article = read_article(_write(tmp_path, "a.txt", text.encode()))
    assert (article.date, article.outlet, article.author, article.title) == (
        "2025-03-14",
        "Dagens Nyheter",
        "Maria Holm",
        "Rubrik här",
    )
    assert not article.text.startswith("Date")


def test_hard_wrapped_paragraphs_are_joined(tmp_path: Path) -> None:
    text = (
        "Title line\n\nThe minister said on Monday that the\nplan would go ahead despite the\n"
        "protests.\n\nCritics disagreed and said the plan\nwas too expensive.\n"
    )
    article = read_article(_write(tmp_path, "a.md", text.encode()))
    assert article.text.split("\n") == [
        "Title line",
        "The minister said on Monday that the plan would go ahead despite the protests.",
        "Critics disagreed and said the plan was too expensive.",
    ]


def test_escape_sequences_and_controls_are_removed(tmp_path: Path) -> None:
    text = "Rubrik\n\x1b[31mRöd\x1b[0m text \x07med klocka och \x1b]0;titel\x07slut.\n"
    article = read_article(_write(tmp_path, "a.txt", text.encode()))
    assert "\x1b" not in article.text and "\x07" not in article.text
    assert "Röd text med klocka och slut." in article.text


def test_saved_html_page() -> None:
    article = read_article(DATA / "pages" / "sv_lavrov.html")
    assert article.title == "Lavrov: Ingen fred utan garantier"
    assert (article.date, article.author, article.outlet) == ("2025-03-12", "Anna Berg", "Exempelbladet")
    assert "Hem" not in article.text.split("\n") and "Så reagerade Kyiv" not in article.text
    speakers = {c.speaker for c in parse_article(article).claims}
    assert {"Sergej Lavrov", "Dmitrij Peskov"} <= speakers


def test_directory_expands_to_supported_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SWEDISH, encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "c.png").write_bytes(b"\x89PNG")
    assert [p.name for p in iter_source_files([tmp_path])] == ["a.txt", "b.html"]


def test_language_identification() -> None:
    assert read_article(SEED).language == "sv"
    assert read_article(DATA / "articles" / "en_sports_tennis.txt").language == "en"


def test_article_id_is_stable_and_content_independent(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", SWEDISH.encode())
    first = read_article(path)
    path.write_text(SWEDISH + "En mening till.\n", encoding="utf-8")
    second = read_article(path)
    assert first.id == second.id and first.content_hash != second.content_hash
