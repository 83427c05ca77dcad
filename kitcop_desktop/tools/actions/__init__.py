"""The fiches actions tool: the kit's action cards, listed per workshop and edited with undo."""
