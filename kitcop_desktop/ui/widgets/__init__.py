"""Widgets shared by several tools."""
