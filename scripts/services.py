"""Say whether a local PostgreSQL or Redis answers (exit 0) or not (exit 1), quickly.

Usage: ``python scripts/services.py postgres postgresql://postgres@127.0.0.1:5432/test``
or ``python scripts/services.py redis redis://127.0.0.1:6379/0`` (used by scripts/test.sh).
"""

from __future__ import annotations

import sys


def answers(kind: str, url: str) -> bool:
    """True when the server at `url` answers within two seconds."""
    try:
        if kind == "postgres":
            import psycopg2

            psycopg2.connect(url, connect_timeout=2).close()
            return True
        if kind == "redis":
            import redis

            return bool(redis.Redis.from_url(url, socket_connect_timeout=2).ping())
    except Exception:
        return False
    raise SystemExit(f"unknown service kind: {kind}")


if __name__ == "__main__":
    sys.exit(0 if answers(sys.argv[1], sys.argv[2]) else 1)
