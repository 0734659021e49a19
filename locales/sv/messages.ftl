# Visarens och kommandoradens meddelanden om vad som gick fel, svenska.

## Visarens meddelanden

notice-status-only = Bara statusvärden kan klassas om här, inte { $field }.
notice-not-a-report = { $name }: ingen active-profiles-rapport (inget "format": "active-profiles-report/1").
notice-not-json = { $name }: ingen rapport-JSON: { $error }
notice-bundle-unreadable = { $name }: ett rapportpaket vars rapport inte kan läsas: { $error }
notice-time-zone = Tidszonen ”{ $zone }” är okänd: ange UTC, en fast förskjutning som +02:00 eller ett namn ur tidszonsdatabasen som Europe/Stockholm.
notice-nothing-counted = Inga filer har räknats än.
notice-worker-stopped = Räknaren stannade ({ $error }): den här körningen räknades inte. Sidan fungerar fortfarande: öppna filerna igen, färre åt gången, eller räkna dem med kommandoraden.

## Filer som visaren inte kunde räkna

problem-mapped = { $file }, rad 1 (rubrikraden): fältet { $field } är kopplat till kolumnen ”{ $header }”, som filen inte har. Rubriker i filen: { $headers }.
problem-unreadable = { $file }: kunde inte läsas ({ $error })

## Kommandoraden: fel (slutkod 2 eller 1) och varningar på standard error

cli-warning = varning
cli-cannot-read = { $file }: kan inte läsa den: { $error }
cli-cannot-open = { $file }: kan inte öppna den: { $error }
cli-is-folder = { $file }: är en mapp; ange CSV-filerna i den
cli-thread-stopped = en lästråd stannade oväntat
cli-nothing-to-count = { $files }: inga rader efter rubrikraden, inget att räkna; kontrollera att det är exporter av leveransloggar
cli-no-deliveries = { $file }: inga leveranser efter rubrikraden; kontrollera filen till --deliveries
cli-map-syntax = { $flag } '{ $arg }': väntade FÄLT=RUBRIK, t.ex. { $flag } '{ $example }'
cli-option-error = { $flag } '{ $arg }': { $error }
cli-status-error = --status: { $error }
cli-time-zone-error = --time-zone: { $error }
cli-as-of-aggregate = --as-of väljs när SQL-skriptet skrivs: `active-profiles sql --as-of DATUM ...`, kör det sedan igen
cli-missing-fields = { $file }: ingen kolumn hittades för { $fields }.
cli-missing-and = och
cli-headers-found = Rubriker i filen: { $headers }.
cli-headers-none = inga
cli-pick-by-hand = Välj kolumnen själv, t.ex.: { $fixes }
cli-mapped-missing = { $file }: { $flag } '{ $field }={ $header }': filen har ingen rubrik '{ $header }'.
cli-cannot-write = { $file }: kan inte skriva den: { $error }
cli-cannot-write-json = kan inte skriva JSON: { $error }
cli-cannot-write-csv = kan inte skriva CSV: { $error }
cli-cannot-write-stdout = kan inte skriva till standard output: { $error }
