# Die Texte der Engine (Gründe für Abweisungen, Warnungen, nicht lesbare Dateien, Erklärung je Zeile), Deutsch.

## Abgewiesene Zeilen

engine-rejected-no-key = kein Profilschlüssel und keine Adresse
engine-rejected-no-date = kein Ereignisdatum
engine-rejected-bad-date = Ereignisdatum „{ $value }“ ist kein Datum
engine-rejected-bad-date-hidden = Ereignisdatum (Wert nicht angezeigt) ist kein Datum
engine-rejected-not-a-date = Ereignisdatum ist kein Datum
engine-rejected-too-long = Zeile länger als 1 MiB
engine-rejected-too-long-lines = Zeile länger als 1 MiB (Zeilen { $from } bis { $to }: ein Anführungszeichen, das nie geschlossen wird?)
engine-rejected-too-many-fields = mehr als 10.000 Felder ({ $fields })
engine-rejected-unclosed = ein Anführungszeichen wird nie geschlossen: der Rest der Datei (Zeile { $line }) ist ein einziges Feld
engine-rejected-unclosed-lines = ein Anführungszeichen wird nie geschlossen: der Rest der Datei (Zeilen { $from } bis { $to }) ist ein einziges Feld
engine-rejected-rows = { $rows-count ->
    [one] { $reason } ({ $rows } Zeile)
   *[other] { $reason } ({ $rows } Zeilen)
}
engine-rejected-other = { $text }

## Warnungen

engine-warning-empty-file = { $file }: leere Datei
engine-warning-no-rows = { $file }: keine Zeilen nach der Kopfzeile
engine-warning-day-first = { $file }: kein Datum unterscheidet Tag und Monat; gelesen mit dem Tag zuerst
engine-warning-month-first = { $file }: kein Datum unterscheidet Tag und Monat; gelesen mit dem Monat zuerst
engine-warning-utf16-bom = { $file }: beginnt mit einer UTF-16-Bytereihenfolge-Markierung, ist aber kein UTF-16; als UTF-8 gelesen
engine-warning-utf8-bom = { $file }: beginnt mit einer UTF-8-Bytereihenfolge-Markierung, ist aber kein UTF-8; als Windows-1252 gelesen
engine-warning-mixed-encoding = { $file }: nicht durchgehend gültiges UTF-8; der Rest wurde als Windows-1252 gelesen
engine-warning-long-range = die Daten reichen von { $from } bis { $to }, zu lang für monatliche Momentaufnahmen: prüfen Sie die Ereignisdaten
engine-warning-aggregate = { $file }: gezählt von { $dialect } mit dem SQL von active-profiles; abgewiesene Zeilen sind nach Grund aufgeführt, ohne Zeilennummern
engine-warning-not-counted = { $error }; diese Datei wurde nicht gezählt
engine-warning-other = { $text }

## Dateien, die nicht gelesen werden können

engine-error-missing-fields = { $file }: keine Spalte gefunden für { $fields } (Kopfzeilen: { $headers })
engine-error-mapped-header-missing = { $file }: das Feld { $field } ist „{ $header }“ zugeordnet, aber das ist keine Kopfzeile (Kopfzeilen: { $headers })
engine-error-bad-header = { $file }, Zeile 1 (die Kopfzeile): { $reason }
engine-error-too-many-profiles = { $file }, Zeile { $line }: mehr als { $limit } verschiedene Profile, das Höchste, was dieser Zähler aufnimmt; die Zeilen vor dieser Zeile sind gezählt; zählen Sie die Dateien in kleineren Gruppen (je Instanz oder je Jahr)
engine-error-unknown-file = unbekannte oder bereits beendete Datei
engine-error-not-csv = { $file } sieht aus wie { $looks ->
    [pdf] ein PDF-Dokument
    [png] ein PNG-Bild
    [jpeg] ein JPEG-Bild
    [gif] ein GIF-Bild
    [gzip] ein gzip-Archiv
    [zip] ein zip-Archiv
   *[other] eine Binärdatei
}, nicht wie ein CSV-Export
engine-error-workbook = { $file }: konnte nicht als Arbeitsmappe gelesen werden ({ $error })
engine-error-workbook-too-large = { $file }: eine Arbeitsmappe von { $size } MB ist größer als die { $limit } MB, die auf einmal gelesen werden; speichern Sie ihre Blätter als CSV
engine-warning-empty-sheet = { $file }: leeres Blatt, übersprungen
engine-error-other = { $text }

