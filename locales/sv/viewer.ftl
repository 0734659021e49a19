# Visarens ord, svenska. Samma nycklar som locales/en/viewer.ftl.
# Campaign-termer, kontrollerade i Adobes svenska dokumentation (experienceleague.adobe.com/sv/docs/…): "Aktiva profiler"
# (campaign-standard, audiences/using/active-profiles); "Måldimensioner" (campaign-web, v8/audience/targeting-dimensions);
# statusar Ignorerad, Leveransen har avbrutits, Ej tillämpligt (campaign-classic, delivery/using/delivery-statuses).
# Rapporten heter i Campaign även på svenska "Customer metrics".

## Sidhuvud, filer och inställningar

app-title = Aktiva profiler
privacy = Dina filer stannar på den här datorn: de läses och räknas på den här sidan och laddas aldrig upp.
language-label = Språk
demo-banner = Demodata: en genererad export, inte din. Öppna dina exporter av leveransloggar för att räkna dem.
sources-logs = { $n ->
    [one] { $n } loggfil ({ $size })
   *[other] { $n } loggfiler ({ $size })
}
sources-deliveries = leveranser: { $name }
sources-report = Rapport öppnad från { $name }
open-files = Öppna filer
drop-hint = eller släpp filer eller en hel mapp var som helst på sidan: exporter av leveransloggar (CSV, arbetsböcker) och profilexporter (JSON, gzip, Parquet) går var och en till sin rapport. De läses här och laddas aldrig upp.
slot-logs = Loggfiler
slot-deliveries = Leveransfil (valfri)
slot-report = Rapport (JSON eller paket)
choose-columns-show = Välj kolumner…
choose-columns-hide = Dölj kolumner
stale-note = Dina filer räknas: rapporten nedan är den förra tills räkningen är klar.
settings = Inställningar
settings-as-of = Per datum
settings-billing-day = Faktureringsdag
settings-billing-last = sista dagen
settings-purchased = Köpta profiler
settings-time-zone = Tidszon
settings-time-zone-hint = UTC, en förskjutning som +02:00 eller en zon som Europe/Stockholm
settings-time-zone-used = Rapporten på skärmen är räknad i { $zone }.
settings-day-order = 03/04/2026 är
settings-day-first = 3 april (dag först)
settings-month-first = 4 mars (månad först)
progress-label = Filer läses
progress-text = { $done } av { $total } lästa · { $rate } rader/s
progress-finishing = { $total } lästa · rapporten sammanställs…
cancel = Avbryt
problems-title = Filer som inte räknats
columns-label = Välj kolumner
columns-title = Kolumner
notice-settings-report = Inställningarna gäller räknade filer; en öppnad rapport visas som den gjordes.
notice-mapped-before = Kolumnerna mappade som du valde tidigare för filer med de här rubrikerna.
notice-cancelled = Avbrutet: rapporten som visas är den förra.
notice-deliveries-ready = Leveransfilen är klar: öppna nu loggfilerna.
notice-explain-report = En rapport innehåller inga profiler: öppna loggfilerna för att förklara en.

## Kolumnmappning

mapping-reading = De första raderna läses…
mapping-intro = { $file }: { $encoding }, avgränsare ”{ $delimiter }”. Välj kolumnen som innehåller varje fält:
mapping-automatic = automatiskt: { $header }
mapping-choose = — välj en kolumn —
mapping-preview-caption = De första { $n } raderna i { $file }

## Rapport: gemensamma ord

active-profiles = Aktiva profiler
not-set = inte angivet
total = Totalt
col-from = Från (inklusive)
col-to = Till (inklusive)
col-number-active = Antal aktiva profiler
col-source = Källa
col-contacts = Antal kontakter
col-channel = Kanal
col-date = Datum
col-month = Månad
col-reason = Orsak
col-rows = Rader
col-file = Fil
col-line = Rad
col-field = Fält
col-value = Värde
counted = Räknas
excluded = Undantas
empty-report-title = Inga profiler räknade än.
empty-report-text = Siffrorna visas här när leveransloggarna har räknats.

## Rutor

usage = Användning
usage-ok = inom köpet
usage-near = nära köpet
usage-over = över köpet
tile-on = den
tile-no-as-of = inget per-datum än
tile-purchased = Köpta
tile-purchased-note = aktiva profiler i avtalet
tile-purchased-enter = ange det för att jämföra
tile-window = Från (inklusive) – Till (inklusive)
tile-window-note = de 12 räknade månaderna
tile-no-dates = inga datum än
tile-per-instance = Per instans
tile-instance-share = { $percent } av organisationen
tile-used = Använt
tile-used-needs = behöver antalet köpta
tile-used-aria = { $percent } av köpet använt, { $words }

## Användningsdiagram

