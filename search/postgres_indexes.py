"""Indexes that only PostgreSQL needs, on Wagtail's tables, created and dropped by this app's migrations."""

from django.db import migrations


def postgres_index(name, definition):
    """A migration operation creating index `name` as `definition` (`ON table USING … (…)`) on PostgreSQL."""

    def create(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} {definition}")

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")

    return migrations.RunPython(create, drop)
