"""The store: SQLAlchemy models, the engine, migrations and one module of operations per area.

Never imports Qt. Operations take a Session and never commit: the caller wraps them in
`Store.write()`, which commits once (one short BEGIN IMMEDIATE transaction per user action).
"""
