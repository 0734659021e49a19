# De woorden van de viewer, Nederlands. Dezelfde sleutels als locales/en/viewer.ftl.
# Campaign-termen, nagekeken in Adobe's Nederlandse documentatie (experienceleague.adobe.com/nl/docs/…): "actieve profielen"
# (campaign-standard, audiences/using/active-profiles); "Targetingdimensies" (campaign-web, v8/audience/targeting-dimensions;
# die pagina gebruikt ook "doeldimensie"); statussen Genegeerd, Aflevering geannuleerd, Niet van toepassing
# (campaign-classic, delivery/using/delivery-statuses). Het rapport heet in Campaign ook in het Nederlands "Customer metrics".

## Kop, bestanden en instellingen

app-title = Actieve profielen
privacy = Uw bestanden blijven op deze computer: ze worden in deze pagina gelezen en geteld, nooit geüpload.
language-label = Taal
demo-banner = Demogegevens: een gegenereerde export, niet de uwe. Open uw exports van leveringslogboeken om ze te tellen.
sources-logs = { $n ->
    [one] { $n } logbestand ({ $size })
   *[other] { $n } logbestanden ({ $size })
}
sources-deliveries = leveringen: { $name }
sources-report = Rapport geopend uit { $name }
open-files = Bestanden openen
drop-hint = of sleep bestanden of een hele map ergens op deze pagina: exports van leveringslogboeken (CSV, werkmappen) en profielexports (JSON, gzip, Parquet) gaan elk naar hun rapport. Ze worden hier gelezen, nooit geüpload.
slot-logs = Logbestanden
slot-deliveries = Leveringenbestand (optioneel)
slot-report = Rapport (JSON of bundel)
choose-columns-show = Kolommen kiezen…
choose-columns-hide = Kolommen verbergen
stale-note = Uw bestanden worden geteld: het rapport hieronder is het vorige tot het klaar is.
settings = Instellingen
settings-as-of = Peildatum
settings-billing-day = Factuurdag
settings-billing-last = laatste dag
settings-purchased = Aangeschafte profielen
settings-time-zone = Tijdzone
settings-time-zone-hint = UTC, een verschil zoals +02:00 of een zone zoals Europe/Amsterdam
settings-time-zone-used = Het rapport op het scherm is geteld in { $zone }.
settings-day-order = 03/04/2026 is
settings-day-first = 3 april (dag eerst)
settings-month-first = 4 maart (maand eerst)
progress-label = Bestanden lezen
progress-text = { $done } van { $total } gelezen · { $rate } rijen/s
progress-finishing = { $total } gelezen · het rapport wordt samengesteld…
cancel = Annuleren
problems-title = Niet getelde bestanden
columns-label = Kolommen kiezen
columns-title = Kolommen
notice-settings-report = Instellingen gelden voor getelde bestanden; een geopend rapport wordt getoond zoals het is gemaakt.
notice-mapped-before = Kolommen toegewezen zoals u eerder koos voor bestanden met deze kopteksten.
notice-cancelled = Geannuleerd: het getoonde rapport is het vorige.
notice-deliveries-ready = Leveringenbestand klaar: open nu de logbestanden.
notice-explain-report = Een rapport bevat geen profielen: open de logbestanden om er een te verklaren.

## Kolommen toewijzen

mapping-reading = De eerste rijen worden gelezen…
mapping-intro = { $file }: { $encoding }, scheidingsteken “{ $delimiter }”. Kies de kolom die elk veld bevat:
mapping-automatic = automatisch: { $header }
mapping-choose = — kies een kolom —
mapping-preview-caption = De eerste { $n } rijen van { $file }

## Rapport: gedeelde woorden

active-profiles = Actieve profielen
not-set = niet ingesteld
total = Totaal
col-from = Van (inbegrepen)
col-to = Tot (inbegrepen)
col-number-active = Aantal actieve profielen
col-source = Bron
col-contacts = Aantal contacten
col-channel = Kanaal
col-date = Datum
col-month = Maand
col-reason = Reden
col-rows = Rijen
col-file = Bestand
col-line = Regel
col-field = Veld
col-value = Waarde
counted = Geteld
excluded = Uitgesloten
empty-report-title = Nog geen profielen geteld.
empty-report-text = De cijfers verschijnen hier zodra de leveringslogboeken geteld zijn.

## Tegels

usage = Gebruik
usage-ok = binnen de aanschaf
usage-near = dicht bij de aanschaf
usage-over = boven de aanschaf
tile-on = op
tile-no-as-of = nog geen peildatum
tile-purchased = Aangeschaft
tile-purchased-note = actieve profielen in het contract
tile-purchased-enter = vul het in om te vergelijken
tile-window = Van (inbegrepen) – Tot (inbegrepen)
tile-window-note = de 12 getelde maanden
tile-no-dates = nog geen datums
tile-per-instance = Per instantie
tile-instance-share = { $percent } van de organisatie
tile-used = Gebruikt
tile-used-needs = heeft het aangeschafte aantal nodig
tile-used-aria = { $percent } van de aanschaf gebruikt, { $words }

## Gebruiksgrafiek

