"""German for the spreadsheet import's employee-id column and the session a row chose."""
GERMAN = {
    "Employee id (user field)": "Personalnummer (Benutzerfeld)",
    "Employee id (user field “%1”)": "Personalnummer (Benutzerfeld „%1“)",
    "Correct the employee id, e-mail or name in the row, or choose a suggested person.":
        "Korrigieren Sie Personalnummer, E-Mail oder Namen in der Zeile oder wählen Sie eine vorgeschlagene Person.",
    "Into the session “%1”: %2.": "In den Termin „%1“: %2.",
"Session for rows that name none": "Termin für Zeilen ohne Termin",
"(the session named in each row, or none)": "(der in jeder Zeile genannte Termin, oder keiner)",
"S&ession:": "T&ermin:",
}
