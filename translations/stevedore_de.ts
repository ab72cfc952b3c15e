<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>PartFileWriter</name>
    <message>
        <source>The server resumed at the wrong position.</source>
        <translation>Der Server hat an der falschen Stelle fortgesetzt.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>GitLab lists %1 with %2 bytes but sends %3; the download was stopped.</source>
        <translation>GitLab führt %1 mit %2 Bytes, sendet aber %3; das Herunterladen wurde abgebrochen.</translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation>es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2. Free some disk space and resume; what was received is kept.</source>
        <translation>Das Schreiben von %1 ist fehlgeschlagen: %2. Geben Sie Speicherplatz frei und setzen Sie fort; was bereits empfangen wurde, bleibt erhalten.</translation>
    </message>
    <message>
        <source>GitLab sent more than the %1 bytes of %2 it announced; the download was stopped.</source>
        <translation>GitLab hat mehr als die angekündigten %1 Bytes von %2 gesendet; das Herunterladen wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The saved transfer queue could not be read (%1); it was kept as %2.</source>
        <translation>Die gespeicherte Übertragungswarteschlange konnte nicht gelesen werden (%1); sie wurde als %2 aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>Stevedore::AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>A desktop client for GitLab&apos;s Generic Packages Registry.</source>
        <translation>Ein Desktop-Client für die Generic Packages Registry von GitLab.</translation>
    </message>
    <message>
        <source>Qt %1 (built with Qt %2)
QtKeychain %3</source>
        <translation>Qt %1 (erstellt mit Qt %2)
QtKeychain %3</translation>
    </message>
    <message>
        <source>%1
Free software under the %2.</source>
        <translation>%1
Freie Software unter der %2.</translation>
    </message>
    <message>
        <source>Show &amp;license</source>
        <translation>&amp;Lizenz anzeigen</translation>
    </message>
</context>
<context>
    <name>Stevedore::Account</name>
    <message>
        <source>Personal, project or group access token</source>
        <translation>Persönliches, Projekt- oder Gruppen-Zugriffstoken</translation>
    </message>
    <message>
        <source>Deploy token</source>
        <translation>Deploy-Token</translation>
    </message>
    <message>
        <source>CI job token</source>
        <translation>CI-Job-Token</translation>
    </message>
    <message>
        <source>HTTP Basic (username and token)</source>
        <translation>HTTP Basic (Benutzername und Token)</translation>
    </message>
    <message>
        <source>OAuth token</source>
        <translation>OAuth-Token</translation>
    </message>
</context>
<context>
    <name>Stevedore::AccountDialog</name>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>https://gitlab.example.com</source>
        <translation>https://gitlab.example.com</translation>
    </message>
    <message>
        <source>Personal access token</source>
        <translation>Persönliches Zugriffstoken</translation>
    </message>
    <message>
        <source>Project access token</source>
        <translation>Projekt-Zugriffstoken</translation>
    </message>
    <message>
        <source>Group access token</source>
        <translation>Gruppen-Zugriffstoken</translation>
    </message>
    <message>
        <source>Deploy token</source>
        <translation>Deploy-Token</translation>
    </message>
    <message>
        <source>CI job token</source>
        <translation>CI-Job-Token</translation>
    </message>
    <message>
        <source>HTTP Basic (user name and token)</source>
        <translation>HTTP Basic (Benutzername und Token)</translation>
    </message>
    <message>
        <source>OAuth token</source>
        <translation>OAuth-Token</translation>
    </message>
    <message>
        <source>Pasted tokens are cleaned of surrounding spaces and line breaks.</source>
        <translation>Bei eingefügten Token werden umgebende Leerzeichen und Zeilenumbrüche entfernt.</translation>
    </message>
    <message>
        <source>Only for HTTP Basic</source>
        <translation>Nur für HTTP Basic</translation>
    </message>
    <message>
        <source>Optional: PEM file of your GitLab&apos;s certificate authority</source>
        <translation>Optional: PEM-Datei der Zertifizierungsstelle Ihres GitLab</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>group/project or its numeric id</source>
        <translation>Gruppe/Projekt oder seine numerische ID</translation>
    </message>
    <message>
        <source>GitLab &amp;URL:</source>
        <translation>GitLab-&amp;URL:</translation>
    </message>
    <message>
        <source>Token &amp;kind:</source>
        <translation>Token-&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>User na&amp;me:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projekt:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>A&amp;nzeigename:</translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Verbindung wird getestet …</translation>
    </message>
    <message>
        <source>T&amp;rust this CA file…</source>
        <translation>Dieser CA-Datei ve&amp;rtrauen …</translation>
    </message>
    <message>
        <source>Choose the PEM file of the certificate authority that signed this server&apos;s certificate, and test again with it.</source>
        <translation>Wählen Sie die PEM-Datei der Zertifizierungsstelle, die das Zertifikat dieses Servers signiert hat, und testen Sie damit erneut.</translation>
    </message>
    <message>
        <source>Defaults to the server&apos;s host name</source>
        <translation>Standardmäßig der Hostname des Servers</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <source>Your GitLab user name</source>
        <translation>Ihr GitLab-Benutzername</translation>
    </message>
    <message>
        <source>glpat-…</source>
        <translation>glpat-…</translation>
    </message>
    <message>
        <source>gldt-…</source>
        <translation>gldt-…</translation>
    </message>
    <message>
        <source>The value of CI_JOB_TOKEN</source>
        <translation>Der Wert von CI_JOB_TOKEN</translation>
    </message>
    <message>
        <source>Password or personal access token</source>
        <translation>Passwort oder persönliches Zugriffstoken</translation>
    </message>
    <message>
        <source>OAuth access token</source>
        <translation>OAuth-Zugriffstoken</translation>
    </message>
    <message>
        <source>unchanged — type to replace</source>
        <translation>unverändert – zum Ersetzen eintippen</translation>
    </message>
    <message>
        <source>Required for deploy tokens: GitLab cannot tell who a deploy token belongs to, so the connection is tested against the project it was created for.</source>
        <translation>Für Deploy-Token erforderlich: GitLab kann nicht feststellen, wem ein Deploy-Token gehört, daher wird die Verbindung mit dem Projekt getestet, für das es erstellt wurde.</translation>
    </message>
    <message>
        <source>Required for CI job tokens: GitLab cannot tell who a job token belongs to, so the connection is tested against a project the job may use (e.g. CI_PROJECT_PATH).</source>
        <translation>Für CI-Job-Token erforderlich: GitLab kann nicht feststellen, wem ein Job-Token gehört, daher wird die Verbindung mit einem Projekt getestet, das der Job verwenden darf (z. B. CI_PROJECT_PATH).</translation>
    </message>
    <message>
        <source>Optional: the project to open first.</source>
        <translation>Optional: das Projekt, das zuerst geöffnet wird.</translation>
    </message>
    <message>
        <source>Another account is named %1 already: choose another display name.</source>
        <translation>Ein anderes Konto heißt bereits %1: Wählen Sie einen anderen Anzeigenamen.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>✓ The connection works.</source>
        <translation>✓ Die Verbindung funktioniert.</translation>
    </message>
    <message>
        <source>Signed in as @%1.</source>
        <translation>Angemeldet als @%1.</translation>
    </message>
    <message>
        <source>Signed in as %1 (@%2).</source>
        <translation>Angemeldet als %1 (@%2).</translation>
    </message>
    <message>
        <source>Scopes: %1.</source>
        <translation>Bereiche: %1.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Expires on %1.</source>
        <translation>Läuft am %1 ab.</translation>
    </message>
    <message>
        <source>Does not expire.</source>
        <translation>Läuft nicht ab.</translation>
    </message>
    <message>
        <source>Checked against project %1.</source>
        <translation>Geprüft mit dem Projekt %1.</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Trotzdem speichern</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted. Its SHA-256 fingerprint is:
%1
Compare it with the one your GitLab administrator publishes before trusting the certificate authority that signed it.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut. Sein SHA-256-Fingerabdruck lautet:
%1
Vergleichen Sie ihn mit dem, den Ihre GitLab-Administration veröffentlicht, bevor Sie der Zertifizierungsstelle vertrauen, die es signiert hat.</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose a CA file</source>
        <translation>CA-Datei auswählen</translation>
    </message>
    <message>
        <source>Trust a CA file</source>
        <translation>CA-Datei vertrauen</translation>
    </message>
    <message>
        <source>Not a CA file</source>
        <translation>Keine CA-Datei</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate. Choose the PEM file of the certificate authority that signed your GitLab&apos;s certificate.</source>
        <translation>%1 enthält kein PEM-Zertifikat. Wählen Sie die PEM-Datei der Zertifizierungsstelle, die das Zertifikat Ihres GitLab signiert hat.</translation>
    </message>
</context>
<context>
    <name>Stevedore::AccountSession</name>
    <message>
        <source>%1 could not be saved: %2 cannot be written. The account works until Stevedore quits; free some disk space or make the file writable, then add it again.</source>
        <translation>%1 konnte nicht gespeichert werden: %2 ist nicht beschreibbar. Das Konto funktioniert, bis Stevedore beendet wird; geben Sie Speicherplatz frei oder machen Sie die Datei beschreibbar und fügen Sie es dann erneut hinzu.</translation>
    </message>
    <message>
        <source>%1 was not changed: its token could not be read (%2). Type the token to store it again.</source>
        <translation>%1 wurde nicht geändert: Sein Token konnte nicht gelesen werden (%2). Geben Sie das Token ein, um es erneut zu speichern.</translation>
    </message>
    <message>
        <source>The new token of %1 is stored, but its other settings could not be saved.</source>
        <translation>Das neue Token von %1 ist gespeichert, aber seine übrigen Einstellungen konnten nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>%1 was not changed: its settings could not be saved.</source>
        <translation>%1 wurde nicht geändert: Seine Einstellungen konnten nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>%1 was not changed: the token could not be stored (%2).</source>
        <translation>%1 wurde nicht geändert: Das Token konnte nicht gespeichert werden (%2).</translation>
    </message>
</context>
<context>
    <name>Stevedore::AccountValidator</name>
    <message>
        <source>This token has read_api only: browsing and downloading work, publishing and deleting need the api scope.</source>
        <translation>Dieses Token hat nur read_api: Durchsuchen und Herunterladen funktionieren, Veröffentlichen und Löschen benötigen den Bereich api.</translation>
    </message>
    <message>
        <source>This token expires on %1 (today).</source>
        <translation>Dieses Token läuft am %1 ab (heute).</translation>
    </message>
    <message>
        <source>This token expires on %1 (in 1 day).</source>
        <translation>Dieses Token läuft am %1 ab (in 1 Tag).</translation>
    </message>
    <message>
        <source>This token expires on %1 (in %2 days).</source>
        <translation>Dieses Token läuft am %1 ab (in %2 Tagen).</translation>
    </message>
    <message>
        <source>The token expired on %1. Create a new token in GitLab and update the account.</source>
        <translation>Das Token ist am %1 abgelaufen. Erstellen Sie in GitLab ein neues Token und aktualisieren Sie das Konto.</translation>
    </message>
    <message>
        <source>The token is no longer active (it was revoked or has expired). Create a new token in GitLab and update the account.</source>
        <translation>Das Token ist nicht mehr aktiv (es wurde widerrufen oder ist abgelaufen). Erstellen Sie in GitLab ein neues Token und aktualisieren Sie das Konto.</translation>
    </message>
    <message>
        <source>This token has neither the api nor the read_api scope (it has %1), so it can neither browse nor publish packages. Create a token with the api scope (or read_api to only browse and download).</source>
        <translation>Dieses Token hat weder den Bereich api noch read_api (es hat %1), kann also Pakete weder durchsuchen noch veröffentlichen. Erstellen Sie ein Token mit dem Bereich api (oder read_api, um nur zu durchsuchen und herunterzuladen).</translation>
    </message>
    <message>
        <source>The account&apos;s address &quot;%1&quot; is not an http or https URL. Enter your GitLab&apos;s address, for example https://gitlab.example.com.</source>
        <translation>Die Adresse des Kontos „%1“ ist keine http- oder https-URL. Geben Sie die Adresse Ihres GitLab ein, zum Beispiel https://gitlab.example.com.</translation>
    </message>
    <message>
        <source>The account has no token. Enter the token (%1) and try again.</source>
        <translation>Das Konto hat kein Token. Geben Sie das Token (%1) ein und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>A deploy token can only be checked against a project: GitLab accepts it on package URLs, not on its user API. Give the project the token belongs to (group/project or its numeric id) and try again.</source>
        <translation>Ein Deploy-Token kann nur an einem Projekt geprüft werden: GitLab akzeptiert es bei Paket-URLs, nicht bei seiner Benutzer-API. Geben Sie das Projekt an, zu dem das Token gehört (Gruppe/Projekt oder seine numerische ID), und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>A CI job token can only be checked against a project: GitLab accepts it on package URLs, not on its user API. Give the job&apos;s project (CI_PROJECT_ID, group/project or its numeric id) and try again.</source>
        <translation>Ein CI-Job-Token kann nur an einem Projekt geprüft werden: GitLab akzeptiert es bei Paket-URLs, nicht bei seiner Benutzer-API. Geben Sie das Projekt des Jobs an (CI_PROJECT_ID, Gruppe/Projekt oder seine numerische ID) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The token&apos;s scopes and expiry date could not be checked: %1</source>
        <translation>Die Bereiche und das Ablaufdatum des Tokens konnten nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>GitLab does not let this deploy token read packages in %1 (HTTP 403: %2). A deploy token works only in the project or group it was created in.</source>
        <translation>GitLab erlaubt diesem Deploy-Token nicht, Pakete in %1 zu lesen (HTTP 403: %2). Ein Deploy-Token funktioniert nur in dem Projekt oder der Gruppe, in der es erstellt wurde.</translation>
    </message>
    <message>
        <source>The CI job token is valid, but it may not read packages in %1 (HTTP 403: %2). That project&apos;s job token allowlist must include the job&apos;s project.</source>
        <translation>Das CI-Job-Token ist gültig, darf aber keine Pakete in %1 lesen (HTTP 403: %2). Die Job-Token-Zulassungsliste dieses Projekts muss das Projekt des Jobs enthalten.</translation>
    </message>
    <message>
        <source>The project %1 does not exist, or this deploy token cannot see it. A deploy token works only in the project or group it was created in: check the project path or id.</source>
        <translation>Das Projekt %1 existiert nicht, oder dieses Deploy-Token kann es nicht sehen. Ein Deploy-Token funktioniert nur in dem Projekt oder der Gruppe, in der es erstellt wurde: Prüfen Sie Projektpfad oder ID.</translation>
    </message>
    <message>
        <source>The project %1 does not exist, or this CI job token cannot see it. A job token works in its job&apos;s project and in projects that allow it: check the project path or id.</source>
        <translation>Das Projekt %1 existiert nicht, oder dieses CI-Job-Token kann es nicht sehen. Ein Job-Token funktioniert im Projekt seines Jobs und in Projekten, die es zulassen: Prüfen Sie Projektpfad oder ID.</translation>
    </message>
    <message>
        <source>GitLab did not accept the deploy token for project %1 (HTTP 401). Check that the token is typed correctly, has not expired or been revoked, and belongs to this project or its group.</source>
        <translation>GitLab hat das Deploy-Token für das Projekt %1 nicht akzeptiert (HTTP 401). Prüfen Sie, ob das Token richtig eingegeben ist, nicht abgelaufen oder widerrufen ist und zu diesem Projekt oder seiner Gruppe gehört.</translation>
    </message>
    <message>
        <source>GitLab did not accept the CI job token (HTTP 401). A job token works only while its job is running: use the CI_JOB_TOKEN of the current job.</source>
        <translation>GitLab hat das CI-Job-Token nicht akzeptiert (HTTP 401). Ein Job-Token funktioniert nur, solange sein Job läuft: Verwenden Sie das CI_JOB_TOKEN des aktuellen Jobs.</translation>
    </message>
    <message>
        <source>The project %1 is public, so this check cannot tell whether GitLab accepted the deploy token: GitLab ignores an unknown deploy token and treats the caller as anonymous. A wrong token will only show when publishing.</source>
        <translation>Das Projekt %1 ist öffentlich, daher kann diese Prüfung nicht feststellen, ob GitLab das Deploy-Token akzeptiert hat: GitLab ignoriert ein unbekanntes Deploy-Token und behandelt den Aufrufer als anonym. Ein falsches Token zeigt sich erst beim Veröffentlichen.</translation>
    </message>