chart-title = Actieve profielen in de tijd
chart-period = Getoonde periode
chart-30-days = 30 dagen
chart-1-year = 1 jaar
chart-bar = Momentopname { $from } – { $to }: { $count } actieve profielen
chart-point = { $date }: { $count } actieve profielen
chart-level = Aangeschaft: { $count } actieve profielen
chart-svg-title = Actieve profielen van { $from } tot { $to }: maandelijkse momentopnamen (staven), dagelijks aantal (lijn)
chart-svg-title-purchased = Actieve profielen van { $from } tot { $to }: maandelijkse momentopnamen (staven), dagelijks aantal (lijn), aangeschaft (stippellijn)
legend-snapshot = Maandelijkse momentopname (staaf)
legend-daily = Dagelijks aantal (lijn)
legend-purchased = Aangeschaft:
legend-dashed = (stippellijn)
legend-no-purchased = Geen aangeschaft aantal ingesteld: geen aanschaflijn.
chart-hint = Wijs een staaf of de lijn aan om het precieze cijfer te zien.
chart-daily-summary = { $n ->
    [one] Dagelijks aantal, { $n } dag
   *[other] Dagelijks aantal, { $n } dagen
}
chart-daily-caption = Actieve profielen op elke dag in de grafiek
chart-empty = Nog geen dagelijkse aantallen om te tonen.

## Customer metrics (zo heet het rapport in Campaign, ook in het Nederlands)

metrics-title = Customer metrics
metrics-empty = Nog geen momentopnamen: op elke factuurdag binnen de datums van de bestanden wordt er een gemaakt.
metrics-caption = Actieve profielen bij elke maandelijkse momentopname, nieuwste eerst.
metrics-caption-choose = Kies een rij om de details te zien.
metrics-show = Toon de momentopname van { $date }
metrics-shown = (getoond)

## Details van de momentopname

detail-title = Details van de momentopname
detail-empty = Geen actieve profielen op deze datum, dus geen targetingdimensie om te tonen.
dimensions = Targetingdimensies
dimensions-on = Targetingdimensies op { $date }
dimensions-org = de organisatie
dimensions-instance = instantie { $name }
channels = Kanalen
channels-empty = Geen kanaal: er is geen profiel geteld.
channels-caption = Actieve profielen per kanaal. Een profiel dat via twee kanalen is bereikt, staat in beide rijen, dus de rijen hoeven niet op te tellen tot het totaal.
channels-caption-on = Actieve profielen per kanaal op { $date }. Een profiel dat via twee kanalen is bereikt, staat in beide rijen, dus de rijen hoeven niet op te tellen tot het totaal.
multi-channel = Via meer dan één kanaal bereikt:

## Verlopend

expiring-title = Verlopend
expiring-empty = Geen actief profiel, dus geen om te verlopen.
expiring-lead-before = Van de
expiring-lead-after = profielen die op de peildatum actief zijn, verlaten er elke maand zoveel het venster van 12 maanden als er niets meer naar wordt verzonden.
expiring-bar = { $month }: { $count } profielen vallen af
expiring-point = Na { $month }: { $count } actieve profielen als er niets meer wordt verzonden
expiring-svg-title = Profielen die het venster elke maand verlaten (staven) en het aantal dat overblijft als er niets meer wordt verzonden (lijn)
legend-leaving = Valt af in de maand (staaf)
legend-left = Over na de maand (lijn)
expiring-caption = Profielen die het venster per maand verlaten, en het aantal dat overblijft als er niets meer wordt verzonden
col-leaving = Valt af
col-active-after = Actief daarna

## Diagnose

diagnosis-title = Diagnose
diagnosis-no-rows = Nog geen rijen gelezen.
diagnosis-rows-read = { $n ->
    [one] rij gelezen:
   *[other] rijen gelezen:
}
diagnosis-counted = geteld,
diagnosis-excluded = uitgesloten,
diagnosis-rejected = geweigerd.
reason-proof = Proef- of seedadres
reason-social = Sociaal kanaal
reason-control = Controlegroep
reason-status = Status niet geteld
reason-failure-reason = Foutreden niet geteld
help-proof = Een proef, een seedadres of een levering die als proef is gemarkeerd.
help-social = Een sociaal kanaal (Twitter/X, Facebook): Campaign laat sociale marketing buiten beschouwing.
help-control = Een lid van een controlegroep (vlag, of foutreden 127 Controleadres).
help-status = Genegeerd, Aflevering geannuleerd of Niet van toepassing: vervallen bij het voorbereiden, of nooit verzonden.
help-failure-reason = Uitgesloten bij het voorbereiden (geen adres, op de blokkeringslijst, quarantaine, duplicaat, ...).
field-status = status
field-failure-reason = foutreden
excluded-caption = Uitgesloten rijen, per reden (de eerste reden die geldt)
rejected-caption = Geweigerde rijen
unrecognised-caption = Waarden die de regels niet kennen. Ze worden geteld tenzij u ze uitsluit; het rapport wordt dan opnieuw geteld.
col-rows-are = Rijen zijn
warnings = Waarschuwingen
files-caption = Hoe elk bestand is gelezen
col-encoding = Codering
col-delimiter = Scheidingsteken
col-columns = Gebruikte kolommen
delimiter-comma = komma
delimiter-semicolon = puntkomma
delimiter-tab = tab
delimiter-bar = verticale streep

## De weg vinden: inhoud, lange tabellen, geweigerde rijen per reden

