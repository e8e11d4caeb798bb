"""Extraction quality on the shared gold: runs ../shared/tools/score.py over `briefings parse` and prints its table.

Usage: python bench/quality.py [--show N]   (from the repository root, with the package installed)
"""
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main() -> int:
    parse = shutil.which("briefings") or str(ROOT / ".venv" / "bin" / "briefings")
    command = [sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(SHARED / "corpus" / "gold"),
               "--cmd", f"{parse} parse --format jsonl {{files}}", *sys.argv[1:]]
    return subprocess.run(command, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
