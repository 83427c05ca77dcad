"""`python -m kitcop_desktop` opens the app (same as the `kitcop` command)."""

import sys

from kitcop_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
