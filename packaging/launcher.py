"""The frozen program's entry point: the same ``main`` as the ``plan-oswiaty`` command."""

import sys

from app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
