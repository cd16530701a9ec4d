"""Bad input on purpose, through the real entry point (`python -m claimbot ... --index-dir`).

Every case checks the exit status, the message (one line on stderr, never a traceback) and the
number of indexed claims before and after: unchanged for what is refused, up by exactly the
article's sentences for what must work. One index is shared by the whole module, and as an index run
loads the model, those are batched: the inputs that must work (UTF-16, cp1252, odd quotation marks,
escape sequences) build the index in one run, the mixed folder is another; the cases refused before
the model loads have a test id each.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, ROOT

# What must never reach a terminal: C0 controls but newline and tab, DEL, C1 controls (0x9b is an
# 8-bit CSI), and the bidi overrides that reorder what the user sees.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15"
    b"\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)
NOBODY = "Zebulon Quackenbush"
LONG_QUESTION = ("What did the minister say about the schools? " * 250)[:10_000]


def run(*args: str | bytes, index: Path | None, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """The CLI as a user runs it, on this module's index only, output not a terminal and uncoloured."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMBOT_")}
    for forced in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        environ.pop(forced, None)
    # Wide tables, so that a name or a word is not wrapped over two lines of a cell.
    environ.update(
        HF_HUB_OFFLINE="1", COLUMNS="250", CLAIMBOT_SEEDS_DIR=str(ROOT / "tests" / "no-such-seeds")
    )
    where = ("--index-dir", str(index)) if index is not None else ()
    return subprocess.run(
        [sys.executable, "-m", "claimbot", *args, *where],
        cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=environ,
    )  # fmt: skip


def claims_json(index: Path, *args: str) -> list[dict[str, Any]]:
    result = run("claims", "--json", *args, index=index)
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n"), result.stderr
    assert result.stderr.startswith("claimbot: error: "), result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


class ClaimCount:
    """The number of indexed claims, measured with `claims --json`. A measurement taken at the end
    of one case serves as the "before" of the next (they run in order and nothing else writes to
    this index); a case that failed half-way leaves it unknown, and the next one measures again."""

    def __init__(self, index: Path, known: int | None = None) -> None:
        self.index = index
        self._known = known
        self.claims: list[dict[str, Any]] = []  # as of the last measurement

    def before(self) -> int:
        known = self._known if self._known is not None else len(claims_json(self.index))
        self._known = None
        return known

    def after(self) -> int:
        self.claims = claims_json(self.index)
        self._known = len(self.claims)
        return self._known


# ---------------------------------------------------------------- inputs that must work, one index run

