<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Sent to the learner with the notification (optional)</source>
        <translation>Wird dem Lernenden mit der Benachrichtigung geschickt (optional)</translation>
    </message>
    <message>
        <source>&amp;Session for the retake:</source>
        <translation>&amp;Sitzung für die Wiederholung:</translation>
    </message>
    <message>
        <source>Session for the retake</source>
        <translation>Sitzung für die Wiederholung</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Strg+Eingabe</translation>
    </message>
    <message>
        <source>No session (keep as it is)</source>
        <translation>Keine Sitzung (unverändert lassen)</translation>
    </message>
</context>
<context>
    <name>ActivityPane</name>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Ablehnen…</translation>
    </message>
    <message>
        <source>Open course</source>
        <translation>Kurs öffnen</translation>
    </message>
    <message>
        <source>Open user</source>
        <translation>Benutzer öffnen</translation>
    </message>
    <message>
        <source>Open enrollment</source>
        <translation>Einschreibung öffnen</translation>
    </message>
    <message>
        <source>Activity events</source>
        <translation>Aktivitätsereignisse</translation>
    </message>
    <message>
        <source>Newest first; the Actions column approves or rejects a request</source>
        <translation>Neueste zuerst; die Spalte Aktionen genehmigt oder lehnt eine Anfrage ab</translation>
    </message>
    <message>
        <source>Event payload</source>
        <translation>Ereignisinhalt</translation>
    </message>
    <message>
        <source>The selected event as the server sent it</source>
        <translation>Das ausgewählte Ereignis, wie der Server es gesendet hat</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln event(s) to {path}</source>
        <translation>
            <numerusform>%Ln Ereignis nach {path} exportiert</numerusform>
            <numerusform>%Ln Ereignisse nach {path} exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Approval requested</source>
        <translation>Genehmigung angefragt</translation>
    </message>
    <message>
        <source>{users} asks to join {course}</source>
        <translation>{users} möchte an {course} teilnehmen</translation>
    </message>
    <message>
        <source>Not following any events.</source>
        <translation>Es werden keine Ereignisse verfolgt.</translation>
    </message>
    <message>
        <source>Following {n} of 11 event types by webhook at {url}</source>
        <translation>{n} von 11 Ereignisarten werden per Webhook unter {url} verfolgt</translation>
    </message>
    <message>
        <source>(forwarded to {local})</source>
        <translation>(weitergeleitet an {local})</translation>
    </message>
    <message>
        <source>Watching enrollments and courses by polling (events are observed, not delivered).</source>
        <translation>Einschreibungen und Kurse werden durch Abfragen beobachtet (Ereignisse werden erkannt, nicht zugestellt).</translation>
    </message>
    <message>
        <source>Webhooks cannot be received here ({detail}).</source>
        <translation>Webhooks können hier nicht empfangen werden ({detail}).</translation>
    </message>
    <message>
        <source>The server accepted no webhook subscription ({detail}).</source>
        <translation>Der Server hat kein Webhook-Abonnement angenommen ({detail}).</translation>
    </message>
    <message>
        <source>Could not follow: {events}</source>
        <translation>Konnte nicht verfolgt werden: {events}</translation>
    </message>
    <message>
        <source>{user} in {course}</source>
        <translation>{user} in {course}</translation>
    </message>
    <message>
        <source>Select an event to see its full payload.</source>
        <translation>Wählen Sie ein Ereignis, um seinen vollständigen Inhalt zu sehen.</translation>
    </message>
    <message>
        <source>observed by polling</source>
        <translation>durch Abfragen erkannt</translation>
    </message>
    <message>
        <source>delivered by webhook</source>
        <translation>per Webhook zugestellt</translation>
    </message>
    <message>
        <source>LMS365 Desktop — activity</source>
        <translation>LMS365 Desktop — Aktivität</translation>
    </message>
    <message>
        <source>Reject enrollment request</source>
        <translation>Einschreibungsanfrage ablehnen</translation>
    </message>
    <message>
        <source>Message to {users} (optional):</source>
        <translation>Nachricht an {users} (optional):</translation>
    </message>
    <message>
        <source>Export activity to CSV</source>
        <translation>Aktivität als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>ActivityTableModel</name>
    <message>
        <source>Enrolled</source>
        <translation>Eingeschrieben</translation>
    </message>
    <message>
        <source>Unenrolled</source>
        <translation>Ausgeschrieben</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Approval request</source>
        <translation>Genehmigungsanfrage</translation>
    </message>
    <message>
        <source>Training published</source>
        <translation>Schulung veröffentlicht</translation>
    </message>
    <message>
        <source>Training unpublished</source>
        <translation>Schulung zurückgezogen</translation>
    </message>
    <message>
        <source>Training created</source>
        <translation>Schulung angelegt</translation>
    </message>
    <message>
        <source>Training deleted</source>
        <translation>Schulung gelöscht</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>Benutzer angelegt</translation>
    </message>
    <message>
        <source>User deleted</source>
        <translation>Benutzer gelöscht</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>Nicht veröffentlicht</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Failed — try again</source>
        <translation>Fehlgeschlagen — erneut versuchen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Observed by polling</source>
        <translation>Durch Abfragen beobachtet</translation>
    </message>
    <message>
        <source>Delivered by webhook</source>
        <translation>Per Webhook zugestellt</translation>
    </message>
    <message>
        <source>polling</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>webhook</source>
        <translation>Webhook</translation>
    </message>
</context>
<context>
    <name>ActivityToolbar</name>
    <message>
        <source>Follow</source>
        <translation>Verfolgen</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Approval requests</source>
        <translation>Genehmigungsanfragen</translation>
    </message>
    <message>
        <source>Filter by course</source>
        <translation>Nach Kurs filtern</translation>
    </message>
    <message>
        <source>Course…</source>
        <translation>Kurs…</translation>
    </message>
    <message>
        <source>Filter by user</source>
        <translation>Nach Benutzer filtern</translation>
    </message>
    <message>
        <source>User…</source>
        <translation>Benutzer…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Notify me of approval requests</source>
        <translation>Bei Genehmigungsanfragen benachrichtigen</translation>
    </message>
    <message>
        <source>Watch by polling (no callback can reach this computer)</source>
        <translation>Durch Abfragen beobachten (kein Rückruf erreicht diesen Computer)</translation>
    </message>
    <message>
        <source>Polling interval</source>
        <translation>Abfrageintervall</translation>
    </message>
    <message>
        <source>Every 30 seconds</source>
        <translation>Alle 30 Sekunden</translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation>Jede Minute</translation>
    </message>
    <message>
        <source>Every 2 minutes</source>
        <translation>Alle 2 Minuten</translation>
    </message>
    <message>
        <source>Every 5 minutes</source>
        <translation>Alle 5 Minuten</translation>
    </message>
    <message>
        <source>Public callback URL…</source>
        <translation>Öffentliche Rückruf-URL…</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
</context>
<context>
    <name>ApprovalButtonsDelegate</name>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
</context>
<context>
    <name>BasicsPage</name>
    <message>
        <source>Basics</source>
        <translation>Grundlagen</translation>
    </message>
    <message>
        <source>What the course is and where it lives. Fields marked * are required.</source>
        <translation>Was der Kurs ist und wo er liegt. Mit * markierte Felder sind Pflichtfelder.</translation>
    </message>
    <message>
        <source>Loading catalogs…</source>
        <translation>Kataloge werden geladen…</translation>
    </message>
    <message>
        <source>filled from the title</source>
        <translation>aus dem Titel übernommen</translation>
    </message>
    <message>
        <source>If the URL is taken, let the server choose a free one</source>
        <translation>Ist die URL vergeben, wählt der Server eine freie</translation>
    </message>
    <message>
        <source>e.g. 2 hours</source>
        <translation>z. B. 2 Stunden</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Course type</source>
        <translation>Kursart</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Long description</source>
        <translation>Ausführliche Beschreibung</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The course site's address segment within the catalog.</source>
        <translation>Der Adressteil der Kurswebsite innerhalb des Katalogs.</translation>
    </message>
    <message>
        <source>Culture</source>
        <translation>Kultur</translation>
    </message>
    <message>
        <source>UI culture</source>
        <translation>Oberflächenkultur</translation>
    </message>
    <message>
        <source>Course ID</source>
        <translation>Kurs-ID</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>CEU</source>
        <translation>CEU</translation>
    </message>
    <message>
        <source>Image URL</source>
        <translation>Bild-URL</translation>
    </message>
    <message>
        <source>Choose a catalog</source>
        <translation>Wählen Sie einen Katalog</translation>
    </message>
</context>
<context>
    <name>BulkScope</name>
    <message>
        <source>Only the loaded rows are selected</source>
        <translation>Nur die geladenen Zeilen sind ausgewählt</translation>
    </message>
    <message>
        <source>{verb}: {loaded} loaded of {total} matching.</source>
        <translation>{verb}: {loaded} geladen von {total} passenden.</translation>
    </message>
    <message>
        <source>The other {rest} row has not been loaded yet. Include every matching row (its id is fetched first), or only the loaded ones?</source>
        <translation>Die übrige {rest} Zeile ist noch nicht geladen. Sollen alle passenden Zeilen einbezogen werden (ihre ID wird zuerst abgerufen) oder nur die geladenen?</translation>
    </message>
    <message>
        <source>The other {rest} rows have not been loaded yet. Include every matching row (their ids are fetched first), or only the loaded ones?</source>
        <translation>Die übrigen {rest} Zeilen sind noch nicht geladen. Sollen alle passenden Zeilen einbezogen werden (ihre IDs werden zuerst abgerufen) oder nur die geladenen?</translation>
    </message>
    <message>
        <source>All {total} matching</source>
        <translation>Alle {total} passenden</translation>
    </message>
    <message>
        <source>Only the {loaded} loaded</source>
        <translation>Nur die {loaded} geladenen</translation>
    </message>
</context>
<context>
    <name>CallbackUrlDialog</name>
    <message>
        <source>Public callback URL</source>
        <translation>Öffentliche Rückruf-URL</translation>
    </message>
    <message>
        <source>LMS365 in the cloud cannot reach this computer directly. If a tunnel (for example ngrok or a reverse proxy) forwards an https address here, enter that address; webhooks are then subscribed with it. Leave it empty to receive on this computer only.</source>
        <translation>LMS365 in der Cloud kann diesen Computer nicht direkt erreichen. Leitet ein Tunnel (zum Beispiel ngrok oder ein Reverse-Proxy) eine https-Adresse hierher weiter, geben Sie diese Adresse ein; Webhooks werden dann damit abonniert. Lassen Sie das Feld leer, um nur auf diesem Computer zu empfangen.</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>ein freier Port</translation>
    </message>
    <message>
        <source>The tunnel forwards to 127.0.0.1, port:</source>
        <translation>Der Tunnel leitet an 127.0.0.1 weiter, Port:</translation>
    </message>
</context>
<context>
    <name>CatalogDetails</name>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message numerus="yes">
        <source>%Ln course</source>
        <translation>
            <numerusform>%Ln Kurs</numerusform>
            <numerusform>%Ln Kurse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln courses</source>
        <translation>
            <numerusform>%Ln Kurs</numerusform>
            <numerusform>%Ln Kurse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln category</source>
        <translation>
            <numerusform>%Ln Kategorie</numerusform>
            <numerusform>%Ln Kategorien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln categories</source>
        <translation>
            <numerusform>%Ln Kategorie</numerusform>
            <numerusform>%Ln Kategorien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tag</source>
        <translation>
            <numerusform>%Ln Schlagwort</numerusform>
            <numerusform>%Ln Schlagwörter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tags</source>
        <translation>
            <numerusform>%Ln Schlagwort</numerusform>
            <numerusform>%Ln Schlagwörter</numerusform>
        </translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
</context>
<context>
    <name>CatalogTreeMenu</name>
    <message>
        <source>Create category…</source>
        <translation>Kategorie anlegen…</translation>
    </message>
    <message>
        <source>Create tag…</source>
        <translation>Schlagwort anlegen…</translation>
    </message>
</context>
<context>
    <name>CatalogsPane</name>
    <message>
        <source>Catalogs</source>
        <translation>Kataloge</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>CategorisationPage</name>
    <message>
        <source>Categorisation</source>
        <translation>Einordnung</translation>
    </message>
    <message>
        <source>Tick existing categories and tags, or type new ones: they are created with the course.</source>
        <translation>Haken Sie vorhandene Kategorien und Schlagwörter an oder geben Sie neue ein: Sie werden mit dem Kurs angelegt.</translation>
    </message>
    <message>
        <source>New category name</source>
        <translation>Name der neuen Kategorie</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(oberste Ebene)</translation>
    </message>
    <message>
        <source>Parent category of the new category</source>
        <translation>Übergeordnete Kategorie der neuen Kategorie</translation>
    </message>
    <message>
        <source>New tag name</source>
        <translation>Name des neuen Schlagworts</translation>
    </message>
    <message>
        <source>Categories of the catalog</source>
        <translation>Kategorien des Katalogs</translation>
    </message>
    <message>
        <source>Tick the categories the course belongs to.</source>
        <translation>Haken Sie die Kategorien an, zu denen der Kurs gehört.</translation>
    </message>
    <message>
        <source>Add the new category</source>
        <translation>Die neue Kategorie hinzufügen</translation>
    </message>
    <message>
        <source>Tags of the catalog</source>
        <translation>Schlagwörter des Katalogs</translation>
    </message>
    <message>
        <source>Tick the tags the course gets.</source>
        <translation>Haken Sie die Schlagwörter an, die der Kurs erhält.</translation>
    </message>
    <message>
        <source>Add the new tag</source>
        <translation>Das neue Schlagwort hinzufügen</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
