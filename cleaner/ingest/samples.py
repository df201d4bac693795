"""A folder of sample pages as the project keeps them: `seeds/<name>.txt|.html|.html.gz`, a
page's URL beside it as `<name>.url` when the page does not carry one, and the human truth
in `truth/<name>.yaml`. `make run`, the goldens and the truth scores read samples through
here, so sidecars and truth files are never cleaned as pages."""

from __future__ import annotations

from pathlib import Path

from cleaner.ingest.items import record_id

SAMPLE_SUFFIXES = (".txt", ".html", ".htm", ".html.gz")


def sample_paths(folder: str | Path) -> list[Path]:
    """Every sample page under `folder`, sorted; truth files and sidecars are not pages."""
    root = Path(folder)
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name.endswith(SAMPLE_SUFFIXES)
                  and "truth" not in p.relative_to(root).parts[:-1])


def sidecar_url(sample: Path) -> str | None:
    """The URL stored beside a sample as <stem>.url, if any."""
    side = sample.parent / f"{record_id(sample)}.url"
    return side.read_text(encoding="utf-8").strip() if side.exists() else None
