"""`python -m core.export REQUEST`: the child process `core.export.child.run_in_child` starts."""

import sys

from core.export.child import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