SV_LINES = [
    "Skolan i Åre får en ny rektor",
    "Kommunen meddelade på måndagen att skolan i Åre får en ny rektor efter sommaren.",
    "– Vi är glada över att ha hittat en erfaren ledare, säger skolchefen Märta Öberg.",
    "”Föräldrarna har väntat länge”, säger Björn Åström.",
]
SV_TEXT = "\n".join(SV_LINES) + "\n"
# The same Swedish article in three encodings (a different town in each, so that each is its own).
ENCODED = {
    "utf16-le-bom.txt": SV_TEXT.replace("Åre", "Östersund").encode("utf-16"),  # Python writes a BOM
    "utf16-be-bom.txt": b"\xfe\xff" + SV_TEXT.replace("Åre", "Växjö").encode("utf-16-be"),
    "cp1252.txt": SV_TEXT.replace("\n", "\r\n").encode("cp1252"),  # – and ” exist only in cp1252
}
QUOTES_EN = [
    "City budget row deepens",
    "“We will not accept this budget,” said Mayor Ann Lee on Monday.",
    '"The plan is dead, said the opposition leader John Park.',
    "The finance director Eva Holm said: \"She told me 'this is final' and 'not negotiable' yesterday.\"",
    "“They call it ‘the “final” offer’ now,” said the editor Mary Stone.",
    "A closing quote without an opening one” appears in this sentence.",
    "“This quote is never closed, said the economist Tom Reed.",
    "The council will vote on Friday.",
]
QUOTES_SV = [
    "Striden om budgeten fortsätter",
    "”Vi godtar inte budgeten”, säger kommunalrådet Anna Berg.",
    "»Det här är ett ›slutligt‹ bud«, säger oppositionsledaren Erik Lund.",
    "”Han kallade det ”slutligt” två gånger”, säger Anna Berg.",
    "”Ett citat som aldrig avslutas, säger ekonomen Sara Nyström.",
    "Fullmäktige röstar på fredag.",
]
ANSI_RAW = (
    "Alarm \x1b[31mRED\x1b[0m over water prices\x07\n"
    "The utility said\x08 on Monday that prices would rise by \x1b[1m20 percent\x1b[0m next year."
    "\x1b]0;title\x07\n"
    '"This is \x1b[2J\x1b[Hunacceptable," said the consumer advocate Li\x08sa Gr\x1b[0mant.\x0b\x7f\x9b31m\n'
    "Prices have risen\x1b[5A twice\u202e already\u200b this year.\x1b]8;;http://x.example\x1b\\"
    "\x1bPq#0;2;0;0;0#0~~@@vv\x1b\\\n"  # a DCS string (sixel graphics): its payload goes too
)
ANSI_CLEAN = [
    "Alarm RED over water prices",
    "The utility said on Monday that prices would rise by 20 percent next year.",
    '"This is unacceptable," said the consumer advocate Lisa Grant.',
    "Prices have risen twice already this year.",
]
SEED_NAME = "ordinary.txt"
GOOD_FILES: dict[str, bytes] = {
    **ENCODED,
    "quotes-en.txt": "\n".join(QUOTES_EN).encode(),
    "quotes-sv.txt": "\n".join(QUOTES_SV).encode(),
    "ansi.txt": ANSI_RAW.encode(),
}
EXPECTED_TEXTS = {
    "utf16-le-bom.txt": [line.replace("Åre", "Östersund") for line in SV_LINES],
    "utf16-be-bom.txt": [line.replace("Åre", "Växjö") for line in SV_LINES],
    "cp1252.txt": SV_LINES,
    "quotes-en.txt": QUOTES_EN,
    "quotes-sv.txt": QUOTES_SV,
    "ansi.txt": ANSI_CLEAN,
}


@dataclass(frozen=True)
class Batch:
    index: Path
    result: subprocess.CompletedProcess[str]
    before: int
    after: int
    claims: dict[str, list[dict[str, Any]]]  # by file name, in sentence order
    article_ids: dict[str, str]


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    """The module's index, built by one run over the inputs that must work plus one ordinary
    article (tests/data/articles/heldout_sv_kommun.txt, 21 claims), so that the refused cases
    below have claims to lose."""
    folder = tmp_path_factory.mktemp("good")
    for name, data in GOOD_FILES.items():
        (folder / name).write_bytes(data)
    (folder / SEED_NAME).write_bytes((DATA / "articles" / "heldout_sv_kommun.txt").read_bytes())
    index = tmp_path_factory.mktemp("bad-input") / "index"
    assert not index.exists()  # a new index: 0 claims before
    result = run("index", str(folder), "--json", index=index)
    claims = claims_json(index)
    by_file: dict[str, list[dict[str, Any]]] = {}
    for claim in claims:
        by_file.setdefault(Path(claim["article_source"]).name, []).append(claim)
    ids = {name: rows[0]["article_id"] for name, rows in by_file.items()}
    return Batch(index, result, 0, len(claims), by_file, ids)


@pytest.fixture(scope="module")
def count(good: Batch) -> ClaimCount:
    return ClaimCount(good.index, known=good.after)


# ---------------------------------------------------------------- refused before anything is indexed


