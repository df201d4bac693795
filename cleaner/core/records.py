"""The records that flow through cleaner: input, result, related article, removal.

JSON is both the wire format and the golden format, so every record converts to and from a
dict with a fixed key order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Category = Literal[
    "ad", "promo", "caption", "gallery", "related", "comment", "nav", "metadata",
    "tags", "markup", "duplicate", "language", "boilerplate",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
Status = Literal["ok", "error"]
PageKind = Literal["article", "listing"]
InputKind = Literal["auto", "html", "text"]


@dataclass(frozen=True, slots=True)
class InputRecord:
    """One page to clean: raw bytes or text, with an id that follows it to the output."""

    id: str
    content: bytes | str
    url: str | None = None
    kind: InputKind = "auto"
    headers_charset: str | None = None
    origin: str | None = None  # where it came from (a path, a URL), named in errors
    captured: str | None = None  # when this copy was taken (WARC-Date, fetch time), ISO 8601

    @property
    def name(self) -> str:
        return self.origin or self.id


@dataclass(frozen=True, slots=True)
class Related:
    """An article the page links to or embeds, kept apart from the body."""

    title: str
    source: str | None = None
    published: str | None = None
    url: str | None = None
    teaser: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "source": self.source, "published": self.published,
                "url": self.url, "teaser": self.teaser}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Related:
        return cls(d["title"], d.get("source"), d.get("published"), d.get("url"), d.get("teaser"))


@dataclass(frozen=True, slots=True)
class Removal:
    """One piece of text taken out of the article, and the rule that took it."""

    text: str
    category: str
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "category": self.category, "rule": self.rule}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Removal:
        return cls(d["text"], d["category"], d["rule"])


@dataclass(frozen=True, slots=True)
class Result:
    """The clean article; every key is always present in its dict form."""

    id: str
    input: str | None = None  # where the record was read from (path, path#record, URL)
    url: str | None = None
    canonical_url: str | None = None  # the address the page declares for itself
    site: str | None = None  # the rule file that matched
    site_name: str | None = None  # the publisher's name as the page states it
    page_kind: PageKind = "article"  # "listing": a page of cards only; text is empty
    title: str | None = None
    text: str = ""
    language: str | None = None
    source: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601 when it could be read as a date
    published_raw: str | None = None  # the date as printed, when it is not ISO 8601
    captured: str | None = None  # the input's capture date, passed through: not the article's
    related: tuple[Related, ...] = ()
    removed: tuple[Removal, ...] = ()
    status: Status = "ok"
    error: str | None = None
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "input": self.input, "url": self.url,
            "canonical_url": self.canonical_url, "site": self.site,
            "site_name": self.site_name, "page_kind": self.page_kind, "title": self.title,
            "text": self.text, "language": self.language, "source": self.source,
            "author": self.author, "published": self.published,
            "published_raw": self.published_raw, "captured": self.captured,
            "related": [r.to_dict() for r in self.related],
            "removed": [r.to_dict() for r in self.removed],
            "status": self.status, "error": self.error, "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Result:
        return cls(
            id=d["id"], input=d.get("input"), url=d.get("url"),
            canonical_url=d.get("canonical_url"), site=d.get("site"),
            site_name=d.get("site_name"), page_kind=d.get("page_kind", "article"),
            title=d.get("title"), text=d.get("text", ""), language=d.get("language"),
            source=d.get("source"), author=d.get("author"), published=d.get("published"),
            published_raw=d.get("published_raw"), captured=d.get("captured"),
            related=tuple(Related.from_dict(r) for r in d.get("related", [])),
            removed=tuple(Removal.from_dict(r) for r in d.get("removed", [])),
            status=d.get("status", "ok"), error=d.get("error"),
            notes=tuple(d.get("notes", [])),
        )

    @classmethod
    def failure(cls, id: str, url: str | None, message: str,
                captured: str | None = None) -> Result:
        """An error record: the input is accounted for even though it could not be cleaned."""
        return cls(id=id, url=url, captured=captured, status="error", error=message)
