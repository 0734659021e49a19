# Motorns texter (skäl till avvisning, varningar, filer som inte kan läsas, förklaring per rad), svenska.

## Avvisade rader

engine-rejected-no-key = ingen profilnyckel och ingen adress
engine-rejected-no-date = inget händelsedatum
engine-rejected-bad-date = händelsedatumet ”{ $value }” är inget datum
engine-rejected-bad-date-hidden = händelsedatumet (värdet visas inte) är inget datum
engine-rejected-not-a-date = händelsedatumet är inget datum
engine-rejected-too-long = raden är längre än 1 MiB
engine-rejected-too-long-lines = raden är längre än 1 MiB (rad { $from } till { $to }: ett citattecken som aldrig stängs?)
engine-rejected-too-many-fields = fler än 10 000 fält ({ $fields })
engine-rejected-unclosed = ett citattecken stängs aldrig: resten av filen (rad { $line }) är ett enda fält
engine-rejected-unclosed-lines = ett citattecken stängs aldrig: resten av filen (rad { $from } till { $to }) är ett enda fält
engine-rejected-rows = { $rows-count ->
    [one] { $reason } ({ $rows } rad)
   *[other] { $reason } ({ $rows } rader)
}
engine-rejected-other = { $text }

## Varningar

engine-warning-empty-file = { $file }: tom fil
engine-warning-no-rows = { $file }: inga rader efter rubrikraden
engine-warning-day-first = { $file }: inget datum skiljer dag och månad åt; läst med dagen först
engine-warning-month-first = { $file }: inget datum skiljer dag och månad åt; läst med månaden först
engine-warning-utf16-bom = { $file }: börjar med en UTF-16-byteordningsmarkering men är inte UTF-16; läst som UTF-8
engine-warning-utf8-bom = { $file }: börjar med en UTF-8-byteordningsmarkering men är inte UTF-8; läst som Windows-1252
engine-warning-mixed-encoding = { $file }: inte giltig UTF-8 hela vägen; resten lästes som Windows-1252
engine-warning-long-range = data sträcker sig från { $from } till { $to }, för långt för månatliga ögonblicksbilder: kontrollera händelsedatumen
engine-warning-aggregate = { $file }: räknad av { $dialect } med SQL från active-profiles; avvisade rader listas per skäl, utan radnummer
engine-warning-not-counted = { $error }; filen räknades inte
engine-warning-other = { $text }

## Filer som inte kan läsas

engine-error-missing-fields = { $file }: ingen kolumn hittades för { $fields } (rubriker: { $headers })
engine-error-mapped-header-missing = { $file }: fältet { $field } är kopplat till '{ $header }', som inte är en rubrik (rubriker: { $headers })
engine-error-bad-header = { $file }, rad 1 (rubrikraden): { $reason }
engine-error-too-many-profiles = { $file }, rad { $line }: fler än { $limit } olika profiler, det mesta den här räknaren tar; raderna före denna rad är räknade; räkna filerna i mindre omgångar (per instans eller per år)
engine-error-unknown-file = okänd eller redan avslutad fil
engine-error-not-csv = { $file } ser ut som { $looks ->
    [pdf] ett PDF-dokument
    [png] en PNG-bild
    [jpeg] en JPEG-bild
    [gif] en GIF-bild
    [gzip] ett gzip-arkiv
    [zip] ett zip-arkiv
   *[other] en binär fil
}, inte en CSV-export
engine-error-workbook = { $file }: kunde inte läsas som arbetsbok ({ $error })
engine-error-workbook-too-large = { $file }: en arbetsbok på { $size } MB är mer än de { $limit } MB som läses på en gång; spara bladen som CSV
engine-warning-empty-sheet = { $file }: tomt blad, hoppades över
engine-error-other = { $text }

## Förklara en profil: vad som hände med en rad

engine-outcome-counted = räknad
engine-outcome-excluded = undantagen: { $reason }
engine-outcome-rejected = avvisad: { $reason }
engine-outcome-after-as-of = efter per-datumet: inte med i den här rapporten

## Alternativ som inte kan användas (--map, --deliveries-map, --status); fältnamn och regelord står som alternativen tar dem

engine-option-unknown-field = okänt fält '{ $field }'; fält: { $fields }
engine-option-unknown-deliveries-field = okänt fält i leveransfilen '{ $field }'
engine-option-unknown-failure-reason = okänd felorsak '{ $value }': ange dess nummer
engine-option-rule-syntax = regel '{ $rule }': väntade VÄRDE=counted|excluded
engine-option-rule-verdict = regel '{ $rule }': '{ $verdict }' är varken counted eller excluded
engine-option-rule-kind = regel '{ $rule }': okänd sort '{ $kind }' (status eller reason)

## Journey Optimizer-profilposter som avvisas

engine-record-bad-json = inte JSON ({ $detail })
engine-record-too-deep = nästlad djupare än { $depth } nivåer
engine-record-too-long = posten är längre än 16 MiB
engine-record-empty-element = ett tomt element i arrayen (två kommatecken?)
engine-record-not-object = inte ett JSON-objekt
engine-record-no-identity-map = ingen identityMap
engine-record-identity-map-not-object = identityMap är inte ett objekt
engine-record-empty-identity-map = tom identityMap
engine-record-too-many-identities = fler än 20 identiteter ({ $count })
engine-record-ids-not-list = identiteterna i { $namespace } är inte en lista
engine-record-id-missing = en identitet i { $namespace } saknar id
engine-record-id-not-string = ett id i { $namespace } är inte en textsträng
engine-record-id-empty = ett id i { $namespace } är tomt
engine-record-id-too-long = ett id i { $namespace } är längre än 1024 tecken ({ $length })
engine-record-bad-ecid = ett ECID som inte består av 38 siffror

## Journey Optimizer-filer som slutar läsas

engine-aep-file-error = { $file }: { $reason }
engine-aep-file-line-error = { $file }, rad { $line }: { $reason }
engine-aep-gzip-bomb = okomprimerad mer än { $ratio } gånger större än komprimerad ({ $size } MiB hittills): en gzip-bomb? Resten av filen läses inte
engine-aep-gzip-truncated = gzip-strömmen tar slut för tidigt: filen är avkortad
engine-aep-gzip-corrupt = inte en giltig gzip-ström ({ $error })
engine-aep-unclosed-array = JSON-arrayen stängs aldrig: filen slutar inuti den
engine-aep-after-array = text efter slutet av JSON-arrayen
engine-aep-parquet-unreadable = inte en läsbar Parquet-fil ({ $error })
engine-aep-parquet-bad-row = en Parquet-sida kan inte läsas ({ $error }); raderna före den räknas
engine-aep-parquet-no-columns = ingen kolumn { $columns } i den här Parquet-filen
engine-event-no-profile = ingen profil
engine-event-no-time = ingen tid
engine-event-bad-time = tiden '{ $value }' är inget datum
engine-event-not-a-time = tiden är inget datum
engine-event-missing-fields = ingen kolumn hittades för { $fields } (rubriker: { $headers })
engine-event-mapped-header-missing = fältet { $field } är kopplat till '{ $header }', som inte är en rubrik (rubriker: { $headers })
