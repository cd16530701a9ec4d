"""Chroma storage for claims and articles: the only module that talks to chromadb.

Two collections: `claims` (one record per sentence, its vector and metadata) and `articles` (one
record per article: what version is current). Writing an article is ordered so that a crash at any
point leaves either the old or the new version visible, never half of one:

1. add the new version's claims (their ids include the content hash, so they never collide);
2. upsert the article record with the new content hash: this is the commit point;
3. delete the claims of other versions.

Readers only return claims whose content hash matches their article record; `repair()` deletes
leftovers of an interrupted run. On a local folder every read and write goes through
`locking.IndexLock`, so that several processes can share it (see that module).
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from claimbot.locking import LOCK_NAME, IndexLock
from claimbot.model import Article, Claim, date_order

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

SCHEMA = 1
CLAIMS = "claimbot_claims"
ARTICLES = "claimbot_articles"
_BATCH = 4000  # Chroma takes at most ~5,400 records per call
_ARTICLES_PER_CALL = 200  # a delete with one clause per article fails somewhere near 1,000 clauses
VECTOR_SLICE = 10_000  # ids per `get` of vectors: Chroma refuses more than 32,763 in one call
_CLAIM_FIELDS = (
    "article_id",
    "index",
    "start",
    "end",
    "paragraph",
    "speaker",
    "speaker_kind",
    "mention",
    "cue",
    "form",
    "role",
    "via",
    "article_title",
    "article_date",
    "article_outlet",
    "article_source",
    "language",
)


class StoreError(Exception):
    """The index cannot be used as asked; the message says why and what to do."""


@dataclass(frozen=True)
class ArticleRecord:
    """What the index knows of one article."""

    id: str
    source: str
    title: str
    language: str
    content_hash: str
    claims: int
    date: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None

    @classmethod
    def of(cls, article: Article, claims: int) -> ArticleRecord:
        return cls(
            id=article.id,
            source=article.source,
            title=article.title,
            language=article.language,
            content_hash=article.content_hash,
            claims=claims,
            date=article.date,
            outlet=article.outlet,
            author=article.author,
            url=article.url,
        )


def _meta(value: str | int | None) -> str | int:
    return "" if value is None else value


def _claim_metadata(claim: Claim, content_hash: str) -> dict[str, str | int]:
    data = claim.to_dict()
    meta = {key: _meta(data[key]) for key in _CLAIM_FIELDS}
    meta["content_hash"] = content_hash
    return meta


def _record_metadata(article: Article, claims: int) -> dict[str, str | int]:
    record = ArticleRecord.of(article, claims)
    return {"record": json.dumps(record.__dict__, ensure_ascii=False), "content_hash": article.content_hash}


def _claim_from(record_id: str, document: str, meta: dict[str, Any]) -> Claim:
    values = {key: (None if meta.get(key) == "" else meta.get(key)) for key in _CLAIM_FIELDS}
    values["article_title"] = values["article_title"] or ""
    values["article_source"] = values["article_source"] or ""
    values["language"] = values["language"] or ""
    return Claim.from_dict({"id": record_id, "text": document, **values})


def _check_folder(path: Path) -> None:
    """Refuse a folder that holds other things than a Chroma index: it is not ours to write into."""
    if not path.exists():
        return
    if not path.is_dir():
        raise StoreError(f"the index path {path} is a file, not a folder")
    names = {p.name for p in path.iterdir()} - {".gitignore", ".gitkeep", "README.md", LOCK_NAME}
    if names and "chroma.sqlite3" not in names:
        raise StoreError(f"{path} is not a claimbot index (it holds other files); choose another --index-dir")


def _chroma_settings() -> Any:
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def _http_client(url: str) -> Any:
    import chromadb

    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ValueError("give the server as http://host:port")
    client = chromadb.HttpClient(
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or (443 if parsed.scheme == "https" else 8000),
        ssl=parsed.scheme == "https",
        settings=_chroma_settings(),
    )
    client.heartbeat()
    return client


def _forget_system(path: str) -> None:
    """Stop and drop this process's cached Chroma system for one folder (Chroma keeps one per path,
    and a stale or failed one would be handed out again)."""
    from chromadb.api.shared_system_client import SharedSystemClient as Shared

    with Shared._refcount_lock:
        system = Shared._identifier_to_system.pop(path, None)
        Shared._identifier_to_refcount.pop(path, None)
    if system is not None:
        system.stop()


class _Folder:
    """A local index folder as this process sees it: its lock, and the one Chroma client that every
    store on the folder shares. `epoch` counts reopenings, so stores know to re-attach."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)
        self.lock = IndexLock(path)
        self.epoch = 0
        try:
            with self.lock.reading():
                self.client = self._connect()
        except BaseException:
            self.lock.close()
            raise

    def _connect(self) -> Any:
        import chromadb

        try:
            return chromadb.PersistentClient(path=self.path, settings=_chroma_settings())
        except BaseException:
            _forget_system(self.path)
            raise

    def catch_up(self) -> None:
        """Under the lock: another process wrote, so drop the cached client and open the folder
        again, or its stale in-memory vector index would hide (or, on writing, lose) their vectors.
        The change counts as seen only once the reopening worked."""
        if not self.lock.moved():
            return
        _forget_system(self.path)
        self.client = self._connect()
        self.epoch += 1
        self.lock.seen()