</context>
<context>
    <name>Stevedore::ApiCall</name>
    <message>
        <source>certificate &quot;%1&quot;, issued by &quot;%2&quot;, SHA-256 fingerprint %3</source>
        <translation>Zertifikat „%1“, ausgestellt von „%2“, SHA-256-Fingerabdruck %3</translation>
    </message>
    <message>
        <source>GitLab answered with a redirect to %1. Uploads and deletions are never redirected: check the account&apos;s URL (for example http:// instead of https://) and the project.</source>
        <translation>GitLab hat mit einer Weiterleitung nach %1 geantwortet. Hochladen und Löschen werden nie weitergeleitet: Prüfen Sie die URL des Kontos (zum Beispiel http:// statt https://) und das Projekt.</translation>
    </message>
    <message>
        <source>Refusing to follow a redirect from https to %1, which is not encrypted.</source>
        <translation>Einer Weiterleitung von https nach %1, das nicht verschlüsselt ist, wird nicht gefolgt.</translation>
    </message>
    <message>
        <source>Too many or invalid redirects (last: %1).</source>
        <translation>Zu viele oder ungültige Weiterleitungen (zuletzt: %1).</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1. If this is your GitLab&apos;s own certificate authority, add its CA file to the account.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut: %1. Wenn es die eigene Zertifizierungsstelle Ihres GitLab ist, fügen Sie deren CA-Datei zum Konto hinzu.</translation>
    </message>
    <message>
        <source>The server&apos;s answer has response headers that could not be read (oversized or malformed); giving up.</source>
        <translation>Die Antwort des Servers hat Antwort-Header, die nicht gelesen werden konnten (zu groß oder fehlerhaft); Abbruch.</translation>
    </message>
    <message>
        <source>The server&apos;s answer has %1 KiB of response headers, more than the %2 KiB accepted; giving up.</source>
        <translation>Die Antwort des Servers hat %1 KiB Antwort-Header, mehr als die zulässigen %2 KiB; Abbruch.</translation>
    </message>
    <message>
        <source>GitLab&apos;s answer is unexpectedly large; giving up.</source>
        <translation>Die Antwort von GitLab ist unerwartet groß; Abbruch.</translation>
    </message>
    <message>
        <source>no data for %1 s</source>
        <translation>seit %1 s keine Daten</translation>
    </message>
    <message>
        <source>The server sent only %1 bytes in %2 s, slower than %3 bytes per second; the transfer was cut off. Check the network or the server, then try again.</source>
        <translation>Der Server hat in %2 s nur %1 Bytes gesendet, langsamer als %3 Bytes pro Sekunde; die Übertragung wurde abgebrochen. Prüfen Sie das Netzwerk oder den Server und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>Stevedore::ApiError</name>
    <message>
        <source>GitLab&apos;s answer could not be read as the expected JSON.</source>
        <translation>Die Antwort von GitLab konnte nicht als das erwartete JSON gelesen werden.</translation>
    </message>
    <message>
        <source>GitLab&apos;s next page points back to the page just read; the list was stopped.</source>
        <translation>Die nächste Seite von GitLab verweist auf die gerade gelesene Seite zurück; die Liste wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Project &quot;%1&quot;: %2</source>
        <translation>Projekt „%1“: %2</translation>
    </message>
    <message>
        <source>Package name &quot;%1&quot;: %2</source>
        <translation>Paketname „%1“: %2</translation>
    </message>
    <message>
        <source>Version &quot;%1&quot;: %2</source>
        <translation>Version „%1“: %2</translation>
    </message>
    <message>
        <source>GitLab lists %1 packages named %2 with version %3 (ids %4); refusing to choose one.</source>
        <translation>GitLab führt %1 Pakete namens %2 mit der Version %3 (IDs %4); es wird keines davon ausgewählt.</translation>
    </message>
    <message>
        <source>GitLab&apos;s answer is not what the API documents: file %1 of package %2 names package %3.</source>
        <translation>Die Antwort von GitLab entspricht nicht der API-Dokumentation: Die Datei %1 des Pakets %2 nennt das Paket %3.</translation>
    </message>
    <message>
        <source>%1 has no version %3 of package %2.</source>
        <translation>%1 hat keine Version %3 des Pakets %2.</translation>
    </message>
    <message>
        <source>GitLab&apos;s next page points back to a page already read (%1); the list was stopped.</source>
        <translation>Die nächste Seite von GitLab verweist auf eine bereits gelesene Seite zurück (%1); die Liste wurde abgebrochen.</translation>
    </message>
    <message>
        <source>GitLab announced more than %1 pages; the list was stopped there.</source>
        <translation>GitLab hat mehr als %1 Seiten angekündigt; die Liste wurde dort abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 GitLab asked to wait %2 (until %3), longer than the %4 Stevedore waits; try again after that time.</source>
        <translation>%1 GitLab bat, %2 zu warten (bis %3), länger als die %4, die Stevedore wartet; versuchen Sie es nach dieser Zeit erneut.</translation>
    </message>
    <message>
        <source>GitLab asked to wait %1; retrying at %2.</source>
        <translation>GitLab bat, %1 zu warten; neuer Versuch um %2.</translation>
    </message>
    <message>
        <source>Retrying in %1 (at %2).</source>
        <translation>Neuer Versuch in %1 (um %2).</translation>
    </message>
    <message>
        <source>GitLab&apos;s answer is not what the API documents: %1.</source>
        <translation>Die Antwort von GitLab entspricht nicht der API-Dokumentation: %1.</translation>
    </message>
    <message>
        <source>a project without a numeric id or a path</source>
        <translation>ein Projekt ohne numerische ID oder Pfad</translation>
    </message>
    <message>
        <source>a package without a numeric id</source>
        <translation>ein Paket ohne numerische ID</translation>
    </message>
    <message>
        <source>package %1 has no name or no version</source>
        <translation>das Paket %1 hat keinen Namen oder keine Version</translation>
    </message>
    <message>
        <source>a package file without a numeric id</source>
        <translation>eine Paketdatei ohne numerische ID</translation>
    </message>
    <message>
        <source>package file %1 has no file_name</source>
        <translation>die Paketdatei %1 hat keinen file_name</translation>
    </message>
    <message>
        <source>package file %1 has no size of 0 or more bytes</source>
        <translation>die Paketdatei %1 hat keine Größe von 0 oder mehr Bytes</translation>
    </message>
    <message>
        <source>package file %1 has no file_sha256 of 64 hexadecimal digits</source>
        <translation>die Paketdatei %1 hat keine file_sha256 aus 64 Hexadezimalziffern</translation>
    </message>
    <message>
        <source>The token has expired. Create a new token in GitLab and update the account.</source>
        <translation>Das Token ist abgelaufen. Erstellen Sie in GitLab ein neues Token und aktualisieren Sie das Konto.</translation>
    </message>
    <message>
        <source>The token was revoked. Create a new token in GitLab and update the account.</source>
        <translation>Das Token wurde widerrufen. Erstellen Sie in GitLab ein neues Token und aktualisieren Sie das Konto.</translation>
    </message>
    <message>
        <source>GitLab did not accept the token (HTTP 401). Check that it is typed correctly, is of the kind chosen for the account and has not expired.</source>
        <translation>GitLab hat das Token nicht akzeptiert (HTTP 401). Prüfen Sie, ob es richtig eingegeben ist, zur für das Konto gewählten Art gehört und nicht abgelaufen ist.</translation>
    </message>
    <message>
        <source>The token&apos;s scope is too narrow: uploading and deleting need a token with the api scope (read_api only allows browsing and downloading).</source>
        <translation>Der Bereich des Tokens ist zu eng: Hochladen und Löschen benötigen ein Token mit dem Bereich api (read_api erlaubt nur Durchsuchen und Herunterladen).</translation>
    </message>
    <message>
        <source>This package is protected against deletion in this project; deleting it needs a higher role.</source>
        <translation>Dieses Paket ist in diesem Projekt vor dem Löschen geschützt; zum Löschen ist eine höhere Rolle nötig.</translation>
    </message>
    <message>
        <source>This package name is protected in this project; publishing it needs a higher role (or is not allowed for deploy tokens).</source>
        <translation>Dieser Paketname ist in diesem Projekt geschützt; zum Veröffentlichen ist eine höhere Rolle nötig (für Deploy-Token ist es nicht erlaubt).</translation>
    </message>
    <message>
        <source>Your role in this project does not allow this. Uploading needs at least Developer, deleting needs Maintainer; deploy tokens need write_package_registry to upload.</source>
        <translation>Ihre Rolle in diesem Projekt erlaubt das nicht. Hochladen erfordert mindestens die Rolle Entwickler, Löschen die Rolle Maintainer; Deploy-Token benötigen write_package_registry zum Hochladen.</translation>
    </message>
    <message>
        <source>No such package, version or file.</source>
        <translation>Kein solches Paket, keine solche Version oder Datei.</translation>
    </message>
    <message>
        <source>The project does not exist, or this account cannot see it. Check the project path or id and the account.</source>
        <translation>Das Projekt existiert nicht, oder dieses Konto kann es nicht sehen. Prüfen Sie Projektpfad oder ID und das Konto.</translation>
    </message>
    <message>
        <source>This group does not allow duplicate files: the version already has a file with this name. Publish a new version or replace the file.</source>
        <translation>Diese Gruppe erlaubt keine doppelten Dateien: Die Version hat bereits eine Datei mit diesem Namen. Veröffentlichen Sie eine neue Version oder ersetzen Sie die Datei.</translation>
    </message>
    <message>
        <source>The file is larger than this GitLab instance accepts for generic packages (5 GiB unless the administrator changed the limit).</source>
        <translation>Die Datei ist größer, als diese GitLab-Instanz für generische Pakete annimmt (5 GiB, sofern die Administration die Grenze nicht geändert hat).</translation>
    </message>
    <message>
        <source>GitLab rejected the request: %1.</source>
        <translation>GitLab hat die Anfrage abgelehnt: %1.</translation>
    </message>
    <message>
        <source>GitLab is rate limiting requests; try again later.</source>
        <translation>GitLab begrenzt die Anfragerate; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>GitLab answered with a server error (HTTP %1). This is usually temporary; try again.</source>
        <translation>GitLab hat mit einem Serverfehler geantwortet (HTTP %1). Das ist meist vorübergehend; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>GitLab answered with an unexpected HTTP %1: %2</source>
        <translation>GitLab hat mit einem unerwarteten HTTP %1 geantwortet: %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The server stopped answering (%1). Check the network and try again.</source>
        <translation>Der Server antwortet nicht mehr (%1). Prüfen Sie das Netzwerk und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The secure connection failed: %1</source>
        <translation>Die sichere Verbindung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The server&apos;s name could not be resolved (%1). Check the URL and the network.</source>
        <translation>Der Name des Servers konnte nicht aufgelöst werden (%1). Prüfen Sie die URL und das Netzwerk.</translation>
    </message>
    <message>
        <source>The server refused the connection (%1). Check the URL and port.</source>
        <translation>Der Server hat die Verbindung abgelehnt (%1). Prüfen Sie URL und Port.</translation>
    </message>
    <message>
        <source>The proxy failed (%1). Check the system proxy settings.</source>
        <translation>Der Proxy ist fehlgeschlagen (%1). Prüfen Sie die Proxy-Einstellungen des Systems.</translation>
    </message>
    <message>
        <source>The connection failed (%1). Check the network and try again.</source>
        <translation>Die Verbindung ist fehlgeschlagen (%1). Prüfen Sie das Netzwerk und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The proxy at %1 refused the connection. Check the proxy settings (https_proxy, http_proxy, no_proxy).</source>
        <translation>Der Proxy unter %1 hat die Verbindung abgelehnt. Prüfen Sie die Proxy-Einstellungen (https_proxy, http_proxy, no_proxy).</translation>
    </message>
    <message>
        <source>%1 %2 is hidden, and GitLab does not list the files of a hidden version (it still serves them by name).</source>
        <translation>%1 %2 ist verborgen, und GitLab führt die Dateien einer verborgenen Version nicht auf (liefert sie aber weiterhin über ihren Namen aus).</translation>
    </message>
</context>
<context>
    <name>Stevedore::CommandCatalog</name>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>GitLab server to use, e.g. https://gitlab.example.com</source>
        <translation>zu verwendender GitLab-Server, z. B. https://gitlab.example.com</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>account to use (stevedore accounts lists them)</source>
        <translation>zu verwendendes Konto (stevedore accounts listet sie auf)</translation>
    </message>
    <message>
        <source>print the result as JSON</source>
        <translation>das Ergebnis als JSON ausgeben</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>json or text; --output json is --json</source>
        <translation>json oder text; --output json ist --json</translation>
    </message>
    <message>
        <source>print nothing but errors</source>
        <translation>nur Fehler ausgeben</translation>
    </message>
    <message>
        <source>show this help and exit</source>
        <translation>diese Hilfe anzeigen und beenden</translation>
    </message>
    <message>
        <source>start afresh instead of resuming an interrupted run with the same arguments</source>
        <translation>neu beginnen, statt einen unterbrochenen Lauf mit denselben Argumenten fortzusetzen</translation>
    </message>
    <message>
        <source>PROJECT</source>
        <translation>PROJEKT</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>project the window opens, e.g. group/project</source>
        <translation>Projekt, das das Fenster öffnet, z. B. gruppe/projekt</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>die Version anzeigen und beenden</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>the longest Retry-After to honour (default 300); a server asking for longer fails the command at once</source>
        <translation>die längste Retry-After-Wartezeit, die eingehalten wird (Standard 300); verlangt ein Server länger, schlägt der Befehl sofort fehl</translation>
    </message>
    <message>
        <source>add a GitLab account; its token goes to the system keychain</source>
        <translation>ein GitLab-Konto hinzufügen; sein Token kommt in den Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>The token is read from standard input (without echo at a terminal), checked against GitLab and stored in the keychain. Without a keychain the account is not saved.</source>
        <translation>Das Token wird von der Standardeingabe gelesen (an einem Terminal ohne Echo), bei GitLab geprüft und im Schlüsselbund gespeichert. Ohne Schlüsselbund wird das Konto nicht gespeichert.</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>token kind: personal (the default), deploy, job, basic or oauth</source>
        <translation>Token-Art: personal (Standard), deploy, job, basic oder oauth</translation>
    </message>
    <message>
        <source>user name, for --kind basic</source>
        <translation>Benutzername, für --kind basic</translation>
    </message>
    <message>
        <source>PEM</source>
        <translation>PEM</translation>
    </message>
    <message>
        <source>extra CA certificates (PEM) to trust</source>
        <translation>zusätzliche CA-Zertifikate (PEM), denen vertraut wird</translation>
    </message>
    <message>
        <source>account name (default: the host)</source>
        <translation>Kontoname (Standard: der Host)</translation>
    </message>
    <message>
        <source>default project; required to check deploy and job tokens</source>
        <translation>Standardprojekt; zum Prüfen von Deploy- und Job-Token erforderlich</translation>
    </message>
    <message>
        <source>remove an account and its token</source>
        <translation>ein Konto und sein Token entfernen</translation>
    </message>
    <message>
        <source>Without ACCOUNT, the one account there is, or the one --account names. When the token cannot be removed from the keychain the account is kept and the exit status is 1.</source>
        <translation>Ohne KONTO das einzige vorhandene Konto oder das, das --account nennt. Lässt sich das Token nicht aus dem Schlüsselbund entfernen, bleibt das Konto erhalten und der Exit-Status ist 1.</translation>
    </message>
    <message>
        <source>ACCOUNT</source>
        <translation>KONTO</translation>
    </message>
    <message>
        <source>list the accounts</source>
        <translation>die Konten auflisten</translation>
    </message>
    <message>
        <source>Lists the saved accounts and the ones the environment gives for this run.</source>
        <translation>Listet die gespeicherten Konten und die, die die Umgebung für diesen Lauf angibt.</translation>
    </message>
    <message>
        <source>list the projects an account can see</source>
        <translation>die Projekte auflisten, die ein Konto sehen kann</translation>
    </message>
    <message>
        <source>Lists the projects the account is a member of, those whose name contains SEARCH when it is given.</source>
        <translation>Listet die Projekte, in denen das Konto Mitglied ist; mit SUCHE nur die, deren Name sie enthält.</translation>
    </message>
    <message>
        <source>SEARCH</source>
        <translation>SUCHE</translation>
    </message>
    <message>
        <source>list the generic packages of a project and their versions</source>
        <translation>die generischen Pakete eines Projekts und ihre Versionen auflisten</translation>
    </message>
    <message>
        <source>Lists the generic packages of PROJECT (only NAME when it is given) and their versions, newest first.</source>
        <translation>Listet die generischen Pakete von PROJEKT (nur NAME, wenn angegeben) und ihre Versionen, die neueste zuerst.</translation>
    </message>
    <message>
        <source>include hidden packages</source>
        <translation>verborgene Pakete einschließen</translation>
    </message>
    <message>
        <source>list the files of a package version</source>
        <translation>die Dateien einer Paketversion auflisten</translation>
    </message>
    <message>
        <source>Lists the files of a version with their size and SHA-256.</source>
        <translation>Listet die Dateien einer Version mit Größe und SHA-256.</translation>
    </message>
    <message>
        <source>upload files to a package version</source>
        <translation>Dateien in eine Paketversion hochladen</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>package status: default or hidden</source>
        <translation>Paketstatus: default oder hidden</translation>
    </message>
    <message>
        <source>POLICY</source>
        <translation>REGEL</translation>
    </message>
    <message>
        <source>when the version has the name already: skip-identical (default: skip when the content is the same, else keep both), keep (always upload), replace (upload, then delete the older copies) or fail (upload nothing)</source>
        <translation>wenn die Version den Namen schon hat: skip-identical (Standard: überspringen, wenn der Inhalt gleich ist, sonst beide behalten), keep (immer hochladen), replace (hochladen, dann die älteren Kopien löschen) oder fail (nichts hochladen)</translation>
    </message>
    <message>
        <source>publish links inside a folder that lead outside it (skipped by default)</source>
        <translation>Verweise innerhalb eines Ordners veröffentlichen, die aus ihm herausführen (standardmäßig übersprungen)</translation>
    </message>
    <message>
        <source>download the files of a package version</source>
        <translation>die Dateien einer Paketversion herunterladen</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>replace files that already exist</source>
        <translation>bereits vorhandene Dateien ersetzen</translation>
    </message>
    <message>
        <source>HEX</source>
        <translation>HEX</translation>
    </message>
    <message>
        <source>the expected SHA-256 of the one FILE named (for deploy tokens, which cannot list checksums)</source>
        <translation>die erwartete SHA-256-Prüfsumme der einen genannten DATEI (für Deploy-Token, die keine Prüfsummen auflisten können)</translation>
    </message>
    <message>
        <source>delete a package version or one of its files</source>
        <translation>eine Paketversion oder eine ihrer Dateien löschen</translation>
    </message>
    <message>
        <source>Deletes a version, or every upload of FILE in it. Only the package whose name and version match exactly is deleted.</source>
        <translation>Löscht eine Version oder jeden Upload von DATEI darin. Gelöscht wird nur das Paket, dessen Name und Version genau übereinstimmen.</translation>
    </message>
    <message>
        <source>An account for this run only: a personal access token on that host. Without GITLAB_HOST the token is for the server --url names; with neither it is not used.</source>
        <translation>Ein Konto nur für diesen Lauf: ein persönliches Zugriffstoken auf diesem Host. Ohne GITLAB_HOST gilt das Token für den Server, den --url nennt; ohne beides wird es nicht verwendet.</translation>
    </message>
    <message>
        <source>Inside GitLab CI: the job token of the running job. With it, a command whose first argument cannot be a PROJECT (neither a numeric id nor a group/project path) takes CI_PROJECT_ID as its PROJECT, so that &quot;stevedore publish mypkg 1.0 dist/&quot; publishes to the job&apos;s project.</source>
        <translation>In GitLab CI: das Job-Token des laufenden Jobs. Damit nimmt ein Befehl, dessen erstes Argument kein PROJEKT sein kann (weder eine numerische ID noch ein Pfad gruppe/projekt), CI_PROJECT_ID als PROJEKT, sodass „stevedore publish mypkg 1.0 dist/“ in das Projekt des Jobs veröffentlicht.</translation>
    </message>
    <message>
        <source>The proxy to go through, and the hosts to reach directly (http_proxy only in small letters, as in curl). A proxy that cannot be reached is named in the message.</source>
        <translation>Der zu verwendende Proxy und die Hosts, die direkt erreicht werden (http_proxy nur in Kleinbuchstaben, wie bei curl). Ein nicht erreichbarer Proxy wird in der Meldung genannt.</translation>
    </message>
    <message>
        <source>Where the settings, the window&apos;s transfer queue and the journals of unfinished publish and download runs are kept (by default ~/.config, ~/.local/share and ~/.local/state); see FILES.</source>
        <translation>Wo die Einstellungen, die Übertragungswarteschlange des Fensters und die Journale unvollendeter publish- und download-Läufe liegen (standardmäßig ~/.config, ~/.local/share und ~/.local/state); siehe FILES.</translation>
    </message>
    <message>
        <source>The Qt platform plugin for the window, for example offscreen or xcb.</source>
        <translation>Das Qt-Plattform-Plugin für das Fenster, zum Beispiel offscreen oder xcb.</translation>
    </message>
    <message>
        <source>A malformed command line: an unknown option or command, a missing argument, an invalid project, package name, version or file name. Nothing was sent.</source>
        <translation>Eine fehlerhafte Befehlszeile: eine unbekannte Option oder ein unbekannter Befehl, ein fehlendes Argument, ein ungültiges Projekt, ungültiger Paketname, ungültige Version oder ungültiger Dateiname. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Authentication or permission: a wrong or expired token, too narrow a scope, too low a role.</source>
        <translation>Anmeldung oder Berechtigung: ein falsches oder abgelaufenes Token, ein zu enger Geltungsbereich, eine zu niedrige Rolle.</translation>
    </message>
    <message>
        <source>Not found: project, package, version or file.</source>
        <translation>Nicht gefunden: Projekt, Paket, Version oder Datei.</translation>
    </message>
    <message>
        <source>Usage: %1 %2 [options]</source>
        <translation>Aufruf: %1 %2 [Optionen]</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>In a GitLab CI job with the job token, PROJECT may be left out: CI_PROJECT_ID stands for it.</source>
        <translation>In einem GitLab-CI-Job mit dem Job-Token kann PROJEKT weggelassen werden: CI_PROJECT_ID steht dafür.</translation>
    </message>
    <message>
        <source>Extra CA certificates (PEM) that the environment accounts of an https:// server trust besides the system&apos;s: the runner&apos;s CI_SERVER_TLS_CA_FILE, else SSL_CERT_FILE.</source>
        <translation>Zusätzliche CA-Zertifikate (PEM), denen die Umgebungskonten eines https://-Servers neben denen des Systems vertrauen: CI_SERVER_TLS_CA_FILE des Runners, sonst SSL_CERT_FILE.</translation>
    </message>
    <message>
        <source>The language of the messages, the help and the window: German when one of them asks for it (de), else English.</source>
        <translation>Die Sprache der Meldungen, der Hilfe und des Fensters: Deutsch, wenn eine von ihnen danach verlangt (de), sonst Englisch.</translation>
    </message>
    <message>
        <source>Uploads files and folders (with their relative paths) one at a time. Links inside a folder that lead outside it are skipped unless --follow-symlinks is given; pipes, sockets and devices are refused. Killed half-way and run again with the same arguments, it resumes: files already sent are not sent again. FILE - (alone, with --file-name) publishes standard input, e.g. tar c DIR | stevedore publish PROJECT NAME VERSION - --file-name DIR.tar; it is copied to an unnamed temporary file in TMPDIR first, so that it is sent with its length and can be retried.</source>
        <translation>Lädt Dateien und Ordner (mit ihren relativen Pfaden) nacheinander hoch. Verknüpfungen in einem Ordner, die aus ihm hinausführen, werden ohne --follow-symlinks übersprungen; Pipes, Sockets und Geräte werden abgelehnt. Mittendrin abgebrochen und mit denselben Argumenten erneut gestartet, setzt der Befehl fort: Bereits gesendete Dateien werden nicht noch einmal gesendet. DATEI - (allein, mit --file-name) veröffentlicht die Standardeingabe, z. B. tar c ORDNER | stevedore publish PROJEKT NAME VERSION - --file-name ORDNER.tar; sie wird zuerst in eine namenlose temporäre Datei in TMPDIR kopiert, damit sie mit ihrer Länge gesendet und wiederholt werden kann.</translation>
    </message>
    <message>
        <source>name in the package (one FILE only); required with FILE -, which reads the file from standard input</source>
        <translation>Name im Paket (nur eine DATEI); nötig mit DATEI -, die die Datei von der Standardeingabe liest</translation>
    </message>
    <message>
        <source>Downloads the files named (all of the version when none is) into the folder of --output, verifies each by its SHA-256 before it appears under its name, and resumes an interrupted download from its .part file and journal. With -o - the one FILE named goes to standard output as it arrives and is verified at the end (a damaged file fails after its bytes went out); nothing else is written there.</source>
        <translation>Lädt die genannten Dateien (ohne Angabe alle der Version) in den Ordner von --output herunter, prüft jede anhand ihres SHA-256, bevor sie unter ihrem Namen erscheint, und setzt einen unterbrochenen Download mit seiner .part-Datei und seinem Journal fort. Mit -o - geht die eine genannte DATEI beim Empfang in die Standardausgabe und wird am Ende geprüft (eine beschädigte Datei scheitert, nachdem ihre Bytes hinausgegangen sind); sonst wird dort nichts geschrieben.</translation>
    </message>
    <message>
        <source>folder to write to (default: the current one); - writes the one FILE named to standard output</source>
        <translation>Ordner, in den geschrieben wird (Standard: der aktuelle); - schreibt die eine genannte DATEI in die Standardausgabe</translation>
    </message>
    <message>
        <source>download -o - whose reader closed the pipe before the end (what a shell reports for a program ended by SIGPIPE).</source>
        <translation>download -o -, dessen Leser die Pipe vor dem Ende geschlossen hat (was eine Shell für ein durch SIGPIPE beendetes Programm meldet).</translation>
    </message>
    <message>
        <source>compare a folder (such as a download) with a version by SHA-256</source>
        <translation>einen Ordner (etwa einen Download) per SHA-256 mit einer Version vergleichen</translation>
    </message>
    <message>
        <source>Compares DIR with the version by SHA-256: DIR&apos;s contents stand for the version&apos;s files as download lays them out (DIR/sub/b.txt is sub/b.txt), and the folder is walked with publish&apos;s rules. Lists each file missing locally, not in the version, changed (with both sizes) or unreadable, then a summary. A file that cannot be read counts as a difference. The exit status is 0 when the two are identical and 1 when they differ.</source>
        <translation>Vergleicht ORDNER per SHA-256 mit der Version: Der Inhalt von ORDNER steht für die Dateien der Version, so wie download sie ablegt (ORDNER/sub/b.txt ist sub/b.txt), und der Ordner wird nach den Regeln von publish durchlaufen. Listet jede Datei, die lokal fehlt, nicht in der Version ist, geändert ist (mit beiden Größen) oder nicht gelesen werden kann, dann eine Zusammenfassung. Eine Datei, die nicht gelesen werden kann, zählt als Unterschied. Der Exit-Status ist 0, wenn beide identisch sind, und 1, wenn sie sich unterscheiden.</translation>
    </message>
    <message>
        <source>list the files added, removed and changed between two versions</source>
        <translation>die zwischen zwei Versionen hinzugekommenen, entfernten und geänderten Dateien auflisten</translation>
    </message>
    <message>
        <source>Lists the files added, removed and changed (by SHA-256, with both sizes) from VERSION_A to VERSION_B, which may belong to another package or project of the same account: PROJECT_B and NAME_B are given together or not at all. The exit status is 0 when the two are identical and 1 when they differ.</source>
        <translation>Listet die Dateien, die von VERSION_A zu VERSION_B hinzugekommen, entfernt oder (per SHA-256, mit beiden Größen) geändert sind; VERSION_B kann zu einem anderen Paket oder Projekt desselben Kontos gehören: PROJEKT_B und NAME_B werden zusammen oder gar nicht angegeben. Der Exit-Status ist 0, wenn beide identisch sind, und 1, wenn sie sich unterscheiden.</translation>
    </message>
    <message>
        <source>VERSION_A</source>
        <translation>VERSION_A</translation>
    </message>
    <message>
        <source>PROJECT_B</source>
        <translation>PROJEKT_B</translation>
    </message>
    <message>
        <source>NAME_B</source>
        <translation>NAME_B</translation>
    </message>
    <message>
        <source>VERSION_B</source>
        <translation>VERSION_B</translation>
    </message>
    <message>
        <source>Success; for verify and diff: the two sides are identical.</source>
        <translation>Erfolg; bei verify und diff: Die beiden Seiten sind identisch.</translation>
    </message>
    <message>
        <source>The request could not be done: network, server, integrity or local file problems; for verify and diff: the two sides differ.</source>
        <translation>Der Auftrag konnte nicht ausgeführt werden: Probleme mit Netzwerk, Server, Integrität oder lokalen Dateien; bei verify und diff: Die beiden Seiten unterscheiden sich.</translation>
    </message>
    <message>
        <source>make a version hold a folder&apos;s files, sending only what differs</source>
        <translation>eine Version auf den Stand eines Ordners bringen und nur senden, was sich unterscheidet</translation>
    </message>
    <message>
        <source>Compares DIR with the version by SHA-256 (DIR/sub/b.txt is sub/b.txt, as publish names it) and prints the plan: + new files are uploaded, ~ changed ones uploaded in place of the old copy (as publish --on-duplicate replace does), = same ones left alone, - removed ones (in the version, not in DIR) deleted with --delete and kept without it. A version that does not exist yet is created. Files that cannot be read, and names GitLab would refuse, stop the sync before anything is sent. Run again after an interruption, it sends only what is still missing.</source>
        <translation>Vergleicht ORDNER per SHA-256 mit der Version (ORDNER/sub/b.txt ist sub/b.txt, wie publish es benennt) und gibt den Plan aus: + neue Dateien werden hochgeladen, ~ geänderte anstelle der alten Kopie hochgeladen (wie mit publish --on-duplicate replace), = gleiche bleiben unangetastet, - entfernte (in der Version, nicht in ORDNER) werden mit --delete gelöscht und ohne behalten. Eine Version, die es noch nicht gibt, wird angelegt. Dateien, die nicht gelesen werden können, und Namen, die GitLab ablehnen würde, halten den Abgleich an, bevor etwas gesendet wird. Nach einer Unterbrechung erneut gestartet, sendet er nur, was noch fehlt.</translation>
    </message>
    <message>
        <source>delete the files of the version that DIR does not have</source>
        <translation>die Dateien der Version löschen, die ORDNER nicht hat</translation>
    </message>
    <message>
        <source>print the plan and send nothing that changes the server</source>
        <translation>den Plan ausgeben und nichts senden, was den Server verändert</translation>
    </message>
    <message>
        <source>copy a version to another version, project, account or GitLab</source>
        <translation>eine Version in eine andere Version, ein anderes Projekt, Konto oder GitLab kopieren</translation>
    </message>
    <message>
        <source>Copies the files of SRC to DST, each written [ACCOUNT:]PROJECT/NAME@VERSION (for example staging:group/app/app@2.0.0-rc.3 release:group/app/app@2.0.0; without ACCOUNT, the account --account, --url or the environment selects). Prints the plan first: + files to copy, = files DST has already (by SHA-256, left alone), files only DST has (left alone) and ~ files DST has with other content, which stop the copy before anything is sent unless --on-duplicate replace. Each file is fetched into a private spool file beside the command&apos;s journal (so at most one file is kept locally at a time, and that folder needs room for the largest), verified by SRC&apos;s SHA-256, uploaded, and checked against the SHA-256 DST stores. Killed half-way and run again with the same arguments, it resumes.</source>
        <translation>Kopiert die Dateien von SRC nach DST, jeweils geschrieben als [ACCOUNT:]PROJECT/NAME@VERSION (zum Beispiel staging:group/app/app@2.0.0-rc.3 release:group/app/app@2.0.0; ohne ACCOUNT gilt das Konto, das --account, --url oder die Umgebung wählt). Gibt zuerst den Plan aus: + zu kopierende Dateien, = Dateien, die DST bereits hat (nach SHA-256, unverändert gelassen), Dateien, die nur DST hat (unverändert gelassen), und ~ Dateien, die DST mit anderem Inhalt hat; diese beenden das Kopieren, bevor etwas gesendet wird, außer mit --on-duplicate replace. Jede Datei wird in eine private Zwischendatei neben dem Journal des Befehls geholt (so liegt höchstens eine Datei gleichzeitig lokal, und dieser Ordner braucht Platz für die größte), mit der SHA-256 von SRC geprüft, hochgeladen und mit der SHA-256 verglichen, die DST speichert. Halb abgebrochen und mit denselben Argumenten erneut gestartet, setzt es fort.</translation>
    </message>
    <message>
        <source>SRC</source>
        <translation>SRC</translation>
    </message>
    <message>
        <source>DST</source>
        <translation>DST</translation>
    </message>
    <message>
        <source>status of a version the copy creates: default or hidden (to stage it)</source>
        <translation>Status einer Version, die das Kopieren anlegt: default oder hidden (zum Bereitstellen)</translation>
    </message>
    <message>
        <source>when DST has a name of SRC with other content: fail (default: copy nothing) or replace (upload, then delete the older copies)</source>
        <translation>wenn DST einen Namen von SRC mit anderem Inhalt hat: fail (Standard: nichts kopieren) oder replace (hochladen, dann die älteren Kopien löschen)</translation>
    </message>
</context>
<context>
    <name>Stevedore::CommandLine</name>
    <message>
        <source>Usage: %1 [options]
       %1 [options] &lt;command&gt; [arguments]

Stevedore %2, a desktop client for GitLab&apos;s Generic Packages Registry.
Without a command it opens its window.
</source>
        <translation>Aufruf: %1 [Optionen]
        %1 [Optionen] &lt;Befehl&gt; [Argumente]

Stevedore %2, ein Desktop-Client für die Generic Packages Registry von GitLab.
Ohne Befehl öffnet es sein Fenster.
</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>Commands (%1 COMMAND --help for each one&apos;s arguments):</source>
        <translation>Befehle (%1 BEFEHL --help für die Argumente jedes Befehls):</translation>
    </message>
    <message>
        <source>Run &apos;%1 --help&apos; for usage.</source>
        <translation>Aufruf: siehe &apos;%1 --help&apos;.</translation>
    </message>
    <message>
        <source>--output expects json or text, not &apos;%1&apos;.</source>
        <translation>--output erwartet json oder text, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--json and --output text contradict each other; give one of them.</source>
        <translation>--json und --output text widersprechen sich; geben Sie nur eines davon an.</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;. The commands are: %2.</source>
        <translation>unbekannter Befehl &apos;%1&apos;. Die Befehle sind: %2.</translation>
    </message>
    <message>
        <source>--url expects an http:// or https:// address such as https://gitlab.example.com, not &apos;%1&apos;.</source>
        <translation>--url erwartet eine http://- oder https://-Adresse wie https://gitlab.example.com, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--url must not contain a user name or password: Stevedore keeps tokens in the system keychain, never on the command line.</source>
        <translation>--url darf keinen Benutzernamen und kein Passwort enthalten: Stevedore bewahrt Token im Schlüsselbund des Systems auf, nie auf der Befehlszeile.</translation>
    </message>
    <message>
        <source>--project expects a project path such as group/project, not &apos;%1&apos;.</source>
        <translation>--project erwartet einen Projektpfad wie gruppe/projekt, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--account expects an account name.</source>
        <translation>--account erwartet einen Kontonamen.</translation>
    </message>
    <message>
        <source>--%1 applies to commands only; without a command Stevedore opens its window.</source>
        <translation>--%1 gilt nur für Befehle; ohne Befehl öffnet Stevedore sein Fenster.</translation>
    </message>
    <message>
        <source>stevedore: the window could not be started (%1: %2). Commands work without it: stevedore --help
</source>
        <translation>stevedore: Das Fenster konnte nicht gestartet werden (%1: %2). Befehle funktionieren auch ohne es: stevedore --help
</translation>
    </message>
    <message>
        <source>--json, --output and --quiet apply to commands only.</source>
        <translation>--json, --output und --quiet gelten nur für Befehle.</translation>
    </message>
    <message>
        <source>stevedore: this build has no window (it was configured with STEVEDORE_GUI=OFF). Commands work: stevedore --help
</source>
        <translation>stevedore: Dieser Build hat kein Fenster (er wurde mit STEVEDORE_GUI=OFF konfiguriert). Befehle funktionieren: stevedore --help
</translation>
    </message>
</context>
<context>
    <name>Stevedore::CommandRunner</name>
    <message>
        <source>%1 &quot;%2&quot;: %3</source>
        <translation>%1 &quot;%2&quot;: %3</translation>
    </message>
    <message>
        <source>PROJECT</source>
        <translation>PROJEKT</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source> Try &quot;%1&quot;.</source>
        <translation> Versuchen Sie &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>--max-wait takes a number of seconds, such as 300.</source>
        <translation>--max-wait erwartet eine Anzahl von Sekunden, etwa 300.</translation>
    </message>
    <message>
        <source>There is no account named &quot;%1&quot;; &apos;%2 accounts&apos; lists them.</source>
        <translation>Es gibt kein Konto namens &quot;%1&quot;; &apos;%2 accounts&apos; listet sie auf.</translation>
    </message>
    <message>
        <source>There is no account for %1. Add one with &apos;%2 login --url %1&apos; or set GITLAB_TOKEN.</source>
        <translation>Es gibt kein Konto für %1. Fügen Sie eines mit &apos;%2 login --url %1&apos; hinzu oder setzen Sie GITLAB_TOKEN.</translation>
    </message>
    <message>
        <source>No GitLab account is set up. Run &apos;%1 login --url URL&apos; (the token is read from standard input), or set GITLAB_TOKEN and GITLAB_HOST (or --url).</source>
        <translation>Es ist kein GitLab-Konto eingerichtet. Führen Sie &apos;%1 login --url URL&apos; aus (das Token wird von der Standardeingabe gelesen), oder setzen Sie GITLAB_TOKEN und GITLAB_HOST (oder --url).</translation>
    </message>
    <message>
        <source>Several accounts are set up; choose one with --account NAME or --url URL.</source>
        <translation>Es sind mehrere Konten eingerichtet; wählen Sie eines mit --account NAME oder --url URL.</translation>
    </message>
    <message>
        <source>PROJECT is missing</source>
        <translation>PROJEKT fehlt</translation>
    </message>
    <message>
        <source>PROJECT is missing (&quot;%1&quot; is not a project id or path)</source>
        <translation>PROJEKT fehlt (&quot;%1&quot; ist keine Projekt-ID und kein Projektpfad)</translation>
    </message>
    <message>
        <source>%1. In a GitLab CI job CI_PROJECT_ID stands for it, but CI_PROJECT_ID is not set; name the project before NAME.</source>
        <translation>%1. In einem GitLab-CI-Job steht CI_PROJECT_ID dafür, aber CI_PROJECT_ID ist nicht gesetzt; nennen Sie das Projekt vor NAME.</translation>
    </message>
    <message>
        <source>%1, and CI_PROJECT_ID=&quot;%2&quot; cannot stand for it: %3</source>
        <translation>%1, und CI_PROJECT_ID=&quot;%2&quot; kann nicht dafür stehen: %3</translation>
    </message>
    <message>
        <source>it starts with &apos;-&apos;.</source>
        <translation>es beginnt mit &apos;-&apos;.</translation>
    </message>
    <message>
        <source>--url expects an http:// or https:// address such as https://gitlab.example.com.</source>
        <translation>--url erwartet eine http://- oder https://-Adresse wie https://gitlab.example.com.</translation>
    </message>
    <message>
        <source>Reading the token of %1</source>
        <translation>Token von %1 wird gelesen</translation>
    </message>
    <message>
        <source>A deploy token can only upload and download files by name; it cannot %1. Use a personal, project or group access token for that.</source>
        <translation>Ein Deploy-Token kann Dateien nur über ihren Namen hoch- und herunterladen; %1 kann es nicht. Verwenden Sie dafür ein persönliches, Projekt- oder Gruppen-Zugriffstoken.</translation>
    </message>
    <message>
        <source>warning: %1
</source>
        <translation>Warnung: %1
</translation>
    </message>
    <message>
        <source>login needs --url with an http:// or https:// address.</source>
        <translation>login benötigt --url mit einer http://- oder https://-Adresse.</translation>
    </message>
    <message>
        <source>--kind must be one of personal, deploy, job, basic or oauth.</source>
        <translation>--kind muss personal, deploy, job, basic oder oauth sein.</translation>
    </message>
    <message>
        <source>--kind basic needs --username.</source>
        <translation>--kind basic benötigt --username.</translation>
    </message>
    <message>
        <source>An account named &quot;%1&quot; exists already; choose another --name or log out first.</source>
        <translation>Ein Konto namens &quot;%1&quot; existiert bereits; wählen Sie mit --name einen anderen Namen oder melden Sie sich zuerst ab.</translation>
    </message>
    <message>
        <source>Token for %1: </source>
        <translation>Token für %1: </translation>
    </message>
    <message>
        <source>No token was given. Type it when asked, or pipe it: echo &quot;$TOKEN&quot; | %1 login --url %2</source>
        <translation>Es wurde kein Token angegeben. Geben Sie es nach Aufforderung ein, oder leiten Sie es weiter: echo &quot;$TOKEN&quot; | %1 login --url %2</translation>
    </message>
    <message>
        <source>The account was not saved</source>
        <translation>Das Konto wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Logged in to %1 as %2; saved as account &quot;%3&quot;.
</source>
        <translation>Bei %1 als %2 angemeldet; gespeichert als Konto &quot;%3&quot;.
</translation>
    </message>
    <message>
        <source>Name the account to log out of; &apos;%1 accounts&apos; lists them.</source>
        <translation>Nennen Sie das Konto, von dem Sie sich abmelden möchten; &apos;%1 accounts&apos; listet sie auf.</translation>
    </message>
    <message>
        <source>There is no account named &quot;%1&quot;.</source>
        <translation>Es gibt kein Konto namens &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The token of &quot;%1&quot; could not be removed from the keychain, so the account was kept</source>
        <translation>Das Token von &quot;%1&quot; konnte nicht aus dem Schlüsselbund entfernt werden, daher wurde das Konto behalten</translation>
    </message>
    <message>
        <source>Removed account &quot;%1&quot; and its token.
</source>
        <translation>Konto &quot;%1&quot; und sein Token entfernt.
</translation>
    </message>
    <message>
        <source>keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>No accounts. Add one with &apos;%1 login --url URL&apos;.
</source>
        <translation>Keine Konten. Fügen Sie eines mit &apos;%1 login --url URL&apos; hinzu.
</translation>
    </message>
    <message>
        <source>No projects.
</source>
        <translation>Keine Projekte.
</translation>
    </message>
    <message>
        <source>list packages</source>
        <translation>Pakete auflisten</translation>
    </message>
    <message>
        <source>%1 has no generic package named &quot;%2&quot;.</source>
        <translation>%1 hat kein generisches Paket namens &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1 has no generic packages.
</source>
        <translation>%1 hat keine generischen Pakete.
</translation>
    </message>
    <message>
        <source>list the files of a version</source>
        <translation>die Dateien einer Version auflisten</translation>
    </message>
    <message>
        <source>  (older copy)</source>
        <translation>  (ältere Kopie)</translation>
    </message>
    <message>
        <source>This version has no files.
</source>
        <translation>Diese Version hat keine Dateien.
</translation>
    </message>
    <message>
        <source>delete packages or files</source>
        <translation>Pakete oder Dateien löschen</translation>
    </message>
    <message>
        <source>Deleted %1 %2 from %3.
</source>
        <translation>%1 %2 aus %3 gelöscht.
</translation>
    </message>
    <message>
        <source>%1 %2 has no file named &quot;%3&quot;.</source>
        <translation>%1 %2 hat keine Datei namens &quot;%3&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %1 (%n upload(s)) from %2 %3.
</source>
        <translation>
            <numerusform>%1 (%n hochgeladene Fassung) aus %2 %3 gelöscht.
</numerusform>
            <numerusform>%1 (%n hochgeladene Fassungen) aus %2 %3 gelöscht.
</numerusform>
        </translation>
    </message>
    <message>
        <source>Run &apos;%1 %2 --help&apos; for usage.
</source>
        <translation>Aufruf: siehe &apos;%1 %2 --help&apos;.
</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;.</source>
        <translation>unbekannter Befehl &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>usage: %1 %2 %3</source>
        <translation>Aufruf: %1 %2 %3</translation>
    </message>
</context>
<context>
    <name>Stevedore::CompareDialog</name>
    <message>
        <source>&amp;Another project or package</source>
        <translation>&amp;Anderes Projekt oder Paket</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Compare %1 %2</source>
        <translation>%1 %2 vergleichen</translation>
    </message>
    <message>
        <source>A version of the package, newest first; you can also type one.</source>
        <translation>Eine Version des Pakets, die neueste zuerst; Sie können auch eine eintippen.</translation>
    </message>
    <message>
        <source>group/project or its numeric id</source>
        <translation>Gruppe/Projekt oder seine numerische ID</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projekt:</translation>
    </message>
    <message>
        <source>Package &amp;name:</source>
        <translation>Paket&amp;name:</translation>
    </message>
    <message>
        <source>Left:</source>
        <translation>Links:</translation>
    </message>
    <message>
        <source>Right &amp;version:</source>
        <translation>Rechte V&amp;ersion:</translation>
    </message>
    <message>
        <source>Right:</source>
        <translation>Rechts:</translation>
    </message>
    <message>
        <source>Choose the version to compare with, then Compare.</source>
        <translation>Wählen Sie die Version, mit der verglichen werden soll, dann „Vergleichen“.</translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation>%1 wird mit %2 verglichen …</translation>
    </message>
    <message>
        <source>Could not compare: %1</source>
        <translation>Vergleich nicht möglich: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n geändert</numerusform>
            <numerusform>%n geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n hinzugekommen</numerusform>
            <numerusform>%n hinzugekommen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n entfernt</numerusform>
            <numerusform>%n entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n the same</source>
        <translation>
            <numerusform>%n gleich</numerusform>
            <numerusform>%n gleich</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the counts of the summary</comment>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>Stevedore::ComparisonReport</name>
    <message>
        <source>+ %1  not in the version (%2)
</source>
        <translation>+ %1  nicht in der Version (%2)
</translation>
    </message>
    <message>
        <source>+ %1  added (%2)
</source>
        <translation>+ %1  hinzugekommen (%2)
</translation>
    </message>
    <message>
        <source>- %1  missing locally (%2)
</source>
        <translation>- %1  fehlt lokal (%2)
</translation>
    </message>
    <message>
        <source>- %1  removed (%2)
</source>
        <translation>- %1  entfernt (%2)
</translation>
    </message>
    <message>
        <source>~ %1  changed (%2 in the version, %3 locally)
</source>
        <translation>~ %1  geändert (%2 in der Version, %3 lokal)
</translation>
    </message>
    <message>
        <source>~ %1  changed (%2 → %3)
</source>
        <translation>~ %1  geändert (%2 → %3)
</translation>
    </message>
    <message>
        <source>! %1  %2
</source>
        <translation>! %1  %2
</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %2 are identical: %n file(s).</source>
        <translation>
            <numerusform>%1 und %2 sind identisch: %n Datei.</numerusform>
            <numerusform>%1 und %2 sind identisch: %n Dateien.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 geändert</translation>
    </message>
    <message>
        <source>%1 missing locally</source>
        <translation>%1 lokal fehlend</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>%1 not in the version</source>
        <translation>%1 nicht in der Version</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 hinzugekommen</translation>
    </message>
    <message>
        <source>%1 unreadable</source>
        <translation>%1 nicht lesbar</translation>
    </message>
    <message>
        <source>%1 listed twice</source>
        <translation>%1 doppelt gelistet</translation>
    </message>
    <message>
        <source>%1 the same</source>
        <translation>%1 gleich</translation>
    </message>
    <message>
        <source>%1 and %2 differ: %3.</source>
        <translation>%1 und %2 unterscheiden sich: %3.</translation>
    </message>
    <message>
        <source>? %1  listed twice; only the first is compared
</source>
        <translation>? %1  doppelt gelistet; nur der erste Eintrag wird verglichen
</translation>
    </message>
</context>
<context>
    <name>Stevedore::ComparisonTableModel</name>
    <message>
        <source>Same</source>
        <translation>Gleich</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugekommen</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Nicht lesbar</translation>
    </message>
    <message>
        <source>—</source>
        <comment>no such file on this side</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Left size</source>
        <translation>Größe links</translation>
    </message>
    <message>
        <source>Left SHA-256</source>
        <translation>SHA-256 links</translation>
    </message>
    <message>
        <source>Right size</source>
        <translation>Größe rechts</translation>
    </message>
    <message>
        <source>Right SHA-256</source>
        <translation>SHA-256 rechts</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Stevedore::CopyCommand</name>
    <message>
        <source>SRC</source>
        <translation>SRC</translation>
    </message>
    <message>
        <source>DST</source>
        <translation>DST</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not [ACCOUNT:]PROJECT/NAME@VERSION, such as staging:group/app/app@2.0.0-rc.3.</source>
        <translation>%1 „%2“ hat nicht die Form [ACCOUNT:]PROJECT/NAME@VERSION, etwa staging:group/app/app@2.0.0-rc.3.</translation>
    </message>
    <message>
        <source>--status must be default or hidden, not &quot;%1&quot;.</source>
        <translation>--status muss default oder hidden sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>--on-duplicate must be fail or replace, not &quot;%1&quot; (a copy never adds a second file of the same name).</source>
        <translation>--on-duplicate muss fail oder replace sein, nicht „%1“ (eine Kopie legt nie eine zweite Datei desselben Namens an).</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>Lesen von %1</translation>
    </message>
    <message>
        <source>%1 does not exist: the project has no such package version (&apos;%2 list PROJECT NAME&apos; lists its versions).</source>
        <translation>%1 existiert nicht: Das Projekt hat keine solche Paketversion („%2 list PROJECT NAME“ listet seine Versionen auf).</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was copied: %1 already has %n file(s) whose content differs from %2: %3. Copy to another version, or replace them with --on-duplicate replace.</source>
        <translation>
            <numerusform>Es wurde nichts kopiert: %1 hat bereits %n Datei, deren Inhalt sich von %2 unterscheidet: %3. Kopieren Sie in eine andere Version oder ersetzen Sie sie mit --on-duplicate replace.</numerusform>
            <numerusform>Es wurde nichts kopiert: %1 hat bereits %n Dateien, deren Inhalt sich von %2 unterscheidet: %3. Kopieren Sie in eine andere Version oder ersetzen Sie sie mit --on-duplicate replace.</numerusform>
        </translation>
    </message>
    <message>
        <source>+ %1  to copy (%2)
</source>
        <translation>+ %1  wird kopiert (%2)
</translation>
    </message>
    <message>
        <source>~ %1  to replace (%2 → %3)
</source>
        <translation>~ %1  wird ersetzt (%2 → %3)
</translation>
    </message>
    <message>
        <source>= %1  already there (%2)
</source>
        <translation>= %1  bereits vorhanden (%2)
</translation>
    </message>
    <message>
        <source>  %1  only in the destination, left alone (%2)
</source>
        <translation>  %1  nur im Ziel, unverändert gelassen (%2)
</translation>
    </message>
    <message>
        <source>%1 copied</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>%1 replaced</source>
        <translation>%1 ersetzt</translation>
    </message>
    <message>
        <source>%1 already there</source>
        <translation>%1 bereits vorhanden</translation>
    </message>
    <message>
        <source>%1 only in the destination, left alone</source>
        <translation>%1 nur im Ziel, unverändert gelassen</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 not done</source>
        <translation>%1 nicht erledigt</translation>
    </message>
    <message>
        <source>the source version has no files</source>
        <translation>die Quellversion hat keine Dateien</translation>
    </message>
    <message>
        <source>Copied %1 to %2: %3.
</source>
        <translation>%1 nach %2 kopiert: %3.
</translation>
    </message>
    <message>
        <source>Copy of %1 to %2 stopped: %3 (run the same command again to resume).
</source>
        <translation>Kopieren von %1 nach %2 abgebrochen: %3 (führen Sie denselben Befehl erneut aus, um fortzusetzen).
</translation>
    </message>
    <message>
        <source>copied    %1  %2
</source>
        <translation>kopiert   %1  %2
</translation>
    </message>
</context>
<context>
    <name>Stevedore::CopyPlan</name>
    <message>
        <source>Cannot create the folder %1 for the files on their way; check its parent&apos;s permissions and free space.</source>
        <translation>Der Ordner %1 für die Dateien unterwegs kann nicht angelegt werden; prüfen Sie die Berechtigungen des übergeordneten Ordners und den freien Speicherplatz.</translation>
    </message>
</context>
<context>
    <name>Stevedore::CurlCall</name>
    <message>
        <source>The account is gone.</source>
        <translation>Das Konto existiert nicht mehr.</translation>
    </message>
    <message>
        <source>libcurl (libcurl.so.4) could not be loaded; it carries uploads and downloads. Install the libcurl4 package.</source>
        <translation>libcurl (libcurl.so.4) konnte nicht geladen werden; es überträgt Hoch- und Herunterladevorgänge. Installieren Sie das Paket libcurl4.</translation>
    </message>
    <message>
        <source>libcurl could not be initialised.</source>
        <translation>libcurl konnte nicht initialisiert werden.</translation>
    </message>
    <message>
        <source>A request header holds a line break; check the account&apos;s token and user name.</source>
        <translation>Ein Anfrage-Header enthält einen Zeilenumbruch; prüfen Sie Token und Benutzernamen des Kontos.</translation>
    </message>
    <message>
        <source>Reading the file to upload failed: %1</source>
        <translation>Das Lesen der hochzuladenden Datei ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>no data for %1 s</source>
        <translation>seit %1 s keine Daten</translation>
    </message>
    <message>
        <source>GitLab&apos;s answer has no final status.</source>
        <translation>Die Antwort von GitLab hat keinen endgültigen Status.</translation>
    </message>
</context>
<context>
    <name>Stevedore::DesktopNotifications</name>
    <message>
        <source>Show Stevedore</source>
        <translation>Stevedore anzeigen</translation>
    </message>
</context>
<context>
    <name>Stevedore::Dialogs</name>
    <message>
        <source>File already exists</source>
        <translation>Datei existiert bereits</translation>
    </message>
    <message>
        <source>&quot;%1&quot; already exists.</source>
        <translation>„%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>Overwrite it, keep both (the new one gets another name), or skip this file?</source>
        <translation>Überschreiben, beide behalten (die neue erhält einen anderen Namen) oder diese Datei überspringen?</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>Über&amp;schreiben</translation>
    </message>
    <message>
        <source>&amp;Keep both</source>
        <translation>&amp;Beide behalten</translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation>&amp;Überspringen</translation>
    </message>
    <message>
        <source>&amp;Apply to all</source>
        <translation>&amp;Auf alle anwenden</translation>
    </message>
    <message>
        <source>Transfers are running</source>
        <translation>Übertragungen laufen</translation>
    </message>
    <message>
        <source>Transfers are still running. Quit anyway?</source>
        <translation>Es laufen noch Übertragungen. Trotzdem beenden?</translation>
    </message>
    <message>
        <source>Paused or interrupted transfers are saved and continue the next time Stevedore starts: a download where it stopped, an upload from the start of its file.</source>
        <translation>Angehaltene oder unterbrochene Übertragungen werden gespeichert und beim nächsten Start von Stevedore fortgesetzt: ein Herunterladen dort, wo es aufgehört hat, ein Hochladen vom Anfang seiner Datei.</translation>
    </message>
    <message>
        <source>&amp;Finish, then quit</source>
        <translation>&amp;Fertigstellen, dann beenden</translation>
    </message>
    <message>
        <source>&amp;Pause and quit</source>
        <translation>&amp;Anhalten und beenden</translation>
    </message>
    <message>
        <source>&amp;Quit now</source>
        <translation>&amp;Jetzt beenden</translation>
    </message>
    <message>
        <source>Bandwidth limit</source>
        <translation>Bandbreitenbegrenzung</translation>
    </message>
    <message>
        <source>&amp;Limit uploads and downloads to</source>
        <translation>Hoch- und Herunterladen &amp;begrenzen auf</translation>
    </message>
    <message>
        <source> MiB/s</source>
        <translation> MiB/s</translation>
    </message>
    <message>
        <source>With a limit, transfers run one at a time, held to this rate. It applies to the transfers that start from now on and is remembered.</source>
        <translation>Mit einer Begrenzung laufen Übertragungen nacheinander, gedrosselt auf diese Rate. Sie gilt für die Übertragungen, die ab jetzt beginnen, und wird gespeichert.</translation>
    </message>
</context>
<context>
    <name>Stevedore::DiffCommand</name>
    <message numerus="yes">
        <source>diff takes PROJECT NAME VERSION_A VERSION_B, or PROJECT NAME VERSION_A PROJECT_B NAME_B VERSION_B; %n argument(s) were given.</source>
        <translation>
            <numerusform>diff erwartet PROJEKT NAME VERSION_A VERSION_B oder PROJEKT NAME VERSION_A PROJEKT_B NAME_B VERSION_B; %n Argument wurde angegeben.</numerusform>
            <numerusform>diff erwartet PROJEKT NAME VERSION_A VERSION_B oder PROJEKT NAME VERSION_A PROJEKT_B NAME_B VERSION_B; %n Argumente wurden angegeben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::DownloadCommand</name>
    <message>
        <source>--sha256 takes the 64 hexadecimal digits of a SHA-256 checksum.</source>
        <translation>--sha256 erwartet die 64 Hexadezimalziffern einer SHA-256-Prüfsumme.</translation>
    </message>
    <message>
        <source>--sha256 checks one file; name exactly one FILE with it.</source>
        <translation>--sha256 prüft eine Datei; nennen Sie damit genau eine DATEI.</translation>
    </message>
    <message>
        <source>A deploy token cannot list the files of a version. Name the files to download: %1 download %2 %3 %4 FILE...</source>
        <translation>Ein Deploy-Token kann die Dateien einer Version nicht auflisten. Nennen Sie die herunterzuladenden Dateien: %1 download %2 %3 %4 DATEI...</translation>
    </message>
    <message>
        <source>%1 %2 has no file named &quot;%3&quot;.</source>
        <translation>%1 %2 hat keine Datei namens &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>GitLab lists %1 with SHA-256 %2, not the %3 given with --sha256; nothing was downloaded.</source>
        <translation>GitLab führt %1 mit SHA-256 %2, nicht mit dem bei --sha256 angegebenen %3; es wurde nichts heruntergeladen.</translation>
    </message>
    <message>
        <source>downloaded %1  %2
</source>
        <translation>heruntergeladen %1  %2
</translation>
    </message>
    <message>
        <source>-o - writes one file to standard output; name exactly one FILE.</source>
        <translation>-o - schreibt eine Datei in die Standardausgabe; nennen Sie genau eine DATEI.</translation>
    </message>
    <message>
        <source>-o - writes the file to standard output, which leaves no room for --json.</source>
        <translation>-o - schreibt die Datei in die Standardausgabe, dort ist kein Platz für --json.</translation>
    </message>
    <message>
        <source>-o - writes the file to standard output, which is a terminal here. Pipe it (| tar x) or redirect it (&gt; FILE).</source>
        <translation>-o - schreibt die Datei in die Standardausgabe, die hier ein Terminal ist. Leiten Sie sie weiter (| tar x) oder um (&gt; DATEI).</translation>
    </message>
    <message>
        <source>%1  %2%</source>
        <translation>%1  %2 %</translation>
    </message>
    <message>
        <source>downloaded %1 to standard output  %2
</source>
        <translation>heruntergeladen %1 in die Standardausgabe  %2
</translation>
    </message>
</context>
<context>
    <name>Stevedore::DownloadJob</name>
    <message>
        <source>%1 already exists; it was left as it is. Remove it, or choose another folder.</source>
        <translation>%1 existiert bereits und wurde unverändert gelassen. Entfernen Sie es oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; it is left alone.</source>
        <translation>%1 ist ein symbolischer Verweis und wird nicht angetastet.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1: %2</source>
        <translation>Der Ordner %1 kann nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Another download is writing %1 right now; wait for it to finish.</source>
        <translation>Ein anderer Herunterladevorgang schreibt gerade %1; warten Sie, bis er fertig ist.</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>%1 wird heruntergeladen</translation>
    </message>
    <message>
        <source>The connection ended after %1 of %2 bytes of %3; what arrived is kept and the download resumes from there.</source>
        <translation>Die Verbindung endete nach %1 von %2 Bytes von %3; was angekommen ist, bleibt erhalten, und das Herunterladen wird dort fortgesetzt.</translation>
    </message>
    <message>
        <source>%1 cannot be verified: GitLab&apos;s object storage sends no checksum, and deploy tokens may not read the package file list that holds it. Give the expected SHA-256 (--sha256), or download it with a personal access token.</source>
        <translation>%1 kann nicht geprüft werden: Der Objektspeicher von GitLab sendet keine Prüfsumme, und Deploy-Token dürfen die Dateiliste des Pakets, die sie enthält, nicht lesen. Geben Sie die erwartete SHA-256-Prüfsumme an (--sha256) oder laden Sie die Datei mit einem persönlichen Zugriffstoken herunter.</translation>
    </message>
    <message>
        <source>Looking up the checksum of %1</source>
        <translation>Prüfsumme von %1 wird abgefragt</translation>
    </message>
    <message>
        <source>No checksum is available for %1, so it cannot be verified.</source>
        <translation>Für %1 ist keine Prüfsumme verfügbar, daher kann die Datei nicht geprüft werden.</translation>
    </message>
    <message>
        <source>%1 arrived damaged (SHA-256 %2, expected %3); it was discarded. Download it again.</source>
        <translation>%1 ist beschädigt angekommen (SHA-256 %2, erwartet %3) und wurde verworfen. Laden Sie die Datei erneut herunter.</translation>
    </message>
    <message>
        <source>Cannot move %1 into place: %2</source>
        <translation>%1 kann nicht an seinen Platz verschoben werden: %2</translation>
    </message>
</context>
<context>
    <name>Stevedore::DownloadVerifier</name>
    <message>
        <source>The account is not signed in.</source>
        <translation>Das Konto ist nicht angemeldet.</translation>
    </message>
    <message>
        <source>%1 %2 in %3 could not be verified: %4</source>
        <translation>%1 %2 in %3 konnte nicht geprüft werden: %4</translation>
    </message>
    <message>
        <source>%1 %2 in %3</source>
        <translation>%1 %2 in %3</translation>
    </message>
    <message numerus="yes">
        <source>%1: verified, %n file(s) identical to the server.</source>
        <translation>
            <numerusform>%1: geprüft, %n Datei identisch mit dem Server.</numerusform>
            <numerusform>%1: geprüft, %n Dateien identisch mit dem Server.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed locally (%1)</source>
        <translation>
            <numerusform>%n lokal geändert (%1)</numerusform>
            <numerusform>%n lokal geändert (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing locally (%1)</source>
        <translation>
            <numerusform>%n fehlt lokal (%1)</numerusform>
            <numerusform>%n fehlen lokal (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n extra in the folder, not in the version (%1)</source>
        <translation>
            <numerusform>%n zusätzlich im Ordner, nicht in der Version (%1)</numerusform>
            <numerusform>%n zusätzlich im Ordner, nicht in der Version (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable (%1)</source>
        <translation>
            <numerusform>%n nicht lesbar (%1)</numerusform>
            <numerusform>%n nicht lesbar (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listed twice (%1)</source>
        <translation>
            <numerusform>%n doppelt aufgeführt (%1)</numerusform>
            <numerusform>%n doppelt aufgeführt (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 differs from the server: %2.</source>
        <translation>%1 weicht vom Server ab: %2.</translation>
    </message>
</context>
<context>
    <name>Stevedore::EnvironmentAccounts</name>
    <message>
        <source>GITLAB_HOST=%1 is not an http(s) URL or a host name; it is ignored. Set it to your GitLab&apos;s address, for example https://gitlab.example.com.</source>
        <translation>GITLAB_HOST=%1 ist keine http(s)-URL und kein Hostname und wird ignoriert. Setzen Sie die Variable auf die Adresse Ihres GitLab, zum Beispiel https://gitlab.example.com.</translation>
    </message>
    <message>
        <source>GITLAB_TOKEN is set but neither GITLAB_HOST nor --url is, so the token is not used. Set GITLAB_HOST to your GitLab&apos;s address (for example gitlab.com), or name it with --url.</source>
        <translation>GITLAB_TOKEN ist gesetzt, aber weder GITLAB_HOST noch --url, daher wird das Token nicht verwendet. Setzen Sie GITLAB_HOST auf die Adresse Ihres GitLab (zum Beispiel gitlab.com) oder nennen Sie sie mit --url.</translation>
    </message>
    <message>
        <source>CI_API_V4_URL=%1 is not an http(s) URL; the CI job token is not used.</source>
        <translation>CI_API_V4_URL=%1 ist keine http(s)-URL; das CI-Job-Token wird nicht verwendet.</translation>
    </message>
</context>
<context>
    <name>Stevedore::FileOutcomes</name>
    <message>
        <source>unchanged %1  (the same content is already there)
</source>
        <translation>unverändert %1  (derselbe Inhalt ist bereits vorhanden)
</translation>
    </message>
    <message>
        <source>replaced  %1  %2
</source>
        <translation>ersetzt   %1  %2
</translation>
    </message>
</context>
<context>
    <name>Stevedore::FilePane</name>
    <message>
        <source>Select a version to see its files.</source>
        <translation>Wählen Sie eine Version, um ihre Dateien zu sehen.</translation>
    </message>
</context>
<context>
    <name>Stevedore::GitLabClient</name>
    <message>
        <source>The CA file %1 could not be read or holds no PEM certificate. Choose the PEM file of your GitLab&apos;s certificate authority.</source>
        <translation>Die CA-Datei %1 konnte nicht gelesen werden oder enthält kein PEM-Zertifikat. Wählen Sie die PEM-Datei der Zertifizierungsstelle Ihres GitLab.</translation>
    </message>
</context>
<context>
    <name>Stevedore::HashingFileReader</name>
    <message>
        <source>the file ended after %1 of %2 bytes</source>
        <translation>die Datei endete nach %1 von %2 Bytes</translation>
    </message>
    <message>
        <source>it was removed</source>
        <translation>sie wurde entfernt</translation>
    </message>
    <message>
        <source>its size went from %1 to %2 bytes</source>
        <translation>ihre Größe änderte sich von %1 auf %2 Bytes</translation>
    </message>
    <message>
        <source>it was modified</source>
        <translation>sie wurde verändert</translation>
    </message>
</context>
<context>
    <name>Stevedore::KeychainSecretStore</name>
    <message>
        <source>The token could not be removed from the keychain (%1). Remove the Stevedore entry by hand, for example in Passwords and Keys or KWallet Manager.</source>
        <translation>Das Token konnte nicht aus dem Schlüsselbund entfernt werden (%1). Entfernen Sie den Stevedore-Eintrag von Hand, zum Beispiel in „Passwörter und Verschlüsselung“ oder in der KWallet-Verwaltung.</translation>
    </message>
    <message>
        <source>Stevedore&apos;s keychain support (%1) could not be loaded: %2. Reinstall Stevedore; until then a command can take its token from GITLAB_TOKEN.</source>
        <translation>Die Schlüsselbund-Unterstützung von Stevedore (%1) konnte nicht geladen werden: %2. Installieren Sie Stevedore neu; bis dahin kann ein Befehl sein Token aus GITLAB_TOKEN nehmen.</translation>
    </message>
</context>
<context>
    <name>Stevedore::LocalFingerprints</name>
    <message>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
</context>
<context>
    <name>Stevedore::LocalSelection</name>
    <message>
        <source>is a link to something that does not exist.</source>
        <translation>ist ein Verweis auf etwas, das nicht existiert.</translation>
    </message>
    <message>
        <source>does not exist.</source>
        <translation>existiert nicht.</translation>
    </message>
    <message>
        <source>is not a regular file (a device, pipe or socket).</source>
        <translation>ist keine reguläre Datei (ein Gerät, eine Pipe oder ein Socket).</translation>
    </message>
    <message>
        <source>cannot be read (permission denied).</source>
        <translation>kann nicht gelesen werden (Zugriff verweigert).</translation>
    </message>
    <message>
        <source>is a folder that cannot be read.</source>
        <translation>ist ein Ordner, der nicht gelesen werden kann.</translation>
    </message>
    <message>
        <source>is a link to a folder; links to folders are not followed.</source>
        <translation>ist ein Verweis auf einen Ordner; Verweisen auf Ordner wird nicht gefolgt.</translation>
    </message>
    <message>
        <source>is an empty folder; GitLab stores files, not folders.</source>
        <translation>ist ein leerer Ordner; GitLab speichert Dateien, keine Ordner.</translation>
    </message>
    <message>
        <source>is a link to %1, outside the folder; it is skipped (--follow-symlinks publishes such links).</source>
        <translation>ist ein Verweis auf %1, außerhalb des Ordners, und wird übersprungen (--follow-symlinks veröffentlicht solche Verweise).</translation>
    </message>
    <message>
        <source>is an empty folder: there are no files in it to publish.</source>
        <translation>ist ein leerer Ordner: Er enthält keine Dateien zum Veröffentlichen.</translation>
    </message>
    <message>
        <source>holds no file that can be published.</source>
        <translation>enthält keine Datei, die veröffentlicht werden kann.</translation>
    </message>
</context>
<context>
    <name>Stevedore::LocalTarget</name>
    <message>
        <source>Refusing to write the file GitLab names &quot;%1&quot;: %2</source>
        <translation>Die Datei, die GitLab „%1“ nennt, wird nicht geschrieben: %2</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; it is left alone.</source>
        <translation>%1 ist ein symbolischer Verweis und wird nicht angetastet.</translation>
    </message>
    <message>
        <source>%1 leads outside %2 through a symbolic link.</source>
        <translation>%1 führt über einen symbolischen Verweis aus %2 hinaus.</translation>
    </message>
    <message>
        <source>%1 exists and is not a folder.</source>
        <translation>%1 existiert und ist kein Ordner.</translation>
    </message>
</context>
<context>
    <name>Stevedore::MainWindow</name>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Publish files…</source>
        <translation>Dateien &amp;veröffentlichen …</translation>
    </message>
    <message>
        <source>Publish a &amp;folder…</source>
        <translation>&amp;Ordner veröffentlichen …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation>&amp;Herunterladen …</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Add &amp;account…</source>
        <translation>&amp;Konto hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Edit account…</source>
        <translation>Konto be&amp;arbeiten …</translation>
    </message>
    <message>
        <source>&amp;Remove account…</source>
        <translation>Konto &amp;entfernen …</translation>
    </message>
    <message>
        <source>Open project by path or id…</source>
        <translation>&amp;Projekt nach Pfad oder ID öffnen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Copy download &amp;URL</source>
        <translation>Download-&amp;URL kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Copy &amp;curl command</source>
        <translation>&amp;curl-Befehl kopieren</translation>
    </message>
    <message>
        <source>Copy .gitlab-ci.yml &amp;job</source>
        <translation>.gitlab-ci.yml-&amp;Job kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;SHA-256</source>
        <translation>S&amp;HA-256 kopieren</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Desktop &amp;notifications</source>
        <translation>Desktop-Be&amp;nachrichtigungen</translation>
    </message>
    <message>
        <source>Say when the transfers are finished or a file failed while Stevedore is in the background.</source>
        <translation>Melden, wenn die Übertragungen fertig sind oder eine Datei fehlgeschlagen ist, während Stevedore im Hintergrund ist.</translation>
    </message>
    <message>
        <source>Limit &amp;bandwidth…</source>
        <translation>&amp;Bandbreite begrenzen …</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>&amp;Über %1</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt-Werkzeugleiste</translation>
    </message>
    <message>
        <source>No account: add one with File › Add account…</source>
        <translation>Kein Konto: Fügen Sie eines mit Datei › Konto hinzufügen … hinzu</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>The server answered the last request.</source>
        <translation>Der Server hat die letzte Anfrage beantwortet.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1 (%2) on %3</source>
        <translation>%1 (%2) auf %3</translation>
    </message>
    <message>
        <source>Token &quot;%1&quot;, scopes: %2</source>
        <translation>Token „%1“, Bereiche: %2</translation>
    </message>
    <message>
        <source>Select a version to see its files.</source>
        <translation>Wählen Sie eine Version, um ihre Dateien zu sehen.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source> (hidden)</source>
        <translation> (verborgen)</translation>
    </message>
    <message>
        <source>Loading the packages of %1…</source>
        <translation>Die Pakete von %1 werden geladen …</translation>
    </message>
    <message>
        <source>Choose a project on the left.</source>
        <translation>Wählen Sie links ein Projekt.</translation>
    </message>
    <message>
        <source>No package or version matches &quot;%1&quot;.</source>
        <translation>Kein Paket und keine Version passt zu „%1“.</translation>
    </message>
    <message>
        <source>No generic packages in %1 yet. Drop files here to publish the first version.</source>
        <translation>Noch keine generischen Pakete in %1. Legen Sie Dateien hier ab, um die erste Version zu veröffentlichen.</translation>
    </message>
    <message>
        <source>Could not load the packages of %1: %2</source>
        <translation>Die Pakete von %1 konnten nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Loading the files…</source>
        <translation>Die Dateien werden geladen …</translation>
    </message>
    <message>
        <source>This version has no files.</source>
        <translation>Diese Version hat keine Dateien.</translation>
    </message>
    <message>
        <source>Could not load the files: %1</source>
        <translation>Die Dateien konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Loading the projects…</source>
        <translation>Die Projekte werden geladen …</translation>
    </message>
    <message>
        <source>No projects to show. Deploy and job tokens cannot list projects: use Open project by path or id.</source>
        <translation>Keine Projekte anzuzeigen. Deploy- und Job-Token können keine Projekte auflisten: Verwenden Sie „Projekt nach Pfad oder ID öffnen“.</translation>
    </message>
    <message>
        <source>Could not load the projects: %1</source>
        <translation>Die Projekte konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No transfers yet. Drop files on the window to publish them, or download a file or a version.</source>
        <translation>Noch keine Übertragungen. Legen Sie Dateien auf dem Fenster ab, um sie zu veröffentlichen, oder laden Sie eine Datei oder eine Version herunter.</translation>
    </message>
    <message>
        <source>No transfer matches this filter.</source>
        <translation>Keine Übertragung passt zu diesem Filter.</translation>
    </message>
    <message>
        <source>Publish files</source>
        <translation>Dateien veröffentlichen</translation>
    </message>
    <message>
        <source>Publish a folder</source>
        <translation>Ordner veröffentlichen</translation>
    </message>
    <message>
        <source>This token has the scopes %1 only: GitLab refuses uploads without the api scope. Create a token with the api scope and add it as an account.</source>
        <translation>Dieses Token hat nur die Bereiche %1: GitLab lehnt Hochladen ohne den Bereich api ab. Erstellen Sie ein Token mit dem Bereich api und fügen Sie es als Konto hinzu.</translation>
    </message>
    <message>
        <source>Your role in %1 is %2: GitLab accepts uploads from Developers and above. Ask a maintainer of the project for the Developer role.</source>
        <translation>Ihre Rolle in %1 ist %2: GitLab nimmt Hochgeladenes erst ab der Rolle Entwickler an. Bitten Sie einen Maintainer des Projekts um die Rolle Entwickler.</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Choose an account and a project first.</source>
        <translation>Wählen Sie zuerst ein Konto und ein Projekt.</translation>
    </message>
    <message>
        <source>Open the publish dialog anyway?</source>
        <translation>Den Veröffentlichen-Dialog trotzdem öffnen?</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Download to</source>
        <translation>Herunterladen nach</translation>
    </message>
    <message>
        <source>In the folder: %1, modified %2.
In %3 %4: %5, uploaded %6.</source>
        <translation>Im Ordner: %1, geändert %2.
In %3 %4: %5, hochgeladen %6.</translation>
    </message>
    <message>
        <source>Delete files</source>
        <translation>Dateien löschen</translation>
    </message>
    <message>
        <source>Delete these files from %1 %2?

%3

This cannot be undone.</source>
        <translation>Diese Dateien aus %1 %2 löschen?

%3

Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Delete version</source>
        <translation>Version löschen</translation>
    </message>
    <message>
        <source>Delete versions</source>
        <translation>Versionen löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n version(s) from %1, with all their files? This cannot be undone.

%2</source>
        <translation>
            <numerusform>%n Version mit all ihren Dateien aus %1 löschen? Dies kann nicht rückgängig gemacht werden.

%2</numerusform>
            <numerusform>%n Versionen mit all ihren Dateien aus %1 löschen? Dies kann nicht rückgängig gemacht werden.

%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied %1.</source>
        <translation>Kopiert: %1.</translation>
    </message>
    <message>
        <source>the download URL</source>
        <translation>die Download-URL</translation>
    </message>
    <message>
        <source>a curl command</source>
        <translation>ein curl-Befehl</translation>
    </message>
    <message>
        <source>the SHA-256</source>
        <translation>die SHA-256-Prüfsumme</translation>
    </message>
    <message>
        <source>a .gitlab-ci.yml job</source>
        <translation>ein .gitlab-ci.yml-Job</translation>
    </message>
    <message>
        <source>No keychain is available (%1). A token saved now is kept for this session only and the account is gone after a restart: start or unlock your keyring (GNOME Keyring, KWallet), or give the token through GITLAB_TOKEN.</source>
        <translation>Kein Schlüsselbund verfügbar (%1). Ein jetzt gespeichertes Token gilt nur für diese Sitzung, und das Konto ist nach einem Neustart verschwunden: Starten oder entsperren Sie Ihren Schlüsselbund (GNOME Keyring, KWallet) oder übergeben Sie das Token mit GITLAB_TOKEN.</translation>
    </message>
    <message>
        <source>%1 comes from the environment (GITLAB_HOST and GITLAB_TOKEN, or CI_API_V4_URL and CI_JOB_TOKEN) and lasts for this run only: change those variables to change it, or add an account of your own with File › Add account…</source>
        <translation>%1 stammt aus der Umgebung (GITLAB_HOST und GITLAB_TOKEN oder CI_API_V4_URL und CI_JOB_TOKEN) und gilt nur für diesen Lauf: Ändern Sie diese Variablen, um es zu ändern, oder fügen Sie mit Datei › Konto hinzufügen … ein eigenes Konto hinzu</translation>
    </message>
    <message>
        <source>No keychain is available (%1), so the account cannot be changed now: start or unlock your keyring (GNOME Keyring, KWallet) and edit it again.</source>
        <translation>Kein Schlüsselbund verfügbar (%1), daher kann das Konto jetzt nicht geändert werden: Starten oder entsperren Sie Ihren Schlüsselbund (GNOME Keyring, KWallet) und bearbeiten Sie es erneut.</translation>
    </message>
    <message>
        <source>The stored token could not be read (%1): type the token to save the account.</source>
        <translation>Das gespeicherte Token konnte nicht gelesen werden (%1): Geben Sie das Token ein, um das Konto zu speichern.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove the account %1 (%2) and its token from the keychain?</source>
        <translation>Das Konto %1 (%2) und sein Token aus dem Schlüsselbund entfernen?</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Project path (group/project) or id:</source>
        <translation>Projektpfad (Gruppe/Projekt) oder ID:</translation>
    </message>
    <message>
        <source>Stevedore quits when the transfers are finished.</source>
        <translation>Stevedore wird beendet, wenn die Übertragungen fertig sind.</translation>
    </message>
    <message>
        <source>Co&amp;mpare with…</source>
        <translation>Vergleichen &amp;mit …</translation>
    </message>
    <message>
        <source>S&amp;ync folder to version…</source>
        <translation>Ordner mit Version ab&amp;gleichen …</translation>
    </message>
    <message>
        <source>Sync a folder to %1 %2</source>
        <translation>Einen Ordner mit %1 %2 abgleichen</translation>
    </message>
    <message>
        <source>Copy &amp;to…</source>
        <translation>Kopieren &amp;nach …</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>Stevedore::ManPage</name>
    <message>
        <source>options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>desktop and command-line client for GitLab&apos;s Generic Packages Registry</source>
        <translation>Desktop- und Befehlszeilen-Client für die Generic Packages Registry von GitLab</translation>
    </message>
    <message>
        <source>command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>browses, downloads and publishes the generic packages of a GitLab server.
Without a command it opens its window; with one it runs that command and exits.
Tokens are kept in the system keychain (the Secret Service), never in files or on the command line.</source>
        <translation>durchsucht, lädt herunter und veröffentlicht die generischen Pakete eines GitLab-Servers.
Ohne Befehl öffnet es sein Fenster; mit einem führt es diesen Befehl aus und endet.
Tokens liegen im Schlüsselbund des Systems (dem Secret Service), nie in Dateien oder auf der Befehlszeile.</translation>
    </message>
    <message>
        <source>Every command checks every project, package name, version and file name it is given against GitLab&apos;s rules before it sends anything.
Answers from the server are not trusted: downloads stay inside the chosen folder, never exceed the listed size and are verified by SHA-256 before they appear under their name; transient failures are retried with backoff.</source>
        <translation>Jeder Befehl prüft jedes Projekt, jeden Paketnamen, jede Version und jeden Dateinamen, die er erhält, nach den Regeln von GitLab, bevor er etwas sendet.
Antworten des Servers wird nicht vertraut: Downloads bleiben im gewählten Ordner, überschreiten nie die aufgeführte Größe und werden per SHA-256 geprüft, bevor sie unter ihrem Namen erscheinen; vorübergehende Fehler werden mit wachsenden Pausen wiederholt.</translation>
    </message>
    <message>
        <source>Every command also accepts the options below under COMMON OPTIONS; %1 COMMAND --help lists a command&apos;s options.</source>
        <translation>Jeder Befehl nimmt außerdem die Optionen unter COMMON OPTIONS an; %1 BEFEHL --help listet die Optionen eines Befehls.</translation>
    </message>
    <message>
        <source>Before the command; --json, --output and --quiet apply to commands only, and --project names the project the window opens.</source>
        <translation>Vor dem Befehl; --json, --output und --quiet gelten nur für Befehle, und --project nennt das Projekt, das das Fenster öffnet.</translation>
    </message>
    <message>
        <source>After any command. After download, --output is its folder.</source>
        <translation>Nach jedem Befehl. Nach download ist --output dessen Ordner.</translation>
    </message>
    <message>
        <source>The settings, the queue and the journals below are created readable by their owner only (mode 0600) in folders of mode 0700.</source>
        <translation>Die Einstellungen, die Warteschlange und die Journale unten werden nur für ihren Eigentümer lesbar angelegt (Modus 0600), in Ordnern mit Modus 0700.</translation>
    </message>
    <message>
        <source>The window. %1 without a command hands over to it; the command line itself loads no GUI library.</source>
        <translation>Das Fenster. %1 ohne Befehl übergibt an es; die Befehlszeile selbst lädt keine GUI-Bibliothek.</translation>
    </message>
    <message>
        <source>The non-secret account settings (name, URL, token kind, user name, CA file, default project), the window&apos;s geometry and the sort order of its lists.</source>
        <translation>Die nicht geheimen Kontoeinstellungen (Name, URL, Token-Art, Benutzername, CA-Datei, Standardprojekt), die Geometrie des Fensters und die Sortierung seiner Listen.</translation>
    </message>
    <message>
        <source>The window&apos;s transfer queue (uploads and downloads), one line per change. A queue left in ~/.local/share/Stevedore/Stevedore/ by an earlier version is moved here when the window starts.</source>
        <translation>Die Übertragungswarteschlange des Fensters (Uploads und Downloads), eine Zeile pro Änderung. Eine Warteschlange, die eine frühere Version in ~/.local/share/Stevedore/Stevedore/ hinterlassen hat, wird beim Start des Fensters hierher verschoben.</translation>
    </message>
    <message>
        <source>(by default ~/.local/state/stevedore/) The journal of a publish or download that has not finished; running the same command again in the same folder resumes it.</source>
        <translation>(standardmäßig ~/.local/state/stevedore/) Das Journal eines publish oder download, der nicht fertig wurde; derselbe Befehl im selben Ordner setzt ihn fort.</translation>
    </message>
    <message>
        <source>The README and docs/reliability.md in Stevedore&apos;s source tree.</source>
        <translation>Die README und docs/reliability.md im Quellbaum von Stevedore.</translation>
    </message>
</context>
<context>
    <name>Stevedore::NameRules</name>
    <message>
        <source>A space is not allowed here. </source>
        <translation>Ein Leerzeichen ist hier nicht erlaubt. </translation>
    </message>
    <message>
        <source>The character U+%1 is not allowed here. </source>
        <translation>Das Zeichen U+%1 ist hier nicht erlaubt. </translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not allowed here. </source>
        <translation>&apos;%1&apos; ist hier nicht erlaubt. </translation>
    </message>
    <message>
        <source>A package name may not be empty.</source>
        <translation>Ein Paketname darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A package name may be at most %1 characters long.</source>
        <translation>Ein Paketname darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>A package name may contain only the letters A-Z and a-z, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos; and &apos;+&apos;.</source>
        <translation>Ein Paketname darf nur die Buchstaben A-Z und a-z, Ziffern, &apos;.&apos;, &apos;_&apos;, &apos;-&apos; und &apos;+&apos; enthalten.</translation>
    </message>
    <message>
        <source>A package name may not be &apos;.&apos; or &apos;..&apos;.</source>
        <translation>Ein Paketname darf nicht &apos;.&apos; oder &apos;..&apos; sein.</translation>
    </message>
    <message>
        <source>A version may not be empty.</source>
        <translation>Eine Version darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A version may be at most %1 characters long.</source>
        <translation>Eine Version darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>A version may contain only the letters A-Z and a-z, digits, &apos;_&apos;, &apos;+&apos;, &apos;.&apos; and &apos;-&apos;, and no &apos;..&apos;.</source>
        <translation>Eine Version darf nur die Buchstaben A-Z und a-z, Ziffern, &apos;_&apos;, &apos;+&apos;, &apos;.&apos; und &apos;-&apos; enthalten, und kein &apos;..&apos;.</translation>
    </message>
    <message>
        <source>A version may not be &apos;.&apos;.</source>
        <translation>Eine Version darf nicht &apos;.&apos; sein.</translation>
    </message>
    <message>
        <source>A file name may not be empty.</source>
        <translation>Ein Dateiname darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A file name may be at most %1 characters long.</source>
        <translation>Ein Dateiname darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>A file name may contain only the letters A-Z and a-z, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;, &apos;+&apos;, &apos;~&apos; and &apos;@&apos;, and may not start or end with &apos;~&apos; or &apos;@&apos;.</source>
        <translation>Ein Dateiname darf nur die Buchstaben A-Z und a-z, Ziffern, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;, &apos;+&apos;, &apos;~&apos; und &apos;@&apos; enthalten und nicht mit &apos;~&apos; oder &apos;@&apos; beginnen oder enden.</translation>
    </message>
    <message>
        <source>A file name may not be &apos;.&apos; or &apos;..&apos;.</source>
        <translation>Ein Dateiname darf nicht &apos;.&apos; oder &apos;..&apos; sein.</translation>
    </message>
    <message>
        <source>A folder name may not be empty.</source>
        <translation>Ein Ordnername darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A folder name may be at most %1 characters long.</source>
        <translation>Ein Ordnername darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>A folder name may not contain &apos;/&apos;.</source>
        <translation>Ein Ordnername darf kein &apos;/&apos; enthalten.</translation>
    </message>
    <message>
        <source>A folder name may not contain a line break or another control character.</source>
        <translation>Ein Ordnername darf keinen Zeilenumbruch und kein anderes Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>A folder name may contain only valid Unicode characters.</source>
        <translation>Ein Ordnername darf nur gültige Unicode-Zeichen enthalten.</translation>
    </message>
    <message>
        <source>A folder name may not be &apos;.&apos; or &apos;..&apos;.</source>
        <translation>Ein Ordnername darf nicht &apos;.&apos; oder &apos;..&apos; sein.</translation>
    </message>
    <message>
        <source>A folder name may not contain &apos;..&apos; next to a backslash.</source>
        <translation>Ein Ordnername darf kein &apos;..&apos; neben einem Backslash enthalten.</translation>
    </message>
    <message>
        <source>A folder name may not contain &apos;%&apos; followed by two hexadecimal digits, such as &apos;%2F&apos;.</source>
        <translation>Ein Ordnername darf kein &apos;%&apos; gefolgt von zwei Hexadezimalziffern enthalten, etwa &apos;%2F&apos;.</translation>
    </message>
    <message>
        <source>A project may not be empty: give its numeric id or its full path, such as group/project.</source>
        <translation>Ein Projekt darf nicht leer sein: Geben Sie seine numerische ID oder seinen vollständigen Pfad an, etwa gruppe/projekt.</translation>
    </message>
    <message>
        <source>A project is a numeric id or a full path with its group, such as group/project.</source>
        <translation>Ein Projekt ist eine numerische ID oder ein vollständiger Pfad mit seiner Gruppe, etwa gruppe/projekt.</translation>
    </message>
    <message>
        <source>A project path may not start or end with &apos;/&apos; or contain &apos;//&apos;.</source>
        <translation>Ein Projektpfad darf nicht mit &apos;/&apos; beginnen oder enden und kein &apos;//&apos; enthalten.</translation>
    </message>
    <message>
        <source>A project path may not contain &apos;.&apos; or &apos;..&apos; segments.</source>
        <translation>Ein Projektpfad darf keine Segmente &apos;.&apos; oder &apos;..&apos; enthalten.</translation>
    </message>
    <message>
        <source>A project path&apos;s segments may contain only the letters A-Z and a-z, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;, at most %1 characters each.</source>
        <translation>Die Segmente eines Projektpfads dürfen nur die Buchstaben A-Z und a-z, Ziffern, &apos;_&apos;, &apos;-&apos; und &apos;.&apos; enthalten, höchstens %1 Zeichen je Segment.</translation>
    </message>
    <message>
        <source>A file name may not contain a backslash.</source>
        <translation>Ein Dateiname darf keinen Backslash enthalten.</translation>
    </message>
    <message>
        <source>A file name may not start with a drive letter.</source>
        <translation>Ein Dateiname darf nicht mit einem Laufwerksbuchstaben beginnen.</translation>
    </message>
    <message>
        <source>A file name may not be an absolute path.</source>
        <translation>Ein Dateiname darf kein absoluter Pfad sein.</translation>
    </message>
    <message>
        <source>An upload path may not be empty.</source>
        <translation>Ein Hochladepfad darf nicht leer sein.</translation>
    </message>
    <message>
        <source>An upload path may not start or end with &apos;/&apos; or contain &apos;//&apos;.</source>
        <translation>Ein Hochladepfad darf nicht mit &apos;/&apos; beginnen oder enden und kein &apos;//&apos; enthalten.</translation>
    </message>
</context>
<context>
    <name>Stevedore::PackageFileModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n file(s)</source>
        <translation>
            <numerusform>%1: %n Datei</numerusform>
            <numerusform>%1: %n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>An older upload of %1. Downloads return the newest one.</source>
        <translation>Eine ältere hochgeladene Fassung von %1. Heruntergeladen wird immer die neueste.</translation>
    </message>
    <message numerus="yes">
        <source>%1 was uploaded %n times; this is the newest upload, the one downloads return.</source>
        <translation>
            <numerusform>%1 wurde %n-mal hochgeladen; dies ist die neueste Fassung, die beim Herunterladen geliefert wird.</numerusform>
            <numerusform>%1 wurde %n-mal hochgeladen; dies ist die neueste Fassung, die beim Herunterladen geliefert wird.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::PackagePane</name>
    <message>
        <source>Exact</source>
        <translation>Exakt</translation>
    </message>
    <message>
        <source>Show hidden</source>
        <translation>Verborgene anzeigen</translation>
    </message>
    <message>
        <source>Filter packages and versions (Ctrl+F)</source>
        <translation>Pakete und Versionen filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Newest version first</source>
        <translation>Neueste Version zuerst</translation>
    </message>
    <message>
        <source>Newest upload first</source>
        <translation>Zuletzt hochgeladene zuerst</translation>
    </message>
</context>
<context>
    <name>Stevedore::PackageTreeModel</name>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Verborgen</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Being deleted</source>
        <translation>Wird gelöscht</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Name / Version</source>
        <translation>Name / Version</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n version(s), newest %2</source>
        <translation>
            <numerusform>%1: %n Version, neueste %2</numerusform>
            <numerusform>%1: %n Versionen, neueste %2</numerusform>
        </translation>
    </message>
    <message>
        <source>…</source>
        <comment>the file count or size is being fetched</comment>
        <translation>…</translation>
    </message>
    <message>
        <source>?</source>
        <comment>the file count or size could not be fetched</comment>
        <translation>?</translation>
    </message>
</context>
<context>
    <name>Stevedore::ProjectListModel</name>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Maintainer</source>
        <translation>Maintainer</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>Planer</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Project %1</source>
        <translation>Projekt %1</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
</context>
<context>
    <name>Stevedore::ProjectPane</name>
    <message>
        <source>The GitLab account to browse with</source>
        <translation>Das GitLab-Konto, mit dem Sie arbeiten</translation>
    </message>
    <message>
        <source>Search projects</source>
        <translation>Projekte suchen</translation>
    </message>
    <message>
        <source>Open project by path or id…</source>
        <translation>Projekt nach Pfad oder ID öffnen …</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>Konto hinzufügen …</translation>
    </message>
</context>
<context>
    <name>Stevedore::PromoteDialog</name>
    <message>
        <source>&amp;Hidden (staged)</source>
        <translation>Ver&amp;borgen (bereitgestellt)</translation>
    </message>
    <message>
        <source>&amp;Replace files with other content</source>
        <translation>Dateien mit anderem Inhalt e&amp;rsetzen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>K&amp;opieren</translation>
    </message>
    <message>
        <source>Copy %1 %2</source>
        <translation>%1 %2 kopieren</translation>
    </message>
    <message>
        <source>Any account signed in during this session</source>
        <translation>Jedes in dieser Sitzung angemeldete Konto</translation>
    </message>
    <message>
        <source>group/project or its numeric id</source>
        <translation>Gruppe/Projekt oder seine numerische ID</translation>
    </message>
    <message>
        <source>The version is created hidden: GitLab leaves it out of package lists until its status changes, and still serves its files by name.</source>
        <translation>Die Version wird verborgen angelegt: GitLab lässt sie in Paketlisten aus, bis sich ihr Status ändert, und liefert ihre Dateien weiterhin über ihren Namen aus.</translation>
    </message>
    <message>
        <source>Files the destination already has with other content are replaced by the source&apos;s; without this the copy is refused.</source>
        <translation>Dateien, die das Ziel bereits mit anderem Inhalt hat, werden durch die der Quelle ersetzt; ohne dies wird das Kopieren abgelehnt.</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Konto:</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projekt:</translation>
    </message>
    <message>
        <source>Package &amp;name:</source>
        <translation>Paket&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>The account of the source is not signed in in this window: sign in to it first (choose it in the account switcher).</source>
        <translation>Das Konto der Quelle ist in diesem Fenster nicht angemeldet: Melden Sie sich zuerst an (wählen Sie es in der Kontoauswahl).</translation>
    </message>
    <message>
        <source>No account is signed in to copy to.</source>
        <translation>Es ist kein Konto angemeldet, in das kopiert werden kann.</translation>
    </message>
    <message>
        <source>The account is no longer signed in; choose another one.</source>
        <translation>Das Konto ist nicht mehr angemeldet; wählen Sie ein anderes.</translation>
    </message>
    <message>
        <source>Could not read %1 %2 of %3: %4</source>
        <translation>%1 %2 von %3 konnte nicht gelesen werden: %4</translation>
    </message>
    <message numerus="yes">
        <source>The destination already has %n file(s) with other content: %1. Copy to another version, or check &quot;Replace files with other content&quot;.</source>
        <translation>
            <numerusform>Das Ziel hat bereits %n Datei mit anderem Inhalt: %1. Kopieren Sie in eine andere Version, oder wählen Sie „Dateien mit anderem Inhalt ersetzen“.</numerusform>
            <numerusform>Das Ziel hat bereits %n Dateien mit anderem Inhalt: %1. Kopieren Sie in eine andere Version, oder wählen Sie „Dateien mit anderem Inhalt ersetzen“.</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between file names</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>The destination already holds every file of the source: there is nothing to copy.</source>
        <translation>Das Ziel enthält bereits jede Datei der Quelle: Es gibt nichts zu kopieren.</translation>
    </message>
    <message>
        <source>Reading both versions…</source>
        <translation>Beide Versionen werden gelesen …</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) to copy (%1)</source>
        <translation>
            <numerusform>%n Datei zu kopieren (%1)</numerusform>
            <numerusform>%n Dateien zu kopieren (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) to replace (%1)</source>
        <translation>
            <numerusform>%n Datei zu ersetzen (%1)</numerusform>
            <numerusform>%n Dateien zu ersetzen (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) with other content (%1)</source>
        <translation>
            <numerusform>%n Datei mit anderem Inhalt (%1)</numerusform>
            <numerusform>%n Dateien mit anderem Inhalt (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) already there (%1)</source>
        <translation>
            <numerusform>%n Datei schon vorhanden (%1)</numerusform>
            <numerusform>%n Dateien schon vorhanden (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) only in the destination, left alone (%1)</source>
        <translation>
            <numerusform>%n Datei nur im Ziel, unverändert gelassen (%1)</numerusform>
            <numerusform>%n Dateien nur im Ziel, unverändert gelassen (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>To %1: %2.</source>
        <translation>Nach %1: %2.</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the counts of the plan</comment>
        <translation>; </translation>
    </message>
    <message>
        <source>%1: %2 › %3 %4</source>
        <translation>%1: %2 › %3 %4</translation>
    </message>
    <message>
        <source>Destination size</source>
        <translation>Größe im Ziel</translation>
    </message>
    <message>
        <source>Destination SHA-256</source>
        <translation>SHA-256 im Ziel</translation>
    </message>
    <message>
        <source>Source size</source>
        <translation>Größe in der Quelle</translation>
    </message>
    <message>
        <source>Source SHA-256</source>
        <translation>SHA-256 in der Quelle</translation>
    </message>
    <message>
        <source>To copy</source>
        <translation>Zu kopieren</translation>
    </message>
    <message>
        <source>To replace</source>
        <translation>Zu ersetzen</translation>
    </message>
    <message>
        <source>Other content</source>
        <translation>Anderer Inhalt</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>Schon vorhanden</translation>
    </message>
    <message>
        <source>Only in the destination</source>
        <translation>Nur im Ziel</translation>
    </message>
</context>
<context>
    <name>Stevedore::PublishCommand</name>
    <message>
        <source>%1 Try &quot;%2&quot;.</source>
        <translation>%1 Versuchen Sie &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>--status must be default or hidden, not &quot;%1&quot;.</source>
        <translation>--status muss default oder hidden sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--on-duplicate must be skip-identical, keep, replace or fail.</source>
        <translation>--on-duplicate muss skip-identical, keep, replace oder fail sein.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a regular file; --file-name names one file.</source>
        <translation>%1 ist ein Ordner, keine reguläre Datei; --file-name benennt eine Datei.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>note: %1 %2</source>
        <translation>Hinweis: %1 %2</translation>
    </message>
    <message>
        <source>There is no file to publish.</source>
        <translation>Es gibt keine Datei zum Veröffentlichen.</translation>
    </message>
    <message numerus="yes">
        <source>--file-name names one file; %n file(s) were given.</source>
        <translation>
            <numerusform>--file-name benennt eine Datei; es wurde %n Datei angegeben.</numerusform>
            <numerusform>--file-name benennt eine Datei; es wurden %n Dateien angegeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2 Try --file-name &quot;%3&quot;.</source>
        <translation>&quot;%1&quot;: %2 Versuchen Sie --file-name &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; would name both %2 and %3 in the package; each file needs its own name (publish them one at a time, with --file-name).</source>
        <translation>&quot;%1&quot; würde im Paket sowohl %2 als auch %3 benennen; jede Datei braucht ihren eigenen Namen (veröffentlichen Sie sie einzeln, mit --file-name).</translation>
    </message>
    <message>
        <source>skipped   %1  (the same content is already there)
</source>
        <translation>übersprungen   %1  (derselbe Inhalt ist bereits vorhanden)
</translation>
    </message>
    <message>
        <source>published %1  %2
</source>
        <translation>veröffentlicht %1  %2
</translation>
    </message>
    <message>
        <source>&quot;-&quot; (standard input) can be given once only.</source>
        <translation>„-“ (die Standardeingabe) kann nur einmal angegeben werden.</translation>
    </message>
    <message>
        <source>&quot;-&quot; publishes standard input as one file; give no other FILE with it.</source>
        <translation>„-“ veröffentlicht die Standardeingabe als eine Datei; geben Sie keine weitere DATEI dazu an.</translation>
    </message>
    <message>
        <source>&quot;-&quot; reads the file from standard input, which has no name: give it one with --file-name NAME.</source>
        <translation>„-“ liest die Datei von der Standardeingabe, die keinen Namen hat: Geben Sie ihr einen mit --file-name NAME.</translation>
    </message>
    <message>
        <source>&quot;-&quot; reads the file from standard input, which is a terminal here. Pipe the file in, e.g. tar c DIR | %1 publish PROJECT NAME VERSION - --file-name DIR.tar, or redirect it: &lt; FILE.</source>
        <translation>„-“ liest die Datei von der Standardeingabe, die hier ein Terminal ist. Leiten Sie die Datei hinein, z. B. tar c ORDNER | %1 publish PROJEKT NAME VERSION - --file-name ORDNER.tar, oder um: &lt; DATEI.</translation>
    </message>
    <message>
        <source>reading standard input  %1</source>
        <translation>Standardeingabe wird gelesen  %1</translation>
    </message>
    <message>
        <source>Standard input had SHA-256 %1, but GitLab holds %2 with SHA-256 %3; the temporary copy was damaged. Delete that file in GitLab and publish again.</source>
        <translation>Die Standardeingabe hatte SHA-256 %1, aber GitLab hat %2 mit SHA-256 %3; die temporäre Kopie wurde beschädigt. Löschen Sie diese Datei in GitLab und veröffentlichen Sie erneut.</translation>
    </message>
</context>
<context>
    <name>Stevedore::PublishDialog</name>
    <message>
        <source>Publish files</source>
        <translation>Dateien veröffentlichen</translation>
    </message>
    <message>
        <source>e.g. my-tool</source>
        <translation>z. B. my-tool</translation>
    </message>
    <message>
        <source>Fi&amp;x name</source>
        <translation>Namen &amp;korrigieren</translation>
    </message>
    <message>
        <source>e.g. 1.0.0</source>
        <translation>z. B. 1.0.0</translation>
    </message>
    <message>
        <source>Fix versio&amp;n</source>
        <translation>Version k&amp;orrigieren</translation>
    </message>
    <message>
        <source>&amp;Hidden: leave the package out of GitLab&apos;s package lists</source>
        <translation>Ver&amp;borgen: das Paket nicht in den Paketlisten von GitLab zeigen</translation>
    </message>
    <message>
        <source>Hidden packages can still be downloaded by name.</source>
        <translation>Verborgene Pakete können weiterhin über ihren Namen heruntergeladen werden.</translation>
    </message>
    <message>
        <source>Skip files already there with the same content, else keep both</source>
        <translation>Dateien mit gleichem Inhalt überspringen, sonst beide behalten</translation>
    </message>
    <message>
        <source>Keep both (GitLab&apos;s own behaviour; downloads get the newest)</source>
        <translation>Beide behalten (Verhalten von GitLab; heruntergeladen wird die neueste)</translation>
    </message>
    <message>
        <source>Replace older copies</source>
        <translation>Ältere Kopien ersetzen</translation>
    </message>
    <message>
        <source>Fail when the name is already there</source>
        <translation>Fehlschlagen, wenn der Name schon vorhanden ist</translation>
    </message>
    <message>
        <source>Pac&amp;kage:</source>
        <translation>&amp;Paket:</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>V&amp;ersion:</translation>
    </message>
    <message>
        <source>If a file of that name &amp;exists:</source>
        <translation>Wenn eine Datei dieses Namens e&amp;xistiert:</translation>
    </message>
    <message>
        <source>These cannot be published and are left out:</source>
        <translation>Diese können nicht veröffentlicht werden und werden ausgelassen:</translation>
    </message>
    <message>
        <source>Local file</source>
        <translation>Lokale Datei</translation>
    </message>
    <message>
        <source>Name in the package</source>
        <translation>Name im Paket</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>Aus der Liste entfernen</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <source>Add files or a folder; you can also drop them on this dialog.</source>
        <translation>Dateien oder einen Ordner hinzufügen; Sie können sie auch auf diesem Dialog ablegen.</translation>
    </message>
    <message>
        <source>Files…</source>
        <translation>Dateien …</translation>
    </message>
    <message>
        <source>A folder…</source>
        <translation>Einen Ordner …</translation>
    </message>
    <message>
        <source>&amp;Fix all</source>
        <translation>&amp;Alle korrigieren</translation>
    </message>
    <message>
        <source>&amp;Remove from the list</source>
        <translation>Aus der Liste entfe&amp;rnen</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Veröffentlichen</translation>
    </message>
    <message>
        <source>F&amp;iles:</source>
        <translation>&amp;Dateien:</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Dateien hinzufügen</translation>
    </message>
    <message>
        <source>Add a folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The name in the package; edit it to rename the file.</source>
        <translation>Der Name im Paket; bearbeiten Sie ihn, um die Datei umzubenennen.</translation>
    </message>
    <message>
        <source>Publish to %1</source>
        <translation>Veröffentlichen in %1</translation>
    </message>
    <message>
        <source>✓</source>
        <translation>✓</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Korrigieren</translation>
    </message>
    <message>
        <source>Rename to &quot;%1&quot;</source>
        <translation>In „%1“ umbenennen</translation>
    </message>
    <message>
        <source>Change to &quot;%1&quot;</source>
        <translation>In „%1“ ändern</translation>
    </message>
    <message>
        <source>Version %1 of %2 exists already: the files are added to it.</source>
        <translation>Version %1 von %2 existiert bereits: Die Dateien werden ihr hinzugefügt.</translation>
    </message>
    <message numerus="yes">
        <source>Version %1 of %2 exists already with %n file(s): the files are added to it.</source>
        <translation>
            <numerusform>Version %1 von %2 existiert bereits mit %n Datei: Die Dateien werden ihr hinzugefügt.</numerusform>
            <numerusform>Version %1 von %2 existiert bereits mit %n Dateien: Die Dateien werden ihr hinzugefügt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Publish %n file(s)</source>
        <translation>
            <numerusform>%n Datei &amp;veröffentlichen</numerusform>
            <numerusform>%n Dateien &amp;veröffentlichen</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading folders…</source>
        <translation>Ordner werden gelesen …</translation>
    </message>
    <message>
        <source>There is nothing to publish.</source>
        <translation>Es gibt nichts zu veröffentlichen.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 in all, ready to publish.</source>
        <translation>
            <numerusform>%n Datei, insgesamt %1, bereit zum Veröffentlichen.</numerusform>
            <numerusform>%n Dateien, insgesamt %1, bereit zum Veröffentlichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>the package name</source>
        <translation>den Paketnamen</translation>
    </message>
    <message>
        <source>the version</source>
        <translation>die Version</translation>
    </message>
    <message numerus="yes">
        <source>%n file name(s)</source>
        <translation>
            <numerusform>%n Dateinamen</numerusform>
            <numerusform>%n Dateinamen</numerusform>
        </translation>
    </message>
    <message>
        <source>Check %1. Nothing is sent until everything is valid.</source>
        <translation>Prüfen Sie %1. Es wird nichts gesendet, bevor alles gültig ist.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%n of the files added had a row already and were not added again.</source>
        <translation>
            <numerusform>%n der hinzugefügten Dateien stand bereits in der Liste und wurde nicht erneut hinzugefügt.</numerusform>
            <numerusform>%n der hinzugefügten Dateien standen bereits in der Liste und wurden nicht erneut hinzugefügt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::PublishPlan</name>
    <message>
        <source>Row %1 already has this name; each file needs its own.</source>
        <translation>Zeile %1 hat bereits diesen Namen; jede Datei braucht ihren eigenen.</translation>
    </message>
</context>
<context>
    <name>Stevedore::QueuedCommand</name>
    <message>
        <source>%1  %2%</source>
        <translation>%1  %2 %</translation>
    </message>
    <message numerus="yes">
        <source>note: resuming an interrupted run; %1 of %n file(s) were done already (--no-resume starts afresh).
</source>
        <translation>
            <numerusform>Hinweis: Ein unterbrochener Lauf wird fortgesetzt; %1 von %n Datei war bereits fertig (--no-resume beginnt neu).
</numerusform>
            <numerusform>Hinweis: Ein unterbrochener Lauf wird fortgesetzt; %1 von %n Dateien waren bereits fertig (--no-resume beginnt neu).
</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: attempt %2 failed: %3
</source>
        <translation>%1: Versuch %2 fehlgeschlagen: %3
</translation>
    </message>
</context>
<context>
    <name>Stevedore::SecretStore</name>
    <message>
        <source>The keychain reported an error: %1. Check that gnome-keyring or KWallet is running and unlocked, then try again.</source>
        <translation>Der Schlüsselbund hat einen Fehler gemeldet: %1. Prüfen Sie, ob gnome-keyring oder KWallet läuft und entsperrt ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>No token is stored for this account. Enter the token again.</source>
        <translation>Für dieses Konto ist kein Token gespeichert. Geben Sie das Token erneut ein.</translation>
    </message>
    <message>
        <source>No keychain is available (no Secret Service is running); start gnome-keyring or KWallet to store tokens.</source>
        <translation>Kein Schlüsselbund verfügbar (kein Secret Service läuft); starten Sie gnome-keyring oder KWallet, um Token zu speichern.</translation>
    </message>
    <message>
        <source>The keychain refused access: it is locked or access was denied. Unlock it (or allow Stevedore to use it when asked), then try again.</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert: Er ist gesperrt, oder der Zugriff wurde abgelehnt. Entsperren Sie ihn (oder erlauben Sie Stevedore den Zugriff, wenn Sie gefragt werden) und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>Stevedore::StdinSpool</name>
    <message>
        <source>Cannot create a temporary file in %1 for standard input: %2. Set TMPDIR to a folder you can write.</source>
        <translation>In %1 kann keine temporäre Datei für die Standardeingabe angelegt werden: %2. Setzen Sie TMPDIR auf einen Ordner, in den Sie schreiben können.</translation>
    </message>
    <message>
        <source>Reading standard input failed after %1 bytes: %2; nothing was published.</source>
        <translation>Das Lesen der Standardeingabe ist nach %1 Bytes gescheitert: %2; es wurde nichts veröffentlicht.</translation>
    </message>
    <message>
        <source>Standard input is kept in a temporary file in %1 until it is uploaded, and writing it failed after %2 bytes: %3. Free space there, or set TMPDIR to a folder with room; nothing was published.</source>
        <translation>Die Standardeingabe wird bis zum Hochladen in einer temporären Datei in %1 gehalten, und das Schreiben ist nach %2 Bytes gescheitert: %3. Schaffen Sie dort Platz oder setzen Sie TMPDIR auf einen Ordner mit Platz; es wurde nichts veröffentlicht.</translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation>es wurde nichts geschrieben</translation>
    </message>
</context>
<context>
    <name>Stevedore::StreamDownloadJob</name>
    <message>
        <source>GitLab answered the download of %1 with HTTP %2 instead of 200.</source>
        <translation>GitLab hat das Herunterladen von %1 mit HTTP %2 statt 200 beantwortet.</translation>
    </message>
    <message>
        <source>GitLab lists %1 with %2 bytes but sends %3; the download was stopped.</source>
        <translation>GitLab führt %1 mit %2 Bytes, sendet aber %3; das Herunterladen wurde abgebrochen.</translation>
    </message>
    <message>
        <source>GitLab sent more than the %1 bytes of %2 it announced; the download was stopped.</source>
        <translation>GitLab hat mehr als die angekündigten %1 Bytes von %2 gesendet; das Herunterladen wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The reader of standard output went away.</source>
        <translation>Der Leser der Standardausgabe ist nicht mehr da.</translation>
    </message>
    <message>
        <source>Writing %1 to standard output failed after %2 bytes: %3</source>
        <translation>Das Schreiben von %1 in die Standardausgabe ist nach %2 Bytes gescheitert: %3</translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation>es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>%1 bytes were written to standard output already</source>
        <translation>%1 Bytes wurden bereits in die Standardausgabe geschrieben</translation>
    </message>
    <message>
        <source>Downloading %1 (%2)</source>
        <translation>%1 wird heruntergeladen (%2)</translation>
    </message>
    <message>
        <source>The connection ended after %1 of %2 bytes of %3; standard output got an incomplete file.</source>
        <translation>Die Verbindung endete nach %1 von %2 Bytes von %3; die Standardausgabe hat eine unvollständige Datei erhalten.</translation>
    </message>
    <message>
        <source>%1 cannot be verified: GitLab sent no checksum for it. Its bytes were written to standard output unverified; give the expected SHA-256 with --sha256.</source>
        <translation>%1 kann nicht geprüft werden: GitLab hat keine Prüfsumme dafür gesendet. Die Bytes wurden ungeprüft in die Standardausgabe geschrieben; geben Sie die erwartete SHA-256 mit --sha256 an.</translation>
    </message>
    <message>
        <source>%1 arrived damaged (SHA-256 %2, expected %3), and its bytes were written to standard output already: discard what the reader received.</source>
        <translation>%1 ist beschädigt angekommen (SHA-256 %2, erwartet %3), und die Bytes wurden bereits in die Standardausgabe geschrieben: Verwerfen Sie, was der Leser erhalten hat.</translation>
    </message>
</context>
<context>
    <name>Stevedore::SyncCommand</name>
    <message>
        <source>hashing %1 of %2</source>
        <translation>Prüfsumme: %1 von %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was sent: %n file(s) in the folder cannot be read, so it is not known whether the version has them. Make them readable or move them out of %1.</source>
        <translation>
            <numerusform>Nichts wurde gesendet: %n Datei im Ordner kann nicht gelesen werden, daher ist unbekannt, ob die Version sie hat. Machen Sie sie lesbar oder verschieben Sie sie aus %1.</numerusform>
            <numerusform>Nichts wurde gesendet: %n Dateien im Ordner können nicht gelesen werden, daher ist unbekannt, ob die Version sie hat. Machen Sie sie lesbar oder verschieben Sie sie aus %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>note: %1
</source>
        <translation>Hinweis: %1
</translation>
    </message>
    <message>
        <source>deleted   %1
</source>
        <translation>gelöscht   %1
</translation>
    </message>
    <message>
        <source>+ %1  new (%2)
</source>
        <translation>+ %1  neu (%2)
</translation>
    </message>
    <message>
        <source>~ %1  changed (%2 → %3)
</source>
        <translation>~ %1  geändert (%2 → %3)
</translation>
    </message>
    <message>
        <source>= %1  same (%2)
</source>
        <translation>= %1  gleich (%2)
</translation>
    </message>
    <message>
        <source>- %1  removed (%2)
</source>
        <translation>- %1  entfernt (%2)
</translation>
    </message>
    <message>
        <source>- %1  not in the folder, kept (%2)
</source>
        <translation>- %1  nicht im Ordner, bleibt erhalten (%2)
</translation>
    </message>
    <message>
        <source>%1 to upload</source>
        <translation>%1 hochzuladen</translation>
    </message>
    <message>
        <source>%1 to replace</source>
        <translation>%1 zu ersetzen</translation>
    </message>
    <message>
        <source>%1 to delete</source>
        <translation>%1 zu löschen</translation>
    </message>
    <message>
        <source>%1 to keep</source>
        <translation>%1 zu behalten</translation>
    </message>
    <message>
        <source>%1 the same</source>
        <translation>%1 gleich</translation>
    </message>
    <message>
        <source>Dry run, nothing was sent to %1: %2.
</source>
        <translation>Probelauf, nichts wurde an %1 gesendet: %2.
</translation>
    </message>
    <message>
        <source>the folder is empty</source>
        <translation>der Ordner ist leer</translation>
    </message>
    <message>
        <source>%1 uploaded</source>
        <translation>%1 hochgeladen</translation>
    </message>
    <message>
        <source>%1 replaced</source>
        <translation>%1 ersetzt</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <source>%1 kept although not in the folder (--delete deletes them)</source>
        <translation>%1 behalten, obwohl nicht im Ordner (--delete löscht sie)</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 not done</source>
        <translation>%1 nicht erledigt</translation>
    </message>
    <message>
        <source>Synced %1 to %2: %3.
</source>
        <translation>%1 mit %2 abgeglichen: %3.
</translation>
    </message>
    <message>
        <source>Sync of %1 to %2 stopped: %3.
</source>
        <translation>Abgleich von %1 mit %2 abgebrochen: %3.
</translation>
    </message>
    <message>
        <source>uploaded  %1  %2
</source>
        <translation>hochgeladen %1  %2
</translation>
    </message>
</context>
<context>
    <name>Stevedore::SyncDialog</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Delete files the folder does not have</source>
        <translation>Dateien, die der Ordner nicht hat, &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Abgleichen</translation>
    </message>
    <message>
        <source>Sync a folder to %1 %2</source>
        <translation>Einen Ordner mit %1 %2 abgleichen</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Size in the version</source>
        <translation>Größe in der Version</translation>
    </message>
    <message>
        <source>SHA-256 in the version</source>
        <translation>SHA-256 in der Version</translation>
    </message>
    <message>
        <source>Size in the folder</source>
        <translation>Größe im Ordner</translation>
    </message>
    <message>
        <source>SHA-256 in the folder</source>
        <translation>SHA-256 im Ordner</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Gleich</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Nicht lesbar</translation>
    </message>
    <message>
        <source>Files of the version the folder does not have are deleted once every upload of the sync succeeded. Unticked, they stay in the version.</source>
        <translation>Dateien der Version, die der Ordner nicht hat, werden gelöscht, sobald jedes Hochladen des Abgleichs gelungen ist. Ohne Haken bleiben sie in der Version.</translation>
    </message>
    <message>
        <source>Reading the folder and the files of %1…</source>
        <translation>Der Ordner und die Dateien von %1 werden gelesen …</translation>
    </message>
    <message>
        <source>Hashing the folder: %1 of %2…</source>
        <translation>Prüfsummen des Ordners: %1 von %2 …</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Ausgelassen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Nothing can be sent: %n file(s) in the folder cannot be read, so it is not known whether the version has them. Make them readable or move them out of the folder, then Retry.</source>
        <translation>
            <numerusform>Nichts kann gesendet werden: %n Datei im Ordner kann nicht gelesen werden, daher ist unbekannt, ob die Version sie hat. Machen Sie sie lesbar oder verschieben Sie sie aus dem Ordner, dann „Erneut versuchen“.</numerusform>
            <numerusform>Nichts kann gesendet werden: %n Dateien im Ordner können nicht gelesen werden, daher ist unbekannt, ob die Version sie hat. Machen Sie sie lesbar oder verschieben Sie sie aus dem Ordner, dann „Erneut versuchen“.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing can be sent: %1</source>
        <translation>Nichts kann gesendet werden: %1</translation>
    </message>
    <message>
        <source>%1 does not exist yet: Sync creates it with the folder&apos;s files.</source>
        <translation>%1 gibt es noch nicht: Der Abgleich legt sie mit den Dateien des Ordners an.</translation>
    </message>
    <message>
        <source>Nothing to do: the version holds the folder&apos;s files.</source>
        <translation>Nichts zu tun: Die Version enthält die Dateien des Ordners.</translation>
    </message>
    <message>
        <source>Nothing is sent before you press Sync.</source>
        <translation>Nichts wird gesendet, bevor Sie „Abgleichen“ drücken.</translation>
    </message>
    <message>
        <source>Could not make the plan: %1</source>
        <translation>Der Plan konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Bleibt</translation>
    </message>
    <message>
        <source>Nothing was sent: %1</source>
        <translation>Nichts wurde gesendet: %1</translation>
    </message>
    <message numerus="yes">
        <source>Uploading: %1 of %n file(s) done; the transfer list shows them.</source>
        <translation>
            <numerusform>Hochladen: %1 von %n Datei fertig; die Übertragungsliste zeigt sie.</numerusform>
            <numerusform>Hochladen: %1 von %n Dateien fertig; die Übertragungsliste zeigt sie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync stopped: %n upload(s) did not succeed, so nothing was deleted.</source>
        <translation>
            <numerusform>Abgleich angehalten: %n Hochladen ist nicht gelungen, daher wurde nichts gelöscht.</numerusform>
            <numerusform>Abgleich angehalten: %n Hochladevorgänge sind nicht gelungen, daher wurde nichts gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync stopped: %n upload(s) did not succeed.</source>
        <translation>
            <numerusform>Abgleich angehalten: %n Hochladen ist nicht gelungen.</numerusform>
            <numerusform>Abgleich angehalten: %n Hochladevorgänge sind nicht gelungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry them in the transfer list and the sync goes on.</source>
        <translation>Wiederholen Sie sie in der Übertragungsliste, dann geht der Abgleich weiter.</translation>
    </message>
    <message numerus="yes">
        <source>Deleting the files the folder does not have: %1 of %n done…</source>
        <translation>
            <numerusform>Die Dateien, die der Ordner nicht hat, werden gelöscht: %1 von %n fertig …</numerusform>
            <numerusform>Die Dateien, die der Ordner nicht hat, werden gelöscht: %1 von %n fertig …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n uploaded</source>
        <translation>
            <numerusform>%n hochgeladen</numerusform>
            <numerusform>%n hochgeladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n ersetzt</numerusform>
            <numerusform>%n ersetzt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already there</source>
        <translation>
            <numerusform>%n schon vorhanden</numerusform>
            <numerusform>%n schon vorhanden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted</source>
        <translation>
            <numerusform>%n gelöscht</numerusform>
            <numerusform>%n gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced: %1.</source>
        <translation>Abgeglichen: %1.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the counts of the summary</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>The uploads succeeded, but a deletion failed: %1. The files after it were not deleted.</source>
        <translation>Das Hochladen ist gelungen, aber ein Löschen ist fehlgeschlagen: %1. Die Dateien danach wurden nicht gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n neu</numerusform>
            <numerusform>%n neu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n geändert</numerusform>
            <numerusform>%n geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n the same</source>
        <translation>
            <numerusform>%n gleich</numerusform>
            <numerusform>%n gleich</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to delete</source>
        <translation>
            <numerusform>%n zu löschen</numerusform>
            <numerusform>%n zu löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not in the folder, kept</source>
        <translation>
            <numerusform>%n nicht im Ordner, bleibt</numerusform>
            <numerusform>%n nicht im Ordner, bleiben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable</source>
        <translation>
            <numerusform>%n nicht lesbar</numerusform>
            <numerusform>%n nicht lesbar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::SyncPlan</name>
    <message>
        <source>&quot;%1&quot;: %2 Rename it (for example to &quot;%3&quot;) or move it out of the folder.</source>
        <translation>„%1“: %2 Benennen Sie die Datei um (etwa in „%3“) oder verschieben Sie sie aus dem Ordner.</translation>
    </message>
</context>
<context>
    <name>Stevedore::SyncRun</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Stevedore::TransferDock</name>
    <message>
        <source>Transfers</source>
        <translation>Übertragungen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Pause queue</source>
        <translation>Warteschlange anhalten</translation>
    </message>
    <message>
        <source>Stops the running transfers now and starts nothing new. On Resume a download continues where it stopped; an interrupted upload sends its file again.</source>
        <translation>Hält die laufenden Übertragungen sofort an und startet keine neuen. Beim Fortsetzen macht ein Herunterladen dort weiter, wo es aufgehört hat; ein unterbrochenes Hochladen sendet seine Datei erneut.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Clear done</source>
        <translation>Erledigte entfernen</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <source> (limited to %1/s)</source>
        <translation> (begrenzt auf %1/s)</translation>
    </message>
    <message>
        <source>Transfers — %1 of %2 done</source>
        <translation>Übertragungen — %1 von %2 fertig</translation>
    </message>
    <message>
        <source>, %1 of %2</source>
        <translation>, %1 von %2</translation>
    </message>
    <message>
        <source>, %1 left</source>
        <translation>, noch %1</translation>
    </message>
    <message>
        <source>Verify download</source>
        <translation>Download prüfen</translation>
    </message>
    <message>
        <source>Compares the downloaded files with the version on the server by SHA-256: changed, missing and extra files are shown.</source>
        <translation>Vergleicht die heruntergeladenen Dateien per SHA-256 mit der Version auf dem Server: Geänderte, fehlende und zusätzliche Dateien werden angezeigt.</translation>
    </message>
</context>
<context>
    <name>Stevedore::TransferNotices</name>
    <message>
        <source>Upload failed: %1</source>
        <translation>Hochladen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Download failed: %1</source>
        <translation>Herunterladen fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n more transfer(s) failed</source>
        <translation>
            <numerusform>%n weitere Übertragung ist fehlgeschlagen</numerusform>
            <numerusform>%n weitere Übertragungen sind fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n transfer(s) failed</source>
        <translation>
            <numerusform>%1 von %n Übertragung ist fehlgeschlagen</numerusform>
            <numerusform>%1 von %n Übertragungen sind fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them had the same content there already.</source>
        <translation>
            <numerusform>Bei %n davon war derselbe Inhalt bereits vorhanden.</numerusform>
            <numerusform>Bei %n davon war derselbe Inhalt bereits vorhanden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) published to %1 %2</source>
        <translation>
            <numerusform>%n Datei in %1 %2 veröffentlicht</numerusform>
            <numerusform>%n Dateien in %1 %2 veröffentlicht</numerusform>
        </translation>
    </message>
    <message>
        <source>In %1.</source>
        <translation>In %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) downloaded</source>
        <translation>
            <numerusform>%n Datei heruntergeladen</numerusform>
            <numerusform>%n Dateien heruntergeladen</numerusform>
        </translation>
    </message>
    <message>
        <source>Into %1.</source>
        <translation>Gespeichert in %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) finished</source>
        <translation>
            <numerusform>%n Übertragung abgeschlossen</numerusform>
            <numerusform>%n Übertragungen abgeschlossen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 uploaded, %2 downloaded.</source>
        <translation>%1 hochgeladen, %2 heruntergeladen.</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> und %n weitere</numerusform>
            <numerusform> und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::TransferQueue</name>
    <message>
        <source>The account this transfer was queued with is not signed in. It continues when you sign in to that account again.</source>
        <translation>Das Konto, mit dem diese Übertragung eingereiht wurde, ist nicht angemeldet. Sie wird fortgesetzt, wenn Sie sich wieder bei diesem Konto anmelden.</translation>
    </message>
    <message>
        <source>The account this copy comes from is not signed in. It continues when you sign in to that account again.</source>
        <translation>Das Konto, von dem diese Kopie stammt, ist nicht angemeldet. Sie wird fortgesetzt, wenn Sie sich wieder bei diesem Konto anmelden.</translation>
    </message>
</context>
<context>
    <name>Stevedore::TransferQueueModel</name>
    <message>
        <source>to %1 › %2 › %3</source>
        <translation>nach %1 › %2 › %3</translation>
    </message>
    <message>
        <source>from %1 › %2 › %3</source>
        <translation>von %1 › %2 › %3</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>Wartet auf Wiederholung</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Wird hochgeladen</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Wird heruntergeladen</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
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
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>more than %n hours</source>
        <translation>
            <numerusform>mehr als %n Stunde</numerusform>
            <numerusform>mehr als %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>(account removed)</source>
        <translation>(Konto entfernt)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <source>Verifying against the server…</source>
        <translation>Wird mit dem Server verglichen…</translation>
    </message>
    <message>
        <source>Verified: identical to the server</source>
        <translation>Geprüft: identisch mit dem Server</translation>
    </message>
    <message>
        <source>Differs: changed locally</source>
        <translation>Abweichend: lokal geändert</translation>
    </message>
    <message>
        <source>Differs: missing locally</source>
        <translation>Abweichend: fehlt lokal</translation>
    </message>
    <message>
        <source>Differs: no longer in the version</source>
        <translation>Abweichend: nicht mehr in der Version</translation>
    </message>
    <message>
        <source>Unreadable: %1</source>
        <translation>Nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Not verified: %1</source>
        <translation>Nicht geprüft: %1</translation>
    </message>
</context>
<context>
    <name>Stevedore::UploadJob</name>
    <message>
        <source>Package name &quot;%1&quot;: %2</source>
        <translation>Paketname „%1“: %2</translation>
    </message>
    <message>
        <source>Version &quot;%1&quot;: %2</source>
        <translation>Version „%1“: %2</translation>
    </message>
    <message>
        <source>File name &quot;%1&quot;: %2</source>
        <translation>Dateiname „%1“: %2</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is a folder; publish the files inside it instead.</source>
        <translation>%1 ist ein Ordner; veröffentlichen Sie stattdessen die Dateien darin.</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a pipe, socket or device); only files can be published.</source>
        <translation>%1 ist keine reguläre Datei (eine Pipe, ein Socket oder ein Gerät); nur Dateien können veröffentlicht werden.</translation>
    </message>
    <message>
        <source>%1 cannot be read (permission denied).</source>
        <translation>%1 kann nicht gelesen werden (Zugriff verweigert).</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 shrank while it was uploaded (%2); nothing was published. Publish it again once it is complete.</source>
        <translation>%1 ist während des Hochladens geschrumpft (%2); es wurde nichts veröffentlicht. Veröffentlichen Sie die Datei erneut, sobald sie vollständig ist.</translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation>%1 wird hochgeladen</translation>
    </message>
    <message>
        <source>%1 changed while it was uploaded (%2), so GitLab may hold a mix of old and new content; it is not reported as published. Publish it again once it is complete.</source>
        <translation>%1 hat sich während des Hochladens geändert (%2), daher enthält GitLab möglicherweise eine Mischung aus altem und neuem Inhalt; die Datei wird nicht als veröffentlicht gemeldet. Veröffentlichen Sie sie erneut, sobald sie vollständig ist.</translation>
    </message>
    <message>
        <source>it could not be read in one pass</source>
        <translation>sie konnte nicht in einem Durchgang gelesen werden</translation>
    </message>
    <message>
        <source>GitLab answered the upload of %1 with HTTP %2 instead of 201 Created; the upload is not confirmed.</source>
        <translation>GitLab hat das Hochladen von %1 mit HTTP %2 statt 201 Created beantwortet; das Hochladen ist nicht bestätigt.</translation>
    </message>
    <message>
        <source>The uploaded file is not listed.</source>
        <translation>Die hochgeladene Datei ist nicht aufgeführt.</translation>
    </message>
    <message>
        <source>GitLab stored %1 with SHA-256 %2, but the local file has %3: the upload was corrupted on the way. Delete that file in GitLab and publish again.</source>
        <translation>GitLab hat %1 mit SHA-256 %2 gespeichert, aber die lokale Datei hat %3: Das Hochladen wurde unterwegs beschädigt. Löschen Sie diese Datei in GitLab und veröffentlichen Sie sie erneut.</translation>
    </message>
</context>
<context>
    <name>Stevedore::UploadTask</name>
    <message>
        <source>%1 %2 already has a file named %3; nothing was uploaded (the duplicate policy is &quot;fail&quot;).</source>
        <translation>%1 %2 hat bereits eine Datei namens %3; es wurde nichts hochgeladen (die Duplikatregel ist „fail“).</translation>
    </message>
    <message>
        <source>Removing the older copies</source>
        <translation>Die älteren Kopien werden entfernt</translation>
    </message>
    <message>
        <source>Removing an older copy</source>
        <translation>Eine ältere Kopie wird entfernt</translation>
    </message>
    <message>
        <source>The account to copy from is not signed in.</source>
        <translation>Das Konto, von dem kopiert wird, ist nicht angemeldet.</translation>
    </message>
    <message>
        <source>Fetching %1 to copy it</source>
        <translation>Holen von %1 zum Kopieren</translation>
    </message>
    <message>
        <source>%1 now stores SHA-256 %2, but %3 has %4: the spool file changed after it was fetched. Copy it again.</source>
        <translation>%1 speichert jetzt SHA-256 %2, aber %3 hat %4: Die Zwischendatei hat sich nach dem Holen geändert. Kopieren Sie erneut.</translation>
    </message>
</context>
<context>
    <name>Stevedore::UserGuideWindow</name>
    <message>
        <source>Stevedore User Guide</source>
        <translation>Stevedore-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
</context>
<context>
    <name>Stevedore::VerifyCommand</name>
    <message>
        <source>hashing %1 of %2</source>
        <translation>Prüfsumme: %1 von %2</translation>
    </message>
    <message>
        <source>note: %1
</source>
        <translation>Hinweis: %1
</translation>
    </message>
</context>
<context>
    <name>Stevedore::ViewPlaceholder</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
</TS>
