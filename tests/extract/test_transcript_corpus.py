"""The reader over the shared corpus's 67 transcripts (``bench/transcripts.py``), when the corpus is here."""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "transcripts"


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus is not at {CORPUS}")
def test_every_transcript_reads_as_turns():
    spec = importlib.util.spec_from_file_location("transcript_check", ROOT / "bench" / "transcripts.py")
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) == 67
    assert {path.name: check.check(path) for path in files} == {path.name: [] for path in files}
