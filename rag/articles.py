"""Read article files (one per file, ID = file name without extension) into cleaned Articles."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from rag.clean import clean
from rag.errors import InputError
from rag.types import Article

EXTENSIONS = (".txt", ".md")
MAX_BYTES = 20 * 1024 * 1024  # a bigger "article" is a dump, not an article


def load(path: str | Path) -> tuple[list[Article], list[tuple[str, str]]]:
    """Load every article under `path` (a file or folder); return (articles, skipped files)."""
    root = Path(path)
    if not root.exists():
        raise InputError(f"No such file or folder: {root}. Pass the folder that holds your articles.")
    articles: list[Article] = []
    skipped: list[tuple[str, str]] = []
    for file in _files(root, skipped):
        try:
            articles.append(read_article(file))
        except InputError as e:
            skipped.append((str(file), str(e)))
    return articles, skipped


def _files(root: Path, skipped: list[tuple[str, str]]) -> Iterator[Path]:
    if root.is_file():
        yield root
        return
    seen: set[Path] = set()
    for file in sorted(root.rglob("*")):
        try:
            real = file.resolve(strict=True)
        except (OSError, RuntimeError) as e:  # broken link or link loop
            skipped.append((str(file), f"cannot resolve path ({type(e).__name__}); fix or remove it"))
            continue
        if real.is_dir() or real in seen or file.name.startswith("."):
            continue
        seen.add(real)
        if file.suffix.lower() not in EXTENSIONS:
            skipped.append((str(file), f"unsupported extension {file.suffix or '(none)'}; use .txt or .md"))
            continue
        yield file


def read_article(file: Path) -> Article:
    """Read, decode and clean one article file."""
    if file.suffix.lower() not in EXTENSIONS:
        raise InputError(f"unsupported extension {file.suffix or '(none)'}; use .txt or .md")
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"file is {size // 2**20} MB, over the {MAX_BYTES // 2**20} MB limit; split it")
        data = file.read_bytes()
    except PermissionError:
        raise InputError("permission denied; make the file readable (chmod +r)") from None
    except OSError as e:
        raise InputError(f"cannot read file: {e.strerror or e}") from None
    text = decode(data)
    cleaned = clean(text)
    if not cleaned.text.strip():
        why = "file is empty" if not text.strip() else "nothing left after cleaning (only page junk)"
        raise InputError(why)
    return Article(
        id=file.stem,
        title=cleaned.title,
        text=cleaned.text,
        source=str(file),
        content_hash=hashlib.sha256(data).hexdigest(),
        date=cleaned.date,
        dropped=cleaned.dropped,
        raw=text,
        segments=cleaned.segments,
        outlet=cleaned.outlet,
        url=cleaned.url,
        byline=cleaned.byline,
        credited=cleaned.credited,
    )


def decode(data: bytes) -> str:
    """UTF-8 first, then CP1252 (a superset of Latin-1 for text); binary data is refused."""
    if b"\x00" in data[:8192] or data.startswith(b"\x89PNG"):
        raise InputError("binary file (not text); only plain-text articles can be ingested")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * max(1, len(text[:8192])):
        raise InputError("binary file (control characters); only plain-text articles can be ingested")
    return text
