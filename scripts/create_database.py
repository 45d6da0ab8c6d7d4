"""Create the PostgreSQL database named in a URL if it does not exist yet."""

import sys

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

url = make_url(sys.argv[1])
if url.get_backend_name() == "postgresql":
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": url.database}
        ).first()
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{url.database}"'))
            print(f"Created database {url.database}")
    admin.dispose()
