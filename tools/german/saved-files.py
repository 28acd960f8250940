"""German for the notifications that lead to a file the app wrote."""
GERMAN = {
    "Open": "Öffnen",
    "Show in Folder": "Im Ordner anzeigen",
    "Could not open": "Öffnen nicht möglich",
    "No application on this computer opened {path}.": "Keine Anwendung auf diesem Computer hat {path} geöffnet.",
    "Every row matching the search and scope; the quick filter applies to the rows in view only.":
        "Alle Zeilen, die zur Suche und zum Bereich passen; der Schnellfilter gilt nur für die angezeigten Zeilen.",
    "Open Result File": "Ergebnisdatei öffnen",
}