def _missing(folder: Path) -> Path:
    return folder / "missing.txt"


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _unreadable(folder: Path) -> Path:
    path = _write("locked.txt", b"Title\nThe minister said the plan would go ahead.\n")(folder)
    path.chmod(0)
    return path


def _sparse_50_mb(folder: Path) -> Path:
    path = folder / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    return path


def _one_megabyte_line(folder: Path) -> Path:
    """A title and then 1 MB of sentences on a single line: 17,000 sentences in one paragraph."""
    sentence = "The minister said on Monday that the plan would cost far more than expected. "
    line = (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000]
    return _write("one-line.txt", f"Budget report\n{line}\n".encode())(folder)


def _empty_folder(folder: Path) -> Path:
    path = folder / "nothing-here"
    (path / "sub").mkdir(parents=True)
    (path / "notes.pdf").write_bytes(b"%PDF-1.7\n")
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(_missing, "missing.txt: no such file", id="nonexistent"),
        pytest.param(
            _unreadable,
            "locked.txt: cannot read (Permission denied)",
            id="unreadable",
            marks=pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file"),
        ),
        pytest.param(_write("empty.txt", b""), "empty.txt: the file is empty", id="empty"),
        pytest.param(
            _write("blank.txt", b"  \n\t\n \r\n\x0c\n   "), "blank.txt: the file is empty", id="whitespace"
        ),
        pytest.param(
            _write("invisible.txt", "\ufeff\u00a0\u200b\n\u00a0\n".encode()),
            "invisible.txt: no article text",
            id="bom-nbsp-zero-width-only",
        ),
        pytest.param(_write("photo.txt", PNG), "photo.txt: this is a PNG image, not an article", id="png"),
        pytest.param(_sparse_50_mb, "huge.txt: 52.4 MB is over the 10 MB limit", id="50mb"),
        pytest.param(
            _one_megabyte_line,
            "one-line.txt: a paragraph of 1,000,000 characters is not article text (the limit is 100,000)",
            id="1mb-line",
        ),
        pytest.param(_empty_folder, "nothing-here: no supported article files", id="folder-no-articles"),
    ],
)
def test_bad_file_is_refused_and_the_index_kept(
    count: ClaimCount, tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    path = make(tmp_path)
    before = count.before()
    started = time.monotonic()
    result = run("index", str(path), index=count.index, timeout=60)
    elapsed = time.monotonic() - started
    assert result.returncode == 2, result.stderr
    assert_one_line_error(result, message)
    assert result.stdout.startswith("0 added, 0 updated, 0 unchanged, 1 failed; 0 claims embedded")
    # Refused before the model loads: the 50 MB file by its size, the 1 MB line without parsing it.
    assert elapsed < 20
    assert count.after() == before


def test_long_single_line_under_the_limit_is_still_an_article(tmp_path: Path) -> None:
    """The paragraph limit leaves room for a whole long article saved on one line."""
    sentence = "The minister said on Monday that the plan would cost far more than expected. "
    line = (sentence * 1200)[:99_000].strip()
    path = _write("long-line.txt", f"Budget report\n{line}\n".encode())(tmp_path)
    result = run("parse", str(path), "--json", index=None, timeout=60)
    assert result.returncode == 0, result.stderr
    claims = json.loads(result.stdout)
    assert len(claims) == 1 + line.count(". ") + 1
    assert claims[1]["speaker"] == "the minister"


# ---------------------------------------------------------------- questions and filters


@pytest.mark.parametrize(
    ("args", "status", "stderr", "stdout"),
    [
        pytest.param(("ask", ""), 2, "the question is empty", "", id="ask-empty"),
        pytest.param(("ask", "\x1b[31m\x07 \x08"), 2, "the question is empty", "", id="ask-only-controls"),
        pytest.param(
            ("ask", LONG_QUESTION),
            2,
            f"the question is {len(' '.join(LONG_QUESTION.split()))} characters; the limit is 2000",
            "",
            id="ask-10000-chars",
        ),
        pytest.param(
            ("ask", "Varför läggs skolorna ned?", "--speaker", NOBODY),
            0,
            None,
            f"No answer in the index: nobody called {NOBODY} is quoted in the index.",
            id="ask-speaker-matches-nothing",
        ),
        pytest.param(
            ("ask", "Varför läggs skolorna ned?", "--article", "zzzz-no-such-article"),
            2,
            "no article matches 'zzzz-no-such-article' (see `claimbot articles`)",
            "",
            id="ask-article-matches-nothing",
        ),
        pytest.param(
            ("claims", "--article", "zzzz-no-such-article"),
            2,
            "no article matches 'zzzz-no-such-article'",
            "",
            id="claims-article-matches-nothing",
        ),
        pytest.param(
            ("claims", "--speaker", NOBODY), 0, "no claims match", "", id="claims-speaker-matches-nothing"
        ),
        pytest.param(
            ("claims", "--speaker", NOBODY, "--json"), 0, None, "[]\n", id="claims-speaker-nothing-json"
        ),
    ],
)
def test_bad_question_or_filter(
    count: ClaimCount, args: tuple[str, ...], status: int, stderr: str | None, stdout: str
) -> None:
    before = count.before()
    result = run(*args, index=count.index)
    assert result.returncode == status, result.stderr
    if status == 2:
        assert_one_line_error(result, stderr or "")
        assert result.stdout == ""
    elif stderr is None:
        assert result.stderr == ""
    else:
        assert result.stderr == f"{stderr}\n"
    assert stdout in result.stdout and "Traceback" not in result.stdout
    assert count.after() == before


# ---------------------------------------------------------------- what must work: the index built by `good`


def test_good_inputs_are_all_indexed(good: Batch) -> None:
    assert good.result.returncode == 0, good.result.stderr
    assert "Traceback" not in good.result.stderr
    report = json.loads(good.result.stdout)
    assert sorted(Path(p).name for p in report["added"]) == sorted([*GOOD_FILES, SEED_NAME])
    assert report["failed"] == []
    expected = 21 + sum(len(texts) for texts in EXPECTED_TEXTS.values())
    assert report["claims_embedded"] == expected
    assert good.after - good.before == expected


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_encodings_come_out_correctly(good: Batch, name: str) -> None:
    claims = good.claims[name]
    assert [c["text"] for c in claims] == EXPECTED_TEXTS[name]
    assert {c["language"] for c in claims} == {"sv"}
    assert claims[0]["article_title"] == EXPECTED_TEXTS[name][0]
    speakers = {c["text"]: c["speaker"] for c in claims}
    assert speakers["– Vi är glada över att ha hittat en erfaren ledare, säger skolchefen Märta Öberg."] == (
        "Märta Öberg"
    )
    assert speakers["”Föräldrarna har väntat länge”, säger Björn Åström."] == "Björn Åström"
    for claim in claims:  # offsets point into the decoded text
        assert claim["end"] - claim["start"] == len(claim["text"])


def test_escape_sequences_are_removed_from_the_text(good: Batch) -> None:
    claims = good.claims["ansi.txt"]
    assert [c["text"] for c in claims] == ANSI_CLEAN
    assert claims[0]["article_title"] == "Alarm RED over water prices"
    assert claims[2]["speaker"] == "Lisa Grant"


@pytest.mark.parametrize(
    ("name", "line", "speaker"),
    [
        pytest.param("quotes-en.txt", 1, "Ann Lee", id="en-balanced"),
        pytest.param("quotes-en.txt", 2, "John Park", id="en-unclosed-straight"),
        pytest.param("quotes-en.txt", 3, "Eva Holm", id="en-single-inside-double"),
        pytest.param("quotes-en.txt", 4, "Mary Stone", id="en-nested-curly"),
        pytest.param("quotes-en.txt", 5, None, id="en-stray-closing-mark"),
        pytest.param("quotes-en.txt", 6, "Tom Reed", id="en-unclosed-curly"),
        pytest.param("quotes-en.txt", 7, None, id="en-narrator"),
        pytest.param("quotes-sv.txt", 1, "Anna Berg", id="sv-balanced"),
        pytest.param("quotes-sv.txt", 2, "Erik Lund", id="sv-guillemets-nested"),
        pytest.param("quotes-sv.txt", 3, "Anna Berg", id="sv-nested-same-mark"),
        pytest.param("quotes-sv.txt", 4, "Sara Nyström", id="sv-unclosed"),
        pytest.param("quotes-sv.txt", 5, None, id="sv-narrator"),
    ],
)
def test_unbalanced_and_nested_quotes(good: Batch, name: str, line: int, speaker: str | None) -> None:
    """Indexed verbatim; the speaker is the right one or none (a miss), never somebody else."""
    claims = good.claims[name]
    assert [c["text"] for c in claims] == EXPECTED_TEXTS[name]
    assert claims[line]["speaker"] in (speaker, None), claims[line]


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("as_json", [False, True], ids=["table", "json"])
@pytest.mark.parametrize("command", ["claims", "ask", "articles", "speakers"])
def test_no_control_character_reaches_the_terminal(good: Batch, command: str, as_json: bool) -> None:
    """Read-only listings of the index built above (its claim count is checked there)."""
    args: list[str | bytes] = [command]
    if command == "ask":  # the question is printed back: escapes and a byte that is not UTF-8 in it
        args += [b"What about \x1b[31mwater prices\x1b]0;title\x07 \x9b2J\x08?", "--article"]
        args += [good.article_ids["ansi.txt"], "-k", "4"]
    if as_json:
        args.append("--json")
    result = run(*args, index=good.index)
    assert result.returncode == 0, result.stderr
    assert not UNSAFE.search(result.stdout), repr(UNSAFE.findall(result.stdout))
    assert not UNSAFE.search(result.stderr), repr(result.stderr)
    if as_json:  # JSON would escape them, but they must not be in the data either
        assert not any(UNSAFE.search(s) for s in _strings(json.loads(result.stdout)))
    words = {
        "claims": "unacceptable",
        "ask": "unacceptable",
        "articles": "Alarm RED",
        "speakers": "Lisa Grant",
    }
    assert words[command] in result.stdout
    if command == "ask":
        assert "What about water prices �2J?" in result.stdout


# ---------------------------------------------------------------- a folder of mixed files, one index run


def test_mixed_folder_indexes_the_good_and_reports_each_bad_one(count: ClaimCount, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    (folder / "sub" / "empty-subfolder").mkdir(parents=True)
    (folder / "good.txt").write_text(
        "Ferry service resumes\nThe ferry company said on Friday that the service would resume.\n"
        "“We are sorry for the delays,” said the company's spokesperson Nina Falk.\n",
        encoding="utf-8",
    )
    (folder / "sub" / "nested.md").write_text(
        "Library opens late\n\nThe new library will open in May, the city said.\n", encoding="utf-8"
    )
    (folder / "image.png").write_bytes(PNG)  # not an article type: not read from a folder
    (folder / "renamed.txt").write_bytes(PNG)
    (folder / "empty.txt").write_bytes(b"")
    before = count.before()
    result = run("index", str(folder), index=count.index)
    after = count.after()
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith("2 added, 0 updated, 0 unchanged, 2 failed; 5 claims embedded")
    assert result.stderr.splitlines() == [
        f"claimbot: error: {folder / 'empty.txt'}: the file is empty",
        f"claimbot: error: {folder / 'renamed.txt'}: this is a PNG image, not an article",
    ]
    assert after - before == 5
    titles = {c["article_title"] for c in count.claims}
    assert {"Ferry service resumes", "Library opens late"} <= titles