## Ein Profil erklären: was aus einer Zeile wurde

engine-outcome-counted = gezählt
engine-outcome-excluded = ausgeschlossen: { $reason }
engine-outcome-rejected = abgewiesen: { $reason }
engine-outcome-after-as-of = nach dem Stichtag: nicht in diesem Bericht

## Optionen, die nicht verwendet werden können (--map, --deliveries-map, --status); Feldnamen und Regelwörter bleiben, wie die Optionen sie nehmen

engine-option-unknown-field = unbekanntes Feld '{ $field }'; Felder: { $fields }
engine-option-unknown-deliveries-field = unbekanntes Feld der Versanddatei '{ $field }'
engine-option-unknown-failure-reason = unbekannter Fehlergrund '{ $value }': geben Sie seine Nummer an
engine-option-rule-syntax = Regel '{ $rule }': erwartet WERT=counted|excluded
engine-option-rule-verdict = Regel '{ $rule }': '{ $verdict }' ist weder counted noch excluded
engine-option-rule-kind = Regel '{ $rule }': unbekannte Art '{ $kind }' (status oder reason)

## Journey-Optimizer-Profildatensätze, die abgelehnt werden

engine-record-bad-json = kein JSON ({ $detail })
engine-record-too-deep = tiefer als { $depth } Ebenen verschachtelt
engine-record-too-long = Datensatz länger als 16 MiB
engine-record-empty-element = ein leeres Element des Arrays (zwei Kommas?)
engine-record-not-object = kein JSON-Objekt
engine-record-no-identity-map = keine identityMap
engine-record-identity-map-not-object = identityMap ist kein Objekt
engine-record-empty-identity-map = leere identityMap
engine-record-too-many-identities = mehr als 20 Identitäten ({ $count })
engine-record-ids-not-list = die Identitäten von { $namespace } sind keine Liste
engine-record-id-missing = eine Identität von { $namespace } hat keine ID
engine-record-id-not-string = eine ID von { $namespace } ist keine Zeichenkette
engine-record-id-empty = eine ID von { $namespace } ist leer
engine-record-id-too-long = eine ID von { $namespace } ist länger als 1024 Zeichen ({ $length })
engine-record-bad-ecid = eine ECID, die nicht aus 38 Ziffern besteht

## Journey-Optimizer-Dateien, deren Lesen abbricht

engine-aep-file-error = { $file }: { $reason }
engine-aep-file-line-error = { $file }, Zeile { $line }: { $reason }
engine-aep-gzip-bomb = entpackt mehr als { $ratio }-mal größer als gepackt (bisher { $size } MiB): eine Gzip-Bombe? Der Rest der Datei wird nicht gelesen
engine-aep-gzip-truncated = der Gzip-Datenstrom endet zu früh: die Datei ist abgeschnitten
engine-aep-gzip-corrupt = kein gültiger Gzip-Datenstrom ({ $error })
engine-aep-unclosed-array = das JSON-Array wird nie geschlossen: die Datei endet darin
engine-aep-after-array = Text nach dem Ende des JSON-Arrays
engine-aep-parquet-unreadable = keine lesbare Parquet-Datei ({ $error })
engine-aep-parquet-bad-row = eine Parquet-Seite kann nicht gelesen werden ({ $error }); die Zeilen davor sind gezählt
engine-aep-parquet-no-columns = keine Spalte { $columns } in dieser Parquet-Datei
engine-event-no-profile = kein Profil
engine-event-no-time = keine Zeit
engine-event-bad-time = Zeit '{ $value }' ist kein Datum
engine-event-not-a-time = Zeit ist kein Datum
engine-event-missing-fields = keine Spalte gefunden für { $fields } (Spaltenköpfe: { $headers })
engine-event-mapped-header-missing = das Feld { $field } ist '{ $header }' zugeordnet, das kein Spaltenkopf ist (Spaltenköpfe: { $headers })
