"""``python -m mtqa``: the same as the ``mtqa`` console script."""

import sys

from mtqa.cli import main

if __name__ == "__main__":
    sys.exit(main())
