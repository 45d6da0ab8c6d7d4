"""The one place that reads COPRODUCE_* settings from the environment and `.env`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseSettings, Field, validator

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class MissingSettingError(RuntimeError):
    """A secret the running service needs has no value."""


class Settings(BaseSettings):
    """Every COPRODUCE_* variable, typed, with development defaults where they are safe."""

    env: str = Field("development", description="development | test | production")
    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'coproduce.db'}"
    tracker_db: str = str(PROJECT_ROOT / "var" / "rasa_tracker.db")
    tracker_database_url: str | None = None
    api_token: str | None = None
    rasa_token: str | None = None
    chat_jwt_secret: str | None = None
    chat_jwt_ttl_minutes: int = 120
    session_secret: str | None = None
    public_url: str = "http://localhost:8000"
    rasa_url: str = "http://localhost:5005"
    invite_ttl_days: int = 14
    emergency_number: str = "999"
    crisis_line: str = "Samaritans on 116 123"
    # What the clinic promises about call-backs (the bot never promises more).
    callback_promise: str = "within two working days"
    # Same-day advice, for what needs a clinician today but not an ambulance.
    urgent_advice: str = "contact your GP practice today, or call 111 if it is closed"
    alert_webhook_url: str | None = None
    allowed_origins: list[str] = []
    clinic_name: str = "your clinic"
    max_message_chars: int = 4000
    db_pool_size: int = 5
    db_max_overflow: int = 5
    # Where the chat channels keep messages that could not be saved yet (action server or
    # database down): `sqlite:///path` for one Rasa server, `redis://host:port/db` for replicas.
    outbox_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'outbox.db'}"
    outbox_retry_seconds: float = 3.0
    outbox_idle_seconds: float = 60.0
    # Only Rasa may call the action server: it sends this secret as a bearer token.
    action_secret: str | None = None
    # The address every service listens on (loopback unless a deployment says otherwise).
    host: str = "127.0.0.1"
    action_port: int = 5055
    # Where Rasa calls the action server (the API checks its health there).
    action_url: str | None = None
    # Rate limits in the `limits` notation, per client address (visit creation: per caller).
    rate_limit_storage: str = "memory://"
    rate_limit_login: str = "10/minute"
    rate_limit_auth_failures: str = "20/minute"
    rate_limit_invite_failures: str = "10/minute"
    rate_limit_visit_create: str = "300/minute"
    # Chat transcripts (Rasa's tracker events) are deleted this long after their last message.
    transcript_retention_days: int = 30
    # API tokens made without --expires-days live this long.
    token_lifetime_days: int = 90

    class Config:
        """Pydantic settings: read COPRODUCE_* variables, from the environment and `.env`."""

        env_prefix = "COPRODUCE_"
        env_file = str(PROJECT_ROOT / ".env")
        env_file_encoding = "utf-8"

        @classmethod
        def parse_env_var(cls, field_name: str, raw_val: str) -> object:
            """Read a structured setting: allowed origins as a comma-separated list, else JSON."""
            if field_name == "allowed_origins":
                return [origin.strip() for origin in raw_val.split(",") if origin.strip()]
            return cls.json_loads(raw_val)  # type: ignore[attr-defined]

    @validator("public_url", "rasa_url")
    def _strip_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @property
    def tracker_url(self) -> str:
        """Return the URL of Rasa's tracker store (where conversation events live)."""
        if self.tracker_database_url:
            return self.tracker_database_url
        path = Path(self.tracker_db)
        return f"sqlite:///{path if path.is_absolute() else PROJECT_ROOT / path}"

    @property
    def action_webhook(self) -> str:
        """Return the action server's webhook URL."""
        return self.action_url or f"http://127.0.0.1:{self.action_port}/webhook"

    def require(self, name: str) -> str:
        """Return a secret setting, or fail naming the missing COPRODUCE_ variable."""
        value = getattr(self, name)
        if not value:
            raise MissingSettingError(
                f"COPRODUCE_{name.upper()} is not set; put it in the environment or .env "
                "(`make run` generates one for development)."
            )
        return str(value)


@lru_cache
def get_settings() -> Settings:
    """Return the settings, read once per process."""
    return Settings()  # type: ignore[call-arg]  # values come from the environment
