"""`python -m ruadapt_gui [PROJECT_FILE]`."""

import sys

from ruadapt_gui.app import main

sys.exit(main())