chart-title = Aktiva profiler över tid
chart-period = Period som visas
chart-30-days = 30 dagar
chart-1-year = 1 år
chart-bar = Ögonblicksbild { $from } – { $to }: { $count } aktiva profiler
chart-point = { $date }: { $count } aktiva profiler
chart-level = Köpta: { $count } aktiva profiler
chart-svg-title = Aktiva profiler från { $from } till { $to }: månatliga ögonblicksbilder (staplar), dagligt antal (linje)
chart-svg-title-purchased = Aktiva profiler från { $from } till { $to }: månatliga ögonblicksbilder (staplar), dagligt antal (linje), köpta (streckad linje)
legend-snapshot = Månatlig ögonblicksbild (stapel)
legend-daily = Dagligt antal (linje)
legend-purchased = Köpta:
legend-dashed = (streckad linje)
legend-no-purchased = Inget köpt antal angivet: ingen linje för köpet.
chart-hint = Peka på en stapel eller linjen för att se den exakta siffran.
chart-daily-summary = { $n ->
    [one] Dagligt antal, { $n } dag
   *[other] Dagligt antal, { $n } dagar
}
chart-daily-caption = Aktiva profiler varje dag i diagrammet
chart-empty = Inga dagliga antal att visa än.

## Customer metrics (så heter rapporten i Campaign, även på svenska)

metrics-title = Customer metrics
metrics-empty = Inga ögonblicksbilder än: en tas på varje faktureringsdag inom filernas datum.
metrics-caption = Aktiva profiler vid varje månatlig ögonblicksbild, nyast först.
metrics-caption-choose = Välj en rad för att se dess detaljer.
metrics-show = Visa ögonblicksbilden för { $date }
metrics-shown = (visas)

## Ögonblicksbildens detaljer

detail-title = Ögonblicksbildens detaljer
detail-empty = Inga aktiva profiler detta datum, så ingen måldimension att visa.
dimensions = Måldimensioner
dimensions-on = Måldimensioner den { $date }
dimensions-org = organisationen
dimensions-instance = instans { $name }
channels = Kanaler
channels-empty = Ingen kanal: ingen profil räknades.
channels-caption = Aktiva profiler per kanal. En profil som nåtts i två kanaler finns i båda raderna, så raderna behöver inte summera till totalen.
channels-caption-on = Aktiva profiler per kanal den { $date }. En profil som nåtts i två kanaler finns i båda raderna, så raderna behöver inte summera till totalen.
multi-channel = Nådda i mer än en kanal:

## Upphör

expiring-title = Upphör
expiring-empty = Ingen aktiv profil, så ingen som upphör.
expiring-lead-before = Av de
expiring-lead-after = profiler som är aktiva per datumet lämnar så här många 12-månadersfönstret varje månad om inget mer skickas till dem.
expiring-bar = { $month }: { $count } profiler faller bort
expiring-point = Efter { $month }: { $count } aktiva profiler om inget mer skickas
expiring-svg-title = Profiler som lämnar fönstret varje månad (staplar) och antalet kvar om inget mer skickas (linje)
legend-leaving = Faller bort under månaden (stapel)
legend-left = Kvar efter månaden (linje)
expiring-caption = Profiler som lämnar fönstret per månad, och antalet kvar om inget mer skickas
col-leaving = Faller bort
col-active-after = Aktiva efteråt

## Diagnos

diagnosis-title = Diagnos
diagnosis-no-rows = Inga rader lästa än.
diagnosis-rows-read = { $n ->
    [one] rad läst:
   *[other] rader lästa:
}
diagnosis-counted = räknade,
diagnosis-excluded = undantagna,
diagnosis-rejected = avvisade.
reason-proof = Korrektur- eller seed-adress
reason-social = Social kanal
reason-control = Kontrollgrupp
reason-status = Status räknas inte
reason-failure-reason = Felorsak räknas inte
help-proof = Ett korrektur, en seed-adress eller en leverans markerad som korrektur.
help-social = En social kanal (Twitter/X, Facebook): Campaign räknar inte social marknadsföring.
help-control = En medlem av en kontrollgrupp (flagga, eller felorsak 127 Kontrolladress).
help-status = Ignorerad, Leveransen har avbrutits eller Ej tillämpligt: borttagen under förberedelsen, eller aldrig skickad.
help-failure-reason = Undantagen under förberedelsen (ingen adress, blockeringslista, karantän, dubblett, ...).
field-status = status
field-failure-reason = felorsak
excluded-caption = Undantagna rader per orsak (den första orsaken som gäller)
rejected-caption = Avvisade rader
unrecognised-caption = Värden som reglerna inte känner till. De räknas om du inte undantar dem; rapporten räknas då om.
col-rows-are = Raderna
warnings = Varningar
files-caption = Hur varje fil lästes
col-encoding = Kodning
col-delimiter = Avgränsare
col-columns = Använda kolumner
delimiter-comma = komma
delimiter-semicolon = semikolon
delimiter-tab = tabb
delimiter-bar = lodstreck

## Hitta i rapporten: innehåll, långa tabeller, avvisade rader per orsak

