"""German for the check messages the forms word by key since the regex tables went (branch form-keys)."""
GERMAN = {
    # request bodies' checks the forms had shown in English only
    "Enter the request path (e.g. Competencies).": "Geben Sie den Anfragepfad ein (z. B. Competencies).",
    "Enter the webhook address the server will call.": "Geben Sie die Webhook-Adresse ein, die der Server aufrufen soll.",
    "The login name {value} contains spaces; enter it as jane@contoso.com or i:0#.f|membership|jane@contoso.com.":
        "Der Anmeldename {value} enthält Leerzeichen; geben Sie ihn als jane@contoso.com "
        "oder i:0#.f|membership|jane@contoso.com ein.",
    "The course session id must be an id like 027707f9-98d5-5ddf-b98f-0a99a220c1ef (got {value}).":
        "Die ID der Kurssitzung muss eine ID wie 027707f9-98d5-5ddf-b98f-0a99a220c1ef sein (erhalten: {value}).",
    "The course catalog id must be an id like 027707f9-98d5-5ddf-b98f-0a99a220c1ef (got {value}).":
        "Die ID des Kurskatalogs muss eine ID wie 027707f9-98d5-5ddf-b98f-0a99a220c1ef sein (erhalten: {value}).",
    "{value} is not one of GET, PUT, POST, PATCH, DELETE.": "{value} ist keine der Methoden GET, PUT, POST, PATCH, DELETE.",
    "Give a path relative to the API, not a full address.":
        "Geben Sie einen Pfad relativ zur API an, keine vollständige Adresse.",
    "The webhook address {value} must be a full http(s):// URL.":
        "Die Webhook-Adresse {value} muss eine vollständige http(s)://-URL sein.",
    # file checks before an upload, shown in English only until now
    "Not a regular file.": "Keine reguläre Datei.",
    "Cannot read the file: {reason}.": "Die Datei kann nicht gelesen werden: {reason}.",
    "The file is empty.": "Die Datei ist leer.",
    "Not a PDF, PNG or JPEG file (its content is {kind}).": "Keine PDF-, PNG- oder JPEG-Datei (ihr Inhalt ist {kind}).",
    "Not a PDF, PNG or JPEG file (its content is not recognised).":
        "Keine PDF-, PNG- oder JPEG-Datei (ihr Inhalt wird nicht erkannt).",
    "Too large: {size}; the limit is {limit}.": "Zu groß: {size}; die Grenze liegt bei {limit}.",
}