skip-to-report = Naar het rapport
nav-label = Inhoud van het rapport
nav-tiles = Kerncijfers
show-all = Alles tonen ({ $count })
tiles-rejected = { $rejected } van { $read } rijen geweigerd
tiles-rejected-why = bekijk waarom
chart-monthly-in = De maandcijfers staan in
rejected-listed = Hier staan de eerste { $shown } van { $count } geweigerde rijen, per reden gegroepeerd; de aantallen per reden gelden voor deze rijen.
rejected-group-rows = { $n ->
    [one] { $count } rij
   *[other] { $count } rijen
}
rejected-group-caption = Geweigerde rijen: { $reason }
rejected-group-too-many-fields = meer dan 10.000 velden
rejected-group-unclosed = een aanhalingsteken wordt nooit gesloten
help-status-excluded = Uitgesloten statussen: { $statuses }.
reclassify-context = rijen waarvan { $field } { $value } is

## Dubbele identiteiten

duplicates-title = Dubbele identiteiten
duplicates-lead-written = Journey Optimizer leest e-mailadressen met hun hoofdletters, dus één persoon die geschreven is als
duplicates-lead-and = en
duplicates-lead-becomes = wordt twee profielen. Dit is een diagnose: het verandert het aantal hierboven niet.
duplicates-empty = Geen adres verschilt alleen in hoofdletters van een ander.
duplicates-caption = Actieve profielen waarvan het adres op hoofdletters na gelijk is aan een ander, per dimensie
col-involved = Betrokken profielen
col-fewer = Minder bij samenvoegen

## Een profiel verklaren

explain-title = Een profiel verklaren
explain-lead = Typ een profielsleutel of een adres om elke rij ervan in de bestanden te zien: geteld, uitgesloten (en waarom) of geweigerd. Hoofdletters tellen mee, net als bij het tellen.
explain-placeholder = Profielsleutel of adres
explain-button = Verklaren
explain-busy = De bestanden worden gelezen voor “{ $query }”…
explain-caption = Rijen van “{ $query }” in de bestanden
col-file-line = Bestand, regel
col-delivery = Levering
col-counted-as = Geteld als
col-outcome = Uitkomst
explain-file-line = { $file }, regel { $line }
close = Sluiten
explain-none = Geen rij in de bestanden heeft de sleutel of het adres “{ $query }”.
explain-not-counted = “{ $query }” heeft { $n } rij(en), geen ervan geteld: het is geen actief profiel.
explain-the-as-of = de peildatum
explain-active = Actief op { $on } in { $place }: laatst geteld op { $last }; het verlaat het venster op { $leaves } als er niets meer wordt verzonden.
explain-gone = Niet actief op { $on } in { $place }: laatst geteld op { $last }, meer dan 12 maanden eerder.
explain-never = Niet actief op { $on } in { $place }: geen getelde rij op of vóór die datum.

## Journey Optimizer-profielen (views/src/aep/): het Profielen-rapport, de bundel en de CSV-tabellen