skip-to-report = Hoppa till rapporten
nav-label = Rapportens innehåll
nav-tiles = Nyckeltal
show-all = Visa alla ({ $count })
tiles-rejected = { $rejected } av { $read } rader avvisade
tiles-rejected-why = se varför
chart-monthly-in = Månadssiffrorna finns under
rejected-listed = Här listas de första { $shown } av { $count } avvisade rader, grupperade per orsak; antalen per orsak gäller de listade raderna.
rejected-group-rows = { $n ->
    [one] { $count } rad
   *[other] { $count } rader
}
rejected-group-caption = Avvisade rader: { $reason }
rejected-group-too-many-fields = fler än 10 000 fält
rejected-group-unclosed = ett citattecken stängs aldrig
help-status-excluded = Uteslutna statusar: { $statuses }.
reclassify-context = rader där { $field } är { $value }

## Dubbla identiteter

duplicates-title = Dubbla identiteter
duplicates-lead-written = Journey Optimizer läser e-postadresser med deras versaler och gemener, så en person som skrivs som
duplicates-lead-and = och
duplicates-lead-becomes = blir två profiler. Detta är en diagnos: den ändrar inte antalet ovan.
duplicates-empty = Ingen adress skiljer sig från en annan bara i versaler och gemener.
duplicates-caption = Aktiva profiler vars adress är lika med en annan så när som på versaler och gemener, per dimension
col-involved = Berörda profiler
col-fewer = Färre om de slås ihop

## Förklara en profil

explain-title = Förklara en profil
explain-lead = Skriv en profilnyckel eller en adress för att se varje rad av den i filerna: räknad, undantagen (och varför) eller avvisad. Versaler och gemener spelar roll, precis som vid räkningen.
explain-placeholder = Profilnyckel eller adress
explain-button = Förklara
explain-busy = Filerna läses för ”{ $query }”…
explain-caption = Rader för ”{ $query }” i filerna
col-file-line = Fil, rad
col-delivery = Leverans
col-counted-as = Räknad som
col-outcome = Utfall
explain-file-line = { $file }, rad { $line }
close = Stäng
explain-none = Ingen rad i filerna har nyckeln eller adressen ”{ $query }”.
explain-not-counted = ”{ $query }” har { $n } rad(er), ingen av dem räknad: det är inte en aktiv profil.
explain-the-as-of = per-datumet
explain-active = Aktiv den { $on } i { $place }: senast räknad den { $last }; den lämnar fönstret den { $leaves } om inget mer skickas.
explain-gone = Inte aktiv den { $on } i { $place }: senast räknad den { $last }, mer än 12 månader före.
explain-never = Inte aktiv den { $on } i { $place }: ingen räknad rad på eller före det datumet.

## Journey Optimizer-profiler (views/src/aep/): rapporten Profiler, dess paket och CSV-tabeller

