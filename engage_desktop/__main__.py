import sys

from engage_desktop.cli.main import main

sys.exit(main())
