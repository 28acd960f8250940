"""German for the reports' warm start, the copy age in Preferences and the learner's four charts (issue 14)."""
GERMAN = {
"(recounting…)": "(wird neu gezählt…)",
"%1 of %n course(s)": ("%1 von %n Kurs", "%1 von %n Kursen"),
"&Full re-sync of reports after:": "&Berichte vollständig neu lesen nach:",
"Full re-sync of the reports' copy after": "Lokale Kopie der Berichte vollständig neu lesen nach",
"Progress: completed, in progress, not started, overdue": "Fortschritt: abgeschlossen, in Bearbeitung, nicht begonnen, überfällig",
"Share of the courses that count": "Anteil an den zählenden Kursen",
"The reports read new rows at every sync; a copy older than this is read whole again.":
    "Die Berichte lesen bei jeder Synchronisierung neue Zeilen; eine ältere Kopie wird vollständig neu gelesen.",
"Unit of the reports' copy age": "Einheit des Alters der Berichtskopie",
"When the reports' local copy is older than this, the next sync reads it whole again.":
    "Ist die lokale Kopie der Berichte älter, liest die nächste Synchronisierung sie vollständig neu.",
"%n hour(s)": ("%n Stunde", "%n Stunden"),
}