_FOLDERS: dict[str, _Folder] = {}
_FOLDERS_LOCK = threading.Lock()


def _folder(path: Path) -> _Folder:
    key = str(path.resolve())
    with _FOLDERS_LOCK:
        if key not in _FOLDERS:
            _FOLDERS[key] = _Folder(path)
        return _FOLDERS[key]


class ClaimStore:
    """Claims and articles in a Chroma collection, local folder or server."""

    def __init__(self, *, path: Path | None = None, url: str | None = None) -> None:
        self.location = url or str(path)
        self._folder: _Folder | None = None
        self._http: Any = None
        self._claims: Any = None
        self._articles: Any = None
        self._version: tuple[float, tuple[int, int, int]] | None = None
        self._attached: tuple[str, int] | None = None  # open()'s model and dim, to re-attach
        try:
            if url:
                self._http = _http_client(url)
            else:
                assert path is not None
                _check_folder(path)
                path.mkdir(parents=True, exist_ok=True)
                self._folder = _folder(path)
                self._epoch = self._folder.epoch
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure to open is reported as one line
            raise StoreError(
                f"cannot open the index at {self.location} ({' '.join(str(exc).split())[:200]}); "
                "move it away, or rebuild it with `claimbot index --rebuild SOURCE...`"
            ) from None

    @property
    def _client(self) -> Any:
        return self._folder.client if self._folder else self._http

    # ------------------------------------------------------------ other processes (local folder)

    def _reading(self) -> contextlib.AbstractContextManager[None]:
        """Read under a shared lock, after catching up with other processes' writes."""
        return self._locked(write=False)

    def _writing(self) -> contextlib.AbstractContextManager[None]:
        """Write alone, on an up-to-date client; the caller `touch`es the lock if it changed
        anything, and other processes reopen before their next read."""
        return self._locked(write=True)

    @contextmanager
    def _locked(self, *, write: bool) -> Iterator[None]:
        if self._folder is None:  # a server serialises its own clients
            yield
            return
        lock = self._folder.lock
        with lock.writing() if write else lock.reading():
            self._catch_up()
            yield

    def _changed(self) -> None:
        self._version = None
        if self._folder is not None:
            self._folder.lock.touch()

    def _catch_up(self) -> None:
        """Re-attach to the collections after the folder was reopened (here or by another store)."""
        assert self._folder is not None
        self._folder.catch_up()
        if self._epoch != self._folder.epoch:
            self._claims = self._articles = None
            self._version = None
            if self._attached is not None:
                self._attach(*self._attached, create=False)  # a failure here is raised again next time
            self._epoch = self._folder.epoch

    def written_here(self) -> bool:
        """Whether the last change to the index came from this process (always False for a server)."""
        return self._folder is not None and self._folder.lock.written_here()

    # ------------------------------------------------------------ opening and the model check

    def open(self, model: str, dim: int, *, create: bool) -> None:
        """Attach to the collections; refuse an index built with another model."""
        with self._writing() if create else self._reading():
            self._attach(model, dim, create=create)
        self._attached = (model, dim)

    def _attach(self, model: str, dim: int, *, create: bool) -> None:
        try:
            existing = {c.name if hasattr(c, "name") else str(c) for c in self._client.list_collections()}
        except Exception as exc:  # noqa: BLE001
            raise StoreError(
                f"the index at {self.location} is unreadable ({exc}); rebuild it with --rebuild"
            ) from None
        if CLAIMS in existing:
            claims = self._client.get_collection(CLAIMS, embedding_function=None)
            meta = claims.metadata or {}
            if meta.get("claimbot_schema") != SCHEMA:
                raise StoreError(
                    f"the index at {self.location} was built by another version of claimbot; "
                    "rebuild it with `claimbot index --rebuild SOURCE...`"
                )
            built_with = meta.get("claimbot_model")
            if built_with != model:
                raise StoreError(
                    f"the index at {self.location} was built with model {built_with!r}, not {model!r}; "
                    f"use --model {built_with} or rebuild it with "
                    f"`claimbot index --rebuild --model {model} SOURCE...`"
                )
            self._claims = claims
        elif create:
            self._changed()
            self._claims = self._client.create_collection(
                CLAIMS,
                embedding_function=None,
                metadata={
                    "hnsw:space": "cosine",
                    "claimbot_model": model,
                    "claimbot_dim": dim,
                    "claimbot_schema": SCHEMA,
                },
            )
        else:
            self._claims = None  # gone: another process dropped the index
        self._articles = (
            self._client.get_or_create_collection(ARTICLES, embedding_function=None)
            if (create or ARTICLES in existing)
            else None
        )

    @property
    def is_open(self) -> bool:
        return self._claims is not None and self._articles is not None

    def drop(self) -> None:
        """Delete everything (for --rebuild)."""
        with self._writing():
            self._changed()
            for name in (CLAIMS, ARTICLES):
                with contextlib.suppress(Exception):  # it was not there
                    self._client.delete_collection(name)
            self._claims = self._articles = None

    # ------------------------------------------------------------ articles

    def articles(self) -> list[ArticleRecord]:
        with self._reading():
            if self._articles is None:
                return []
            got = self._articles.get(include=["metadatas"])
        records = [ArticleRecord(**json.loads(m["record"])) for m in got["metadatas"] or []]
        return sorted(records, key=lambda r: (r.date or "", r.title))

    def article(self, article_id: str) -> ArticleRecord | None:
        with self._reading():
            if self._articles is None:
                return None
            got = self._articles.get(ids=[article_id], include=["metadatas"])
        metas = got["metadatas"] or []
        return ArticleRecord(**json.loads(metas[0]["record"])) if metas else None

    def put_article(
        self, article: Article, claims: Sequence[Claim], vectors: Sequence[Sequence[float]]
    ) -> None:
        """Store a new version of an article atomically (see the module docstring)."""
        self.put_articles([(article, claims, vectors)])

    def put_articles(
        self, items: Sequence[tuple[Article, Sequence[Claim], Sequence[Sequence[float]]]]
    ) -> None:
        """Store new versions of several articles, each atomically, in as few Chroma calls as possible
        (each call costs a commit): all claims, then all article records, then the old versions."""
        if not items:
            return
        rows = [
            (claim, vector, article.content_hash)
            for article, claims, vectors in items
            for claim, vector in zip(claims, vectors, strict=True)
        ]
        with self._writing():
            self._require()
            self._changed()
            for start in range(0, len(rows), _BATCH):
                part = rows[start : start + _BATCH]
                self._claims.upsert(
                    ids=[c.id for c, _, _ in part],
                    embeddings=[list(v) for _, v, _ in part],
                    documents=[c.text for c, _, _ in part],
                    metadatas=[_claim_metadata(c, h) for c, _, h in part],
                )
            for start in range(0, len(items), _ARTICLES_PER_CALL):  # the commit point of each article
                batch = items[start : start + _ARTICLES_PER_CALL]
                self._articles.upsert(
                    ids=[article.id for article, _, _ in batch],
                    embeddings=[[1.0] for _ in batch],
                    documents=[article.title for article, _, _ in batch],
                    metadatas=[_record_metadata(article, len(claims)) for article, claims, _ in batch],
                )
            for start in range(0, len(items), _ARTICLES_PER_CALL):
                old = [
                    {"$and": [{"article_id": article.id}, {"content_hash": {"$ne": article.content_hash}}]}
                    for article, _, _ in items[start : start + _ARTICLES_PER_CALL]
                ]
                self._claims.delete(where=old[0] if len(old) == 1 else {"$or": old})

    def remove_article(self, article_id: str) -> bool:
        with self._writing():
            self._require()
            if self.article(article_id) is None:
                return False
            self._changed()
            self._articles.delete(ids=[article_id])
            self._claims.delete(where={"article_id": article_id})
            return True

    def repair(self) -> int:
        """Delete claims that belong to no current article version (left by an interrupted run)."""
        with self._writing():
            self._require()
            current = {r.id: r.content_hash for r in self.articles()}
            got = self._claims.get(include=["metadatas"])
            stale = [
                rid
                for rid, meta in zip(got["ids"], got["metadatas"] or [], strict=True)
                if current.get(str(meta.get("article_id"))) != meta.get("content_hash")
            ]
            if stale:
                self._changed()
            for start in range(0, len(stale), _BATCH):
                self._claims.delete(ids=stale[start : start + _BATCH])
            return len(stale)

    # ------------------------------------------------------------ claims

    def count(self) -> int:
        with self._reading():
            return int(self._claims.count()) if self._claims is not None else 0

    def claims(self, where: dict[str, Any] | None = None) -> list[Claim]:
        """Every current claim matching the filter, in article and sentence order."""
        with self._reading():
            if self._claims is None:
                return []
            got = self._claims.get(where=where or None, include=["documents", "metadatas"])
            current = {r.id: r.content_hash for r in self.articles()}
        claims = [
            _claim_from(rid, doc, meta)
            for rid, doc, meta in zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True)
            if current.get(str(meta.get("article_id"))) == meta.get("content_hash")
        ]
        return sorted(claims, key=date_order)

    def nearest(
        self,
        vector: Sequence[float],
        k: int,
        where: dict[str, Any] | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[tuple[str, float]]:
        """(claim id, cosine similarity) of the k nearest claims, among `ids` if given; callers drop
        stale versions."""
        from chromadb.errors import ChromaError

        with self._reading():
            if self._claims is None or k <= 0 or (ids is not None and not ids):
                return []
            query: dict[str, Any] = {
                "query_embeddings": [list(vector)],
                "n_results": k,
                "where": where or None,
            }
            try:  # Chroma returns fewer when fewer match
                got = self._claims.query(
                    **query, ids=list(ids) if ids is not None else None, include=["distances"]
                )
            except ChromaError:
                if ids is None:
                    raise
                # An id that another writer has just replaced fails the whole query: keep those left.
                alive = self._claims.get(ids=list(ids), include=[])["ids"]
                if not alive:
                    return []
                got = self._claims.query(**query, ids=alive, include=["distances"])
        return [(rid, 1.0 - float(d)) for rid, d in zip(got["ids"][0], got["distances"][0], strict=True)]

    def version(self) -> tuple[int, int, int]:
        """Changes whenever claims or articles are written, by this process or another. A local
        folder has a write counter; a server is asked (claims, articles, sum of article hashes), at
        most once a second, so another client's writes show up within that time."""
        if self._folder is not None:
            return (self._folder.lock.generation(), 0, 0)
        now = time.monotonic()
        if self._version is not None and now - self._version[0] < 1.0:
            return self._version[1]
        if self._articles is None:
            return (0, 0, 0)
        got = self._articles.get(include=["metadatas"])
        digest = sum(int(str(m.get("content_hash", "0"))[:8] or "0", 16) for m in got["metadatas"] or [])
        value = (self.count(), len(got["ids"]), digest)
        self._version = (now, value)
        return value

    def vectors(self, ids: Sequence[str]) -> dict[str, npt.NDArray[np.float32]]:
        """The stored vectors of the given claims (those that exist). Read in slices: Chroma refuses
        more than 32,763 ids in one `get`, and one big read holds several copies of the vectors."""
        import numpy as np

        out: dict[str, npt.NDArray[np.float32]] = {}
        with self._reading():
            if self._claims is None:
                return out
            for start in range(0, len(ids), VECTOR_SLICE):
                got = self._claims.get(ids=list(ids[start : start + VECTOR_SLICE]), include=["embeddings"])
                out.update(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32), strict=True))
        return out

    def _require(self) -> None:
        if not self.is_open:
            raise StoreError("the index is not open")
