"""Run the processes of a Procfile under supervisord: each one is restarted when it dies.

Usage: ``python scripts/supervise.py Procfile`` (from `scripts/run.sh` and
`scripts/run_scaled.sh`). The Procfile stays the one list of what runs; this writes a
supervisord configuration for it into ``COPRODUCE_RUN_DIR`` (default ``var/run``) and
replaces itself with supervisord in the foreground, so Ctrl-C stops everything.

Restarts: a process that dies after it has started is started again at once; one that dies
while still starting (within ``startsecs``) is retried with a growing pause (1 s, 2 s,
3 s...), so a crash loop does not spin. supervisord's own log, on stdout, says each time
("exited: actions (terminated by SIGKILL; not expected)", "spawned", "success").
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: How long a process must stay up to count as started (Rasa loads its model first).
START_SECONDS = {"rasa": 20}
DEFAULT_START_SECONDS = 3
#: Never give up: a service that cannot start keeps being retried, with the growing pause.
START_RETRIES = 1000
_LINE = re.compile(r"^([A-Za-z0-9_-]+):\s*(.+)$")


def read_procfile(path: Path) -> list[tuple[str, str]]:
    """Return (name, command) for each process line of a Procfile."""
    processes = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _LINE.match(line.strip())
        if match and not line.lstrip().startswith("#"):
            processes.append((match.group(1), match.group(2)))
    return processes


def _start_seconds(name: str) -> int:
    return next(
        (s for prefix, s in START_SECONDS.items() if name.startswith(prefix)),
        DEFAULT_START_SECONDS,
    )


def config(processes: list[tuple[str, str]], run_dir: Path) -> str:
    """Return a supervisord configuration that runs and restarts each process."""
    lines = [
        "[supervisord]",
        "nodaemon=true",
        "logfile=/dev/stdout",
        "logfile_maxbytes=0",
        "loglevel=info",
        f"pidfile={run_dir / 'supervisord.pid'}",
        f"childlogdir={run_dir}",
        "",
        "[unix_http_server]",
        f"file={run_dir / 'supervisor.sock'}",
        "chmod=0700",
        "",
        "[rpcinterface:supervisor]",
        "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
        "",
        "[supervisorctl]",
        f"serverurl=unix://{run_dir / 'supervisor.sock'}",
    ]
    for name, command in processes:
        # bash expands the environment variables the Procfile uses, then becomes the process
        # ("env" first when the line starts with VAR=value, which exec cannot take).
        head = command.split(maxsplit=1)[0]
        runner = "exec env " if "=" in head else "exec "
        wrapped = f"bash -c {shlex.quote(runner + command)}"
        lines += [
            "",
            f"[program:{name}]",
            f"command={wrapped.replace('%', '%%')}",
            f"directory={ROOT}",
            "autostart=true",
            "autorestart=true",
            f"startsecs={_start_seconds(name)}",
            f"startretries={START_RETRIES}",
            "stopasgroup=true",
            "killasgroup=true",
            "stopwaitsecs=15",
            "stdout_logfile=/dev/stdout",
            "stdout_logfile_maxbytes=0",
            "redirect_stderr=true",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the configuration for a Procfile and exec supervisord with it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("procfile", type=Path)
    parser.add_argument("--check", action="store_true", help="print the configuration only")
    args = parser.parse_args(argv)
    run_dir = Path(os.environ.get("COPRODUCE_RUN_DIR") or ROOT / "var" / "run").resolve()
    text = config(read_procfile(args.procfile), run_dir)
    if args.check:
        sys.stdout.write(text)
        return 0
    run_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = run_dir / "supervisord.conf"
    path.write_text(text, encoding="utf-8")
    supervisord = str(Path(sys.executable).parent / "supervisord")
    os.execv(supervisord, [supervisord, "-c", str(path)])  # noqa: S606  (our own supervisord)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