</context>
<context>
    <name>CertificateDrop</name>
    <message>
        <source>Cannot upload {file}</source>
        <translation>{file} kann nicht hochgeladen werden</translation>
    </message>
    <message>
        <source>This enrollment cannot hold a certificate.</source>
        <translation>Diese Einschreibung kann kein Zertifikat aufnehmen.</translation>
    </message>
    <message>
        <source>Upload {file} as the certificate of {learner}?</source>
        <translation>{file} als Zertifikat von {learner} hochladen?</translation>
    </message>
    <message>
        <source>It replaces the certificate file the learner has now.</source>
        <translation>Sie ersetzt die aktuelle Zertifikatsdatei des Lernenden.</translation>
    </message>
    <message>
        <source>Upload certificate</source>
        <translation>Zertifikat hochladen</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Certificate uploaded</source>
        <translation>Zertifikat hochgeladen</translation>
    </message>
    <message>
        <source>{file} is now the certificate of {learner}.</source>
        <translation>{file} ist jetzt das Zertifikat von {learner}.</translation>
    </message>
    <message>
        <source>Upload failed</source>
        <translation>Hochladen fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>CompliancePage</name>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>C&amp;atalog:</source>
        <translation>K&amp;atalog:</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Abteilung:</translation>
    </message>
    <message>
        <source>All catalogs</source>
        <translation>Alle Kataloge</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>Alle Abteilungen</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to LMS365</source>
        <translation>Mit LMS365 verbinden</translation>
    </message>
    <message>
        <source>Open the local sandbox</source>
        <translation>Lokale Sandbox öffnen</translation>
    </message>
    <message>
        <source>A demo LMS365 on this computer with sample courses, users and enrollments. No tenant or API key needed.</source>
        <translation>Ein Demo-LMS365 auf diesem Computer mit Beispielkursen, -benutzern und -einschreibungen. Kein Mandant und kein API-Schlüssel nötig.</translation>
    </message>
    <message>
        <source>Try it out</source>
        <translation>Ausprobieren</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation>Gespeicherte Verbindungen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Save and connect</source>
        <translation>Speichern und verbinden</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>The API key of this connection is not stored on this computer; enter it to connect.</source>
        <translation>Der API-Schlüssel dieser Verbindung ist auf diesem Computer nicht gespeichert; geben Sie ihn zum Verbinden ein.</translation>
    </message>
    <message>
        <source>Edit connection “{name}”</source>
        <translation>Verbindung „{name}“ bearbeiten</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message>
        <source>Delete the connection “{name}” and forget its API key on this computer?</source>
        <translation>Die Verbindung „{name}“ löschen und ihren API-Schlüssel auf diesem Computer vergessen?</translation>
    </message>
    <message>
        <source>Checking the connection to {url} before saving it…</source>
        <translation>Die Verbindung zu {url} wird vor dem Speichern geprüft…</translation>
    </message>
    <message>
        <source>Testing the connection to {url}…</source>
        <translation>Die Verbindung zu {url} wird getestet…</translation>
    </message>
    <message>
        <source>Connected. {message}</source>
        <translation>Verbunden. {message}</translation>
    </message>
    <message>
        <source>The server did not accept this key.</source>
        <translation>Der Server hat diesen Schlüssel nicht akzeptiert.</translation>
    </message>
    <message>
        <source>This key may not read this tenant.</source>
        <translation>Dieser Schlüssel darf diesen Mandanten nicht lesen.</translation>
    </message>
    <message>
        <source>No LMS365 answered at this address.</source>
        <translation>Unter dieser Adresse hat kein LMS365 geantwortet.</translation>
    </message>
    <message>
        <source>The connection failed.</source>
        <translation>Die Verbindung ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <source>United States (Central US)</source>
        <translation>Vereinigte Staaten (USA Mitte)</translation>
    </message>
    <message>
        <source>Europe (North Europe)</source>
        <translation>Europa (Nordeuropa)</translation>
    </message>
    <message>
        <source>United Kingdom (UK South)</source>
        <translation>Vereinigtes Königreich (UK Süd)</translation>
    </message>
    <message>
        <source>Germany (West Central)</source>
        <translation>Deutschland (Westen Mitte)</translation>
    </message>
    <message>
        <source>Switzerland (North)</source>
        <translation>Schweiz (Norden)</translation>
    </message>
    <message>
        <source>Canada (Central)</source>
        <translation>Kanada (Mitte)</translation>
    </message>
    <message>
        <source>Australia (East)</source>
        <translation>Australien (Osten)</translation>
    </message>
    <message>
        <source>Japan (East)</source>
        <translation>Japan (Osten)</translation>
    </message>
    <message>
        <source>US Government (GCC)</source>
        <translation>US-Regierung (GCC)</translation>
    </message>
    <message>
        <source>Any region (compatibility host api.365.systems)</source>
        <translation>Jede Region (Kompatibilitätshost api.365.systems)</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <source>The name must be a single line of text.</source>
        <translation>Der Name muss eine einzelne Textzeile sein.</translation>
    </message>
    <message>
        <source>The API address is empty. Choose a region or type the API address, e.g. https://us-api.365.systems.</source>
        <translation>Die API-Adresse ist leer. Wählen Sie eine Region oder geben Sie die API-Adresse ein, z. B. https://us-api.365.systems.</translation>
    </message>
    <message>
        <source>The API address must be a full web address starting with https://, e.g. https://us-api.365.systems.</source>
        <translation>Die API-Adresse muss eine vollständige Webadresse sein, die mit https:// beginnt, z. B. https://us-api.365.systems.</translation>
    </message>
    <message>
        <source>The API address must use https:// (plain http:// would send the API key unencrypted; it is allowed only for this computer, e.g. http://127.0.0.1:8365).</source>
        <translation>Die API-Adresse muss https:// verwenden (einfaches http:// würde den API-Schlüssel unverschlüsselt senden; es ist nur für diesen Computer erlaubt, z. B. http://127.0.0.1:8365).</translation>
    </message>
    <message>
        <source>The API address must not contain a query, a fragment or credentials.</source>
        <translation>Die API-Adresse darf keine Abfrage, kein Fragment und keine Anmeldedaten enthalten.</translation>
    </message>
    <message>
        <source>The API address has an invalid port number.</source>
        <translation>Die API-Adresse hat eine ungültige Portnummer.</translation>
    </message>
    <message>
        <source>The public callback address is empty. Type the https address a tunnel forwards to this computer, e.g. https://example.ngrok.app.</source>
        <translation>Die öffentliche Rückrufadresse ist leer. Geben Sie die https-Adresse ein, die ein Tunnel an diesen Computer weiterleitet, z. B. https://example.ngrok.app.</translation>
    </message>
    <message>
        <source>The public callback address must be a full web address starting with https://, e.g. https://example.ngrok.app.</source>
        <translation>Die öffentliche Rückrufadresse muss eine vollständige Webadresse sein, die mit https:// beginnt, z. B. https://example.ngrok.app.</translation>
    </message>
    <message>
        <source>The public callback address must use https://: LMS365 delivers events to it across the internet. Plain http:// is allowed only for an address on this computer.</source>
        <translation>Die öffentliche Rückrufadresse muss https:// verwenden: LMS365 stellt Ereignisse über das Internet an sie zu. Einfaches http:// ist nur für eine Adresse auf diesem Computer erlaubt.</translation>
    </message>
    <message>
        <source>The public callback address must not contain a query, a fragment or credentials.</source>
        <translation>Die öffentliche Rückrufadresse darf keine Abfrage, kein Fragment und keine Anmeldedaten enthalten.</translation>
    </message>
    <message>
        <source>The public callback address has an invalid port number.</source>
        <translation>Die öffentliche Rückrufadresse hat eine ungültige Portnummer.</translation>
    </message>
    <message>
        <source>e.g. Contoso production</source>
        <translation>z. B. Contoso Produktion</translation>
    </message>
    <message>
        <source>Custom address…</source>
        <translation>Eigene Adresse…</translation>
    </message>
    <message>
        <source>Paste the API key</source>
        <translation>API-Schlüssel einfügen</translation>
    </message>
    <message>
        <source>Created in LMS365 Admin Center › Global Settings › API key management.</source>
        <translation>Erstellt im LMS365 Admin Center › Globale Einstellungen › API-Schlüsselverwaltung.</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>Schlüssel anzeigen</translation>
    </message>
    <message>
        <source> calls</source>
        <translation> Aufrufe</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>optional: LMS365 user id or Entra object id</source>
        <translation>optional: LMS365-Benutzer-ID oder Entra-Objekt-ID</translation>
    </message>
    <message>
        <source>optional: public https address for live events</source>
        <translation>optional: öffentliche https-Adresse für Live-Ereignisse</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>More options</source>
        <translation>Weitere Optionen</translation>
    </message>
    <message>
        <source>per</source>
        <translation>pro</translation>
    </message>
    <message>
        <source>Rate limit: time window in seconds</source>
        <translation>Ratenlimit: Zeitfenster in Sekunden</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Rate &amp;limit:</source>
        <translation>Raten&amp;limit:</translation>
    </message>
    <message>
        <source>On behal&amp;f of:</source>
        <translation>Im Auf&amp;trag von:</translation>
    </message>
    <message>
        <source>Call&amp;back address:</source>
        <translation>Rückr&amp;ufadresse:</translation>
    </message>
    <message>
        <source>Rate limit: calls</source>
        <translation>Ratenlimit: Aufrufe</translation>
    </message>
    <message>
        <source>A saved connection already has this name; choose another.</source>
        <translation>Eine gespeicherte Verbindung trägt bereits diesen Namen; wählen Sie einen anderen.</translation>
    </message>
    <message>
        <source>Enter the API key (a Full Control key can make changes; Read Only cannot).</source>
        <translation>Geben Sie den API-Schlüssel ein (ein Vollzugriffsschlüssel darf ändern, ein Nur-Lesen-Schlüssel nicht).</translation>
    </message>
    <message>
        <source>Hide the key</source>
        <translation>Schlüssel verbergen</translation>
    </message>
</context>
<context>
    <name>ConsoleFiles</name>
    <message>
        <source>Send {0}?</source>
        <translation>{0} senden?</translation>
    </message>
    <message>
        <source>{0} {1}

This can change data on the server.</source>
        <translation>{0} {1}

Dies kann Daten auf dem Server ändern.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Do not ask again this session</source>
        <translation>In dieser Sitzung nicht mehr fragen</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>Nicht gesendet.</translation>
    </message>
    <message>
        <source>Save request</source>
        <translation>Anfrage speichern</translation>
    </message>
    <message>
        <source>Name (secret header values are not saved):</source>
        <translation>Name (geheime Header-Werte werden nicht gespeichert):</translation>
    </message>
    <message>
        <source>Saved as “{0}”.</source>
        <translation>Gespeichert als „{0}“.</translation>
    </message>
    <message>
        <source>Export rows as CSV</source>
        <translation>Zeilen als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Wrote {0} rows to {1}.</source>
        <translation>{0} Zeilen nach {1} geschrieben.</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>{0} konnte nicht geschrieben werden: {1}</translation>
    </message>
    <message>
        <source>Save response body</source>
        <translation>Antwortinhalt speichern</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saved {0} bytes to {1}.</source>
        <translation>{0} Bytes nach {1} gespeichert.</translation>
    </message>
    <message>
        <source>Clear history?</source>
        <translation>Verlauf leeren?</translation>
    </message>
    <message>
        <source>Remove every request from the console history? Saved requests stay.</source>
        <translation>Alle Anfragen aus dem Konsolenverlauf entfernen? Gespeicherte Anfragen bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>ConsolePane</name>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter); while running, cancel</source>
        <translation>Senden (Strg+Eingabe); während des Laufs: abbrechen</translation>
    </message>
    <message>
        <source>Copy as</source>
        <translation>Kopieren als</translation>
    </message>
    <message>
        <source>curl</source>
        <translation>curl</translation>
    </message>
    <message>
        <source>PowerShell</source>
        <translation>PowerShell</translation>
    </message>
    <message>
        <source>Python (httpx)</source>
        <translation>Python (httpx)</translation>
    </message>
    <message>
        <source>Paste curl</source>
        <translation>curl einfügen</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Confirm writes</source>
        <translation>Schreibzugriffe bestätigen</translation>
    </message>
    <message>
        <source>Ask before POST, PUT, PATCH and DELETE (for this session)</source>
        <translation>Vor POST, PUT, PATCH und DELETE fragen (für diese Sitzung)</translation>
    </message>
    <message>
        <source>$metadata answered {0}</source>
        <translation>$metadata antwortete {0}</translation>
    </message>
    <message>
        <source>Completion knows {0} entity sets</source>
        <translation>Die Vervollständigung kennt {0} Entitätsmengen</translation>
    </message>
    <message>
        <source>No completion: could not read $metadata ({0})</source>
        <translation>Keine Vervollständigung: $metadata konnte nicht gelesen werden ({0})</translation>
    </message>
    <message>
        <source>Nothing to send</source>
        <translation>Nichts zu senden</translation>
    </message>
    <message>
        <source>Type a URI, e.g. Courses?$top=10.</source>
        <translation>Geben Sie eine URI ein, z. B. Courses?$top=10.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connect to a tenant or the sandbox first.</source>
        <translation>Verbinden Sie sich zuerst mit einem Mandanten oder der Sandbox.</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Enter the value of the secret header {0}: secrets are never kept, so it must be typed again.</source>
        <translation>Geben Sie den Wert des geheimen Headers {0} ein: Geheimnisse werden nie gespeichert, daher muss er erneut eingegeben werden.</translation>
    </message>
    <message>
        <source>Replace {0} in the query options or the body with the real value: secrets are never kept, so they must be typed again.</source>
        <translation>Ersetzen Sie {0} in den Abfrageoptionen oder im Inhalt durch den echten Wert: Geheimnisse werden nie gespeichert, daher müssen sie erneut eingegeben werden.</translation>
    </message>
    <message>
        <source>The body is not valid JSON: {0}</source>
        <translation>Der Inhalt ist kein gültiges JSON: {0}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>page 1</source>
        <translation>Seite 1</translation>
    </message>
    <message>
        <source>Copied; the key is read from $LMS365_API_KEY, never included.</source>
        <translation>Kopiert; der Schlüssel wird aus $LMS365_API_KEY gelesen und nie mitkopiert.</translation>
    </message>
    <message>
        <source>Filled from curl; its credentials were not taken over.</source>
        <translation>Aus curl übernommen; seine Anmeldedaten wurden nicht übernommen.</translation>
    </message>
    <message>
        <source>Filled from curl.</source>
        <translation>Aus curl übernommen.</translation>
    </message>
    <message>
        <source>{0} (from history)</source>
        <translation>{0} (aus dem Verlauf)</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>page {0}</source>
        <translation>Seite {0}</translation>
    </message>
    <message>
        <source>Fetching all…</source>
        <translation>Alle werden abgerufen…</translation>
    </message>
    <message>
        <source>{0} rows, {1} pages</source>
        <translation>{0} Zeilen, {1} Seiten</translation>
    </message>
    <message>
        <source>{0} rows from {1} pages; stopped at the cap of {2} rows</source>
        <translation>{0} Zeilen aus {1} Seiten; bei der Obergrenze von {2} Zeilen angehalten</translation>
    </message>
    <message>
        <source>all {0} rows from {1} pages</source>
        <translation>alle {0} Zeilen aus {1} Seiten</translation>
    </message>
</context>
<context>
    <name>ContentPage</name>
    <message>
        <source>Content and people</source>
        <translation>Inhalte und Personen</translation>
    </message>
    <message>
        <source>What the course site starts with, and who teaches.</source>
        <translation>Womit die Kurswebsite beginnt und wer unterrichtet.</translation>
    </message>
    <message>
        <source>One learning module per line</source>
        <translation>Ein Lernmodul pro Zeile</translation>
    </message>
    <message>
        <source>One quiz per line</source>
        <translation>Ein Quiz pro Zeile</translation>
    </message>
    <message>
        <source>Site template</source>
        <translation>Websitevorlage</translation>
    </message>
    <message>
        <source>Learning modules</source>
        <translation>Lernmodule</translation>
    </message>
    <message>
        <source>Quizzes</source>
        <translation>Quizze</translation>
    </message>
    <message>
        <source>Course layout id</source>
        <translation>Kurslayout-ID</translation>
    </message>
    <message>
        <source>Trainers</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <source>Teachers</source>
        <translation>Lehrkräfte</translation>
    </message>
</context>
<context>
    <name>CourseDetails</name>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Course ID</source>
        <translation>Kurs-ID</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Enrollment flow</source>
        <translation>Einschreibungsablauf</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>CEU</source>
        <translation>CEU</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Trainers</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <source>Learning modules</source>
        <translation>Lernmodule</translation>
    </message>
    <message>
        <source>Quizzes</source>
        <translation>Quizze</translation>
    </message>
    <message numerus="yes">
        <source>%Ln enrollment</source>
        <translation>
            <numerusform>%Ln Einschreibung</numerusform>
            <numerusform>%Ln Einschreibungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln enrollments</source>
        <translation>
            <numerusform>%Ln Einschreibung</numerusform>
            <numerusform>%Ln Einschreibungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Enrollments</source>
        <translation>Einschreibungen</translation>
    </message>
</context>
<context>
    <name>CoursePage</name>
    <message>
        <source>Course</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>&amp;Course:</source>
        <translation>&amp;Kurs:</translation>
    </message>
    <message>
        <source>Open in Enrollments</source>
        <translation>In Einschreibungen öffnen</translation>
    </message>
    <message>
        <source>Open these learners in the Enrollments pane</source>
        <translation>Diese Lernenden im Bereich Einschreibungen öffnen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>All courses</source>
        <translation>Alle Kurse</translation>
    </message>
</context>
<context>
    <name>CourseWizard</name>
    <message>
        <source>New course</source>
        <translation>Neuer Kurs</translation>
    </message>
    <message>
        <source>Creating the course…</source>
        <translation>Der Kurs wird angelegt…</translation>
    </message>
    <message>
        <source>Created.</source>
        <translation>Angelegt.</translation>
    </message>
    <message>
        <source>The URL “{url}” is already in use. {server}</source>
        <translation>Die URL „{url}“ ist bereits vergeben. {server}</translation>
    </message>
    <message>
        <source>The server refused the course: {message}</source>
        <translation>Der Server hat den Kurs abgelehnt: {message}</translation>
    </message>
    <message>
        <source>Waiting for LMS365 to start…</source>
        <translation>Warten auf den Start von LMS365…</translation>
    </message>
    <message>
        <source>Queued…</source>
        <translation>In der Warteschlange…</translation>
    </message>
    <message>
        <source>Provisioning the course site… {progress}%</source>
        <translation>Die Kurswebsite wird eingerichtet… {progress} %</translation>
    </message>
    <message>
        <source>The course is ready.</source>
        <translation>Der Kurs ist bereit.</translation>
    </message>
    <message>
        <source>Provisioning failed: {message}</source>
        <translation>Einrichtung fehlgeschlagen: {message}</translation>
    </message>
    <message>
        <source>The course is ready at {url}.</source>
        <translation>Der Kurs ist unter {url} bereit.</translation>
    </message>
    <message>
        <source>Could not follow provisioning: {message}</source>
        <translation>Die Einrichtung konnte nicht verfolgt werden: {message}</translation>
    </message>
    <message>
        <source>Sending stopped; nothing you typed was lost.</source>
        <translation>Senden angehalten; nichts von Ihren Eingaben ging verloren.</translation>
    </message>
    <message>
        <source>Discard the new course?</source>
        <translation>Den neuen Kurs verwerfen?</translation>
    </message>
    <message>
        <source>Close the wizard and lose what you typed?</source>
        <translation>Den Assistenten schließen und Ihre Eingaben verwerfen?</translation>
    </message>
</context>
<context>
    <name>CoursesPane</name>
    <message>
        <source>Courses</source>
        <translation>Kurse</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Course ID</source>
        <translation>Kurs-ID</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>CEU</source>
        <translation>CEU</translation>
    </message>
    <message>
        <source>Enrollment flow</source>
        <translation>Einschreibungsablauf</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>In catalog</source>
        <translation>Im Katalog</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>LMS365 Desktop ran into a problem</source>
        <translation>LMS365 Desktop ist auf ein Problem gestoßen</translation>
    </message>
    <message>
        <source>Something in the application failed unexpectedly. Your data on the server is as the last confirmed action left it. The details below (without your API key) and the log file help support find the cause; you can keep working, or restart the application if it misbehaves.</source>
        <translation>In der Anwendung ist unerwartet etwas fehlgeschlagen. Ihre Daten auf dem Server sind so, wie die letzte bestätigte Aktion sie hinterlassen hat. Die Details unten (ohne Ihren API-Schlüssel) und die Protokolldatei helfen dem Support, die Ursache zu finden; Sie können weiterarbeiten oder die Anwendung neu starten, falls sie sich seltsam verhält.</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Details:</translation>
    </message>
    <message>
        <source>Crash details</source>
        <translation>Absturzdetails</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
    <message>
        <source>The last session of LMS365 Desktop ended with an error: {summary}</source>
        <translation>Die letzte Sitzung von LMS365 Desktop endete mit einem Fehler: {summary}</translation>
    </message>
    <message>
        <source>An unexpected error occurred: {summary}</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten: {summary}</translation>
    </message>
    <message numerus="yes">
        <source>(%n errors in all)</source>
        <translation>
            <numerusform>(%n Fehler insgesamt)</numerusform>
            <numerusform>(%n Fehler insgesamt)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CreateNamedDialog</name>
    <message>
        <source>New category</source>
        <translation>Neue Kategorie</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>Neues Schlagwort</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>The selected row in full</source>
        <translation>Die ausgewählte Zeile vollständig</translation>
    </message>
    <message>
        <source>Select one row to see its details.</source>
        <translation>Wählen Sie eine Zeile, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… und {n} weitere</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
