# Meldingen van de viewer en de opdrachtregel over wat er misging, Nederlands.

## Meldingen van de viewer

notice-status-only = Hier kunnen alleen statuswaarden anders worden ingedeeld, niet { $field }.
notice-not-a-report = { $name }: geen active-profiles-rapport (geen "format": "active-profiles-report/1").
notice-not-json = { $name }: geen rapport-JSON: { $error }
notice-bundle-unreadable = { $name }: een rapportbundel waarvan het rapport niet te lezen is: { $error }
notice-time-zone = Tijdzone “{ $zone }” is onbekend: geef UTC, een vaste verschuiving zoals +02:00 of een naam uit de tijdzonedatabase zoals Europe/Amsterdam.
notice-nothing-counted = Er zijn nog geen bestanden geteld.
notice-worker-stopped = Het telproces is gestopt ({ $error }): deze telling is niet uitgevoerd. De pagina werkt nog: open de bestanden opnieuw, minder tegelijk, of tel ze met de opdrachtregel.

## Bestanden die de viewer niet kon tellen

problem-mapped = { $file }, regel 1 (de kopregel): het veld { $field } is gekoppeld aan de kolom “{ $header }”, die dit bestand niet heeft. Gevonden kopteksten: { $headers }.
problem-unreadable = { $file }: kon niet worden gelezen ({ $error })

## De opdrachtregel: fouten (afsluitcode 2 of 1) en waarschuwingen op standard error

cli-warning = waarschuwing
cli-cannot-read = { $file }: kan het niet lezen: { $error }
cli-cannot-open = { $file }: kan het niet openen: { $error }
cli-is-folder = { $file }: is een map; geef de CSV-bestanden die erin staan
cli-thread-stopped = een leesthread is onverwacht gestopt
cli-nothing-to-count = { $files }: geen rijen na de kopregel, niets te tellen; controleer of dit exports van leveringslogboeken zijn
cli-no-deliveries = { $file }: geen leveringen na de kopregel; controleer het bestand bij --deliveries
cli-map-syntax = { $flag } '{ $arg }': verwacht VELD=KOPTEKST, bijvoorbeeld { $flag } '{ $example }'
cli-option-error = { $flag } '{ $arg }': { $error }
cli-status-error = --status: { $error }
cli-time-zone-error = --time-zone: { $error }
cli-as-of-aggregate = --as-of wordt gekozen bij het schrijven van de SQL: `active-profiles sql --as-of DATUM ...`, voer die dan opnieuw uit
cli-missing-fields = { $file }: geen kolom gevonden voor de { $fields }.
cli-missing-and = en de
cli-headers-found = Gevonden kopteksten: { $headers }.
cli-headers-none = geen
cli-pick-by-hand = Kies de kolom zelf, bijvoorbeeld: { $fixes }
cli-mapped-missing = { $file }: { $flag } '{ $field }={ $header }': het bestand heeft geen koptekst '{ $header }'.
cli-cannot-write = { $file }: kan het niet schrijven: { $error }
cli-cannot-write-json = kan de JSON niet schrijven: { $error }
cli-cannot-write-csv = kan de CSV niet schrijven: { $error }
cli-cannot-write-stdout = kan niet naar standard output schrijven: { $error }