aep-empty-title = Nog geen profielrecords geteld.
aep-empty-text = De cijfers verschijnen hier zodra AEP-profielexports (JSON lines, JSON, gzip of Parquet) gelezen zijn.
aep-shown-one = Koppeling: { $stitching }. De cijfers zijn van de momentopname van
aep-shown-latest = Koppeling: { $stitching }. { $n } momentopnamen: de cijfers zijn van de laatste, genomen op
aep-shown-untimed = Koppeling: { $stitching }. De bestanden staan in geen exportTime=-map: één momentopname, zonder tijdstip.
aep-snapshot-untimed = geen tijdstip van momentopname
aep-stitching = Koppeling
aep-stitching-graph = identiteitsgrafiek
aep-stitching-none = geen (één profiel per record)
aep-unique-namespaces = Unieke namespaces
aep-pseudonymous-namespaces = Pseudonieme namespaces
aep-tile-profiles = Profielen
aep-tile-share = { $percent } van de profielen:
aep-tile-single = Profielen met één identiteit
aep-tile-single-note = alleen identiteiten uit één namespace
aep-tile-unsegmented = Profielen zonder segment
aep-tile-unsegmented-note = in geen enkele doelgroep
aep-tile-pseudonymous = Alleen pseudonieme profielen
aep-tile-pseudonymous-note = alleen apparaat- of cookie-identiteiten
aep-tile-change = Verschil met de vorige momentopname
aep-tile-change-needs = vraagt twee momentopnamen of meer
aep-tile-change-note = profielen erbij en eraf sinds
aep-change-added = { $count } profielen erbij
aep-change-removed = { $count } profielen eraf
aep-tiles-rejected = { $rejected } van { $read } records geweigerd
aep-identity-title = Profielen per identiteit
aep-identity-empty = Geen identiteit in deze momentopname.
aep-identity-lead = { $n ->
    [one] Een profiel met identiteiten in meerdere namespaces telt bij elk daarvan mee, dus samen zijn de namespaces meer dan het ene profiel ({ $count }).
   *[other] Een profiel met identiteiten in meerdere namespaces telt bij elk daarvan mee, dus samen zijn de namespaces meer dan de { $count } profielen.
}
aep-identity-svg-title = Profielen met een identiteit in elke namespace (staven)
aep-identity-bar = { $namespace }: { $count } profielen
aep-identity-caption = Profielen met ten minste één identiteit in elke namespace, grootste eerst
aep-chart-largest = De grafiek toont de { $n } grootste; de tabel ze allemaal.
aep-col-namespace = Namespace
aep-col-profiles = Profielen
aep-col-share = Aandeel van de profielen
aep-single-title = Profielen met één identiteit
aep-single-lead = hebben alleen identiteiten uit één namespace (twee e-mailadressen en verder niets is één namespace).
aep-single-caption = Profielen met één identiteit, per namespace
aep-overlap-title = Overlap van identiteiten
aep-overlap-choose = Te vergelijken namespaces
aep-overlap-a = Namespace A
aep-overlap-b = Namespace B
aep-overlap-largest = De twee namespaces die de meeste profielen delen:
aep-overlap-empty = Minder dan twee namespaces: geen overlap te tonen.
aep-venn-title = { $a }: { $a-count } profielen; { $b }: { $b-count } profielen; beide: { $both } (cirkels op schaal)
aep-venn-circle = { $name }: { $count } profielen
aep-only = alleen { $namespace }
aep-both = zowel { $a } als { $b }
aep-overlap-caption = Elk paar namespaces dat profielen deelt, grootste eerst
aep-col-namespace-a = Namespace A
aep-col-namespace-b = Namespace B
aep-col-both = Profielen met beide
aep-col-a-only = Alleen A
aep-col-b-only = Alleen B
aep-audiences-title = Doelgroepen
aep-unsegmented-lead = zitten in geen segment: geen van hun records is realized of existing in een doelgroep.
aep-audiences-empty = Geen doelgroeplidmaatschap (realized of existing) in deze momentopname.
aep-audiences-svg-title = Profielen in elke doelgroep (staven)
aep-audience-bar = { $audience }: { $count } profielen
aep-audiences-caption = Profielen in elke doelgroep (segment-id), grootste eerst
aep-col-audience = Doelgroep
aep-col-audience-a = Doelgroep A
aep-col-audience-b = Doelgroep B
aep-audience-overlap-caption = De 20 grootste overlappingen van twee doelgroepen
aep-trend-title = In de tijd
aep-trend-svg-title = Profielen in elke momentopname (staven)
aep-trend-bar = { $time }: { $count } profielen
aep-trend-caption = Wijs een staaf aan om het precieze cijfer te zien.
aep-trend-table-caption = Profielen in elke momentopname, oudste eerst, met de profielen erbij en eraf sinds de vorige
aep-col-snapshot = Momentopname
aep-col-added = Erbij
aep-col-removed = Eraf
aep-col-from = Van momentopname
aep-col-to = Tot momentopname
aep-unseen-title = Wat de console niet toont
aep-unseen-lead = Diagnoses van dezelfde records waarvoor het Profielen-dashboard geen scherm heeft. Ze veranderen de cijfers hierboven niet.
aep-case-title = Dubbel door hoofdletters
aep-case-lead-written = Experience Platform vergelijkt identiteiten met hun hoofdletters, dus
aep-case-lead-becomes = zijn twee identiteiten, en kunnen twee profielen worden.
aep-case-empty = Geen namespace heeft id's die alleen in hoofdletters of omringende spaties verschillen.
aep-case-caption = Per namespace: hoeveel profielen minder het zouden zijn als de id's zonder hoofdletters en omringende spaties vergeleken werden
aep-col-fewer = Profielen minder
aep-col-examples = Voorbeelden
aep-collapse-title = Verdacht samengevoegd
aep-collapse-lead = Een gedeeld apparaat of een nepwaarde (test@test.com) voegt veel klanten samen tot één profiel.
aep-collapse-over-limit = { $n ->
    [one] profiel heeft meer dan 50 identiteiten (de grens van Experience Platform: dan vallen de oudste weg).
   *[other] profielen hebben meer dan 50 identiteiten (de grens van Experience Platform: dan vallen de oudste weg).
}
aep-collapse-unique = Profielen met meer dan één id van een unieke namespace:
aep-hubs-caption = De identiteiten die aan de meeste records hangen
aep-col-identity = Identiteit
aep-col-records = Records
aep-compared-title = Identiteitsgrafiek tegenover één profiel per record
aep-compared-lead = Dezelfde records met beide koppelingen: met geen is elk record een eigen profiel (een export van samengevoegde profielen is al gekoppeld).
aep-compared-caption = Cijfers van de laatste momentopname met elke koppeling; het verschil is geen min grafiek
aep-compared-none = Dit rapport is met één koppeling gemaakt: vraag om de vergelijking om grafiek en geen naast elkaar te zien.
aep-compared-over-limit = Profielen met meer dan 50 identiteiten
aep-compared-unique = Conflicten in unieke namespaces
aep-col-figure = Cijfer
aep-col-difference = Verschil
aep-pseudonymous-title = Alleen pseudonieme profielen
aep-pseudonymous-lead = hebben alleen apparaat- of cookie-identiteiten ({ $namespaces }): er is geen persoon van bekend, toch tellen ze als profiel en blazen ze het bereikbare publiek op.
aep-diagnosis-none = Nog geen records gelezen.
aep-diagnosis-read = { $n ->
    [one] record gelezen:
   *[other] records gelezen:
}
aep-diagnosis-used = gebruikt,
aep-diagnosis-rejected = geweigerd.
aep-rejected-caption = Geweigerde records
aep-rejected-listed = Hier staan de eerste { $shown } van { $count } geweigerde records, per reden gegroepeerd; de aantallen per reden gelden voor deze records.
aep-rejected-group-records = { $n ->
    [one] { $count } record
   *[other] { $count } records
}
aep-rejected-group-caption = Geweigerde records: { $reason }
aep-files-caption = Hoe elk bestand gelezen is
aep-col-format = Formaat
aep-explain-title = Een identiteit uitleggen
aep-explain-none = Geen record bevat de identiteit “{ $query }”: ze zit in geen profiel van deze bestanden. Hoofdletters en spaties tellen, net als in Experience Platform.
aep-explain-snapshot = Momentopname
aep-explain-summary = { $n ->
    [one] Het profiel heeft { $count } identiteit
   *[other] Het profiel heeft { $count } identiteiten
}, gekoppeld door { $records-n ->
    [one] { $records } record.
   *[other] { $records } records.
}
aep-explain-over-limit = Meer dan 50 identiteiten: boven de grens van Experience Platform, dat dan de oudste laat vallen.
aep-explain-unique = Meer dan één { $namespace }-id: een unieke namespace, dus dit profiel voegt waarschijnlijk meerdere klanten samen.
aep-explain-no-guardrail = Geen grens overschreden: hoogstens 50 identiteiten en hoogstens één id van elke unieke namespace.
aep-explain-identities-caption = De identiteiten van het profiel
aep-explain-records-caption = De records die ze koppelden
aep-col-record-identities = Identiteiten van het record
aep-identity-hidden = (waarde niet opgenomen)
aep-explain-records-more = De eerste { $shown } van { $count } records staan hier.
aep-bundle-kind = Rapport Journey Optimizer-profielen
aep-bundle-default-title = Profielen op { $date }
aep-bundle-snapshots = Momentopnamen
aep-bundle-privacy-counts = Dit bestand bevat alleen aantallen: geen identiteitswaarde.
aep-bundle-privacy-identities = Dit bestand noemt identiteitswaarden (voorbeelden van hoofdletterdubbels, knooppunt-identiteiten): het zijn persoonsgegevens.
aep-export-snapshots = Profielen per momentopname
aep-export-change = Verschil tussen momentopnamen
aep-export-unique-conflicts = Conflicten in unieke namespaces