</context>
<context>
    <name>DiagnosticsController</name>
    <message>
        <source>Diagnostics copied</source>
        <translation>Diagnosedaten kopiert</translation>
    </message>
    <message>
        <source>Paste them into your message to support.</source>
        <translation>Fügen Sie sie in Ihre Nachricht an den Support ein.</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>&amp;Diagnosedaten kopieren</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Request log</source>
        <translation>&amp;Anfrageprotokoll</translation>
    </message>
</context>
<context>
    <name>EnrollmentActions</name>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Genehmigen</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>&amp;Ablehnen…</translation>
    </message>
    <message>
        <source>&amp;Cancel enrollment…</source>
        <translation>Einschreibung &amp;stornieren…</translation>
    </message>
    <message>
        <source>Set c&amp;ompleted…</source>
        <translation>Als a&amp;bgeschlossen markieren…</translation>
    </message>
    <message>
        <source>Force re&amp;take…</source>
        <translation>&amp;Wiederholung erzwingen…</translation>
    </message>
    <message>
        <source>&amp;Enroll users…</source>
        <translation>Benutzer &amp;einschreiben…</translation>
    </message>
    <message numerus="yes">
        <source>Reject %n enrollment request?</source>
        <translation>
            <numerusform>%n Einschreibungsanfrage ablehnen?</numerusform>
            <numerusform>%n Einschreibungsanfragen ablehnen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n enrollment requests?</source>
        <translation>
            <numerusform>%n Einschreibungsanfrage ablehnen?</numerusform>
            <numerusform>%n Einschreibungsanfragen ablehnen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message numerus="yes">
        <source>Reject %n request</source>
        <translation>
            <numerusform>%n Anfrage ablehnen</numerusform>
            <numerusform>%n Anfragen ablehnen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n requests</source>
        <translation>
            <numerusform>%n Anfrage ablehnen</numerusform>
            <numerusform>%n Anfragen ablehnen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep it pending</source>
        <translation>
            <numerusform>Ausstehend lassen</numerusform>
            <numerusform>Ausstehend lassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep them pending</source>
        <translation>
            <numerusform>Ausstehend lassen</numerusform>
            <numerusform>Ausstehend lassen</numerusform>
        </translation>
    </message>
    <message>
        <source>Message to the learner:</source>
        <translation>Nachricht an den Lernenden:</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n enrollment?</source>
        <translation>
            <numerusform>%n Einschreibung stornieren?</numerusform>
            <numerusform>%n Einschreibungen stornieren?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n enrollments?</source>
        <translation>
            <numerusform>%n Einschreibung stornieren?</numerusform>
            <numerusform>%n Einschreibungen stornieren?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n enrollment</source>
        <translation>
            <numerusform>%n Einschreibung stornieren</numerusform>
            <numerusform>%n Einschreibungen stornieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n enrollments</source>
        <translation>
            <numerusform>%n Einschreibung stornieren</numerusform>
            <numerusform>%n Einschreibungen stornieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel enrollment</source>
        <translation>Einschreibung stornieren</translation>
    </message>
    <message numerus="yes">
        <source>Keep it</source>
        <translation>
            <numerusform>Beibehalten</numerusform>
            <numerusform>Beibehalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep them</source>
        <translation>
            <numerusform>Beibehalten</numerusform>
            <numerusform>Beibehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason (shown to the learner):</source>
        <translation>Grund (wird dem Lernenden angezeigt):</translation>
    </message>
    <message numerus="yes">
        <source>Mark %n enrollment as completed?</source>
        <translation>
            <numerusform>%n Einschreibung als abgeschlossen markieren?</numerusform>
            <numerusform>%n Einschreibungen als abgeschlossen markieren?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n enrollments as completed?</source>
        <translation>
            <numerusform>%n Einschreibung als abgeschlossen markieren?</numerusform>
            <numerusform>%n Einschreibungen als abgeschlossen markieren?</numerusform>
        </translation>
    </message>
    <message>
        <source>Set completed</source>
        <translation>Als abgeschlossen markieren</translation>
    </message>
    <message>
        <source>Leave as is</source>
        <translation>Unverändert lassen</translation>
    </message>
    <message numerus="yes">
        <source>Mark %n completed</source>
        <translation>
            <numerusform>%n als abgeschlossen markieren</numerusform>
            <numerusform>%n als abgeschlossen markieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Make %n learner take the course again?</source>
        <translation>
            <numerusform>Soll %n Lernender den Kurs wiederholen?</numerusform>
            <numerusform>Sollen %n Lernende den Kurs wiederholen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Make %n learners take the course again?</source>
        <translation>
            <numerusform>Soll %n Lernender den Kurs wiederholen?</numerusform>
            <numerusform>Sollen %n Lernende den Kurs wiederholen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retake for %n learner</source>
        <translation>
            <numerusform>Wiederholung für %n Lernenden</numerusform>
            <numerusform>Wiederholung für %n Lernende</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retake for %n learners</source>
        <translation>
            <numerusform>Wiederholung für %n Lernenden</numerusform>
            <numerusform>Wiederholung für %n Lernende</numerusform>
        </translation>
    </message>
    <message>
        <source>Force retake</source>
        <translation>Wiederholung erzwingen</translation>
    </message>
    <message>
        <source>Their completion is cleared; progress starts over.</source>
        <translation>Der Abschluss wird gelöscht; der Fortschritt beginnt von vorn.</translation>
    </message>
    <message>
        <source>Nothing to approve</source>
        <translation>Nichts zu genehmigen</translation>
    </message>
    <message>
        <source>Nothing to reject</source>
        <translation>Nichts abzulehnen</translation>
    </message>
    <message>
        <source>Nothing to cancel</source>
        <translation>Nichts zu stornieren</translation>
    </message>
    <message>
        <source>Nothing to mark completed</source>
        <translation>Nichts als abgeschlossen zu markieren</translation>
    </message>
    <message>
        <source>Nothing to retake</source>
        <translation>Nichts zu wiederholen</translation>
    </message>
    <message>
        <source>Select one or more enrollments first.</source>
        <translation>Wählen Sie zuerst eine oder mehrere Einschreibungen.</translation>
    </message>
    <message numerus="yes">
        <source>The selected enrollment is not pending approval.</source>
        <translation>
            <numerusform>Die ausgewählte Einschreibung wartet nicht auf Genehmigung.</numerusform>
            <numerusform>Keine der %n ausgewählten Einschreibungen wartet auf Genehmigung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected enrollments is pending approval.</source>
        <translation>
            <numerusform>Die ausgewählte Einschreibung wartet nicht auf Genehmigung.</numerusform>
            <numerusform>Keine der %n ausgewählten Einschreibungen wartet auf Genehmigung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The selected enrollment is not active.</source>
        <translation>
            <numerusform>Die ausgewählte Einschreibung ist nicht aktiv.</numerusform>
            <numerusform>Keine der %n ausgewählten Einschreibungen ist aktiv.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected enrollments is active.</source>
        <translation>
            <numerusform>Die ausgewählte Einschreibung ist nicht aktiv.</numerusform>
            <numerusform>Keine der %n ausgewählten Einschreibungen ist aktiv.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The selected enrollment is not an enrolled, unfinished one.</source>
        <translation>
            <numerusform>Die ausgewählte Einschreibung ist nicht eingeschrieben und unvollendet.</numerusform>
            <numerusform>Keine der %n ausgewählten Einschreibungen ist eingeschrieben und unvollendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected enrollments is enrolled and unfinished.</source>
        <translation>
            <numerusform>Die ausgewählte Einschreibung ist nicht eingeschrieben und unvollendet.</numerusform>
            <numerusform>Keine der %n ausgewählten Einschreibungen ist eingeschrieben und unvollendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The selected learner has not started the course.</source>
        <translation>
            <numerusform>Der ausgewählte Lernende hat den Kurs nicht begonnen.</numerusform>
            <numerusform>Keiner der %n ausgewählten Lernenden hat den Kurs begonnen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected learners has started the course.</source>
        <translation>
            <numerusform>Der ausgewählte Lernende hat den Kurs nicht begonnen.</numerusform>
            <numerusform>Keiner der %n ausgewählten Lernenden hat den Kurs begonnen.</numerusform>
        </translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… und {n} weitere</translation>
    </message>
    <message numerus="yes">
        <source>%n selected row is skipped: the action does not apply to it.</source>
        <translation>
            <numerusform>%n ausgewählte Zeile wird übersprungen: die Aktion gilt nicht für sie.</numerusform>
            <numerusform>%n ausgewählte Zeilen werden übersprungen: die Aktion gilt nicht für sie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected rows are skipped: the action does not apply to them.</source>
        <translation>
            <numerusform>%n ausgewählte Zeile wird übersprungen: die Aktion gilt nicht für sie.</numerusform>
            <numerusform>%n ausgewählte Zeilen werden übersprungen: die Aktion gilt nicht für sie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>Retake</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Approve {n} enrollments</source>
        <translation>{n} Einschreibungen genehmigen</translation>
    </message>
    <message>
        <source>Reject {n} enrollments</source>
        <translation>{n} Einschreibungen ablehnen</translation>
    </message>
    <message>
        <source>Cancel {n} enrollments</source>
        <translation>{n} Einschreibungen stornieren</translation>
    </message>
    <message>
        <source>Complete {n} enrollments</source>
        <translation>{n} Einschreibungen abschließen</translation>
    </message>
    <message>
        <source>Retake {n} enrollments</source>
        <translation>{n} Einschreibungen wiederholen lassen</translation>
    </message>
    <message>
        <source>Enroll {n} people in {course}</source>
        <translation>{n} Personen in {course} einschreiben</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Marked completed</source>
        <translation>Als abgeschlossen markiert</translation>
    </message>
    <message>
        <source>Retake started</source>
        <translation>Wiederholung begonnen</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Eingeschrieben</translation>
    </message>
    <message>
        <source>Choose a course</source>
        <translation>Wählen Sie einen Kurs</translation>
    </message>
    <message>
        <source>Select a course or a session first, then Enroll users…</source>
        <translation>Wählen Sie zuerst einen Kurs oder eine Sitzung, dann „Benutzer einschreiben…“</translation>
    </message>
</context>
<context>
    <name>EnrollmentDetails</name>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Büro</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Vorgesetzte(r)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Endet</translation>
    </message>
    <message>
        <source>CEU</source>
        <translation>CEU</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Training plan</source>
        <translation>Schulungsplan</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>No certificate</source>
        <translation>Kein Zertifikat</translation>
    </message>
    <message>
        <source>Status: {s}</source>
        <translation>Status: {s}</translation>
    </message>
    <message>
        <source>Issued: {d}</source>
        <translation>Ausgestellt: {d}</translation>
    </message>
    <message>
        <source>Expires: {d}</source>
        <translation>Läuft ab: {d}</translation>
    </message>
    <message>
        <source>File: {f}</source>
        <translation>Datei: {f}</translation>
    </message>
    <message>
        <source>none uploaded</source>
        <translation>keine hochgeladen</translation>
    </message>
    <message>
        <source>Certificate not found</source>
        <translation>Zertifikat nicht gefunden</translation>
    </message>
</context>
<context>
    <name>EnrollmentPage</name>
    <message>
        <source>Enrollment</source>
        <translation>Einschreibung</translation>
    </message>
    <message>
        <source>How learners get in.</source>
        <translation>Wie Lernende hineinkommen.</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <source>Show the course in the catalog</source>
        <translation>Den Kurs im Katalog anzeigen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Enrollment flow</source>
        <translation>Einschreibungsablauf</translation>
    </message>
    <message>
        <source>Session enrollment</source>
        <translation>Sitzungseinschreibung</translation>
    </message>
    <message>
        <source>For classroom and webinar courses: may a learner join one, all or several sessions?</source>
        <translation>Für Präsenz- und Webinarkurse: Darf ein Lernender an einer, allen oder mehreren Sitzungen teilnehmen?</translation>
    </message>
    <message>
        <source>Failed course</source>
        <translation>Nicht bestandener Kurs</translation>
    </message>
    <message>
        <source>The course a learner is sent to after failing this one.</source>
        <translation>Der Kurs, zu dem ein Lernender geschickt wird, wenn er diesen nicht besteht.</translation>
    </message>
</context>
<context>
    <name>EnrollmentsPane</name>
    <message>
        <source>Enrollments</source>
        <translation>Einschreibungen</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Lernender</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Overdue (days)</source>
        <translation>Überfällig (Tage)</translation>
    </message>
    <message>
        <source>CEU</source>
        <translation>CEU</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Certificate (id)</source>
        <translation>Zertifikat (ID)</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Büro</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Vorgesetzte(r)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Pending approvals</source>
        <translation>Ausstehende Genehmigungen</translation>
    </message>
    <message>
        <source>Pending approvals ({n})</source>
        <translation>Zu genehmigen ({n})</translation>
    </message>
    <message>
        <source>Overdue ({n})</source>
        <translation>Überfällig ({n})</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day overdue</source>
        <translation><numerusform>%Ln Tag überfällig</numerusform><numerusform>%Ln Tage überfällig</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln days overdue</source>
        <translation><numerusform>%Ln Tag überfällig</numerusform><numerusform>%Ln Tage überfällig</numerusform></translation>
    </message>
</context>
<context>
    <name>EntityPane</name>
    <message>
        <source>{loaded} of {total}</source>
        <translation>{loaded} von {total}</translation>
    </message>
    <message>
        <source>{loaded} loaded</source>
        <translation>{loaded} geladen</translation>
    </message>
    <message>
        <source>{shown} shown · </source>
        <translation>{shown} angezeigt · </translation>
    </message>
    <message>
        <source> · not up to date: the last refresh failed (F5 tries again)</source>
        <translation> · nicht aktuell: die letzte Aktualisierung ist fehlgeschlagen (F5 versucht es erneut)</translation>
    </message>
    <message>
        <source>Search on the server…</source>
        <translation>Auf dem Server suchen…</translation>
    </message>
    <message>
        <source>Search on the server</source>
        <translation>Auf dem Server suchen</translation>
    </message>
    <message>
        <source>Enter sends the words to the server; every row is searched</source>
        <translation>Die Eingabetaste sendet die Wörter an den Server; alle Zeilen werden durchsucht</translation>
    </message>
    <message>
        <source>Quick filter loaded rows</source>
        <translation>Geladene Zeilen schnell filtern</translation>
    </message>
    <message>
        <source>Quick filter</source>
        <translation>Schnellfilter</translation>
    </message>
    <message>
        <source>Keeps the loaded rows that contain the text</source>
        <translation>Behält die geladenen Zeilen, die den Text enthalten</translation>
    </message>
    <message>
        <source>Show all again</source>
        <translation>Wieder alle anzeigen</translation>
    </message>
    <message>
        <source>Choose columns</source>
        <translation>Spalten wählen</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Enter opens the selected row; the menu key lists what else it opens</source>
        <translation>Die Eingabetaste öffnet die ausgewählte Zeile; die Menütaste zeigt, was sie sonst noch öffnet</translation>
    </message>
    <message>
        <source>Not connected. Choose File › Connect…</source>
        <translation>Nicht verbunden. Wählen Sie Datei › Verbinden…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>EntityTableModel</name>
    <message>
        <source>{title} (not sortable)</source>
        <translation>{title} (nicht sortierbar)</translation>
    </message>
</context>
<context>
    <name>EnumWords</name>
    <message>
        <source>Webinar</source>
        <translation>Webinar</translation>
    </message>
    <message>
        <source>E-learning</source>
        <translation>E-Learning</translation>
    </message>
    <message>
        <source>Classroom</source>
        <translation>Präsenz</translation>
    </message>
    <message>
        <source>Training plan</source>
        <translation>Schulungsplan</translation>
    </message>
    <message>
        <source>Automatic approval</source>
        <translation>Automatische Genehmigung</translation>
    </message>
    <message>
        <source>Line manager approval</source>
        <translation>Genehmigung durch Vorgesetzte</translation>
    </message>
    <message>
        <source>LMS administrators approval</source>
        <translation>Genehmigung durch LMS-Administratoren</translation>
    </message>
    <message>
        <source>Custom approval</source>
        <translation>Benutzerdefinierte Genehmigung</translation>
    </message>
    <message>
        <source>External webhook approval</source>
        <translation>Genehmigung über externen Webhook</translation>
    </message>
    <message>
        <source>Enroll in one session</source>
        <translation>In eine Sitzung einschreiben</translation>
    </message>
    <message>
        <source>Enroll in all sessions</source>
        <translation>In alle Sitzungen einschreiben</translation>
    </message>
    <message>
        <source>Enroll in several sessions</source>
        <translation>In mehrere Sitzungen einschreiben</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Eingeschrieben</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>Genehmigung ausstehend</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>Warteliste</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht begonnen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
