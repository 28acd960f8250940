"""Run LMS365 Desktop with `python -m lms365_desktop`."""
from lms365_desktop.app import main

if __name__ == "__main__":
    raise SystemExit(main())