## Veldnamen (de kolommen waarmee een bestand wordt gelezen; --map houdt de Engelse namen)

fieldname-profile-key = profielsleutel
fieldname-event-date = gebeurtenisdatum
fieldname-status = status
fieldname-failure-reason = foutreden
fieldname-failure-type = fouttype
fieldname-delivery = levering
fieldname-channel = kanaal
fieldname-target-dimension = targetingdimensie
fieldname-address = adres
fieldname-transactional = transactioneel
fieldname-proof = proef
fieldname-seed = seed
fieldname-control-group = controlegroep
fieldname-instance = instantie
fieldname-label = label

## Bestanden die niet geteld kunnen worden

problem-missing = { $file }, regel 1 (de kopregel): geen kolom gevonden voor { $missing }. Gevonden kopteksten: { $headers }.
problem-or = of

## Delen: de rapportbundel, JSON- en CSV-export, de actieve profielen één voor één

share-download = Rapport downloaden
share-download-hint = Eén HTML-bestand met het hele rapport: het opent offline met een dubbelklik en drukt af op A4. Alleen aantallen, tenzij u hieronder de profielen opneemt.
share-export = Exporteren
share-title-label = Titel
share-include-profiles = Sleutels en adressen van de actieve profielen opnemen
share-include-profiles-hint = Persoonsgegevens: het rapport, de bundel en de exports noemen dan elk actief profiel. Laat dit uit om alleen aantallen te delen.
share-include-profiles-unavailable = Open de logbestanden om de profielen te tonen: dit rapport is uit een bestand geopend.
share-json = Rapport als JSON
share-json-hint = Het document report.json: deze viewer opent het weer.
share-csv = Tabellen als CSV
share-csv-semicolon = Scheiden met puntkomma’s (Excel in het grootste deel van Europa)
share-csv-table = { $title } ({ $n ->
    [one] { $count } rij
   *[other] { $count } rijen
})
share-saved = Opgeslagen als { $file }.
profiles-title = Actieve profielen, één voor één
profiles-lead = { $n ->
    [one] { $count } profiel is actief op de peildatum. Deze lijst bevat persoonsgegevens: deel hem alleen met wie hem mag zien.
   *[other] { $count } profielen zijn actief op de peildatum. Deze lijst bevat persoonsgegevens: deel hem alleen met wie hem mag zien.
}
profiles-more = Hier staan de eerste { $shown } van { $count }; de CSV-export en de rapportbundel bevatten ze allemaal.
col-instance = Instantie
col-key = Profielsleutel of adres
col-leaves = Valt af op
export-dimensions = Targetingdimensies
export-instances = Targetingdimensies per instantie
export-channels = Kanalen
export-daily = Actieve profielen per dag
export-expiring = Profielen die per maand afvallen
export-excluded = Uitgesloten rijen per reden
export-rejected = Geweigerde rijen
export-unrecognised = Onbekende waarden
export-files = Gelezen bestanden
bundle-kind = Rapport actieve profielen
bundle-default-title = Actieve profielen op { $date }
bundle-made = Gemaakt
bundle-counted-status = Getelde statussen
bundle-excluded-status = Uitgesloten statussen
bundle-excluded-reasons = Uitgesloten foutredenen
bundle-engine = Geteld door
bundle-privacy-aggregates = Dit bestand bevat alleen aantallen: geen profielsleutel en geen adres.
bundle-privacy-keys = Dit bestand noemt de sleutels of adressen van { $count } actieve profielen: het zijn persoonsgegevens.
bundle-foot = Een statische rapportbundel: hij voert geen script uit en haalt niets op. Open report.json eruit in de active-profiles-viewer om verder te kijken.

