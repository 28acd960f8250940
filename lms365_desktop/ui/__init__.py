"""Everything Qt: the main window, panes, wizards, console and widgets."""
