"""The exchange follows the schema as it grows: every table and every plain id is accounted for.

When one of these fails after adding a model, say in storage/exchange_schema.py how the new
table or column travels in a .kitcop file.
"""

from __future__ import annotations

from sqlalchemy import Integer

from kitcop_desktop.storage import exchange_schema as schema
from kitcop_desktop.storage.models import Base


def test_every_table_travels_with_a_workshop_or_is_declared():
    owned = set(schema.owned_tables(schema.ROOT_WORKSHOP))
    declared = schema.LIBRARY_TABLES | schema.EXCLUDED_TABLES | schema.CHANTIER_TABLES
    stray = {t.name for t in Base.metadata.sorted_tables} - owned - declared
    assert not stray, (
        f"tables neither reachable from workshops nor declared in exchange_schema: {stray}"
    )


def test_every_plain_id_column_is_declared():
    declared = (
        set(schema.SOFT_REFERENCES)
        | set(schema.TAGGED_REFERENCES)
        | set(schema.LIST_REFERENCES)
        | set(schema.NOT_REFERENCES)
    )
    plain = {
        (t.name, c.name)
        for t in Base.metadata.sorted_tables
        for c in t.columns
        if isinstance(c.type, Integer)
        and not c.foreign_keys
        and not c.primary_key
        and c.name.endswith(("_id", "_ref"))
    }
    assert plain <= declared, f"plain id columns to declare in exchange_schema: {plain - declared}"


def test_declared_references_name_real_columns_and_tables():
    tables = schema.tables()
    for (table, column), target in schema.SOFT_REFERENCES.items():
        assert column in tables[table].c and target in tables
    for (table, column), (_, target) in schema.LIST_REFERENCES.items():
        assert column in tables[table].c and target in tables
    for (table, column), (tag, targets) in schema.TAGGED_REFERENCES.items():
        assert column in tables[table].c and tag in tables[table].c
        assert any(target in tables for target in targets.values())


def test_a_chantier_file_holds_its_etat_des_lieux_and_its_workshops():
    owned = schema.owned_tables(schema.ROOT_CHANTIER)
    assert set(owned) >= schema.CHANTIER_TABLES
    assert set(schema.owned_tables(schema.ROOT_WORKSHOP)) <= set(owned) | {"chantiers"}


def test_a_board_file_holds_only_the_board_and_what_hangs_from_it():
    # phone_posts (#19): post-its from phones waiting in the tray, the facilitator's alone:
    # `export_board` strips them (tests/phones/test_phone_posts.py).
    assert schema.owned_tables(schema.ROOT_BOARD) == [
        "boards",
        "board_clusters",
        "phone_posts",
        "board_cards",
    ]


def test_private_data_is_recognised():
    assert schema.is_private("interviewee_identities", "real_name", real_names=False, contacts=True)
    assert not schema.is_private(
        "interviewee_identities", "real_name", real_names=True, contacts=False
    )
    assert schema.is_private("participants", "email", real_names=True, contacts=False)
    assert not schema.is_private("participants", "name", real_names=False, contacts=False)
