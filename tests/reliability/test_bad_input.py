"""Bad files and bad questions: a clear message each, the rest still works, nothing stored is lost."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from rag import Assistant, InputError, StoreError

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _folder_of_bad_files(root: Path) -> Path:
    d = root / "mixed"
    shutil.copytree(SEEDS, d)
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text(" \n\t\n  ")
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (d / "latin1.txt").write_bytes("Titre\n\nLa délégation a été reçue à Pyongyang.".encode("latin-1"))
    (d / "cp1252.txt").write_bytes("Titre\n\nL’envoyé spécial a décrit « l’opération ».".encode("cp1252"))
    with (d / "huge.txt").open("wb") as f:  # 50 MB
        f.write(("Une phrase de remplissage. " * 40).encode() * 50_000)
    (d / "oneline.txt").write_text("Le navire Vostok a quitté Rajin. " * 62_000)  # one 2 MB line
    (d / "notes.pdf").write_bytes(b"%PDF-1.4")
    os.symlink(d / "loop_b", d / "loop_a")
    os.symlink(d / "loop_a", d / "loop_b")
    return d


def test_bad_files_are_reported_and_the_rest_is_ingested(tmp_path: Path) -> None:
    folder = _folder_of_bad_files(tmp_path)
    bot = Assistant.open(data_dir=tmp_path / "data", llm="fake:extractive", embedder="hash:256")
    report = bot.ingest(folder)
    skipped = {Path(p).name: why for p, why in report.skipped}
    assert "empty" in skipped["empty.txt"] and "empty" in skipped["blank.txt"]
    assert "binary" in skipped["image.txt"]
    assert "MB" in skipped["huge.txt"] and "split" in skipped["huge.txt"]
    assert "unsupported extension" in skipped["notes.pdf"]
    assert "loop_a" in skipped and "loop_b" in skipped
    assert set(report.added) >= {"latin1", "cp1252", "oneline"} | {p.stem for p in SEEDS.glob("*.txt")}
    assert "délégation a été reçue" in bot.article("latin1").text  # accents decoded, not dropped
    assert "L’envoyé spécial" in bot.article("cp1252").text
    assert bot.ask("Le navire Vostok a quitté quel port ?").citations


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("x" * 20_000, "characters long"),
        ("🚢🚢🚢 ❓", "no words"),
        ("\x00\x01\x02", "empty"),
    ],
)
def test_bad_questions_get_a_clear_message(fake_bot, question: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        fake_bot.ask(question)


@pytest.mark.parametrize(
    "question",
    [
        "'; DROP TABLE articles; --",
        "<script>alert(1)</script> Quels navires ?",
        "Quels\x07 navires\x1b[31m ont transporté les conteneurs ?",
    ],
)
def test_hostile_questions_get_a_normal_answer_or_refusal(fake_bot, question: str) -> None:
    a = fake_bot.ask(question)
    assert a.refused == (a.citations == ())  # never an answer without proof, never a refusal with one
    if "navires" in question and "transporté" in question:  # control characters are stripped, not fatal
        assert not a.refused and a.citations, a.refusal_reason
    assert fake_bot.store.count() > 0  # nothing was dropped


def test_unwritable_data_dir_is_reported(tmp_path: Path) -> None:
    # Root ignores permission bits, so the unwritable case used here is a file standing where
    # the folder must go; a chmod'ed folder is tried too when not running as root.
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    with pytest.raises(StoreError, match="not writable"):
        Assistant.open(data_dir=blocker / "data", embedder="hash:256")
    if os.geteuid() != 0:
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o500)
        with pytest.raises(StoreError, match="not writable"):
            Assistant.open(data_dir=ro / "data", embedder="hash:256")
