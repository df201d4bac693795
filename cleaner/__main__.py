"""`python -m cleaner ...`: the same as the `cleaner` command."""

import sys

from cleaner.commands.main import main

if __name__ == "__main__":
    sys.exit(main())
