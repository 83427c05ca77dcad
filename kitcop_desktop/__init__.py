"""KitCOP Atelier: the offline desktop app for COP AURA collective-intelligence workshops."""

__version__ = "0.1.0"
APP_NAME = "KitCOP Atelier"
