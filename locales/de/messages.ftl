# Meldungen des Viewers und der Befehlszeile darüber, was schiefging, Deutsch.

## Hinweise des Viewers

notice-status-only = Hier lassen sich nur Statuswerte neu einordnen, nicht { $field }.
notice-not-a-report = { $name }: kein active-profiles-Bericht (kein "format": "active-profiles-report/1").
notice-not-json = { $name }: kein Bericht-JSON: { $error }
notice-bundle-unreadable = { $name }: ein Berichtspaket, dessen Bericht nicht lesbar ist: { $error }
notice-time-zone = Zeitzone „{ $zone }“ ist unbekannt: geben Sie UTC, einen festen Abstand wie +02:00 oder einen Namen der Zeitzonendatenbank wie Europe/Berlin an.
notice-nothing-counted = Es wurden noch keine Dateien gezählt.
notice-worker-stopped = Der Zählprozess wurde beendet ({ $error }): dieser Lauf wurde nicht gezählt. Die Seite funktioniert weiter: öffnen Sie die Dateien erneut, weniger auf einmal, oder zählen Sie sie mit der Befehlszeile.

## Dateien, die der Viewer nicht zählen konnte

problem-mapped = { $file }, Zeile 1 (die Kopfzeile): das Feld { $field } ist der Spalte „{ $header }“ zugeordnet, die diese Datei nicht hat. Gefundene Kopfzeilen: { $headers }.
problem-unreadable = { $file }: konnte nicht gelesen werden ({ $error })

## Die Befehlszeile: Fehler (Exit-Code 2 oder 1) und Warnungen auf der Standardfehlerausgabe

cli-warning = Warnung
cli-cannot-read = { $file }: kann nicht gelesen werden: { $error }
cli-cannot-open = { $file }: kann nicht geöffnet werden: { $error }
cli-is-folder = { $file }: ist ein Ordner; geben Sie die CSV-Dateien darin an
cli-thread-stopped = ein Lese-Thread wurde unerwartet beendet
cli-nothing-to-count = { $files }: keine Zeilen nach der Kopfzeile, nichts zu zählen; prüfen Sie, ob es Exporte von Versandprotokollen sind
cli-no-deliveries = { $file }: keine Sendungen nach der Kopfzeile; prüfen Sie die Datei zu --deliveries
cli-map-syntax = { $flag } '{ $arg }': erwartet FELD=KOPFZEILE, z. B. { $flag } '{ $example }'
cli-option-error = { $flag } '{ $arg }': { $error }
cli-status-error = --status: { $error }
cli-time-zone-error = --time-zone: { $error }
cli-as-of-aggregate = --as-of wird beim Schreiben des SQL gewählt: `active-profiles sql --as-of DATUM ...`, dann erneut ausführen
cli-missing-fields = { $file }: keine Spalte gefunden für { $fields }.
cli-missing-and = und für
cli-headers-found = Gefundene Kopfzeilen: { $headers }.
cli-headers-none = keine
cli-pick-by-hand = Wählen Sie die Spalte selbst, z. B.: { $fixes }
cli-mapped-missing = { $file }: { $flag } '{ $field }={ $header }': die Datei hat keine Kopfzeile '{ $header }'.
cli-cannot-write = { $file }: kann nicht geschrieben werden: { $error }
cli-cannot-write-json = JSON kann nicht geschrieben werden: { $error }
cli-cannot-write-csv = CSV kann nicht geschrieben werden: { $error }
cli-cannot-write-stdout = kann nicht auf die Standardausgabe schreiben: { $error }
