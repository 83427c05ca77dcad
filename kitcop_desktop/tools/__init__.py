"""One package per tool; each exposes `spec.SPEC` (a ui.tool_spec.ToolSpec). Only app.py knows them all."""
