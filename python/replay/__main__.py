"""python -m replay ARGS...: replay's command line in this interpreter."""
import sys

from replay import main

sys.exit(main())
