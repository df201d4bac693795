"""Bad input: each gets a clear error naming the input; a batch carries on past it."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.commands.main import main
from cleaner.core.errors import InputError

SEED = Path(__file__).resolve().parents[2] / "seeds" / "002_d379520142cff4ce.txt"


def _random_high_bytes() -> bytes:
    rng = random.Random(7)  # bytes >= 0x80 only: no encoding reads them as text
    return bytes(rng.randrange(0x80, 0x100) for _ in range(3000))


BAD = {
    "empty.txt": (b"", "input is empty"),
    "blank.txt": (b"  \n\n \t \n", "input is empty"),
    "image.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary data"),
    "blob.bin": (bytes(range(256)) * 8, "binary data"),
    "garbled.txt": (_random_high_bytes(), "cannot decode"),
}


@pytest.fixture
def bad_dir(tmp_path: Path) -> Path:
    for name, (data, _) in BAD.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


@pytest.mark.parametrize("name", sorted(BAD))
def test_single_bad_input_exits_non_zero_and_names_it(bad_dir: Path, name: str,
                                                      capsys) -> None:
    path = str(bad_dir / name)
    code = main(["clean", path, "--format", "json"])
    out, err = capsys.readouterr()
    assert code != 0
    record = json.loads(out)
    assert record["status"] == "error"
    assert record["error"].startswith(path) and BAD[name][1] in record["error"]
    assert path in err


def test_missing_path(tmp_path: Path, capsys) -> None:
    path = str(tmp_path / "nowhere.txt")
    assert main(["clean", path]) != 0
    out, err = capsys.readouterr()
    assert json.loads(out)["error"] == f"{path}: no such file"
    assert path in err


def test_batch_writes_one_record_per_input_and_carries_on(bad_dir: Path, capsys) -> None:
    paths = [str(SEED), *(str(bad_dir / n) for n in sorted(BAD)), str(bad_dir / "gone.txt"),
             str(SEED)]
    code = main(["clean", *paths, "--format", "jsonl"])
    out, _ = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert len(records) == len(paths)
    assert [r["status"] for r in records] == ["ok"] + ["error"] * (len(BAD) + 1) + ["ok"]
    for path, record in zip(paths[1:-1], records[1:-1]):
        assert record["error"].startswith(path)
        assert record["text"] == "" and record["related"] == []
    assert records[0]["title"] == records[-1]["title"] != ""


def test_api_raises_input_error_naming_the_input() -> None:
    with pytest.raises(InputError, match=r"^page-7: input is empty"):
        clean(b"   \n", id="page-7")
    with pytest.raises(InputError, match=r"^page-8: .*binary"):
        clean(BAD["image.png"][0], id="page-8")


def test_a_few_bad_bytes_do_not_lose_the_page() -> None:
    text = SEED.read_bytes().replace(b"Peskov", b"Pes\xffkov", 1)
    result = clean(text)
    assert result.status == "ok"
    assert result.title.startswith("Kremlin Says Putin Open to Talks")
