"""Resident memory of each service on the embedded default, after one whole conversation.

Starts the real Rasa server, action server and API on a fresh SQLite database, holds one
conversation to the end (so every model and pipeline is loaded), then reads each service's
resident set size (VmRSS, summed over the process and its children) from /proc.

    .venv/bin/python bench/memory.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.servers import Chat, running_stack


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            child = int(stat.parent.name)
            found += [child, *_children(child)]
    return found


def resident_mb(pid: int) -> float:
    """VmRSS of a process and all its descendants, in MB."""
    total_kb = 0
    for each in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except OSError:
            continue
    return total_kb / 1024


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        with running_stack(workdir, database_url=f"sqlite:///{workdir / 'aims.db'}") as stack:
            visit = stack.create_visit()
            chat = Chat(stack, visit["invite_token"])
            chat.say("hi")
            chat.answer_the_rest()
            for name, process in sorted(stack.processes.items()):
                print(f"{name}: {resident_mb(process.pid):.0f} MB resident")
    return 0


if __name__ == "__main__":
    sys.exit(main())