aep-empty-title = Inga profilposter räknade än.
aep-empty-text = Siffrorna visas här när AEP-profilexporter (JSON lines, JSON, gzip eller Parquet) har lästs.
aep-shown-one = Sammanfogning: { $stitching }. Siffrorna gäller ögonblicksbilden från
aep-shown-latest = Sammanfogning: { $stitching }. { $n } ögonblicksbilder: siffrorna gäller den senaste, tagen
aep-shown-untimed = Sammanfogning: { $stitching }. Filerna ligger inte i någon exportTime=-mapp: en ögonblicksbild, utan tid.
aep-snapshot-untimed = ingen tid för ögonblicksbilden
aep-stitching = Sammanfogning
aep-stitching-graph = identitetsgraf
aep-stitching-none = ingen (en profil per post)
aep-unique-namespaces = Unika namnrymder
aep-pseudonymous-namespaces = Pseudonyma namnrymder
aep-tile-profiles = Profiler
aep-tile-share = { $percent } av profilerna:
aep-tile-single = Profiler med en identitet
aep-tile-single-note = bara identiteter från en namnrymd
aep-tile-unsegmented = Profiler utan segment
aep-tile-unsegmented-note = i ingen målgrupp
aep-tile-pseudonymous = Enbart pseudonyma profiler
aep-tile-pseudonymous-note = bara enhets- eller cookie-identiteter
aep-tile-change = Förändring sedan föregående ögonblicksbild
aep-tile-change-needs = kräver två ögonblicksbilder eller fler
aep-tile-change-note = profiler tillkomna och borttagna sedan
aep-change-added = { $count } profiler tillkomna
aep-change-removed = { $count } profiler borttagna
aep-tiles-rejected = { $rejected } av { $read } poster avvisade
aep-identity-title = Profiler per identitet
aep-identity-empty = Ingen identitet i den här ögonblicksbilden.
aep-identity-lead = { $n ->
    [one] En profil med identiteter i flera namnrymder räknas under var och en, så namnrymderna blir sammanlagt fler än den { $count } profilen.
   *[other] En profil med identiteter i flera namnrymder räknas under var och en, så namnrymderna blir sammanlagt fler än de { $count } profilerna.
}
aep-identity-svg-title = Profiler med en identitet i varje namnrymd (staplar)
aep-identity-bar = { $namespace }: { $count } profiler
aep-identity-caption = Profiler med minst en identitet i varje namnrymd, störst först
aep-chart-largest = Diagrammet visar de { $n } största; tabellen visar alla.
aep-col-namespace = Namnrymd
aep-col-profiles = Profiler
aep-col-share = Andel av profilerna
aep-single-title = Profiler med en identitet
aep-single-lead = har bara identiteter från en namnrymd (två e-postadresser och inget annat är en namnrymd).
aep-single-caption = Profiler med en identitet, per namnrymd
aep-overlap-title = Överlapp mellan identiteter
aep-overlap-choose = Namnrymder att jämföra
aep-overlap-a = Namnrymd A
aep-overlap-b = Namnrymd B
aep-overlap-largest = De två namnrymder som delar flest profiler:
aep-overlap-empty = Färre än två namnrymder: inget överlapp att visa.
aep-venn-title = { $a }: { $a-count } profiler; { $b }: { $b-count } profiler; båda: { $both } (cirklarna skalenliga)
aep-venn-circle = { $name }: { $count } profiler
aep-only = bara { $namespace }
aep-both = både { $a } och { $b }
aep-overlap-caption = Varje par av namnrymder som delar profiler, störst först
aep-col-namespace-a = Namnrymd A
aep-col-namespace-b = Namnrymd B
aep-col-both = Profiler med båda
aep-col-a-only = Bara A
aep-col-b-only = Bara B
aep-audiences-title = Målgrupper
aep-unsegmented-lead = saknar segment: ingen av deras poster är realized eller existing i en målgrupp.
aep-audiences-empty = Inget målgruppsmedlemskap (realized eller existing) i den här ögonblicksbilden.
aep-audiences-svg-title = Profiler i varje målgrupp (staplar)
aep-audience-bar = { $audience }: { $count } profiler
aep-audiences-caption = Profiler i varje målgrupp (segment-id), störst först
aep-col-audience = Målgrupp
aep-col-audience-a = Målgrupp A
aep-col-audience-b = Målgrupp B
aep-audience-overlap-caption = De 20 största överlappen mellan två målgrupper
aep-trend-title = Över tid
aep-trend-svg-title = Profiler i varje ögonblicksbild (staplar)
aep-trend-bar = { $time }: { $count } profiler
aep-trend-caption = Peka på en stapel för att se den exakta siffran.
aep-trend-table-caption = Profiler i varje ögonblicksbild, äldst först, med profilerna som tillkommit och tagits bort sedan den föregående
aep-col-snapshot = Ögonblicksbild
aep-col-added = Tillkomna
aep-col-removed = Borttagna
aep-col-from = Från ögonblicksbild
aep-col-to = Till ögonblicksbild
aep-unseen-title = Det konsolen inte visar
aep-unseen-lead = Diagnoser av samma poster som instrumentpanelen Profiler saknar vy för. De ändrar inte siffrorna ovan.
aep-case-title = Dubbletter genom versaler
aep-case-lead-written = Experience Platform jämför identiteter med sina versaler och gemener, så
aep-case-lead-becomes = är två identiteter och kan bli två profiler.
aep-case-empty = Ingen namnrymd har id:n som bara skiljer sig i versaler eller omgivande blanksteg.
aep-case-caption = Per namnrymd: hur många färre profiler det skulle bli om dess id:n jämfördes utan versaler och omgivande blanksteg
aep-col-fewer = Färre profiler
aep-col-examples = Exempel
aep-collapse-title = Misstänkt sammanslagna
aep-collapse-lead = En delad enhet eller ett skräpvärde (test@test.com) slår ihop många kunder till en profil.
aep-collapse-over-limit = { $n ->
    [one] profil har fler än 50 identiteter (Experience Platforms gräns: då tas de äldsta bort).
   *[other] profiler har fler än 50 identiteter (Experience Platforms gräns: då tas de äldsta bort).
}
aep-collapse-unique = Profiler med mer än ett id i en unik namnrymd:
aep-hubs-caption = Identiteterna som är länkade till flest poster
aep-col-identity = Identitet
aep-col-records = Poster
aep-compared-title = Identitetsgraf mot en profil per post
aep-compared-lead = Samma poster med båda sammanfogningarna: med ingen är varje post en egen profil (en export av sammanslagna profiler är redan sammanfogad).
aep-compared-caption = Siffror för den senaste ögonblicksbilden med varje sammanfogning; skillnaden är ingen minus graf
aep-compared-none = Rapporten gjordes med bara en sammanfogning: begär jämförelsen för att se graf och ingen sida vid sida.
aep-compared-over-limit = Profiler med fler än 50 identiteter
aep-compared-unique = Konflikter i unika namnrymder
aep-col-figure = Siffra
aep-col-difference = Skillnad
aep-pseudonymous-title = Enbart pseudonyma profiler
aep-pseudonymous-lead = har bara enhets- eller cookie-identiteter ({ $namespaces }): ingen person är känd för dem, ändå räknas de som profiler och blåser upp den nåbara publiken.
aep-diagnosis-none = Inga poster lästa än.
aep-diagnosis-read = { $n ->
    [one] post läst:
   *[other] poster lästa:
}
aep-diagnosis-used = använda,
aep-diagnosis-rejected = avvisade.
aep-rejected-caption = Avvisade poster
aep-rejected-listed = Här listas de första { $shown } av { $count } avvisade poster, grupperade per orsak; antalen per orsak gäller de listade posterna.
aep-rejected-group-records = { $n ->
    [one] { $count } post
   *[other] { $count } poster
}
aep-rejected-group-caption = Avvisade poster: { $reason }
aep-files-caption = Hur varje fil lästes
aep-col-format = Format
aep-explain-title = Förklara en identitet
aep-explain-none = Ingen post innehåller identiteten ”{ $query }”: den finns i ingen profil i de här filerna. Versaler och blanksteg spelar roll, som i Experience Platform.
aep-explain-snapshot = Ögonblicksbild
aep-explain-summary = { $n ->
    [one] Profilen har { $count } identitet
   *[other] Profilen har { $count } identiteter
}, länkade av { $records-n ->
    [one] { $records } post.
   *[other] { $records } poster.
}
aep-explain-over-limit = Fler än 50 identiteter: över Experience Platforms gräns, som då tar bort de äldsta.
aep-explain-unique = Mer än ett { $namespace }-id: en unik namnrymd, så profilen slår troligen ihop flera kunder.
aep-explain-no-guardrail = Ingen gräns överskriden: högst 50 identiteter och högst ett id i varje unik namnrymd.
aep-explain-identities-caption = Profilens identiteter
aep-explain-records-caption = Posterna som länkade dem
aep-col-record-identities = Postens identiteter
aep-identity-hidden = (värdet ingår inte)
aep-explain-records-more = De första { $shown } av { $count } poster listas.
aep-bundle-kind = Rapport över Journey Optimizer-profiler
aep-bundle-default-title = Profiler den { $date }
aep-bundle-snapshots = Ögonblicksbilder
aep-bundle-privacy-counts = Filen innehåller bara antal: inga identitetsvärden.
aep-bundle-privacy-identities = Filen listar identitetsvärden (exempel på versaldubbletter, nav-identiteter): det är personuppgifter.
aep-export-snapshots = Profiler per ögonblicksbild
aep-export-change = Förändring mellan ögonblicksbilder
aep-export-unique-conflicts = Konflikter i unika namnrymder

