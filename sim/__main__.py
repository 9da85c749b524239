"""`python -m sim` is the `redlines` command."""

import sys

from sim.cli import main

sys.exit(main())
