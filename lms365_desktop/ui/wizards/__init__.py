"""Qt wizards of LMS365 Desktop; installer.install_wizards puts them into the main window."""