## Fältnamn (kolumnerna en fil läses med; --map behåller de engelska namnen)

fieldname-profile-key = profilnyckel
fieldname-event-date = händelsedatum
fieldname-status = status
fieldname-failure-reason = felorsak
fieldname-failure-type = feltyp
fieldname-delivery = leverans
fieldname-channel = kanal
fieldname-target-dimension = måldimension
fieldname-address = adress
fieldname-transactional = transaktionell
fieldname-proof = korrektur
fieldname-seed = seed
fieldname-control-group = kontrollgrupp
fieldname-instance = instans
fieldname-label = etikett

## Filer som inte kan räknas

problem-missing = { $file }, rad 1 (rubrikraden): ingen kolumn hittades för { $missing }. Rubriker i filen: { $headers }.
problem-or = eller

## Dela: rapportpaketet, JSON- och CSV-export, de aktiva profilerna en och en

share-download = Ladda ned rapporten
share-download-hint = En HTML-fil med hela rapporten: den öppnas offline med ett dubbelklick och skrivs ut på A4. Bara antal, om du inte tar med profilerna nedan.
share-export = Exportera
share-title-label = Rubrik
share-include-profiles = Ta med de aktiva profilernas nycklar och adresser
share-include-profiles-hint = Personuppgifter: rapporten, paketet och exporterna listar då varje aktiv profil. Låt det vara av för att bara dela antal.
share-include-profiles-unavailable = Öppna loggfilerna för att lista profilerna: den här rapporten öppnades från en fil.
share-json = Rapporten som JSON
share-json-hint = Dokumentet report.json: den här visaren öppnar det igen.
share-csv = Tabeller som CSV
share-csv-semicolon = Avgränsa med semikolon (Excel i större delen av Europa)
share-csv-table = { $title } ({ $n ->
    [one] { $count } rad
   *[other] { $count } rader
})
share-saved = Sparad som { $file }.
profiles-title = Aktiva profiler, en och en
profiles-lead = { $n ->
    [one] { $count } profil är aktiv per datumet. Listan är personuppgifter: dela den bara med dem som får se den.
   *[other] { $count } profiler är aktiva per datumet. Listan är personuppgifter: dela den bara med dem som får se den.
}
profiles-more = Här visas de första { $shown } av { $count }; CSV-exporten och rapportpaketet innehåller alla.
col-instance = Instans
col-key = Profilnyckel eller adress
col-leaves = Faller bort den
export-dimensions = Måldimensioner
export-instances = Måldimensioner per instans
export-channels = Kanaler
export-daily = Aktiva profiler per dag
export-expiring = Profiler som faller bort per månad
export-excluded = Undantagna rader per orsak
export-rejected = Avvisade rader
export-unrecognised = Okända värden
export-files = Lästa filer
bundle-kind = Rapport över aktiva profiler
bundle-default-title = Aktiva profiler den { $date }
bundle-made = Skapad
bundle-counted-status = Statusar som räknas
bundle-excluded-status = Statusar som undantas
bundle-excluded-reasons = Felorsaker som undantas
bundle-engine = Räknad av
bundle-privacy-aggregates = Filen innehåller bara antal: ingen profilnyckel och ingen adress.
bundle-privacy-keys = Filen listar nycklar eller adresser för { $count } aktiva profiler: det är personuppgifter.
bundle-foot = Ett statiskt rapportpaket: det kör inga skript och hämtar ingenting. Öppna report.json ur det i active-profiles-visaren för att utforska det.