## Issue 18: the first screen, counts in progress, column gaps

open-your-files = Uw bestanden openen

## Issue 15: two reports, one page (Campaign's active profiles, Journey Optimizer's profiles)

tabs-label = Rapporten
tabs-hint = Bestanden gaan naar het rapport waar ze bij horen, op hun inhoud: leveringslogboeken naar Adobe Campaign, profielrecords naar Profielen, JSON step events naar Benaderbare profielen. In het tabblad Benaderbare profielen is elk geopend bestand gebeurtenissen (ook gzip, Parquet en CSV).
tab-campaign = Actieve profielen
tab-campaign-product = Adobe Campaign
tab-profiles = Profielen
tab-profiles-product = Journey Optimizer
tab-holds-demo = Demogegevens
tab-holds-files = { $n ->
    [one] Uw bestand
   *[other] Uw { $n } bestanden
}
tab-holds-report = Een bewaard rapport
tab-holds-reading = Bezig met lezen…
open-folder = Een map openen
open-profiles-demo = Bekijk de demo van Journey Optimizer: profielen en identiteiten (rapport Profielen)
notice-split = { $logs ->
    [one] 1 bestand met leveringslogboeken ging naar Actieve profielen (Adobe Campaign)
   *[other] { $logs } bestanden met leveringslogboeken gingen naar Actieve profielen (Adobe Campaign)
} en { $records ->
    [one] 1 bestand met profielrecords naar Profielen (Journey Optimizer).
   *[other] { $records } bestanden met profielrecords naar Profielen (Journey Optimizer).
}
profiles-demo-banner = Demogegevens: een gegenereerde Experience Platform-export met twee momentopnamen, niet de uwe. Open uw profielexports (JSON, gzip of Parquet, of een hele map) om ze te tellen.
profiles-demo-counting = De demo-export wordt geteld…
profiles-sources = { $n ->
    [one] 1 bestand met profielrecords
   *[other] { $n } bestanden met profielrecords
}, { $size }.
profiles-back-to-demo = Terug naar de demo
profiles-progress = { $done } van { $total } gelezen, { $lines } regels
profiles-stitching = Samenvoegen
profiles-stitching-hint = Identiteitsgrafiek: records met een gedeelde identiteit zijn één profiel (standaard in AEP). Geen: elk record is een eigen profiel, zoals in een export van samengevoegde profielen.
profiles-stitching-graph = Identiteitsgrafiek
profiles-stitching-none = Geen
profiles-unique = Unieke naamruimten
profiles-unique-hint = Een profiel hoort van elk hoogstens één id te hebben (gescheiden door komma's).
profiles-pseudonymous = Pseudonieme naamruimten
profiles-pseudonymous-hint = Naamruimten van apparaten en cookies (gescheiden door komma's).
profiles-snapshot-time = Tijdstip van momentopname (UTC)
profiles-snapshot-time-hint = Voor bestanden buiten een map exportTime=.
profiles-identities = Identiteitswaarden tonen
profiles-identities-hint = E-mailadressen, id's en apparaten zijn persoonsgegevens: alleen getoond, geëxporteerd en uitgelegd zolang dit is aangevinkt.
profiles-explain-hint = Bij welk profiel een identiteit hoort: elke identiteit erin en de records die ze verbonden.
profiles-explain-namespace = Naamruimte
profiles-explain-namespace-any = Elke naamruimte
profiles-explain-id = Identiteit
profiles-explain-submit = Uitleggen
profiles-explain-pending = { $id } wordt opgezocht…
profiles-explain-close = De uitleg sluiten
profiles-explain-wait = De bestanden worden nog gelezen: vraag het opnieuw zodra de telling klaar is.
profiles-json-hint = De cijfers van het rapport als JSON profiles/1, zoals de opdrachtregel ze schrijft.
hint-logs = Exports van leveringslogboeken: één rij per bericht dat een levering naar een profiel stuurde (CSV, elk scheidingsteken), meerdere tegelijk.
hint-deliveries = Leveringenbestand: één rij per levering, met kanaal en targetingdimensie, voor logboeken waarin die ontbreken.
hint-report = Rapportbestand: een report.json of rapportbundel die eerder met deze viewer of de opdrachtregel is gemaakt, getoond zoals hij gemaakt is.
hint-as-of = Peildatum: de dag waarvoor geteld wordt; een profiel is actief als een levering het in de 12 maanden tot die dag heeft getarget.
hint-billing-day = Factuurdag: de dag van elke maand waarop uw contract zijn momentopname neemt (Customer metrics).
hint-purchased = Aangeschafte profielen: het aantal actieve profielen dat uw licentie toestaat, om de telling mee te vergelijken.
term-active-title = Wat is een actief profiel?
term-active-text = Een profiel (een ontvanger, bezoeker of adres) dat ten minste één levering in de 12 maanden tot de peildatum heeft getarget, één keer geteld, hoeveel berichten het ook kreeg. Proeven, seeds, controlegroepen en profielen die bij het voorbereiden van een levering zijn weggelaten tellen niet. Marketingplatforms worden op dit aantal gelicentieerd.
as-of-pinned = Peildatum { $date } (vastgezet)
as-of-follow = De gegevens volgen
as-of-follows = Volgt de gegevens: de laatste gebeurtenisdatum van de bestanden.
count-finished = { $nrows ->
    [one] { $rows } rij
   *[other] { $rows } rijen
} geteld uit { $files ->
    [one] { $files } bestand
   *[other] { $files } bestanden
}: { $nactive ->
    [one] { $active } actief profiel
   *[other] { $active } actieve profielen
}.
explain-pending = “{ $query }” wordt uitgelegd zodra de bestanden geteld zijn.
notice-explain-recount = Het telproces heeft deze bestanden niet meer: open ze opnieuw om een profiel uit te leggen.
columns-needed-title = Kolommen kiezen
mapping-which = Welke kolom bevat de { $fields }? ({ $file })
mapping-optional = Ook deze kolommen zijn niet herkend. Bevat een ervan een van deze velden, kies hem dan; zonder statuskolom telt elke rij als verzonden.
mapping-option-samples = { $header } (bijv. { $values })
gap-status = Geteld zonder statuskolom in { $n ->
    [one] { $n } bestand
   *[other] { $n } bestanden
}: elke rij telt als verzonden.
gap-failure-reason = Geteld zonder kolom voor de foutreden in { $n ->
    [one] { $n } bestand
   *[other] { $n } bestanden
}: geen rij weggelaten om zijn foutreden.
gap-channel = Geteld zonder kanaalkolom in { $n ->
    [one] { $n } bestand
   *[other] { $n } bestanden
}: elke rij geteld onder het kanaal Unknown.
gap-target-dimension = Geteld zonder kolom voor de targetingdimensie in { $n ->
    [one] { $n } bestand
   *[other] { $n } bestanden
}: elk profiel geteld in Recipients.

# Engageable profiles (Journey Optimizer)
eng-chart-title = Benaderbare profielen per dag
eng-newly-title = Nieuw benaderde profielen per dag
eng-sandboxes-title = Sandboxen
eng-journeys-title = Journeys en campagnes
eng-expiring-title = Uit de telling
eng-rejected-caption = Afgewezen gebeurtenissen
eng-rejected-listed = De eerste { $shown } van { $count } afgewezen gebeurtenissen staan hier, gegroepeerd per reden; de aantallen per reden zijn van de getoonde.
eng-rejected-group-events = { $n ->
    [one] { $count } gebeurtenis
   *[other] { $count } gebeurtenissen
}
eng-rejected-group-caption = Afgewezen gebeurtenissen: { $reason }
eng-empty-title = Geen gebeurtenissen geteld.
eng-empty-text = Open engagementgebeurtenissen (journey step events) om de licentiemaat te zien.
eng-usage = Licentiegebruik
eng-tile-licensed = Gelicentieerde benaderbare profielen
eng-tile-licensed-note = voor de productiesandboxen
eng-tile-licensed-enter = Vul het gelicentieerde aantal in om het gebruik en de voorspelling te zien.
eng-tile-usage = Gebruik
eng-tile-usage-note = benaderbare profielen van de productiesandboxen op
eng-tile-percent = Gebruik %
eng-tile-predicted = Voorspeld gebruik
eng-tile-predicted-on = op
eng-tile-predicted-needs = Vereist het gelicentieerde aantal.
eng-tiles-more = Benaderbare profielen per soort sandbox
eng-total = Benaderbare profielen
eng-production = Productiesandboxen
eng-development = Ontwikkelsandboxen
eng-dry-run-only = Alleen door testruns benaderd (meegeteld)
eng-stitched-joined = Minder profielen door samenvoegen
eng-window = Periode van 12 maanden:
eng-chart-point = { $date }: { $count } benaderbare profielen
eng-chart-level = Gelicentieerd: { $count } benaderbare profielen
eng-chart-svg-production = Benaderbare profielen van de productiesandboxen per dag, met het gelicentieerde aantal
eng-chart-svg-all = Benaderbare profielen per dag
eng-newly-point = { $date }: { $count } nieuw benaderde profielen
eng-legend-production = Benaderbare profielen van de productiesandboxen
eng-legend-all = Benaderbare profielen, alle sandboxen
eng-legend-licensed = Gelicentieerd
eng-legend-predicted = Voorspeld op { $date }: { $low } tot { $high }
eng-legend-no-licence = Vul het gelicentieerde aantal in om de lijn te tekenen.
eng-chart-point-sandbox = { $sandbox } ({ $type }): { $count }
eng-legend-sandbox = Sandbox { $sandbox } ({ $type })
eng-daily-caption = Benaderbare profielen per dag
eng-sandbox-daily-caption = Benaderbare profielen per dag en sandbox
eng-col-newly = Nieuw benaderd
eng-newly-lead = Een profiel is op een dag nieuw benaderd als het die dag benaderbaar is en de dag ervoor niet.
eng-no-spikes = Geen piek: geen dag bracht meer dan drie keer de mediaan van nieuw benaderde profielen van de 28 dagen ervoor.
eng-spikes-caption = Pieken: dagen met meer dan drie keer de mediaan van nieuw benaderde profielen van de 28 dagen ervoor, en de journeys die de meeste brachten
eng-col-median = Mediaan van de 28 dagen ervoor
eng-col-journeys = Journeys
eng-col-sandbox = Sandbox
eng-col-type = Soort
eng-col-profiles = Profielen
eng-type-development = ontwikkeling
eng-type-production = productie
eng-journeys-lead = Profielen benaderd door elke journey of campagne in de periode (een profiel in meerdere staat in elk).
eng-journeys-none = Geen gebeurtenis noemt een journey of campagne.
eng-col-journey = Journey of campagne
eng-expiring-lead = Profielen benaderbaar op de peildatum, naar de maand waarin ze uit de telling vallen als er niets meer naar ze wordt verstuurd.
eng-col-month = Maand
eng-diagnosis-read = { $n ->
    [one] gebeurtenis gelezen:
   *[other] gebeurtenissen gelezen:
}
eng-diagnosis-counted = geteld,
eng-diagnosis-rejected = afgewezen.
eng-files-caption = Gelezen bestanden
eng-col-events = Gebeurtenissen
eng-bundle-default-title = Benaderbare profielen op { $date }
eng-bundle-kind = Benaderbare profielen (Journey Optimizer)
eng-as-of = Peildatum
eng-time-zone = Tijdzone
eng-bundle-privacy = Dit bestand bevat alleen aantallen: geen profielsleutel of identiteit.
eng-usage-ok = binnen de licentie
eng-usage-near = dicht bij de licentie
eng-usage-over = boven de licentie
tab-engageable = Benaderbare profielen
tab-engageable-product = Journey Optimizer · licentie
notice-split-three = { $logs } leveringslogbestanden gingen naar Actieve profielen, { $records } bestanden met profielrecords naar Profielen en { $events } bestanden met engagementgebeurtenissen naar Benaderbare profielen.
eng-sources = { $n ->
    [one] 1 bestand met engagementgebeurtenissen
   *[other] { $n } bestanden met engagementgebeurtenissen
} ({ $size }).
eng-sources-snapshot = Samengevoegd met een profielmomentopname van { $n } bestanden.
eng-demo-banner = Demogegevens: gegenereerde journey step events over 13 maanden in een productie- en een ontwikkelsandbox, samengevoegd met de Profielen-demo, niet de uwe. Open uw step events (JSON, gzip, Parquet of een Query Service-CSV) om ze te tellen.
eng-as-of-hint = De dag waarvoor de telling geldt; leeg: de laatste gebeurtenisdatum.
eng-licensed-hint = Het aantal benaderbare profielen in uw contract (productiesandboxen).
eng-snapshot = Profielmomentopname (optioneel)
eng-snapshot-hint = Een AEP-profielexport: benaderde sleutels die identiteiten van één samengevoegd profiel zijn, tellen één keer.
eng-snapshot-demo = Open eerst uw gebeurtenissen: de demo is samengevoegd met de Profielen-demo.
eng-snapshot-needs-events = Open eerst engagementgebeurtenissen: een profielmomentopname voegt de getoonde gebeurtenissen samen.
eng-sandbox = Sandbox van gebeurtenissen zonder sandbox
eng-sandbox-hint = NAAM of NAAM:development; leeg: prod (productie). Elk bestand kan hieronder een eigen sandbox krijgen. De bestanden worden opnieuw gelezen.
eng-sandbox-invalid = De sandbox is NAAM of NAAM:production of NAAM:development.
eng-fieldname-time = tijdstip
eng-fieldname-profile = profiel
eng-fieldname-journey-or-campaign = journey of campagne
eng-fieldname-sandbox = sandbox
eng-fieldname-sandbox-type = sandboxtype
eng-fieldname-dry-run = testrun
eng-mapping-optional = Ook deze kolommen zijn niet herkend. Bevat een ervan een van deze velden, kies hem dan; zonder sandboxkolom gaan de gebeurtenissen van het bestand naar zijn sandbox hieronder.
eng-columns-hint = De andere bestanden worden intussen geteld; dit bestand zodra elk van deze velden een kolom heeft. Uw keuze wordt onthouden voor bestanden met dezelfde kolomkoppen.
eng-columns-mapped = Met de hand gekozen kolommen van { $file }
eng-file-sandboxes-title = Sandbox per bestand
eng-file-sandboxes-hint = Gebeurtenissen zonder sandbox gaan naar de sandbox van hun bestand: die hierboven, tot u hier een andere kiest. Een wijziging leest de bestanden opnieuw.
eng-file-sandbox-waits = Nog niet geteld: kies eerst de kolommen hierboven.
eng-file-sandbox-from-data = { $sandboxes }, uit de gegevens
eng-file-sandbox-others = Gebeurtenissen zonder sandbox:
eng-file-sandbox-name-label = Sandbox van de gebeurtenissen van { $file } zonder sandbox
eng-file-sandbox-type-label = Sandboxtype van de gebeurtenissen van { $file } zonder sandbox
eng-file-sandbox-default = de instelling hierboven
