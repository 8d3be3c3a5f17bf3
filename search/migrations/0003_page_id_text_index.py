"""PostgreSQL: an index on the page id as text, the expression Wagtail's database backend joins index entries on
(`object_id = page.id::varchar(50)`).

Without it every search scans the whole page table to join its matches (20–40 ms at 100,000 pages, however few
pages match); with it the few matching pages are fetched by index.
"""

from django.db import migrations

from search.postgres_indexes import postgres_index

class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_title_body_index"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [postgres_index("search_page_id_text", "ON wagtailcore_page (((id)::varchar(50)))")]