## Issue 18: the first screen, counts in progress, column gaps

open-your-files = Öppna dina filer

## Issue 15: two reports, one page (Campaign's active profiles, Journey Optimizer's profiles)

tabs-label = Rapporter
tabs-hint = Filer går till den rapport de hör till, efter sitt innehåll: leveransloggar till Adobe Campaign, profilposter till Profiler, JSON step events till Engagerbara profiler. På fliken Engagerbara profiler är varje öppnad fil händelser (även gzip, Parquet och CSV).
tab-campaign = Aktiva profiler
tab-campaign-product = Adobe Campaign
tab-profiles = Profiler
tab-profiles-product = Journey Optimizer
tab-holds-demo = Demodata
tab-holds-files = { $n ->
    [one] Din fil
   *[other] Dina { $n } filer
}
tab-holds-report = En sparad rapport
tab-holds-reading = Läser…
open-folder = Öppna en mapp
open-profiles-demo = Se demon för Journey Optimizer: profiler och identiteter (rapporten Profiler)
notice-split = { $logs ->
    [one] 1 fil med leveransloggar gick till Aktiva profiler (Adobe Campaign)
   *[other] { $logs } filer med leveransloggar gick till Aktiva profiler (Adobe Campaign)
} och { $records ->
    [one] 1 fil med profilposter till Profiler (Journey Optimizer).
   *[other] { $records } filer med profilposter till Profiler (Journey Optimizer).
}
profiles-demo-banner = Demodata: en genererad export från Experience Platform med två ögonblicksbilder, inte din. Öppna dina profilexporter (JSON, gzip eller Parquet, eller en hel mapp) för att räkna dem.
profiles-demo-counting = Demoexporten räknas…
profiles-sources = { $n ->
    [one] 1 fil med profilposter
   *[other] { $n } filer med profilposter
}, { $size }.
profiles-back-to-demo = Tillbaka till demon
profiles-progress = { $done } av { $total } lästa, { $lines } rader
profiles-stitching = Sammanfogning
profiles-stitching-hint = Identitetsgraf: poster som delar en identitet är en profil (standard i AEP). Ingen: varje post är en egen profil, som i en export av sammanslagna profiler.
profiles-stitching-graph = Identitetsgraf
profiles-stitching-none = Ingen
profiles-unique = Unika namnrymder
profiles-unique-hint = En profil bör ha högst ett id av varje (kommaseparerade).
profiles-pseudonymous = Pseudonyma namnrymder
profiles-pseudonymous-hint = Namnrymder för enheter och cookies (kommaseparerade).
profiles-snapshot-time = Tidpunkt för ögonblicksbild (UTC)
profiles-snapshot-time-hint = För filer utanför en mapp exportTime=.
profiles-identities = Visa identitetsvärden
profiles-identities-hint = E-postadresser, id:n och enheter är personuppgifter: de visas, exporteras och förklaras bara medan detta är markerat.
profiles-explain-hint = Vilken profil en identitet hör till: varje identitet i den och posterna som förenade dem.
profiles-explain-namespace = Namnrymd
profiles-explain-namespace-any = Valfri namnrymd
profiles-explain-id = Identitet
profiles-explain-submit = Förklara
profiles-explain-pending = Söker { $id }…
profiles-explain-close = Stäng förklaringen
profiles-explain-wait = Filerna läses fortfarande: fråga igen när räkningen är klar.
profiles-json-hint = Rapportens siffror som JSON profiles/1, som kommandoraden skriver dem.
hint-logs = Exporter av leveransloggar: en rad per meddelande som en leverans skickade till en profil (CSV, valfri avgränsare), flera åt gången.
hint-deliveries = Leveransfil: en rad per leverans, med kanal och måldimension, för loggar som saknar dem.
hint-report = Rapportfil: en report.json eller rapportbunt som gjorts tidigare av den här visaren eller kommandoraden, visad som den gjordes.
hint-as-of = Per datum: dagen som räkningen gäller; en profil är aktiv om en leverans riktade sig till den under de 12 månaderna fram till den dagen.
hint-billing-day = Faktureringsdag: den dag i varje månad då ditt avtal tar sin ögonblicksbild (Customer metrics).
hint-purchased = Köpta profiler: antalet aktiva profiler som din licens tillåter, att jämföra räkningen med.
term-active-title = Vad är en aktiv profil?
term-active-text = En profil (en mottagare, besökare eller adress) som minst en leverans riktade sig till under de 12 månaderna fram till per datum, räknad en gång oavsett antalet meddelanden. Korrektur, seeds, kontrollgrupper och profiler som uteslöts när en leverans förbereddes räknas inte. Marknadsföringsplattformar licensieras efter detta antal.
as-of-pinned = Per { $date } (fäst)
as-of-follow = Följ data
as-of-follows = Följer data: filernas senaste händelsedatum.
count-finished = Räknade { $nrows ->
    [one] { $rows } rad
   *[other] { $rows } rader
} från { $files ->
    [one] { $files } fil
   *[other] { $files } filer
}: { $nactive ->
    [one] { $active } aktiv profil
   *[other] { $active } aktiva profiler
}.
explain-pending = ”{ $query }” förklaras när filerna har räknats.
notice-explain-recount = Räknearbetaren har inte längre dessa filer: öppna dem igen för att förklara en profil.
columns-needed-title = Kolumner att välja
mapping-which = Vilken kolumn innehåller { $fields }? ({ $file })
mapping-optional = Inte heller dessa kolumner känns igen. Om någon av dem innehåller ett av de här fälten, välj den; utan statuskolumn räknas varje rad som skickad.
mapping-option-samples = { $header } (t.ex. { $values })
gap-status = Räknad utan statuskolumn i { $n ->
    [one] { $n } fil
   *[other] { $n } filer
}: varje rad räknas som skickad.
gap-failure-reason = Räknad utan kolumn för felorsak i { $n ->
    [one] { $n } fil
   *[other] { $n } filer
}: ingen rad utesluten för sin felorsak.
gap-channel = Räknad utan kanalkolumn i { $n ->
    [one] { $n } fil
   *[other] { $n } filer
}: varje rad räknas under kanalen Unknown.
gap-target-dimension = Räknad utan kolumn för måldimension i { $n ->
    [one] { $n } fil
   *[other] { $n } filer
}: varje profil räknas i Recipients.

