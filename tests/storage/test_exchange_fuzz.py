"""Random damage to a good file: the import either succeeds or refuses in French, never crashes,
and a refusal leaves every table exactly as it was."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kitcop_desktop.storage import exchange
from kitcop_desktop.storage.exchange_format import ExchangeError

from .exchange_support import dump, export_bytes, rich_workshop

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=300),
    st.just("2026-02-30"),
    st.just("cluster:999999"),
    st.just("1,2,x"),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


@pytest.fixture
def good(store, demo):
    workshop_id, _ = rich_workshop(store, demo)
    return json.loads(export_bytes(store, workshop_id))


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_damaged_file_imports_or_is_refused_cleanly(store, good, data):
    envelope = json.loads(json.dumps(good))  # a fresh copy per example
    tables = envelope["tables"]
    for _ in range(data.draw(st.integers(min_value=1, max_value=4), label="damages")):
        name = data.draw(st.sampled_from(sorted(tables)), label="table")
        rows = tables[name]
        if not rows:
            continue
        row = rows[data.draw(st.integers(min_value=0, max_value=len(rows) - 1), label="row")]
        key = data.draw(st.sampled_from(sorted(row) + ["unknown_column"]), label="column")
        row[key] = data.draw(VALUES, label="value")
    before = dump(store)
    try:
        preview = exchange.read_data(json.dumps(envelope).encode("utf-8"))
        exchange.apply_import(store, preview)
    except ExchangeError as exc:
        assert str(exc).endswith("Rien n'a été modifié.")
        assert dump(store) == before


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_damaged_bytes_of_a_zipped_file_are_refused_cleanly(store, zipped_good, data):
    damaged = bytearray(zipped_good)
    for _ in range(data.draw(st.integers(min_value=1, max_value=8), label="flips")):
        at = data.draw(st.integers(min_value=0, max_value=len(damaged) - 1), label="at")
        damaged[at] = data.draw(st.integers(min_value=0, max_value=255), label="byte")
    cut = data.draw(st.integers(min_value=1, max_value=len(damaged)), label="length")
    try:
        exchange.read_data(bytes(damaged[:cut]))
    except ExchangeError as exc:
        assert str(exc).endswith("Rien n'a été modifié.")


@pytest.fixture
def zipped_good(store, demo):
    workshop_id, _ = rich_workshop(store, demo)
    with store.read() as s:
        return exchange.export_workshop(s, workshop_id, zipped=True)
