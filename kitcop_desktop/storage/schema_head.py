"""The newest schema revision, alone in a module that imports nothing.

Opening a file already at this revision needs no Alembic (≈ 0.25 s to import), and `kitcop
list` needs no SQLAlchemy either (storage/quick_list.py). A new migration moves it; a test
keeps it equal to Alembic's head.
"""

SCHEMA_HEAD = "0024_initiative_interviews"
