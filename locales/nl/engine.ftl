# De teksten van de engine (redenen van weigering, waarschuwingen, onleesbare bestanden, uitleg per rij), Nederlands.

## Geweigerde rijen

engine-rejected-no-key = geen profielsleutel en geen adres
engine-rejected-no-date = geen gebeurtenisdatum
engine-rejected-bad-date = gebeurtenisdatum '{ $value }' is geen datum
engine-rejected-bad-date-hidden = gebeurtenisdatum (waarde niet getoond) is geen datum
engine-rejected-not-a-date = gebeurtenisdatum is geen datum
engine-rejected-too-long = rij langer dan 1 MiB
engine-rejected-too-long-lines = rij langer dan 1 MiB (regels { $from } tot { $to }: een aanhalingsteken dat nooit wordt gesloten?)
engine-rejected-too-many-fields = meer dan 10.000 velden ({ $fields })
engine-rejected-unclosed = een aanhalingsteken wordt nooit gesloten: de rest van het bestand (regel { $line }) is één veld
engine-rejected-unclosed-lines = een aanhalingsteken wordt nooit gesloten: de rest van het bestand (regels { $from } tot { $to }) is één veld
engine-rejected-rows = { $rows-count ->
    [one] { $reason } ({ $rows } rij)
   *[other] { $reason } ({ $rows } rijen)
}
engine-rejected-other = { $text }

## Waarschuwingen

engine-warning-empty-file = { $file }: leeg bestand
engine-warning-no-rows = { $file }: geen rijen na de kopregel
engine-warning-day-first = { $file }: geen enkele datum onderscheidt dag en maand; gelezen als dag eerst
engine-warning-month-first = { $file }: geen enkele datum onderscheidt dag en maand; gelezen als maand eerst
engine-warning-utf16-bom = { $file }: begint met een UTF-16-bytevolgordemarkering maar is geen UTF-16; gelezen als UTF-8
engine-warning-utf8-bom = { $file }: begint met een UTF-8-bytevolgordemarkering maar is geen UTF-8; gelezen als Windows-1252
engine-warning-mixed-encoding = { $file }: niet overal geldige UTF-8; de rest is gelezen als Windows-1252
engine-warning-long-range = de gegevens lopen van { $from } tot { $to }, te lang voor maandelijkse momentopnamen: controleer de gebeurtenisdatums
engine-warning-aggregate = { $file }: geteld door { $dialect } met de SQL van active-profiles; geweigerde rijen staan per reden vermeld, zonder regelnummers
engine-warning-not-counted = { $error }; dit bestand is niet geteld
engine-warning-other = { $text }

## Bestanden die niet gelezen kunnen worden

engine-error-missing-fields = { $file }: geen kolom gevonden voor { $fields } (kopteksten: { $headers })
engine-error-mapped-header-missing = { $file }: het veld { $field } is gekoppeld aan '{ $header }', maar dat is geen koptekst (kopteksten: { $headers })
engine-error-bad-header = { $file }, regel 1 (de kopregel): { $reason }
engine-error-too-many-profiles = { $file }, regel { $line }: meer dan { $limit } verschillende profielen, het maximum dat deze teller aankan; de rijen vóór deze regel zijn geteld; tel de bestanden in kleinere delen (per instantie of per jaar)
engine-error-unknown-file = onbekend of al afgesloten bestand
engine-error-not-csv = { $file } lijkt { $looks ->
    [pdf] een PDF-document
    [png] een PNG-afbeelding
    [jpeg] een JPEG-afbeelding
    [gif] een GIF-afbeelding
    [gzip] een gzip-archief
    [zip] een zip-archief
   *[other] een binair bestand
}, geen CSV-export
engine-error-workbook = { $file }: kon niet als werkmap worden gelezen ({ $error })
engine-error-workbook-too-large = { $file }: een werkmap van { $size } MB is groter dan de { $limit } MB die in één keer worden gelezen; sla de bladen op als CSV
engine-warning-empty-sheet = { $file }: leeg blad, overgeslagen
engine-error-other = { $text }

## Een profiel uitleggen: wat er met een rij gebeurde

engine-outcome-counted = geteld
engine-outcome-excluded = uitgesloten: { $reason }
engine-outcome-rejected = geweigerd: { $reason }
engine-outcome-after-as-of = na de peildatum: niet in dit rapport

## Opties die niet gebruikt kunnen worden (--map, --deliveries-map, --status); veldnamen en regelwoorden blijven zoals de opties ze nemen

engine-option-unknown-field = onbekend veld '{ $field }'; velden: { $fields }
engine-option-unknown-deliveries-field = onbekend veld van het leveringenbestand '{ $field }'
engine-option-unknown-failure-reason = onbekende foutreden '{ $value }': geef het nummer ervan
engine-option-rule-syntax = regel '{ $rule }': verwacht WAARDE=counted|excluded
engine-option-rule-verdict = regel '{ $rule }': '{ $verdict }' is counted noch excluded
engine-option-rule-kind = regel '{ $rule }': onbekende soort '{ $kind }' (status of reason)

## Journey Optimizer-profielrecords die worden afgewezen

engine-record-bad-json = geen JSON ({ $detail })
engine-record-too-deep = dieper genest dan { $depth } niveaus
engine-record-too-long = record langer dan 16 MiB
engine-record-empty-element = een leeg element van de array (twee komma's?)
engine-record-not-object = geen JSON-object
engine-record-no-identity-map = geen identityMap
engine-record-identity-map-not-object = identityMap is geen object
engine-record-empty-identity-map = lege identityMap
engine-record-too-many-identities = meer dan 20 identiteiten ({ $count })
engine-record-ids-not-list = de identiteiten van { $namespace } zijn geen lijst
engine-record-id-missing = een identiteit van { $namespace } heeft geen id
engine-record-id-not-string = een id van { $namespace } is geen tekst
engine-record-id-empty = een id van { $namespace } is leeg
engine-record-id-too-long = een id van { $namespace } is langer dan 1024 tekens ({ $length })
engine-record-bad-ecid = een ECID die geen 38 cijfers is

## Journey Optimizer-bestanden die niet verder gelezen worden

engine-aep-file-error = { $file }: { $reason }
engine-aep-file-line-error = { $file }, regel { $line }: { $reason }
engine-aep-gzip-bomb = ongecomprimeerd meer dan { $ratio } keer groter dan gecomprimeerd ({ $size } MiB tot nu toe): een gzip-bom? De rest van het bestand wordt niet gelezen
engine-aep-gzip-truncated = de gzip-stroom houdt te vroeg op: het bestand is afgekapt
engine-aep-gzip-corrupt = geen geldige gzip-stroom ({ $error })
engine-aep-unclosed-array = de JSON-array wordt nooit gesloten: het bestand eindigt erin
engine-aep-after-array = tekst na het einde van de JSON-array
engine-aep-parquet-unreadable = geen leesbaar Parquet-bestand ({ $error })
engine-aep-parquet-bad-row = een Parquet-pagina kan niet worden gelezen ({ $error }); de rijen ervoor zijn geteld
engine-aep-parquet-no-columns = geen kolom { $columns } in dit Parquet-bestand
engine-event-no-profile = geen profiel
engine-event-no-time = geen tijd
engine-event-bad-time = tijd '{ $value }' is geen datum
engine-event-not-a-time = tijd is geen datum
engine-event-missing-fields = geen kolom gevonden voor { $fields } (kolomkoppen: { $headers })
engine-event-mapped-header-missing = het veld { $field } is gekoppeld aan '{ $header }', maar dat is geen kolomkop (kolomkoppen: { $headers })