</context>
<context>
    <name>ExportProgress</name>
    <message>
        <source>Cancel export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <source>Starting the export to {file}…</source>
        <translation>Export nach {file} wird gestartet…</translation>
    </message>
    <message>
        <source>Exported {done} rows to {file} so far…</source>
        <translation>Bisher {done} Zeilen nach {file} exportiert…</translation>
    </message>
    <message numerus="yes">
        <source>Exporting {done} of %Ln row to {file}…</source>
        <translation>
            <numerusform>{done} von %Ln Zeile werden nach {file} exportiert…</numerusform>
            <numerusform>{done} von %Ln Zeilen werden nach {file} exportiert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting {done} of %Ln rows to {file}…</source>
        <translation>
            <numerusform>{done} von %Ln Zeile werden nach {file} exportiert…</numerusform>
            <numerusform>{done} von %Ln Zeilen werden nach {file} exportiert…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileDropArea</name>
    <message>
        <source>Drop certificate files here (PDF, PNG or JPEG, up to 10 MB each)</source>
        <translation>Zertifikatsdateien hier ablegen (PDF, PNG oder JPEG, je bis zu 10 MB)</translation>
    </message>
</context>
<context>
    <name>FileUploadDialog</name>
    <message>
        <source>Upload file</source>
        <translation>Datei hochladen</translation>
    </message>
    <message>
        <source>Sends one file to an upload path of the API, e.g. certificates/&lt;certificate id&gt;/upload.</source>
        <translation>Sendet eine Datei an einen Upload-Pfad der API, z. B. certificates/&lt;Zertifikats-ID&gt;/upload.</translation>
    </message>
    <message>
        <source>certificates/{certificateId}/upload</source>
        <translation>certificates/{Zertifikats-ID}/upload</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>…or drop the file here</source>
        <translation>…oder die Datei hier ablegen</translation>
    </message>
    <message>
        <source>Upload path</source>
        <translation>Upload-Pfad</translation>
    </message>
    <message>
        <source>Relative to the API, e.g. certificates/{certificateId}/upload with the id of the certificate record.</source>
        <translation>Relativ zur API, z. B. certificates/{certificateId}/upload mit der ID des Zertifikatsdatensatzes.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Choose the file to upload</source>
        <translation>Wählen Sie die hochzuladende Datei</translation>
    </message>
    <message>
        <source>Enter a path relative to the API, without spaces, e.g. certificates/&lt;id&gt;/upload.</source>
        <translation>Geben Sie einen Pfad relativ zur API ohne Leerzeichen ein, z. B. certificates/&lt;id&gt;/upload.</translation>
    </message>
    <message>
        <source>Choose a file.</source>
        <translation>Wählen Sie eine Datei.</translation>
    </message>
</context>
<context>
    <name>FormMessages</name>
    <message>
        <source>Enter the course catalog.</source>
        <translation>Wählen Sie den Kurskatalog.</translation>
    </message>
    <message>
        <source>Enter the course title.</source>
        <translation>Geben Sie den Kurstitel ein.</translation>
    </message>
    <message>
        <source>Enter the short description.</source>
        <translation>Geben Sie die Kurzbeschreibung ein.</translation>
    </message>
    <message>
        <source>Enter the culture (e.g. en-US).</source>
        <translation>Geben Sie die Kultur ein (z. B. de-DE).</translation>
    </message>
    <message>
        <source>Enter the course URL (e.g. safety-101).</source>
        <translation>Geben Sie die Kurs-URL ein (z. B. sicherheit-101).</translation>
    </message>
    <message>
        <source>Enter the category name.</source>
        <translation>Geben Sie den Namen der Kategorie ein.</translation>
    </message>
    <message>
        <source>Enter the tag name.</source>
        <translation>Geben Sie den Namen des Schlagworts ein.</translation>
    </message>
    <message>
        <source>Enter the session title.</source>
        <translation>Geben Sie den Titel der Sitzung ein.</translation>
    </message>
    <message>
        <source>Enter the time zone (e.g. W. Europe Standard Time).</source>
        <translation>Geben Sie die Zeitzone ein (z. B. W. Europe Standard Time).</translation>
    </message>
    <message>
        <source>Enter the user's login name (e.g. jane@contoso.com).</source>
        <translation>Geben Sie den Anmeldenamen des Benutzers ein (z. B. jane@contoso.com).</translation>
    </message>
    <message>
        <source>Enter the request path (e.g. Competencies).</source>
        <translation>Geben Sie den Anfragepfad ein (z. B. Competencies).</translation>
    </message>
    <message>
        <source>Enter the webhook address the server will call.</source>
        <translation>Geben Sie die Webhook-Adresse ein, die der Server aufrufen soll.</translation>
    </message>
    <message>
        <source>Each category needs an id (existing) or a name (new).</source>
        <translation>Jede Kategorie braucht eine ID (vorhanden) oder einen Namen (neu).</translation>
    </message>
    <message>
        <source>Each tag needs an id (existing) or a name (new).</source>
        <translation>Jedes Schlagwort braucht eine ID (vorhanden) oder einen Namen (neu).</translation>
    </message>
    <message>
        <source>The publishing end date must be after its start date.</source>
        <translation>Das Ende der Veröffentlichung muss nach ihrem Beginn liegen.</translation>
    </message>
    <message>
        <source>Maximum attendees must be at least 1 (leave it empty for no limit).</source>
        <translation>Die Höchstzahl der Teilnehmenden muss mindestens 1 sein (für keine Grenze leer lassen).</translation>
    </message>
    <message>
        <source>The session must end after it starts.</source>
        <translation>Die Sitzung muss nach ihrem Beginn enden.</translation>
    </message>
    <message>
        <source>The enrollment deadline must not be after the session ends.</source>
        <translation>Der Einschreibeschluss darf nicht nach dem Ende der Sitzung liegen.</translation>
    </message>
    <message>
        <source>The image URL {value} must be an absolute http(s) URL, e.g. https://example.com/image.png.</source>
        <translation>Die Bild-URL {value} muss eine absolute http(s)-URL sein, z. B. https://example.com/image.png.</translation>
    </message>
    <message>
        <source>{value} is not a culture name; use a form like en-US or da-DK.</source>
        <translation>{value} ist kein Kulturname; verwenden Sie eine Form wie de-DE oder da-DK.</translation>
    </message>
    <message>
        <source>The course URL {value} contains spaces; use letters, digits and dashes.</source>
        <translation>Die Kurs-URL {value} enthält Leerzeichen; verwenden Sie Buchstaben, Ziffern und Bindestriche.</translation>
    </message>
    <message>
        <source>The duration {value} must be an amount of time, e.g. 90, 2 hours or 1h 30m.</source>
        <translation>Die Dauer {value} muss eine Zeitspanne sein, z. B. 90, 2 hours oder 1h 30m.</translation>
    </message>
    <message>
        <source>{value} is not an e-mail address (e.g. room.berlin@contoso.com).</source>
        <translation>{value} ist keine E-Mail-Adresse (z. B. room.berlin@contoso.com).</translation>
    </message>
    <message>
        <source>The session title is {value} characters; LMS365 allows 128.</source>
        <translation>Der Titel der Sitzung hat {value} Zeichen; LMS365 erlaubt 128.</translation>
    </message>
    <message>
        <source>{value} is not a Microsoft time zone id; pick one such as 'W. Europe Standard Time', 'Eastern Standard Time' or 'UTC'.</source>
        <translation>{value} ist keine Microsoft-Zeitzonen-ID; wählen Sie eine wie 'W. Europe Standard Time', 'Eastern Standard Time' oder 'UTC'.</translation>
    </message>
    <message>
        <source>The meeting link {value} must start with https://.</source>
        <translation>Der Besprechungslink {value} muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>Maximum attendees must be a whole number, not {value}.</source>
        <translation>Die Höchstzahl der Teilnehmenden muss eine ganze Zahl sein, nicht {value}.</translation>
    </message>
    <message>
        <source>The login name {value} contains spaces; enter it as jane@contoso.com or i:0#.f|membership|jane@contoso.com.</source>
        <translation>Der Anmeldename {value} enthält Leerzeichen; geben Sie ihn als jane@contoso.com oder i:0#.f|membership|jane@contoso.com ein.</translation>
    </message>
    <message>
        <source>The course session id must be an id like 027707f9-98d5-5ddf-b98f-0a99a220c1ef (got {value}).</source>
        <translation>Die ID der Kurssitzung muss eine ID wie 027707f9-98d5-5ddf-b98f-0a99a220c1ef sein (erhalten: {value}).</translation>
    </message>
    <message>
        <source>The course catalog id must be an id like 027707f9-98d5-5ddf-b98f-0a99a220c1ef (got {value}).</source>
        <translation>Die ID des Kurskatalogs muss eine ID wie 027707f9-98d5-5ddf-b98f-0a99a220c1ef sein (erhalten: {value}).</translation>
    </message>
    <message>
        <source>{value} is not one of GET, PUT, POST, PATCH, DELETE.</source>
        <translation>{value} ist keine der Methoden GET, PUT, POST, PATCH, DELETE.</translation>
    </message>
    <message>
        <source>Give a path relative to the API, not a full address.</source>
        <translation>Geben Sie einen Pfad relativ zur API an, keine vollständige Adresse.</translation>
    </message>
    <message>
        <source>The webhook address {value} must be a full http(s):// URL.</source>
        <translation>Die Webhook-Adresse {value} muss eine vollständige http(s)://-URL sein.</translation>
    </message>
    <message>
        <source>Not a regular file.</source>
        <translation>Keine reguläre Datei.</translation>
    </message>
    <message>
        <source>Cannot read the file: {reason}.</source>
        <translation>Die Datei kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>Not a PDF, PNG or JPEG file (its content is {kind}).</source>
        <translation>Keine PDF-, PNG- oder JPEG-Datei (ihr Inhalt ist {kind}).</translation>
    </message>
    <message>
        <source>Not a PDF, PNG or JPEG file (its content is not recognised).</source>
        <translation>Keine PDF-, PNG- oder JPEG-Datei (ihr Inhalt wird nicht erkannt).</translation>
    </message>
    <message>
        <source>Too large: {size}; the limit is {limit}.</source>
        <translation>Zu groß: {size}; die Grenze liegt bei {limit}.</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
</context>
<context>
    <name>HistorySidebar</name>
    <message>
        <source>Search the history</source>
        <translation>Verlauf durchsuchen</translation>
    </message>
    <message>
        <source>Search URL and bodies</source>
        <translation>URL und Inhalte durchsuchen</translation>
    </message>
    <message>
        <source>Request history</source>
        <translation>Anfrageverlauf</translation>
    </message>
    <message>
        <source>Requests sent before; Enter loads one into the form</source>
        <translation>Früher gesendete Anfragen; die Eingabetaste lädt eine in das Formular</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>Verlauf leeren</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>{0}
{1}
{2} ms, {3} bytes{4}</source>
        <translation>{0}
{1}
{2} ms, {3} Bytes{4}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import from spreadsheet</source>
        <translation>Aus Tabelle importieren</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>(nicht verwendet)</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Employee id (user field)</source>
        <translation>Personalnummer (Benutzerfeld)</translation>
    </message>
    <message>
        <source>Course id</source>
        <translation>Kurs-ID</translation>
    </message>
    <message>
        <source>Course code (CourseID)</source>
        <translation>Kurscode (CourseID)</translation>
    </message>
    <message>
        <source>Course title</source>
        <translation>Kurstitel</translation>
    </message>
    <message>
        <source>Session title or date</source>
        <translation>Termintitel oder -datum</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Completion date</source>
        <translation>Abschlussdatum</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Enrollment id</source>
        <translation>Einschreibungs-ID</translation>
    </message>
    <message>
        <source>Status (of a result file)</source>
        <translation>Status (einer Ergebnisdatei)</translation>
    </message>
    <message>
        <source>Message (of a result file)</source>
        <translation>Meldung (einer Ergebnisdatei)</translation>
    </message>
    <message>
        <source>Enrol into the course</source>
        <translation>In den Kurs einschreiben</translation>
    </message>
    <message>
        <source>Record completion</source>
        <translation>Abschluss eintragen</translation>
    </message>
    <message>
        <source>Cancel enrollments</source>
        <translation>Einschreibungen stornieren</translation>
    </message>
    <message>
        <source>Approve pending requests</source>
        <translation>Offene Anfragen genehmigen</translation>
    </message>
    <message>
        <source>Reject pending requests</source>
        <translation>Offene Anfragen ablehnen</translation>
    </message>
    <message>
        <source>Spreadsheet file</source>
        <translation>Tabellendatei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a spreadsheet file</source>
        <translation>Eine Tabellendatei wählen</translation>
    </message>
    <message>
        <source>Sheet of the workbook</source>
        <translation>Blatt der Arbeitsmappe</translation>
    </message>
    <message>
        <source>What to do with the rows</source>
        <translation>Was mit den Zeilen geschehen soll</translation>
    </message>
    <message>
        <source>Course for rows that name none</source>
        <translation>Kurs für Zeilen ohne Kurs</translation>
    </message>
    <message>
        <source>(the course named in each row)</source>
        <translation>(der in jeder Zeile genannte Kurs)</translation>
    </message>
    <message>
        <source>Session for rows that name none</source>
        <translation>Termin für Zeilen ohne Termin</translation>
    </message>
    <message>
        <source>(the session named in each row, or none)</source>
        <translation>(der in jeder Zeile genannte Termin, oder keiner)</translation>
    </message>
    <message>
        <source>Due date for rows without one:</source>
        <translation>Fälligkeit für Zeilen ohne Datum:</translation>
    </message>
    <message>
        <source>Set a due date for rows that give none</source>
        <translation>Ein Fälligkeitsdatum für Zeilen ohne Datum setzen</translation>
    </message>
    <message>
        <source>Due date for rows without one</source>
        <translation>Fälligkeit für Zeilen ohne Datum</translation>
    </message>
    <message>
        <source>Reason for rows without one</source>
        <translation>Grund für Zeilen ohne Grund</translation>
    </message>
    <message>
        <source>For cancel and reject, when the row gives none</source>
        <translation>Für Stornieren und Ablehnen, wenn die Zeile keinen nennt</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>&amp;Blatt:</translation>
    </message>
    <message>
        <source>&amp;What to do:</source>
        <translation>&amp;Aktion:</translation>
    </message>
    <message>
        <source>C&amp;ourse:</source>
        <translation>K&amp;urs:</translation>
    </message>
    <message>
        <source>S&amp;ession:</source>
        <translation>T&amp;ermin:</translation>
    </message>
    <message>
        <source>(a calendar day; a due-date column in the sheet wins)</source>
        <translation>(ein Kalendertag; eine Fälligkeitsspalte in der Tabelle hat Vorrang)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>Check every row without sending anything</source>
        <translation>Jede Zeile prüfen, ohne etwas zu senden</translation>
    </message>
    <message>
        <source>Choose a file, check the columns, then Preview. Nothing is sent before Run.</source>
        <translation>Wählen Sie eine Datei, prüfen Sie die Spalten, dann Vorschau. Vor „Ausführen“ wird nichts gesendet.</translation>
    </message>
    <message>
        <source>Show rows with this verdict</source>
        <translation>Zeilen mit diesem Ergebnis zeigen</translation>
    </message>
    <message>
        <source>Sh&amp;ow:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <source>Preview of the rows</source>
        <translation>Vorschau der Zeilen</translation>
    </message>
    <message>
        <source>Candidates for this row's person</source>
        <translation>Kandidaten für die Person dieser Zeile</translation>
    </message>
    <message>
        <source>&amp;Use this person</source>
        <translation>Diese Person &amp;verwenden</translation>
    </message>
    <message>
        <source>Use the chosen person for this row</source>
        <translation>Die gewählte Person für diese Zeile verwenden</translation>
    </message>
    <message>
        <source>&amp;Choose the person:</source>
        <translation>Person &amp;wählen:</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Run the import</source>
        <translation>Den Import ausführen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the import dialog</source>
        <translation>Den Importdialog schließen</translation>
    </message>
    <message>
        <source>Dates are read as %1; a slash date is day first.</source>
        <translation>Datumsangaben werden als %1 gelesen; bei Schrägstrichen steht der Tag vorn.</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx *.txt *.tsv)</source>
        <translation>Tabellen (*.csv *.xlsx *.txt *.tsv)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>%1 rows · CSV, %2, separated by %3</source>
        <translation>%1 Zeilen · CSV, %2, getrennt durch %3</translation>
    </message>
    <message>
        <source>%1 rows · Excel sheet “%2”</source>
        <translation>%1 Zeilen · Excel-Blatt „%2“</translation>
    </message>
    <message>
        <source>Employee id (user field “%1”)</source>
        <translation>Personalnummer (Benutzerfeld „%1“)</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Spalte %1</translation>
    </message>
    <message>
        <source>What column “%1” holds</source>
        <translation>Was Spalte „%1“ enthält</translation>
    </message>
    <message>
        <source>The columns or the action changed: Preview again.</source>
        <translation>Spalten oder Aktion haben sich geändert: erneut Vorschau.</translation>
    </message>
    <message>
        <source>Connect first: the preview needs the connection's people.</source>
        <translation>Verbinden Sie sich zuerst: Die Vorschau braucht die Personen der Verbindung.</translation>
    </message>
    <message>
        <source>Reading the people of this connection once (it stays on this computer)…</source>
        <translation>Die Personen dieser Verbindung werden einmal gelesen (sie bleiben auf diesem Computer)…</translation>
    </message>
    <message>
        <source>Checking every row against the server (reads only)…</source>
        <translation>Jede Zeile wird mit dem Server abgeglichen (nur Lesen)…</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Alle Zeilen</translation>
    </message>
    <message>
        <source>Rows with a problem</source>
        <translation>Zeilen mit Problem</translation>
    </message>
    <message>
        <source>Rows with a problem are left out of the run; fix them in the table or in the file.</source>
        <translation>Zeilen mit Problem werden ausgelassen; korrigieren Sie sie in der Tabelle oder in der Datei.</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Run %n row(s)</source>
        <translation>
            <numerusform>%n Zeile &amp;ausführen</numerusform>
            <numerusform>%n Zeilen &amp;ausführen</numerusform>
        </translation>
    </message>
    <message>
        <source>Running in the Jobs panel. The result file and the undo file are written beside the input when it ends.</source>
        <translation>Läuft im Aufgabenbereich. Ergebnis- und Rückgängig-Datei werden am Ende neben die Eingabedatei geschrieben.</translation>
    </message>
