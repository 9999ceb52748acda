"""Settings of the tracking service, read from ``DONDOC_*`` environment variables.

*Home* is the folder that holds dondoc's state on one machine: the default SQLite database
(``dondoc.sqlite3``), the session secret (``secret_key``) and anything else that must survive
a restart. Settings are validated when they are loaded, so a bad value fails at start-up, not
in the middle of a request.
"""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings"]


class Settings(BaseSettings):
    """Every knob of the tracking service; ``DONDOC_HOME=/srv/dondoc`` sets ``home`` and so on."""

    model_config = SettingsConfigDict(env_prefix="DONDOC_", extra="ignore")

    home: Path = Field(default_factory=lambda: Path("~/.local/share/dondoc").expanduser())
    database_url: str | None = None
    secret_key: str | None = None
    token_max_age_s: int = 12 * 3600
    due_soon_days: int = 7
    max_upload_bytes: int = 20 * 1024 * 1024
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: str | None = None
    mail_from: str = "dondoc@localhost"
    webhook_url: str | None = None
    base_url: str = "http://127.0.0.1:8000"

    @field_validator("home", mode="after")
    @classmethod
    def _expand_home(cls, v: Path) -> Path:
        return v.expanduser()

    @field_validator("due_soon_days", "max_upload_bytes", "token_max_age_s")
    @classmethod
    def _positive(cls, v: int) -> int:
        if v <= 0:
            raise ValueError("must be a positive number")
        return v

    @property
    def sqlite_path(self) -> Path:
        return self.home / "dondoc.sqlite3"

    def resolved_database_url(self) -> str:
        """The SQLAlchemy URL: ``database_url`` or the SQLite file under ``home``."""
        if self.database_url:
            return self.database_url
        self.home.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{self.sqlite_path}"

    def resolved_secret_key(self) -> str:
        """``secret_key``, or one generated on first use and kept in ``{home}/secret_key``."""
        if self.secret_key:
            return self.secret_key
        path = self.home / "secret_key"
        if not path.exists():
            self.home.mkdir(parents=True, exist_ok=True)
            # Created with O_EXCL so two processes starting at once agree on one key.
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass
            else:
                with os.fdopen(fd, "w") as fh:
                    fh.write(secrets.token_urlsafe(48))
        key = path.read_text().strip()
        self.secret_key = key
        return key


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (read once from the environment)."""
    return Settings()
