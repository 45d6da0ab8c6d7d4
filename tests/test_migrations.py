"""The Alembic migrations build exactly the schema the models describe."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

import coproduce.models  # noqa: F401  (every table in the metadata)
from coproduce.database import Base

ROOT = Path(__file__).resolve().parents[1]


def test_upgrading_a_new_database_gives_the_models_schema_and_downgrading_empties_it(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'migrated.db'}"
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.attributes["url"] = url
    command.upgrade(config, "head")
    engine = create_engine(url)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    command.downgrade(config, "0008")
    with engine.connect() as connection:
        tables = set(engine.dialect.get_table_names(connection))
    assert not tables & {"care_plans", "care_plan_items", "plan_item_progress"}
    command.upgrade(config, "head")
    engine.dispose()