# Engageable profiles (Journey Optimizer)
eng-chart-title = Engagerbara profiler per dag
eng-newly-title = Nyligen engagerade profiler per dag
eng-sandboxes-title = Sandlådor
eng-journeys-title = Resor och kampanjer
eng-expiring-title = Lämnar räkningen
eng-rejected-caption = Avvisade händelser
eng-rejected-listed = De första { $shown } av { $count } avvisade händelser listas här, grupperade efter orsak; antalen per orsak gäller de listade.
eng-rejected-group-events = { $n ->
    [one] { $count } händelse
   *[other] { $count } händelser
}
eng-rejected-group-caption = Avvisade händelser: { $reason }
eng-empty-title = Inga händelser räknade.
eng-empty-text = Öppna engagemangshändelser (journey step events) för att se licensmåttet.
eng-usage = Licensanvändning
eng-tile-licensed = Licensierade engagerbara profiler
eng-tile-licensed-note = för produktionssandlådorna
eng-tile-licensed-enter = Ange det licensierade antalet för att se användningen och prognosen.
eng-tile-usage = Användning
eng-tile-usage-note = engagerbara profiler i produktionssandlådorna den
eng-tile-percent = Användning %
eng-tile-predicted = Förväntad användning
eng-tile-predicted-on = den
eng-tile-predicted-needs = Kräver det licensierade antalet.
eng-tiles-more = Engagerbara profiler per sandlådetyp
eng-total = Engagerbara profiler
eng-production = Produktionssandlådor
eng-development = Utvecklingssandlådor
eng-dry-run-only = Endast nådda av testkörningar (räknade)
eng-stitched-joined = Färre profiler tack vare sammanfogning
eng-window = Period på 12 månader:
eng-chart-point = { $date }: { $count } engagerbara profiler
eng-chart-level = Licensierat: { $count } engagerbara profiler
eng-chart-svg-production = Engagerbara profiler i produktionssandlådorna per dag, med det licensierade antalet
eng-chart-svg-all = Engagerbara profiler per dag
eng-newly-point = { $date }: { $count } nyligen engagerade profiler
eng-legend-production = Engagerbara profiler i produktionssandlådorna
eng-legend-all = Engagerbara profiler, alla sandlådor
eng-legend-licensed = Licensierat
eng-legend-predicted = Prognos den { $date }: { $low } till { $high }
eng-legend-no-licence = Ange det licensierade antalet för att rita linjen.
eng-chart-point-sandbox = { $sandbox } ({ $type }): { $count }
eng-legend-sandbox = Sandlåda { $sandbox } ({ $type })
eng-daily-caption = Engagerbara profiler per dag
eng-sandbox-daily-caption = Engagerbara profiler per dag och sandlåda
eng-col-newly = Nyligen engagerade
eng-newly-lead = En profil är nyligen engagerad en dag när den är engagerbar den dagen men inte dagen innan.
eng-no-spikes = Ingen topp: ingen dag gav mer än tre gånger medianen av nyligen engagerade profiler för de 28 dagarna innan.
eng-spikes-caption = Toppar: dagar med mer än tre gånger medianen av nyligen engagerade profiler för de 28 dagarna innan, och de resor som gav flest
eng-col-median = Median för de 28 dagarna innan
eng-col-journeys = Resor
eng-col-sandbox = Sandlåda
eng-col-type = Typ
eng-col-profiles = Profiler
eng-type-development = utveckling
eng-type-production = produktion
eng-journeys-lead = Profiler som varje resa eller kampanj nådde under perioden (en profil i flera finns i varje).
eng-journeys-none = Ingen händelse namnger en resa eller kampanj.
eng-col-journey = Resa eller kampanj
eng-expiring-lead = Profiler engagerbara på datumet, per månad då de lämnar räkningen om inget mer skickas till dem.
eng-col-month = Månad
eng-diagnosis-read = { $n ->
    [one] händelse läst:
   *[other] händelser lästa:
}
eng-diagnosis-counted = räknade,
eng-diagnosis-rejected = avvisade.
eng-files-caption = Lästa filer
eng-col-events = Händelser
eng-bundle-default-title = Engagerbara profiler den { $date }
eng-bundle-kind = Engagerbara profiler (Journey Optimizer)
eng-as-of = Per datum
eng-time-zone = Tidszon
eng-bundle-privacy = Filen innehåller bara antal: ingen profilnyckel eller identitet.
eng-usage-ok = inom licensen
eng-usage-near = nära licensen
eng-usage-over = över licensen
tab-engageable = Engagerbara profiler
tab-engageable-product = Journey Optimizer · licens
notice-split-three = { $logs } leveransloggfiler gick till Aktiva profiler, { $records } filer med profilposter till Profiler och { $events } filer med engagemangshändelser till Engagerbara profiler.
eng-sources = { $n ->
    [one] 1 fil med engagemangshändelser
   *[other] { $n } filer med engagemangshändelser
} ({ $size }).
eng-sources-snapshot = Sammanfogade med en profilögonblicksbild på { $n } filer.
eng-demo-banner = Demodata: genererade journey step events under 13 månader i en produktions- och en utvecklingssandlåda, sammanfogade med Profiler-demon, inte dina. Öppna dina step events (JSON, gzip, Parquet eller en Query Service-CSV) för att räkna dem.
eng-as-of-hint = Dagen räkningen gäller; tomt: det senaste händelsedatumet.
eng-licensed-hint = Ditt avtals antal engagerbara profiler (produktionssandlådor).
eng-snapshot = Profilögonblicksbild (valfri)
eng-snapshot-hint = En AEP-profilexport: nådda nycklar som är identiteter för en sammanfogad profil räknas en gång.
eng-snapshot-demo = Öppna dina händelser först: demon sammanfogas med Profiler-demon.
eng-snapshot-needs-events = Öppna engagemangshändelser först: en profilögonblicksbild sammanfogar de visade händelserna.
eng-sandbox = Sandlåda för händelser som inte anger någon
eng-sandbox-hint = NAMN eller NAMN:development; tomt: prod (produktion). Varje fil kan få en egen nedan. Filerna läses igen.
eng-sandbox-invalid = Sandlådan är NAMN eller NAMN:production eller NAMN:development.
eng-fieldname-time = tidpunkt
eng-fieldname-profile = profil
eng-fieldname-journey-or-campaign = journey eller kampanj
eng-fieldname-sandbox = sandlåda
eng-fieldname-sandbox-type = sandlådetyp
eng-fieldname-dry-run = testkörning
eng-mapping-optional = Inte heller dessa kolumner känns igen. Om någon av dem innehåller ett av de här fälten, välj den; utan sandlådekolumn går filens händelser till dess sandlåda nedan.
eng-columns-hint = De andra filerna räknas under tiden; den här när vart och ett av fälten har en kolumn. Ditt val sparas för filer med samma rubriker.
eng-columns-mapped = Kolumner i { $file } valda för hand
eng-file-sandboxes-title = Sandlåda per fil
eng-file-sandboxes-hint = Händelser som inte anger någon sandlåda går till filens sandlåda: den ovan tills du väljer en annan här. En ändring läser filerna igen.
eng-file-sandbox-waits = Inte räknad än: välj dess kolumner ovan.
eng-file-sandbox-from-data = { $sandboxes }, från datan
eng-file-sandbox-others = Händelser utan sandlåda:
eng-file-sandbox-name-label = Sandlåda för händelserna i { $file } som inte anger någon
eng-file-sandbox-type-label = Sandlådetyp för händelserna i { $file } som inte anger någon
eng-file-sandbox-default = inställningen ovan