</context>
<context>
    <name>ImportHistory</name>
    <message>
        <source>Import history</source>
        <translation>Importverlauf</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>enrol</source>
        <translation>einschreiben</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>abschließen</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>stornieren</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>genehmigen</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>ablehnen</translation>
    </message>
    <message>
        <source>&amp;Undo this import</source>
        <translation>Diesen Import &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Undo the selected import</source>
        <translation>Den gewählten Import rückgängig machen</translation>
    </message>
    <message>
        <source>Open &amp;result file</source>
        <translation>&amp;Ergebnisdatei öffnen</translation>
    </message>
    <message>
        <source>Open the selected import's result file</source>
        <translation>Die Ergebnisdatei des gewählten Imports öffnen</translation>
    </message>
</context>
<context>
    <name>JobCard</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortfahren</translation>
    </message>
    <message>
        <source>Run the items that were not done yet</source>
        <translation>Die noch nicht erledigten Einträge ausführen</translation>
    </message>
    <message>
        <source>Job results</source>
        <translation>Auftragsergebnisse</translation>
    </message>
    <message>
        <source>What happened to each item of the job</source>
        <translation>Was mit jedem Element des Auftrags geschehen ist</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>{done} done · {failed} failed · {left} left</source>
        <translation>{done} erledigt · {failed} fehlgeschlagen · {left} offen</translation>
    </message>
    <message numerus="yes">
        <source>Run again the %Ln item(s) that failed for a passing reason</source>
        <translation>
            <numerusform>Das %Ln Element erneut ausführen, das aus einem vorübergehenden Grund fehlschlug</numerusform>
            <numerusform>Die %Ln Elemente erneut ausführen, die aus einem vorübergehenden Grund fehlschlugen</numerusform>
        </translation>
    </message>
    <message>
        <source>{state}: {done} done · {failed} failed · {left} left</source>
        <translation>{state}: {done} erledigt · {failed} fehlgeschlagen · {left} offen</translation>
    </message>
    <message>
        <source>No failure here would pass on a retry</source>
        <translation>Keiner dieser Fehler würde bei einer Wiederholung gelingen</translation>
    </message>
    <message>
        <source>Open enrollment</source>
        <translation>Einschreibung öffnen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Already done (found on the server)</source>
        <translation>Bereits erledigt (auf dem Server gefunden)</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Marked completed</source>
        <translation>Als abgeschlossen markiert</translation>
    </message>
    <message>
        <source>Retake forced</source>
        <translation>Wiederholung erzwungen</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Eingeschrieben</translation>
    </message>
</context>
<context>
    <name>JobManager</name>
    <message>
        <source>Not on this connection</source>
        <translation>Nicht bei dieser Verbindung</translation>
    </message>
    <message>
        <source>“{label}” belongs to the connection “{name}”: connect to it to continue.</source>
        <translation>„{label}“ gehört zur Verbindung „{name}“: Verbinden Sie sich mit ihr, um fortzufahren.</translation>
    </message>
</context>
<context>
    <name>JobPanel</name>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>No jobs. Actions on many rows run here.</source>
        <translation>Keine Aufträge. Aktionen auf vielen Zeilen laufen hier.</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Beendete entfernen</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>Jobs: {finished}/{total}</source>
        <translation>Aufträge: {finished}/{total}</translation>
    </message>
</context>
<context>
    <name>JsonBodyEditor</name>
    <message>
        <source>JSON body, e.g. {"userLoginName": "i:0#.f|membership|ann@contoso.com"}</source>
        <translation>JSON-Inhalt, z. B. {"userLoginName": "i:0#.f|membership|ann@contoso.com"}</translation>
    </message>
    <message>
        <source>Line {0}, column {1}: {2}</source>
        <translation>Zeile {0}, Spalte {1}: {2}</translation>
    </message>
</context>
<context>
    <name>JsonTreeModel</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
</context>
<context>
    <name>KeyValueTable</name>
    <message>
        <source>Delete row</source>
        <translation>Zeile löschen</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>geheim</translation>
    </message>
    <message>
        <source>A secret value is never stored in history or exported</source>
        <translation>Ein geheimer Wert wird nie im Verlauf gespeichert oder exportiert</translation>
    </message>
</context>
<context>
    <name>LearnerPage</name>
    <message>
        <source>Learner</source>
        <translation>Lernender</translation>
    </message>
    <message>
        <source>Type a name, e-mail or department</source>
        <translation>Name, E-Mail oder Abteilung eingeben</translation>
    </message>
    <message>
        <source>&amp;Learner:</source>
        <translation>&amp;Lernende:r:</translation>
    </message>
</context>
<context>
    <name>LocalTime</name>
    <message>
        <source>{date} (a date without a time of day)</source>
        <translation>{date} (ein Datum ohne Uhrzeit)</translation>
    </message>
    <message>
        <source>{title} (UTC)</source>
        <translation>{title} (UTC)</translation>
    </message>
    <message>
        <source>{title} ({place} time)</source>
        <translation>{title} (Zeit {place})</translation>
    </message>
    <message>
        <source>{title}: dates and times on this computer's clock, {zone}; the tooltip of a cell gives its UTC time</source>
        <translation>{title}: Datum und Uhrzeit nach der Uhr dieses Computers, {zone}; der Tooltip einer Zelle nennt die UTC-Zeit</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>Request log</source>
        <translation>Anfrageprotokoll</translation>
    </message>
    <message>
        <source>No request yet.</source>
        <translation>Noch keine Anfrage.</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Clear the request log</source>
        <translation>Das Anfrageprotokoll leeren</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) shown</source>
        <translation>
            <numerusform>%n Anfrage angezeigt</numerusform>
            <numerusform>%n Anfragen angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>LMS365 Desktop</source>
        <translation>LMS365 Desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>&amp;Aktionen</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Context menu</source>
        <translation>Kontextmenü</translation>
    </message>
    <message>
        <source>&amp;About LMS365 Desktop</source>
        <translation>&amp;Über LMS365 Desktop</translation>
    </message>
    <message>
        <source>{name} — LMS365 Desktop</source>
        <translation>{name} — LMS365 Desktop</translation>
    </message>
    <message>
        <source>Connected to {name}</source>
        <translation>Verbunden mit {name}</translation>
    </message>
    <message>
        <source>Connection lost — retrying ({name})</source>
        <translation>Verbindung verloren — neuer Versuch ({name})</translation>
    </message>
    <message>
        <source>The last request could not reach the server; the next one tries again.</source>
        <translation>Die letzte Anfrage hat den Server nicht erreicht; die nächste versucht es erneut.</translation>
    </message>
    <message>
        <source>Key rejected ({name})</source>
        <translation>Schlüssel abgelehnt ({name})</translation>
    </message>
    <message>
        <source>The server refused the API key; choose Enter API key… in the notification.</source>
        <translation>Der Server hat den API-Schlüssel abgelehnt; wählen Sie „API-Schlüssel eingeben…“ in der Benachrichtigung.</translation>
    </message>
    <message>
        <source>About LMS365 Desktop</source>
        <translation>Über LMS365 Desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;LMS365 Desktop&lt;/b&gt;&lt;br&gt;Version {version}&lt;br&gt;&lt;br&gt;Catalogs, courses, sessions, users and enrollments of LMS365 (Learn365), for training coordinators.</source>
        <translation>&lt;b&gt;LMS365 Desktop&lt;/b&gt;&lt;br&gt;Version {version}&lt;br&gt;&lt;br&gt;Kataloge, Kurse, Sitzungen, Benutzer und Einschreibungen von LMS365 (Learn365), für Schulungskoordinatoren.</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>{title} ({count})</source>
        <translation>{title} ({count})</translation>
    </message>
    <message>
        <source>No such connection</source>
        <translation>Keine solche Verbindung</translation>
    </message>
    <message>
        <source>There is no saved connection named “{name}”.</source>
        <translation>Es gibt keine gespeicherte Verbindung namens „{name}“.</translation>
    </message>
    <message>
        <source>API key for {name}</source>
        <translation>API-Schlüssel für {name}</translation>
    </message>
    <message>
        <source>Enter the API key of “{name}” ({url}):</source>
        <translation>Geben Sie den API-Schlüssel von „{name}“ ({url}) ein:</translation>
    </message>
    <message>
        <source>Key accepted</source>
        <translation>Schlüssel akzeptiert</translation>
    </message>
    <message>
        <source>The API key of “{name}” works again.</source>
        <translation>Der API-Schlüssel von „{name}“ funktioniert wieder.</translation>
    </message>
    <message>
        <source>Starting the local sandbox…</source>
        <translation>Die lokale Sandbox wird gestartet…</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>Open local &amp;sandbox</source>
        <translation>Lokale &amp;Sandbox öffnen</translation>
    </message>
    <message>
        <source>&amp;Console</source>
        <translation>&amp;Konsole</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Vorwärts</translation>
    </message>
    <message>
        <source>Catalogs</source>
        <translation>Kataloge</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>Kurse</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Enrollments</source>
        <translation>Einschreibungen</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Aufträge</translation>
    </message>
    <message>
        <source>A job did not finish</source>
        <translation>Ein Auftrag wurde nicht beendet</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Export view…</source>
        <translation>Ansicht &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export the rows in view (quick filter and scope applied) to Excel or CSV</source>
        <translation>Die angezeigten Zeilen (mit Schnellfilter und Eingrenzung) nach Excel oder CSV exportieren</translation>
    </message>
    <message>
        <source>Export &amp;all matching…</source>
        <translation>&amp;Alle Treffer exportieren…</translation>
    </message>
    <message>
        <source>Export every row the search and scope match, not only those loaded</source>
        <translation>Alle Zeilen exportieren, die Suche und Eingrenzung treffen, nicht nur die geladenen</translation>
    </message>
    <message>
        <source>C&amp;olumns…</source>
        <translation>&amp;Spalten…</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
