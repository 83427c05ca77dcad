"""The shell: main window, room screen, theme, icons, undo, change notifications, shared widgets."""
