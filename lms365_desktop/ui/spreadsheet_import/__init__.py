"""File › Import from spreadsheet…: the dialog, its preview table, and how runs end (result, undo, history)."""
