"""Entry script for the PyInstaller bundle: the same main() as the console script."""
from lms365_desktop.app import main

raise SystemExit(main())
