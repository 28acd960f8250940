"""German for the people picker and the enroll dialog's department choice."""
GERMAN = {
    "C&hosen: %n": ("Ausge&wählt: %n", "Ausge&wählt: %n"),
    "Add everyone in a department": "Alle aus einer Abteilung hinzufügen",
    "Add everyone in a department…": "Alle aus einer Abteilung hinzufügen…",
    "&Department:": "&Abteilung:",
    "%n people in {department}": ("%n Person in {department}", "%n Personen in {department}"),
    "Added %n people from {department}": ("%n Person aus {department} hinzugefügt", "%n Personen aus {department} hinzugefügt"),
    "; %n already enrolled left out": ("; %n bereits eingeschriebene Person ausgelassen", "; %n bereits eingeschriebene Personen ausgelassen"),
    "Enroll": "Einschreiben",
}