</context>
<context>
    <name>MatchPage</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Lernender</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <source>Certificate files</source>
        <translation>Zertifikatsdateien</translation>
    </message>
    <message>
        <source>Each file is matched to a learner by the login, e-mail or name in its file name. Resolve the marked rows by choosing the learner.</source>
        <translation>Jede Datei wird anhand von Anmeldename, E-Mail oder Name im Dateinamen einem Lernenden zugeordnet. Klären Sie die markierten Zeilen, indem Sie den Lernenden wählen.</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>{learner} marks where the learner is named; * stands for anything.</source>
        <translation>{learner} markiert, wo der Lernende genannt wird; * steht für beliebigen Text.</translation>
    </message>
    <message>
        <source>Skip the file (keep the learner's certificate)</source>
        <translation>Datei überspringen (das Zertifikat des Lernenden behalten)</translation>
    </message>
    <message>
        <source>Replace the learner's certificate</source>
        <translation>Das Zertifikat des Lernenden ersetzen</translation>
    </message>
    <message>
        <source>Ask me for each one</source>
        <translation>Bei jedem einzeln fragen</translation>
    </message>
    <message>
        <source>Files and their learners</source>
        <translation>Dateien und ihre Lernenden</translation>
    </message>
    <message>
        <source>Each file with its type, size, the learner it goes to and how it was matched; choose the learner in its row.</source>
        <translation>Jede Datei mit Typ, Größe, dem Lernenden, an den sie geht, und wie sie zugeordnet wurde; wählen Sie den Lernenden in ihrer Zeile.</translation>
    </message>
    <message>
        <source>File name pattern</source>
        <translation>Dateinamensmuster</translation>
    </message>
    <message>
        <source>If a learner has a certificate</source>
        <translation>Wenn ein Lernender ein Zertifikat hat</translation>
    </message>
    <message>
        <source>Learner for {file}</source>
        <translation>Lernender für {file}</translation>
    </message>
    <message>
        <source>(leave out)</source>
        <translation>(auslassen)</translation>
    </message>
    <message>
        <source>Not sent: {problem}</source>
        <translation>Nicht gesendet: {problem}</translation>
    </message>
    <message>
        <source>Matched by {how}</source>
        <translation>Zugeordnet über {how}</translation>
    </message>
    <message>
        <source>Chosen by hand</source>
        <translation>Von Hand gewählt</translation>
    </message>
    <message>
        <source>Unmatched: choose the learner</source>
        <translation>Nicht zugeordnet: Lernenden wählen</translation>
    </message>
    <message numerus="yes">
        <source>Ambiguous: %n learners fit</source>
        <translation>
            <numerusform>Mehrdeutig: %n Lernender passt</numerusform>
            <numerusform>Mehrdeutig: %n Lernende passen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{sent} of %n file will be sent ({size})</source>
        <translation>
            <numerusform>{sent} von %n Datei wird gesendet ({size})</numerusform>
            <numerusform>{sent} von %n Dateien werden gesendet ({size})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{sent} of %n files will be sent ({size})</source>
        <translation>
            <numerusform>{sent} von %n Datei wird gesendet ({size})</numerusform>
            <numerusform>{sent} von %n Dateien werden gesendet ({size})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n skipped (already have a certificate)</source>
        <translation>
            <numerusform>, %n übersprungen (hat schon ein Zertifikat)</numerusform>
            <numerusform>, %n übersprungen (haben schon ein Zertifikat)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n replaces a certificate the learner already has</source>
        <translation>
            <numerusform>, %n ersetzt ein vorhandenes Zertifikat des Lernenden</numerusform>
            <numerusform>, %n ersetzen ein vorhandenes Zertifikat des Lernenden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n replace a certificate the learner already has</source>
        <translation>
            <numerusform>, %n ersetzt ein vorhandenes Zertifikat des Lernenden</numerusform>
            <numerusform>, %n ersetzen ein vorhandenes Zertifikat des Lernenden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (you will be asked about %n whose learner already has one)</source>
        <translation>
            <numerusform> (Sie werden zu %n Datei gefragt, deren Lernender schon eines hat)</numerusform>
            <numerusform> (Sie werden zu %n Dateien gefragt, deren Lernende schon eines haben)</numerusform>
        </translation>
    </message>
    <message>
        <source>Duplicate: another file goes to this learner</source>
        <translation>Doppelt: eine andere Datei geht an diesen Lernenden</translation>
    </message>
    <message>
        <source>will be skipped</source>
        <translation>wird übersprungen</translation>
    </message>
    <message>
        <source>will be replaced</source>
        <translation>wird ersetzt</translation>
    </message>
    <message>
        <source>you will be asked</source>
        <translation>Sie werden gefragt</translation>
    </message>
    <message>
        <source>{match}; the learner already has a certificate: {outcome}.</source>
        <translation>{match}; der Lernende hat bereits ein Zertifikat: {outcome}.</translation>
    </message>
    <message>
        <source>Already has a certificate: {outcome}</source>
        <translation>Hat bereits ein Zertifikat: {outcome}</translation>
    </message>
    <message>
        <source>; {unresolved} unresolved, {problems} cannot be sent.</source>
        <translation>; {unresolved} ungeklärt, {problems} können nicht gesendet werden.</translation>
    </message>
    <message>
        <source>Choose certificate files</source>
        <translation>Zertifikatsdateien wählen</translation>
    </message>
    <message>
        <source>Certificates (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Zertifikate (*.pdf *.png *.jpg *.jpeg);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>NavigationTree</name>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Catalogs, categories and tags narrow the Courses pane; the queues open the Enrollments pane</source>
        <translation>Kataloge, Kategorien und Schlagwörter grenzen den Bereich Kurse ein; die Warteschlangen öffnen den Bereich Einschreibungen</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Pending approvals</source>
        <translation>Ausstehende Genehmigungen</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Catalogs</source>
        <translation>Kataloge</translation>
    </message>
    <message>
        <source>Pending approvals ({n})</source>
        <translation>Zu genehmigen ({n})</translation>
    </message>
    <message>
        <source>Overdue ({n})</source>
        <translation>Überfällig ({n})</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
</context>
<context>
    <name>NotificationArea</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Im Ordner anzeigen</translation>
    </message>
    <message>
        <source>Could not open</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
    <message>
        <source>No application on this computer opened {path}.</source>
        <translation>Keine Anwendung auf diesem Computer hat {path} geöffnet.</translation>
    </message>
</context>
<context>
    <name>NotificationCard</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>PaneExport</name>
    <message>
        <source>{title} (login)</source>
        <translation>{title} (Anmeldename)</translation>
    </message>
    <message>
        <source>{title} (id)</source>
        <translation>{title} (ID)</translation>
    </message>
    <message>
        <source>{title} ({zone})</source>
        <translation>{title} ({zone})</translation>
    </message>
    <message>
        <source>{title} (minutes)</source>
        <translation>{title} (Minuten)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Export all matching {title} ({count})</source>
        <translation>Alle passenden {title} exportieren ({count})</translation>
    </message>
    <message>
        <source>count unknown</source>
        <translation>Anzahl unbekannt</translation>
    </message>
    <message>
        <source>Export the {count} {title} in view</source>
        <translation>Die {count} angezeigten {title} exportieren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, comma-separated (*.csv)</source>
        <translation>CSV, kommagetrennt (*.csv)</translation>
    </message>
    <message>
        <source>Not connected. Choose File › Connect…</source>
        <translation>Nicht verbunden. Wählen Sie Datei › Verbinden…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row</source>
        <translation>
            <numerusform>%Ln Zeile exportiert</numerusform>
            <numerusform>%Ln Zeilen exportiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln rows</source>
        <translation>
            <numerusform>%Ln Zeile exportiert</numerusform>
            <numerusform>%Ln Zeilen exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Every row matching the search and scope; the quick filter applies to the rows in view only.</source>
        <translation>Alle Zeilen, die zur Suche und zum Bereich passen; der Schnellfilter gilt nur für die angezeigten Zeilen.</translation>
    </message>
</context>
<context>
    <name>PaneHistory</name>
    <message>
        <source>Back to {place} (Alt+Left)</source>
        <translation>Zurück zu {place} (Alt+Links)</translation>
    </message>
    <message>
        <source>Forward to {place} (Alt+Right)</source>
        <translation>Vorwärts zu {place} (Alt+Rechts)</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>Zurück (Alt+Links)</translation>
    </message>
    <message>
        <source>Forward (Alt+Right)</source>
        <translation>Vorwärts (Alt+Rechts)</translation>
    </message>
    <message>
        <source>{pane} — {detail}</source>
        <translation>{pane} — {detail}</translation>
    </message>
</context>
<context>
    <name>PaneLinks</name>
    <message>
        <source>Show courses in this catalog</source>
        <translation>Kurse dieses Katalogs anzeigen</translation>
    </message>
    <message>
        <source>Show enrollments</source>
        <translation>Einschreibungen anzeigen</translation>
    </message>
    <message>
        <source>Show sessions</source>
        <translation>Sitzungen anzeigen</translation>
    </message>
    <message>
        <source>Show pending requests</source>
        <translation>Ausstehende Anfragen anzeigen</translation>
    </message>
    <message>
        <source>Show roster</source>
        <translation>Teilnehmerliste anzeigen</translation>
    </message>
    <message>
        <source>Open course</source>
        <translation>Kurs öffnen</translation>
    </message>
    <message>
        <source>Open person's record</source>
        <translation>Personenakte öffnen</translation>
    </message>
    <message>
        <source>Open learner's record</source>
        <translation>Akte des Lernenden öffnen</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>Sitzung öffnen</translation>
    </message>
    <message>
        <source>Open enrollment</source>
        <translation>Einschreibung öffnen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Roster: {session}</source>
        <translation>Teilnehmerliste: {session}</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Enrollment</source>
        <translation>Einschreibung</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
</context>
<context>
    <name>PeoplePicker</name>
    <message>
        <source>Search people by name, e-mail or department…</source>
        <translation>Personen nach Name, E-Mail oder Abteilung suchen…</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>Personen suchen</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Gefundene Personen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add the selected people</source>
        <translation>Ausgewählte Personen hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected people from the choice</source>
        <translation>Ausgewählte Personen aus der Auswahl entfernen</translation>
    </message>
    <message>
        <source>Chosen people</source>
        <translation>Ausgewählte Personen</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Search failed: {error}</source>
        <translation>Suche fehlgeschlagen: {error}</translation>
    </message>
    <message numerus="yes">
        <source>The first %n people; type more to narrow.</source>
        <translation>
            <numerusform>Die erste Person; tippen Sie weiter, um einzugrenzen.</numerusform>
            <numerusform>Die ersten %n Personen; tippen Sie weiter, um einzugrenzen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>%n gefunden</numerusform>
            <numerusform>%n gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Not added, already enrolled: {names}{more}</source>
        <translation>Nicht hinzugefügt, bereits eingeschrieben: {names}{more}</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> und %n weitere</numerusform>
            <numerusform> und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>C&amp;hosen: %n</source>
        <translation>
            <numerusform>Ausge&amp;wählt: %n</numerusform>
            <numerusform>Ausge&amp;wählt: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonPane</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Press Enter on a user or an enrollment to open a person's record here.</source>
        <translation>Drücken Sie die Eingabetaste auf einem Benutzer oder einer Einschreibung, um hier die Personenakte zu öffnen.</translation>
    </message>
    <message>
        <source>Enrollments of this person</source>
        <translation>Einschreibungen dieser Person</translation>
    </message>
    <message numerus="yes">
        <source>%n day overdue</source>
        <translation>
            <numerusform>%n Tag überfällig</numerusform>
            <numerusform>%n Tage überfällig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days overdue</source>
        <translation>
            <numerusform>%n Tag überfällig</numerusform>
            <numerusform>%n Tage überfällig</numerusform>
        </translation>
    </message>
    <message>
        <source>Enrollments of {name}</source>
        <translation>Einschreibungen von {name}</translation>
    </message>
</context>
<context>
    <name>PersonSummary</name>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Büro</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Vorgesetzte(r)</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message numerus="yes">
        <source>%n day overdue: {course}</source>
        <translation>
            <numerusform>%n Tag überfällig: {course}</numerusform>
            <numerusform>%n Tage überfällig: {course}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days overdue: {course}</source>
        <translation>
            <numerusform>%n Tag überfällig: {course}</numerusform>
            <numerusform>%n Tage überfällig: {course}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue (%n)</source>
        <translation>
            <numerusform>Überfällig (%n)</numerusform>
            <numerusform>Überfällig (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing overdue</source>
        <translation>Nichts überfällig</translation>
    </message>
    <message>
        <source>{course} · issued {issued} · {status}</source>
        <translation>{course} · ausgestellt {issued} · {status}</translation>
    </message>
    <message>
        <source>(unknown course)</source>
        <translation>(unbekannter Kurs)</translation>
    </message>
    <message numerus="yes">
        <source>Certificates (%n)</source>
        <translation>
            <numerusform>Zertifikate (%n)</numerusform>
            <numerusform>Zertifikate (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>No certificates</source>
        <translation>Keine Zertifikate</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Protokollstufe</translation>
    </message>
    <message>
        <source>How much the log file records; Debug is for support.</source>
        <translation>Wie viel die Protokolldatei aufzeichnet; Debug ist für den Support.</translation>
    </message>
    <message>
        <source>Debug (everything, for support)</source>
        <translation>Debug (alles, für den Support)</translation>
    </message>
    <message>
        <source>Info (each request)</source>
        <translation>Info (jede Anfrage)</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>&amp;Log level:</source>
        <translation>&amp;Protokollstufe:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language of the interface; it applies at the next start.</source>
        <translation>Die Sprache der Oberfläche; sie gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>Wie das System (%1)</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language applies when LMS365 Desktop starts next.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von LMS365 Desktop.</translation>
    </message>
    <message>
        <source>Full re-sync of the reports' copy after</source>
        <translation>Lokale Kopie der Berichte vollständig neu lesen nach</translation>
    </message>
    <message>
        <source>When the reports' local copy is older than this, the next sync reads it whole again.</source>
        <translation>Ist die lokale Kopie der Berichte älter, liest die nächste Synchronisierung sie vollständig neu.</translation>
    </message>
    <message>
        <source>Unit of the reports' copy age</source>
        <translation>Einheit des Alters der Berichtskopie</translation>
    </message>
    <message>
        <source>&amp;Full re-sync of reports after:</source>
        <translation>&amp;Berichte vollständig neu lesen nach:</translation>
    </message>
    <message>
        <source>The reports read new rows at every sync; a copy older than this is read whole again.</source>
        <translation>Die Berichte lesen bei jeder Synchronisierung neue Zeilen; eine ältere Kopie wird vollständig neu gelesen.</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Will enrol</source>
        <translation>Wird eingeschrieben</translation>
    </message>
    <message>
        <source>Will request approval</source>
        <translation>Wird zur Genehmigung angefragt</translation>
    </message>
    <message>
        <source>Will record completion</source>
        <translation>Abschluss wird eingetragen</translation>
    </message>
    <message>
        <source>Will cancel</source>
        <translation>Wird storniert</translation>
    </message>
    <message>
        <source>Will approve</source>
        <translation>Wird genehmigt</translation>
    </message>
    <message>
        <source>Will reject</source>
        <translation>Wird abgelehnt</translation>
    </message>
    <message>
        <source>Already enrolled (skip)</source>
        <translation>Bereits eingeschrieben (übersprungen)</translation>
    </message>
    <message>
        <source>Already completed (skip)</source>
        <translation>Bereits abgeschlossen (übersprungen)</translation>
    </message>
    <message>
        <source>Already cancelled (skip)</source>
        <translation>Bereits storniert (übersprungen)</translation>
    </message>
    <message>
        <source>Done in an earlier run (skip)</source>
        <translation>In einem früheren Lauf erledigt (übersprungen)</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>Nicht eingeschrieben</translation>
    </message>
    <message>
        <source>No pending request</source>
        <translation>Keine offene Anfrage</translation>
    </message>
    <message>
        <source>User not found</source>
        <translation>Person nicht gefunden</translation>
    </message>
    <message>
        <source>User deleted</source>
        <translation>Benutzer gelöscht</translation>
    </message>
    <message>
        <source>Ambiguous: choose the person</source>
        <translation>Mehrdeutig: Person auswählen</translation>
    </message>
    <message>
        <source>Course not found</source>
        <translation>Kurs nicht gefunden</translation>
    </message>
    <message>
        <source>Session full, past or unknown</source>
        <translation>Termin voll, vorbei oder unbekannt</translation>
    </message>
    <message>
        <source>Bad date</source>
        <translation>Ungültiges Datum</translation>
    </message>
    <message>
        <source>Duplicate row (skip)</source>
        <translation>Doppelte Zeile (übersprungen)</translation>
    </message>
    <message>
        <source>Missing value</source>
        <translation>Fehlender Wert</translation>
    </message>
    <message>
        <source>Correct the employee id, e-mail or name in the row, or choose a suggested person.</source>
        <translation>Korrigieren Sie Personalnummer, E-Mail oder Namen in der Zeile oder wählen Sie eine vorgeschlagene Person.</translation>
    </message>
    <message>
        <source>Into the session “%1”: %2.</source>
        <translation>In den Termin „%1“: %2.</translation>
    </message>
    <message>
        <source>This person left; remove the row or give their successor.</source>
        <translation>Diese Person ist ausgeschieden; entfernen Sie die Zeile oder geben Sie die Nachfolge an.</translation>
    </message>
    <message>
        <source>Choose the right person below the table.</source>
        <translation>Wählen Sie unter der Tabelle die richtige Person.</translation>
    </message>
    <message>
        <source>Correct the course cell (code, title or id).</source>
        <translation>Korrigieren Sie die Kurszelle (Code, Titel oder ID).</translation>
    </message>
    <message>
        <source>Choose another session in the row, or leave the cell empty.</source>
        <translation>Wählen Sie in der Zeile einen anderen Termin oder lassen Sie die Zelle leer.</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD (or DD.MM.YYYY).</source>
        <translation>Schreiben Sie das Datum als JJJJ-MM-TT (oder TT.MM.JJJJ).</translation>
    </message>
    <message>
        <source>Fill in the empty cell this action needs.</source>
        <translation>Füllen Sie die leere Zelle aus, die diese Aktion braucht.</translation>
    </message>
    <message>
        <source>Nothing to change for this person; check the course.</source>
        <translation>Für diese Person gibt es nichts zu ändern; prüfen Sie den Kurs.</translation>
    </message>
    <message>
        <source>Nobody waits for a decision here.</source>
        <translation>Hier wartet niemand auf eine Entscheidung.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Ergebnis der Prüfung</translation>
    </message>
    <message>
        <source>What happens / what to do</source>
        <translation>Was geschieht / was zu tun ist</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>— choose below —</source>
        <translation>— unten wählen —</translation>
    </message>
    <message>
        <source>Due %1.</source>
        <translation>Fällig am %1.</translation>
    </message>
    <message>
        <source>Into the session named in the row.</source>
        <translation>In den Termin, den die Zeile nennt.</translation>
    </message>
</context>
<context>
    <name>ProvisioningPage</name>
    <message>
        <source>Creating the course site</source>
        <translation>Die Kurswebsite wird angelegt</translation>
    </message>
    <message>
        <source>LMS365 provisions a SharePoint site for the course; this takes a moment.</source>
        <translation>LMS365 richtet eine SharePoint-Website für den Kurs ein; das dauert einen Moment.</translation>
    </message>
    <message>
        <source>The course as the server holds it</source>
        <translation>Der Kurs, wie der Server ihn speichert</translation>
    </message>
    <message>
        <source>Open in the Courses pane</source>
        <translation>Im Bereich „Kurse“ öffnen</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Uploading</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Files go a few at a time through the connection's limit.</source>
        <translation>Die Dateien gehen in kleinen Gruppen innerhalb des Verbindungslimits hinaus.</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message numerus="yes">
        <source>%1 of %n course(s)</source>
        <translation><numerusform>%1 von %n Kurs</numerusform><numerusform>%1 von %n Kursen</numerusform></translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>No rows.</source>
        <translation>Keine Zeilen.</translation>
    </message>
</context>
<context>
    <name>ReportSection</name>
    <message>
        <source>Copy chart</source>
        <translation>Diagramm kopieren</translation>
    </message>
    <message>
        <source>Save chart…</source>
        <translation>Diagramm speichern…</translation>
    </message>
    <message>
        <source>Save chart as PNG or SVG</source>
        <translation>Diagramm als PNG oder SVG speichern</translation>
    </message>
    <message>
        <source>Chart: %1</source>
        <translation>Diagramm: %1</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-Zeichnung (*.svg)</translation>
    </message>
</context>
<context>
    <name>ReportTables</name>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht begonnen</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>Genehmigung ausstehend</translation>
    </message>
    <message>
        <source>Cancelled or rejected</source>
        <translation>Storniert oder abgelehnt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Lernende</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Completion rate</source>
        <translation>Abschlussquote</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Enrollments</source>
        <translation>Einschreibungen</translation>
    </message>
    <message>
        <source>Enrollments that count (not pending, cancelled or rejected)</source>
        <translation>Zählende Einschreibungen (nicht ausstehend, storniert oder abgelehnt)</translation>
    </message>
    <message>
        <source>Completion rate (%)</source>
        <translation>Abschlussquote (%)</translation>
    </message>
    <message>
        <source>Learners by state</source>
        <translation>Lernende nach Status</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>Nach Abteilung</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Lernender</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>Enrollment id</source>
        <translation>Einschreibungs-ID</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>Kurse</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Due (UTC)</source>
        <translation>Fällig (UTC)</translation>
    </message>
    <message>
        <source>Completed (UTC)</source>
        <translation>Abgeschlossen (UTC)</translation>
    </message>
    <message>
        <source>Course id</source>
        <translation>Kurs-ID</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Issued (UTC)</source>
        <translation>Ausgestellt (UTC)</translation>
    </message>
    <message>
        <source>Expires (UTC)</source>
        <translation>Läuft ab (UTC)</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Verbleibende Tage</translation>
    </message>
    <message>
        <source>Certificate id</source>
        <translation>Zertifikat-ID</translation>
    </message>
    <message>
        <source>Progress: completed, in progress, not started, overdue</source>
        <translation>Fortschritt: abgeschlossen, in Bearbeitung, nicht begonnen, überfällig</translation>
    </message>
    <message>
        <source>Share of the courses that count</source>
        <translation>Anteil an den zählenden Kursen</translation>
    </message>
    <message>
        <source>Courses by state</source>
        <translation>Kurse nach Status</translation>
    </message>
    <message>
        <source>Certificates expiring</source>
        <translation>Ablaufende Zertifikate</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>Innerhalb von</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Completions per month (UTC)</source>
        <translation>Abschlüsse pro Monat (UTC)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Completions</source>
        <translation>Abschlüsse</translation>
    </message>
    <message>
        <source>Overdue learners</source>
        <translation>Überfällige Lernende</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Tage überfällig</translation>
    </message>
    <message>
        <source>Required courses by state</source>
        <translation>Pflichtkurse nach Status</translation>
    </message>
    <message>
        <source>By catalog</source>
        <translation>Nach Katalog</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>By category (a course in two categories counts in both)</source>
        <translation>Nach Kategorie (ein Kurs in zwei Kategorien zählt in beiden)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Course progress report</source>
        <translation>Bericht Kursfortschritt</translation>
    </message>
    <message>
        <source>Learner progress report</source>
        <translation>Bericht Lernfortschritt</translation>
    </message>
    <message>
        <source>Compliance report</source>
        <translation>Compliance-Bericht</translation>
    </message>
</context>
<context>
    <name>ReportsPane</name>
    <message>
        <source>Sync now</source>
        <translation>Jetzt abgleichen</translation>
    </message>
    <message>
        <source>Sync the reports' local copy now</source>
        <translation>Die lokale Kopie der Berichte jetzt abgleichen</translation>
    </message>
    <message>
        <source>Full re-sync</source>
        <translation>Vollständig neu abgleichen</translation>
    </message>
    <message>
        <source>Read the whole local copy again</source>
        <translation>Die ganze lokale Kopie neu einlesen</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Nach Excel exportieren…</translation>
    </message>
    <message>
        <source>Export this report to an Excel workbook</source>
        <translation>Diesen Bericht als Excel-Arbeitsmappe exportieren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Export to PDF…</source>
        <translation>Als PDF exportieren…</translation>
    </message>
    <message>
        <source>Export this report to a PDF document</source>
        <translation>Diesen Bericht als PDF-Dokument exportieren</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Course progress</source>
        <translation>Kursfortschritt</translation>
    </message>
    <message>
        <source>Learner progress</source>
        <translation>Lernfortschritt</translation>
    </message>
    <message>
        <source>Compliance overview</source>
        <translation>Compliance-Übersicht</translation>
    </message>
    <message>
        <source>Choose a state or a department's cell to list its learners.</source>
        <translation>Wählen Sie einen Status oder eine Zelle einer Abteilung, um die Lernenden aufzulisten.</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Learners: %1</source>
        <translation>Lernende: %1</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Syncing the local copy… (%1: %2 rows)</source>
        <translation>Lokale Kopie wird abgeglichen… (%1: %2 Zeilen)</translation>
    </message>
    <message>
        <source>The local copy is not filled yet.</source>
        <translation>Die lokale Kopie ist noch nicht gefüllt.</translation>
    </message>
    <message numerus="yes">
        <source>As of %1, %n change(s) since</source>
        <translation>
            <numerusform>Stand %1, seitdem %n Änderung</numerusform>
            <numerusform>Stand %1, seitdem %n Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <source>(recounting…)</source>
        <translation>(wird neu gezählt…)</translation>
    </message>
    <message>
        <source>— stale: the tenant could not be reached since %1</source>
        <translation>— veraltet: der Mandant ist seit %1 nicht erreichbar</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Report exported</source>
        <translation>Bericht exportiert</translation>
    </message>
</context>
<context>
    <name>RequestEditor</name>
    <message>
        <source>/odata/v2/</source>
        <translation>/odata/v2/</translation>
    </message>
    <message>
        <source>host /</source>
        <translation>Host /</translation>
    </message>
    <message>
        <source>Relative to the OData root (as the connector's "Send an HTTP request") or to the host (its v2 preview). A leading / is always host-relative.</source>
        <translation>Relativ zum OData-Stamm (wie „Send an HTTP request“ des Connectors) oder zum Host (dessen v2-Vorschau). Ein führender / ist immer relativ zum Host.</translation>
    </message>
    <message>
        <source>Request URI</source>
        <translation>Anfrage-URI</translation>
    </message>
    <message>
        <source>The entity set or URL to send to, relative to the OData service</source>
        <translation>Die Entitätsmenge oder URL, an die gesendet wird, relativ zum OData-Dienst</translation>
    </message>
    <message>
        <source>Courses?$top=10   (Ctrl+Enter sends; paste a curl command to fill the form)</source>
        <translation>Courses?$top=10   (Strg+Eingabe sendet; einen curl-Befehl einfügen, um das Formular zu füllen)</translation>
    </message>
    <message>
        <source>Query option</source>
        <translation>Abfrageoption</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Name and value of each query option, such as $filter</source>
        <translation>Name und Wert jeder Abfrageoption, etwa $filter</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheim</translation>
    </message>
    <message>
        <source>Delete the selected row</source>
        <translation>Ausgewählte Zeile löschen</translation>
    </message>
    <message>
        <source>Body (not sent with GET)</source>
        <translation>Inhalt (wird mit GET nicht gesendet)</translation>
    </message>
    <message>
        <source>Query options</source>
        <translation>Abfrageoptionen</translation>
    </message>
    <message>
        <source>Delete option</source>
        <translation>Option löschen</translation>
    </message>
    <message>
        <source>Delete header</source>
        <translation>Header löschen</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Inhalt</translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
</context>
<context>
    <name>ResponseView</name>
    <message>
        <source>No request sent yet</source>
        <translation>Noch keine Anfrage gesendet</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>Follow @odata.nextLink</source>
        <translation>@odata.nextLink folgen</translation>
    </message>
    <message>
        <source>Fetch all</source>
        <translation>Alle abrufen</translation>
    </message>
    <message>
        <source>Follow @odata.nextLink to the end, merging the rows</source>
        <translation>@odata.nextLink bis zum Ende folgen und die Zeilen zusammenführen</translation>
    </message>
    <message>
        <source>cap </source>
        <translation>Grenze </translation>
    </message>
    <message>
        <source> rows</source>
        <translation> Zeilen</translation>
    </message>
    <message>
        <source>Fetch all stops after this many rows</source>
        <translation>„Alle abrufen“ hält nach so vielen Zeilen an</translation>
    </message>
    <message>
        <source>Most rows to fetch</source>
        <translation>Höchstens abzurufende Zeilen</translation>
    </message>
    <message>
        <source>Response text</source>
        <translation>Antworttext</translation>
    </message>
    <message>
        <source>The response appears here. Type a URI such as Courses?$top=10 and press Ctrl+Enter.</source>
        <translation>Die Antwort erscheint hier. Geben Sie eine URI wie Courses?$top=10 ein und drücken Sie Strg+Eingabe.</translation>
    </message>
    <message>
        <source>Response tree</source>
        <translation>Antwortbaum</translation>
    </message>
    <message>
        <source>Response rows</source>
        <translation>Antwortzeilen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Save response body…</source>
        <translation>Antwortinhalt speichern…</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>Antwort-Header</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>{0} ms</source>
        <translation>{0} ms</translation>
    </message>
    <message>
        <source>Binary response: {0}, {1}</source>
        <translation>Binäre Antwort: {0}, {1}</translation>
    </message>
    <message>
        <source>no content type</source>
        <translation>kein Inhaltstyp</translation>
    </message>
    <message>
        <source>No value array</source>
        <translation>Kein value-Array</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} matching</source>
        <translation>{0} passende</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 Eintrag</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} Einträge</translation>
    </message>
    <message>
        <source>Check the course before it is created. Nothing is sent until you press Create course.</source>
        <translation>Prüfen Sie den Kurs, bevor er angelegt wird. Nichts wird gesendet, bevor Sie „Kurs anlegen“ drücken.</translation>
    </message>
    <message>
        <source>&amp;Create course</source>
        <translation>Kurs &amp;anlegen</translation>
    </message>
    <message>
        <source>Summary of the new course</source>
        <translation>Zusammenfassung des neuen Kurses</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Anfragetext</translation>
    </message>
    <message>
        <source>Show request fields</source>
        <translation>Anfragefelder anzeigen</translation>
    </message>
    <message>
        <source>Every field exactly as it will be sent to POST /odata/v2/Courses</source>
        <translation>Jedes Feld genau so, wie es an POST /odata/v2/Courses gesendet wird</translation>
    </message>
    <message>
        <source>Show as raw request</source>
        <translation>Als Rohanfrage anzeigen</translation>
    </message>
    <message>
        <source>Open the request in the console, to read or change it</source>
        <translation>Die Anfrage in der Konsole öffnen, um sie zu lesen oder zu ändern</translation>
    </message>
    <message>
        <source>Let the server choose a free URL</source>
        <translation>Den Server eine freie URL wählen lassen</translation>
    </message>
    <message>
        <source>Show summary</source>
        <translation>Zusammenfassung anzeigen</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>On {date}</source>
        <translation>Am {date}</translation>
    </message>
    <message numerus="yes">
        <source>%n day after completion</source>
        <translation>
            <numerusform>%n Tag nach dem Abschluss</numerusform>
            <numerusform>%n Tage nach dem Abschluss</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days after completion</source>
        <translation>
            <numerusform>%n Tag nach dem Abschluss</numerusform>
            <numerusform>%n Tage nach dem Abschluss</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day after enrollment</source>
        <translation>
            <numerusform>%n Tag nach der Einschreibung</numerusform>
            <numerusform>%n Tage nach der Einschreibung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days after enrollment</source>
        <translation>
            <numerusform>%n Tag nach der Einschreibung</numerusform>
            <numerusform>%n Tage nach der Einschreibung</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} (new, under {parent})</source>
        <translation>{name} (neu, unter {parent})</translation>
    </message>
    <message>
        <source>{name} (new)</source>
        <translation>{name} (neu)</translation>
    </message>
    <message>
        <source>{url} (or a free one like it, if it is taken)</source>
        <translation>{url} (oder eine ähnliche freie, falls sie vergeben ist)</translation>
    </message>
    <message>
        <source>, from {date}</source>
        <translation>, ab {date}</translation>
    </message>
    <message>
        <source>, until {date}</source>
        <translation>, bis {date}</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Course ID</source>
        <translation>Kurs-ID</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Site URL</source>
        <translation>Website-URL</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>CEU</source>
        <translation>CEU</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Categorisation</source>
        <translation>Einordnung</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Enrollment</source>
        <translation>Einschreibung</translation>
    </message>
    <message>
        <source>Enrollment flow</source>
        <translation>Einschreibungsablauf</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Shown in the catalog</source>
        <translation>Im Katalog angezeigt</translation>
    </message>
    <message>
        <source>For those who failed</source>
        <translation>Für Nichtbestandene</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Certificate expires</source>
        <translation>Zertifikat läuft ab</translation>
    </message>
    <message>
        <source>Certificate template</source>
        <translation>Zertifikatsvorlage</translation>
    </message>
    <message>
        <source>Content and people</source>
        <translation>Inhalte und Personen</translation>
    </message>
    <message>
        <source>Learning modules</source>
        <translation>Lernmodule</translation>
    </message>
    <message>
        <source>Quizzes</source>
        <translation>Quizze</translation>
    </message>
    <message>
        <source>Trainers</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <source>Teachers</source>
        <translation>Lehrkräfte</translation>
    </message>
    <message>
        <source>Site template</source>
        <translation>Websitevorlage</translation>
    </message>
    <message>
        <source>Course layout</source>
        <translation>Kurslayout</translation>
    </message>
    <message>
        <source>Use “{url}”</source>
        <translation>„{url}“ verwenden</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>When the course is visible and due, and how long its certificate lasts.</source>
        <translation>Wann der Kurs sichtbar und fällig ist und wie lange sein Zertifikat gilt.</translation>
    </message>
    <message>
        <source>Publish the course</source>
        <translation>Den Kurs veröffentlichen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Days after enrollment</source>
        <translation>Tage nach der Einschreibung</translation>
    </message>
    <message>
        <source>Days after completion</source>
        <translation>Tage nach dem Abschluss</translation>
    </message>
    <message>
        <source>template id (optional)</source>
        <translation>Vorlagen-ID (optional)</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Veröffentlichung</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Certificate expiry</source>
        <translation>Ablauf des Zertifikats</translation>
    </message>
    <message>
        <source>Certificate template</source>
        <translation>Zertifikatsvorlage</translation>
    </message>
</context>
<context>
    <name>SessionDetails</name>
    <message>
        <source>Course</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>When (session's time zone)</source>
        <translation>Wann (Zeitzone der Sitzung)</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Besprechung</translation>
    </message>
    <message>
        <source>Max attendees</source>
        <translation>Max. Teilnehmende</translation>
    </message>
    <message>
        <source>Enroll by (session's time zone)</source>
        <translation>Einschreibung bis (Zeitzone der Sitzung)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Enrolled in this session ({n})</source>
        <translation>In dieser Sitzung eingeschrieben ({n})</translation>
    </message>
</context>
<context>
    <name>SessionDetailsPage</name>
    <message>
        <source>New session</source>
        <translation>Neue Sitzung</translation>
    </message>
    <message>
        <source>A session of “{course}”. Fields marked * are required.</source>
        <translation>Eine Sitzung von „{course}“. Mit * markierte Felder sind Pflichtfelder.</translation>
    </message>
    <message>
        <source>Close enrollment at</source>
        <translation>Einschreibung schließen am</translation>
    </message>
    <message>
        <source>Limit to</source>
        <translation>Begrenzen auf</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginnt</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Endet</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Type to search; defaults to this computer's zone.</source>
        <translation>Zum Suchen tippen; Standard ist die Zeitzone dieses Computers.</translation>
    </message>
    <message>
        <source>Enrollment deadline</source>
        <translation>Einschreibefrist</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Room e-mail</source>
        <translation>Raum-E-Mail</translation>
    </message>
    <message>
        <source>Room location</source>
        <translation>Raumstandort</translation>
    </message>
    <message>
        <source>Room source</source>
        <translation>Raumquelle</translation>
    </message>
    <message>
        <source>Meeting URL</source>
        <translation>Besprechungs-URL</translation>
    </message>
    <message>
        <source>Max attendees</source>
        <translation>Max. Teilnehmende</translation>
    </message>
    <message>
        <source>The enrollment deadline must not be after the session starts.</source>
        <translation>Die Einschreibefrist darf nicht nach dem Beginn der Sitzung liegen.</translation>
    </message>
</context>
<context>
    <name>SessionDonePage</name>
    <message>
        <source>Session created</source>
        <translation>Sitzung angelegt</translation>
    </message>
    <message>
        <source>The session as the server holds it</source>
        <translation>Die Sitzung, wie der Server sie speichert</translation>
    </message>
</context>
<context>
    <name>SessionWizard</name>
    <message>
        <source>New session</source>
        <translation>Neue Sitzung</translation>
    </message>
    <message>
        <source>&amp;Create session</source>
        <translation>Sitzung &amp;anlegen</translation>
    </message>
    <message>
        <source>Show as raw request</source>
        <translation>Als Rohanfrage anzeigen</translation>
    </message>
    <message>
        <source>“{title}” was added to “{course}”.</source>
        <translation>„{title}“ wurde zu „{course}“ hinzugefügt.</translation>
    </message>
    <message>
        <source>The server refused the session: {message}</source>
        <translation>Der Server hat die Sitzung abgelehnt: {message}</translation>
    </message>
</context>
<context>
    <name>SessionsPane</name>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>When (session's time zone)</source>
        <translation>Wann (Zeitzone der Sitzung)</translation>
    </message>
    <message>
        <source>Starts (session's time zone)</source>
        <translation>Beginn (Zeitzone der Sitzung)</translation>
    </message>
    <message>
        <source>Ends (session's time zone)</source>
        <translation>Ende (Zeitzone der Sitzung)</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Time zone id</source>
        <translation>Zeitzonen-ID</translation>
    </message>
    <message>
        <source>This computer: {zone}</source>
        <translation>Dieser Computer: {zone}</translation>
    </message>
    <message>
        <source>Starts (this computer: {zone})</source>
        <translation>Beginn (dieser Computer: {zone})</translation>
    </message>
    <message>
        <source>Ends (this computer: {zone})</source>
        <translation>Ende (dieser Computer: {zone})</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Besprechung</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Type to filter</source>
        <translation>Zum Filtern tippen</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>Tastenkürzel filtern</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>SpreadsheetImport</name>
    <message>
        <source>&amp;Import from spreadsheet…</source>
        <translation>Aus Tabelle &amp;importieren…</translation>
    </message>
    <message>
        <source>Done: %1 · Failed: %2 · Skipped: %3</source>
        <translation>Erledigt: %1 · Fehlgeschlagen: %2 · Übersprungen: %3</translation>
    </message>
    <message>
        <source>Result file: %1</source>
        <translation>Ergebnisdatei: %1</translation>
    </message>
    <message>
        <source>Undo file: %1 (or use “Undo this import” in the Jobs panel)</source>
        <translation>Rückgängig-Datei: %1 (oder „Diesen Import rückgängig machen“ im Aufgabenbereich)</translation>
    </message>
    <message>
        <source>Open Result File</source>
        <translation>Ergebnisdatei öffnen</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import beendet</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the reports' sync</source>
        <translation>Den Abgleich der Berichte abbrechen</translation>
    </message>
    <message>
        <source>Reports: reading %1 (%2 rows)</source>
        <translation>Berichte: %1 wird gelesen (%2 Zeilen)</translation>
    </message>
</context>
<context>
    <name>TenantSubscriptionsDialog</name>
    <message>
        <source>Subscriptions left on the tenant</source>
        <translation>Auf dem Mandanten verbliebene Abonnements</translation>
    </message>
    <message>
        <source>Webhook subscriptions keep sending (and retrying) events until they are removed. Those this app registered and no longer uses can be removed here; other applications' subscriptions are only shown.</source>
        <translation>Webhook-Abonnements senden Ereignisse (und wiederholen sie), bis sie entfernt werden. Solche, die diese App registriert hat und nicht mehr nutzt, können hier entfernt werden; Abonnements anderer Anwendungen werden nur angezeigt.</translation>
    </message>
    <message>
        <source>Webhook subscriptions on the tenant</source>
        <translation>Webhook-Abonnements auf dem Mandanten</translation>
    </message>
    <message>
        <source>Callback address</source>
        <translation>Rückrufadresse</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Registered (UTC)</source>
        <translation>Registriert (UTC)</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>Registriert von</translation>
    </message>
    <message>
        <source>Remove this app's left subscriptions</source>
        <translation>Verbliebene Abonnements dieser App entfernen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the list of subscriptions</source>
        <translation>Die Liste der Abonnements aktualisieren</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Reading the tenant's webhook subscriptions…</source>
        <translation>Die Webhook-Abonnements des Mandanten werden gelesen…</translation>
    </message>
    <message>
        <source>This tenant offers no list of webhook subscriptions; the app removes its own by address when it starts and when it closes.</source>
        <translation>Dieser Mandant bietet keine Liste der Webhook-Abonnements; die App entfernt ihre eigenen anhand der Adresse beim Start und beim Beenden.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln subscription of this app left on the tenant.</source>
        <translation>
            <numerusform>%Ln Abonnement dieser App auf dem Mandanten verblieben.</numerusform>
            <numerusform>%Ln Abonnements dieser App auf dem Mandanten verblieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln subscriptions of this app left on the tenant.</source>
        <translation>
            <numerusform>%Ln Abonnement dieser App auf dem Mandanten verblieben.</numerusform>
            <numerusform>%Ln Abonnements dieser App auf dem Mandanten verblieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the subscriptions: %1</source>
        <translation>Die Abonnements konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Another application</source>
        <translation>Eine andere Anwendung</translation>
    </message>
    <message>
        <source>This app (in use)</source>
        <translation>Diese App (in Gebrauch)</translation>
    </message>
    <message>
        <source>This app (left behind)</source>
        <translation>Diese App (verblieben)</translation>
    </message>
    <message>
        <source>Removing this app's left subscriptions…</source>
        <translation>Verbliebene Abonnements dieser App werden entfernt…</translation>
    </message>
    <message>
        <source>Subscriptions left on the &amp;tenant…</source>
        <translation>Auf dem &amp;Mandanten verbliebene Abonnements…</translation>
    </message>
</context>
<context>
    <name>ThrottleMeter</name>
    <message>
        <source>API {calls}/{limit}</source>
        <translation>API {calls}/{limit}</translation>
    </message>
    <message>
        <source>API {calls} calls</source>
        <translation>API {calls} Aufrufe</translation>
    </message>
    <message>
        <source>Paused {seconds} s (server asked to wait)</source>
        <translation>{seconds} s pausiert (der Server bat zu warten)</translation>
    </message>
    <message>
        <source> · {queued} queued</source>
        <translation> · {queued} wartend</translation>
    </message>
    <message>
        <source>Calls started in the last {window:g} s out of the connection's limit; requests waiting for a free slot: {queued}; 429 responses seen: {throttled}</source>
        <translation>In den letzten {window:g} s begonnene Aufrufe gemessen am Limit der Verbindung; auf einen freien Platz wartende Anfragen: {queued}; gesehene 429-Antworten: {throttled}</translation>
    </message>
</context>
<context>
    <name>UploadQueueModel</name>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Geht an</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>{sent} of {size} · ETA {eta}</source>
        <translation>{sent} von {size} · noch {eta}</translation>
    </message>
</context>
<context>
    <name>UploadQueueWidget</name>
    <message>
        <source>Files to upload</source>
        <translation>Hochzuladende Dateien</translation>
    </message>
    <message>
        <source>Each file with where it goes, its size, progress, status and the server's message.</source>
        <translation>Jede Datei mit Ziel, Größe, Fortschritt, Status und der Meldung des Servers.</translation>
    </message>
    <message>
        <source>Cancel selected</source>
        <translation>Ausgewählte abbrechen</translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation>Alle abbrechen</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Bericht speichern…</translation>
    </message>
    <message>
        <source>{size}/s</source>
        <translation>{size}/s</translation>
    </message>
    <message numerus="yes">
        <source>{finished} of %n finished — {done} sent, {failed} failed, {skipped} skipped, {cancelled} cancelled · {sent} of {total} · {rate} · ETA {eta}</source>
        <translation>
            <numerusform>{finished} von %n fertig — {done} gesendet, {failed} fehlgeschlagen, {skipped} übersprungen, {cancelled} abgebrochen · {sent} von {total} · {rate} · noch {eta}</numerusform>
            <numerusform>{finished} von %n fertig — {done} gesendet, {failed} fehlgeschlagen, {skipped} übersprungen, {cancelled} abgebrochen · {sent} von {total} · {rate} · noch {eta}</numerusform>
        </translation>
    </message>
    <message>
        <source>Save upload report</source>
        <translation>Upload-Bericht speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>UploadWizard</name>
    <message>
        <source>Upload certificates — {course}</source>
        <translation>Zertifikate hochladen — {course}</translation>
    </message>
    <message>
        <source>&amp;Upload</source>
        <translation>&amp;Hochladen</translation>
    </message>
    <message>
        <source>Could not load the enrollments: {message}</source>
        <translation>Die Einschreibungen konnten nicht geladen werden: {message}</translation>
    </message>
    <message>
        <source>Replace certificate?</source>
        <translation>Zertifikat ersetzen?</translation>
    </message>
    <message>
        <source>{learner} already has a certificate file. Replace it with {file}?</source>
        <translation>{learner} hat bereits eine Zertifikatsdatei. Durch {file} ersetzen?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <source>Skip all</source>
        <translation>Alle überspringen</translation>
    </message>
</context>
<context>
    <name>UserDetails</name>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Büro</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Vorgesetzte(r)</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <source>Enrollments ({n})</source>
        <translation>Einschreibungen ({n})</translation>
    </message>
    <message>
        <source>Not enrolled in any course</source>
        <translation>In keinem Kurs eingeschrieben</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>LMS365 Desktop user guide</source>
        <translation>Benutzerhandbuch für LMS365 Desktop</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Try everything on the built-in sandbox first: {openSandbox}. Its demo data is yours to change; nothing reaches a real tenant.</source>
        <translation>Probieren Sie zuerst alles in der eingebauten Sandbox aus: {openSandbox}. Ihre Demodaten dürfen Sie beliebig ändern; nichts erreicht einen echten Mandanten.</translation>
    </message>
    <message>
        <source>To work on your tenant, choose {connect}, give the region's address and your API key. The key is kept in the system's keyring, never in a file.</source>
        <translation>Um mit Ihrem Mandanten zu arbeiten, wählen Sie {connect} und geben die Adresse der Region und Ihren API-Schlüssel an. Der Schlüssel wird im Schlüsselbund des Systems aufbewahrt, nie in einer Datei.</translation>
    </message>
    <message>
        <source>Find a course, a user or an enrollment</source>
        <translation>Einen Kurs, einen Benutzer oder eine Einschreibung finden</translation>
    </message>
    <message>
        <source>Switch lists with {catalogsPane} catalogs, {coursesPane} courses, {sessionsPane} sessions, {usersPane} users and {enrollmentsPane} enrollments.</source>
        <translation>Wechseln Sie die Listen mit {catalogsPane} Kataloge, {coursesPane} Kurse, {sessionsPane} Sitzungen, {usersPane} Benutzer und {enrollmentsPane} Einschreibungen.</translation>
    </message>
    <message>
        <source>{find} filters what is loaded as you type; {refresh} reloads from the server. Click a column header to sort.</source>
        <translation>{find} filtert das Geladene während Sie tippen; {refresh} lädt neu vom Server. Klicken Sie auf einen Spaltenkopf, um zu sortieren.</translation>
    </message>
    <message>
        <source>{contextMenu} opens the menu of the selected row from the keyboard.</source>
        <translation>{contextMenu} öffnet das Menü der ausgewählten Zeile über die Tastatur.</translation>
    </message>
    <message>
        <source>Handle enrollment requests</source>
        <translation>Einschreibungsanfragen bearbeiten</translation>
    </message>
    <message>
        <source>In Enrollments, select one or many rows, then {approve} approve, {reject} reject, {cancel} cancel, {complete} set completed or {retake} force a retake.</source>
        <translation>Wählen Sie in „Einschreibungen“ eine oder mehrere Zeilen, dann {approve} genehmigen, {reject} ablehnen, {cancel} stornieren, {complete} als abgeschlossen markieren oder {retake} Wiederholung erzwingen.</translation>
    </message>
    <message>
        <source>Bulk actions run as jobs that respect the API's limit of 600 calls a minute; {showJobs} shows their progress, and a failed item can be retried.</source>
        <translation>Massenaktionen laufen als Aufträge, die das Limit der API von 600 Aufrufen pro Minute einhalten; {showJobs} zeigt ihren Fortschritt, und ein fehlgeschlagener Eintrag kann erneut versucht werden.</translation>
    </message>
    <message>
        <source>Enroll learners with {enroll}.</source>
        <translation>Schreiben Sie Lernende mit {enroll} ein.</translation>
    </message>
    <message>
        <source>Create courses and sessions</source>
        <translation>Kurse und Sitzungen anlegen</translation>
    </message>
    <message>
        <source>{newCourse} starts the course wizard; {newSession} adds a session to a course.</source>
        <translation>{newCourse} startet den Kursassistenten; {newSession} fügt einem Kurs eine Sitzung hinzu.</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>{uploadCertificates} matches certificate files to learners; you can also drop files on a learner's row.</source>
        <translation>{uploadCertificates} ordnet Zertifikatsdateien den Lernenden zu; Sie können Dateien auch auf die Zeile eines Lernenden ziehen.</translation>
    </message>
    <message>
        <source>Reports and the live feed</source>
        <translation>Berichte und der Live-Feed</translation>
    </message>
    <message>
        <source>{exportCsv} saves the current list as a CSV file.</source>
        <translation>{exportCsv} speichert die aktuelle Liste als CSV-Datei.</translation>
    </message>
    <message>
        <source>{activityPane} shows what learners do, as it happens.</source>
        <translation>{activityPane} zeigt, was Lernende tun, während es geschieht.</translation>
    </message>
    <message>
        <source>{consolePane} opens the raw OData console for questions the lists do not answer.</source>
        <translation>{consolePane} öffnet die OData-Konsole für Fragen, die die Listen nicht beantworten.</translation>
    </message>
    <message>
        <source>When something goes wrong</source>
        <translation>Wenn etwas schiefgeht</translation>
    </message>
    <message>
        <source>Server errors appear as notifications with the server's own message. Help ▸ Copy diagnostics copies the versions and connection host (never the key) for support; the log file is in the folder that Help ▸ Open log folder shows.</source>
        <translation>Serverfehler erscheinen als Benachrichtigungen mit der Meldung des Servers. Hilfe ▸ Diagnosedaten kopieren kopiert die Versionen und den Verbindungshost (nie den Schlüssel) für den Support; die Protokolldatei liegt in dem Ordner, den Hilfe ▸ Protokollordner öffnen zeigt.</translation>
    </message>
    <message>
        <source>Working with LMS365 Desktop</source>
        <translation>Arbeiten mit LMS365 Desktop</translation>
    </message>
    <message>
        <source>All keyboard shortcuts: Help ▸ Keyboard shortcuts.</source>
        <translation>Alle Tastenkürzel: Hilfe ▸ Tastenkürzel.</translation>
    </message>
</context>
<context>
    <name>UserPickerDialog</name>
    <message>
        <source>Course</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Type part of a course title</source>
        <translation>Geben Sie einen Teil eines Kurstitels ein</translation>
    </message>
    <message>
        <source>Chosen course</source>
        <translation>Gewählter Kurs</translation>
    </message>
    <message>
        <source>&amp;Course:</source>
        <translation>&amp;Kurs:</translation>
    </message>
    <message>
        <source>Add everyone in a department</source>
        <translation>Alle aus einer Abteilung hinzufügen</translation>
    </message>
    <message>
        <source>Add everyone in a department…</source>
        <translation>Alle aus einer Abteilung hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Abteilung:</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>&amp;Sessions:</source>
        <translation>&amp;Sitzungen:</translation>
    </message>
    <message>
        <source>This course has no session open for enrollment.</source>
        <translation>Dieser Kurs hat keine Sitzung, die zur Einschreibung offen ist.</translation>
    </message>
    <message>
        <source>&amp;Due by</source>
        <translation>&amp;Fällig bis</translation>
    </message>
    <message>
        <source>Set a due date</source>
        <translation>Ein Fälligkeitsdatum festlegen</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>end of the day, UTC</source>
        <translation>Ende des Tages, UTC</translation>
    </message>
    <message>
        <source>&amp;People:</source>
        <translation>&amp;Personen:</translation>
    </message>
    <message numerus="yes">
        <source>%n people in {department}</source>
        <translation>
            <numerusform>%n Person in {department}</numerusform>
            <numerusform>%n Personen in {department}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n people from {department}</source>
        <translation>
            <numerusform>%n Person aus {department} hinzugefügt</numerusform>
            <numerusform>%n Personen aus {department} hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n already enrolled left out</source>
        <translation>
            <numerusform>; %n bereits eingeschriebene Person ausgelassen</numerusform>
            <numerusform>; %n bereits eingeschriebene Personen ausgelassen</numerusform>
        </translation>
    </message>
    <message>
        <source>Enroll people in {course}</source>
        <translation>Personen in {course} einschreiben</translation>
    </message>
    <message>
        <source>Enroll people</source>
        <translation>Personen einschreiben</translation>
    </message>
    <message>
        <source>{type} course</source>
        <translation>Kursart: {type}</translation>
    </message>
    <message>
        <source>Already enrolled, left out: {names}</source>
        <translation>Bereits eingeschrieben, ausgelassen: {names}</translation>
    </message>
    <message>
        <source>already enrolled</source>
        <translation>bereits eingeschrieben</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>Einschreiben</translation>
    </message>
    <message numerus="yes">
        <source>Enroll %n people</source>
        <translation>
            <numerusform>%n Person einschreiben</numerusform>
            <numerusform>%n Personen einschreiben</numerusform>
        </translation>
    </message>
    <message>
        <source>Enroll 1 person</source>
        <translation>1 Person einschreiben</translation>
    </message>
</context>
<context>
    <name>UsersPane</name>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Büro</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Vorgesetzte(r)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Anmeldename</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>WizardLauncher</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connect to LMS365 first.</source>
        <translation>Verbinden Sie sich zuerst mit LMS365.</translation>
    </message>
    <message>
        <source>New course</source>
        <translation>Neuer Kurs</translation>
    </message>
    <message>
        <source>Choose a classroom or webinar course</source>
        <translation>Wählen Sie einen Präsenz- oder Webinarkurs</translation>
    </message>
    <message>
        <source>Sessions belong to classroom and webinar courses; select one first.</source>
        <translation>Sitzungen gehören zu Präsenz- und Webinarkursen; wählen Sie zuerst einen aus.</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Session created</source>
        <translation>Sitzung angelegt</translation>
    </message>
    <message>
        <source>Choose a course</source>
        <translation>Wählen Sie einen Kurs</translation>
    </message>
    <message>
        <source>Select the course whose learners get the certificates.</source>
        <translation>Wählen Sie den Kurs, dessen Lernende die Zertifikate erhalten.</translation>
    </message>
</context>
<context>
    <name>Wizards</name>
    <message>
        <source>New &amp;course…</source>
        <translation>Neuer &amp;Kurs…</translation>
    </message>
    <message>
        <source>New &amp;session…</source>
        <translation>Neue &amp;Sitzung…</translation>
    </message>
    <message>
        <source>Upload &amp;certificates…</source>
        <translation>&amp;Zertifikate hochladen…</translation>
    </message>
    <message>
        <source>&amp;Upload file…</source>
        <translation>Datei &amp;hochladen…</translation>
    </message>
</context>
<context>
    <name>_ChoiceList</name>
    <message>
        <source>Add new</source>
        <translation>Neu hinzufügen</translation>
    </message>
    <message>
        <source>{name}  (new)</source>
        <translation>{name}  (neu)</translation>
    </message>
    <message>
        <source>{name}  (new, under {parent})</source>
        <translation>{name}  (neu, unter {parent})</translation>
    </message>
</context>
<context>
    <name>_FixedOrDays</name>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Fixed date</source>
        <translation>Festes Datum</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The API key was not accepted</source>
        <translation>Der API-Schlüssel wurde nicht akzeptiert</translation>
    </message>
    <message>
        <source>Not allowed with this API key</source>
        <translation>Mit diesem API-Schlüssel nicht erlaubt</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>The server asked us to slow down</source>
        <translation>Der Server bittet um weniger Anfragen</translation>
    </message>
    <message>
        <source>The result is unknown</source>
        <translation>Das Ergebnis ist unbekannt</translation>
    </message>
    <message>
        <source>Server error</source>
        <translation>Serverfehler</translation>
    </message>
    <message>
        <source>The server refused the request</source>
        <translation>Der Server hat die Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>Error type</source>
        <translation>Fehlerart</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>Enter API key…</source>
        <translation>API-Schlüssel eingeben…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
</TS>
