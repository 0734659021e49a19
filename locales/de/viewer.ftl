# Die Wörter des Viewers, Deutsch. Dieselben Schlüssel wie locales/en/viewer.ftl.
# Campaign-Begriffe, in Adobes deutscher Dokumentation geprüft (experienceleague.adobe.com/de/docs/…): „Aktive Profile“,
# der Bericht „Kundenmetriken“, „Zielgruppendimensionen“ (campaign-standard, audiences/using/active-profiles);
# Status Ignoriert, Versand abgebrochen, Nicht anwendbar (campaign-classic, delivery/using/delivery-statuses).

## Kopf, Dateien und Einstellungen

app-title = Aktive Profile
privacy = Ihre Dateien bleiben auf diesem Computer: Sie werden in dieser Seite gelesen und gezählt, nie hochgeladen.
language-label = Sprache
demo-banner = Demodaten: ein erzeugter Export, nicht Ihrer. Öffnen Sie Ihre Exporte der Versandlogs, um sie zu zählen.
sources-logs = { $n ->
    [one] { $n } Logdatei ({ $size })
   *[other] { $n } Logdateien ({ $size })
}
sources-deliveries = Sendungen: { $name }
sources-report = Bericht geöffnet aus { $name }
open-files = Dateien öffnen
drop-hint = oder Dateien oder einen ganzen Ordner irgendwo auf dieser Seite ablegen: Exporte der Versandlogs (CSV, Arbeitsmappen) und Profilexporte (JSON, gzip, Parquet) gehen jeweils zu ihrem Bericht. Sie werden hier gelesen, nie hochgeladen.
slot-logs = Logdateien
slot-deliveries = Sendungsdatei (optional)
slot-report = Bericht (JSON oder Berichtspaket)
choose-columns-show = Spalten wählen…
choose-columns-hide = Spalten ausblenden
stale-note = Ihre Dateien werden gezählt: Der Bericht unten ist der vorige, bis die Zählung fertig ist.
settings = Einstellungen
settings-as-of = Stichtag
settings-billing-day = Abrechnungstag
settings-billing-last = letzter Tag
settings-purchased = Erworbene Profile
settings-time-zone = Zeitzone
settings-time-zone-hint = UTC, ein Versatz wie +02:00 oder eine Zone wie Europe/Berlin
settings-time-zone-used = Der angezeigte Bericht ist in { $zone } gezählt.
settings-day-order = 03/04/2026 ist
settings-day-first = 3. April (Tag zuerst)
settings-month-first = 4. März (Monat zuerst)
progress-label = Dateien werden gelesen
progress-text = { $done } von { $total } gelesen · { $rate } Zeilen/s
progress-finishing = { $total } gelesen · der Bericht wird erstellt…
cancel = Abbrechen
problems-title = Nicht gezählte Dateien
columns-label = Spalten wählen
columns-title = Spalten
notice-settings-report = Einstellungen gelten für gezählte Dateien; ein geöffneter Bericht wird so gezeigt, wie er erstellt wurde.
notice-mapped-before = Spalten so zugeordnet, wie Sie es zuvor für Dateien mit diesen Kopfzeilen gewählt haben.
notice-cancelled = Abgebrochen: Der gezeigte Bericht ist der vorige.
notice-deliveries-ready = Sendungsdatei bereit: Öffnen Sie jetzt die Logdateien.
notice-explain-report = Ein Bericht enthält keine Profile: Öffnen Sie die Logdateien, um eines zu erklären.

## Spaltenzuordnung

mapping-reading = Die ersten Zeilen werden gelesen…
mapping-intro = { $file }: { $encoding }, Trennzeichen „{ $delimiter }“. Wählen Sie die Spalte, die jedes Feld enthält:
mapping-automatic = automatisch: { $header }
mapping-choose = — Spalte wählen —
mapping-preview-caption = Die ersten { $n } Zeilen von { $file }

## Bericht: gemeinsame Wörter

active-profiles = Aktive Profile
not-set = nicht festgelegt
total = Gesamt
col-from = Von (einschließlich)
col-to = Bis (einschließlich)
col-number-active = Anzahl aktiver Profile
col-source = Quelle
col-contacts = Anzahl der Kontakte
col-channel = Kanal
col-date = Datum
col-month = Monat
col-reason = Grund
col-rows = Zeilen
col-file = Datei
col-line = Zeile
col-field = Feld
col-value = Wert
counted = Gezählt
excluded = Ausgeschlossen
empty-report-title = Noch keine Profile gezählt.
empty-report-text = Die Zahlen erscheinen hier, sobald Versandlogs gezählt sind.

## Kacheln

usage = Nutzung
usage-ok = innerhalb des Erworbenen
usage-near = nahe am Erworbenen
usage-over = über dem Erworbenen
tile-on = am
tile-no-as-of = noch kein Stichtag
tile-purchased = Erworben
tile-purchased-note = aktive Profile laut Vertrag
tile-purchased-enter = zum Vergleichen eingeben
tile-window = Von (einschließlich) – Bis (einschließlich)
tile-window-note = die 12 gezählten Monate
tile-no-dates = noch keine Daten
tile-per-instance = Pro Instanz
tile-instance-share = { $percent } der Organisation
tile-used = Genutzt
tile-used-needs = braucht die erworbene Anzahl
tile-used-aria = { $percent } des Erworbenen genutzt, { $words }

## Nutzungsdiagramm

chart-title = Aktive Profile im Zeitverlauf
chart-period = Gezeigter Zeitraum
chart-30-days = 30 Tage
chart-1-year = 1 Jahr
chart-bar = Momentaufnahme { $from } – { $to }: { $count } aktive Profile
chart-point = { $date }: { $count } aktive Profile
chart-level = Erworben: { $count } aktive Profile
chart-svg-title = Aktive Profile vom { $from } bis { $to }: monatliche Momentaufnahmen (Balken), tägliche Anzahl (Linie)
chart-svg-title-purchased = Aktive Profile vom { $from } bis { $to }: monatliche Momentaufnahmen (Balken), tägliche Anzahl (Linie), erworben (gestrichelte Linie)
legend-snapshot = Monatliche Momentaufnahme (Balken)
legend-daily = Tägliche Anzahl (Linie)
legend-purchased = Erworben:
legend-dashed = (gestrichelte Linie)
legend-no-purchased = Keine erworbene Anzahl festgelegt: keine Linie dafür.
chart-hint = Zeigen Sie auf einen Balken oder die Linie, um die genaue Zahl zu sehen.
chart-daily-summary = { $n ->
    [one] Tägliche Anzahl, { $n } Tag
   *[other] Tägliche Anzahl, { $n } Tage
}
chart-daily-caption = Aktive Profile an jedem Tag im Diagramm
chart-empty = Noch keine täglichen Anzahlen für ein Diagramm.

## Kundenmetriken

metrics-title = Kundenmetriken
metrics-empty = Noch keine Momentaufnahmen: An jedem Abrechnungstag innerhalb der Daten der Dateien wird eine erstellt.
metrics-caption = Aktive Profile bei jeder monatlichen Momentaufnahme, neueste zuerst.
metrics-caption-choose = Wählen Sie eine Zeile, um ihre Details zu sehen.
metrics-show = Momentaufnahme vom { $date } zeigen
metrics-shown = (gezeigt)

## Details der Momentaufnahme

detail-title = Details der Momentaufnahme
detail-empty = Keine aktiven Profile an diesem Datum, also keine Zielgruppendimension zu zeigen.
dimensions = Zielgruppendimensionen
dimensions-on = Zielgruppendimensionen am { $date }
dimensions-org = die Organisation
dimensions-instance = Instanz { $name }
channels = Kanäle
channels-empty = Kein Kanal: Es wurde kein Profil gezählt.
channels-caption = Aktive Profile pro Kanal. Ein über zwei Kanäle erreichtes Profil steht in beiden Zeilen, daher müssen die Zeilen nicht die Gesamtzahl ergeben.
channels-caption-on = Aktive Profile pro Kanal am { $date }. Ein über zwei Kanäle erreichtes Profil steht in beiden Zeilen, daher müssen die Zeilen nicht die Gesamtzahl ergeben.
multi-channel = Über mehr als einen Kanal erreicht:

## Auslaufend

expiring-title = Auslaufend
expiring-empty = Kein aktives Profil, also keines, das ausläuft.
expiring-lead-before = Von den
expiring-lead-after = am Stichtag aktiven Profilen verlassen so viele jeden Monat das 12-Monats-Fenster, wenn ihnen nichts mehr gesendet wird.
expiring-bar = { $month }: { $count } Profile fallen heraus
expiring-point = Nach { $month }: { $count } aktive Profile, wenn nichts mehr gesendet wird
expiring-svg-title = Profile, die das Fenster jeden Monat verlassen (Balken), und die verbleibende Anzahl, wenn nichts mehr gesendet wird (Linie)
legend-leaving = Fällt im Monat heraus (Balken)
legend-left = Verbleibend nach dem Monat (Linie)
expiring-caption = Profile, die das Fenster pro Monat verlassen, und die verbleibende Anzahl, wenn nichts mehr gesendet wird
col-leaving = Fallen heraus
col-active-after = Danach aktiv

## Diagnose

diagnosis-title = Diagnose
diagnosis-no-rows = Noch keine Zeilen gelesen.
diagnosis-rows-read = { $n ->
    [one] Zeile gelesen:
   *[other] Zeilen gelesen:
}
diagnosis-counted = gezählt,
diagnosis-excluded = ausgeschlossen,
diagnosis-rejected = abgewiesen.
reason-proof = Testsendung oder Seed-Adresse
reason-social = Sozialer Kanal
reason-control = Kontrollgruppe
reason-status = Status nicht gezählt
reason-failure-reason = Fehlergrund nicht gezählt
help-proof = Eine Testsendung, eine Seed-Adresse oder ein als Testsendung markierter Versand.
help-social = Ein sozialer Kanal (Twitter/X, Facebook): Campaign lässt Social Marketing außen vor.
help-control = Ein Mitglied einer Kontrollgruppe (Kennzeichen oder Fehlergrund 127 Kontrolladresse).
help-status = Ignoriert, Versand abgebrochen oder Nicht anwendbar: bei der Vorbereitung entfernt oder nie gesendet.
help-failure-reason = Bei der Vorbereitung ausgeschlossen (keine Adresse, auf der Blockierungsliste, Quarantäne, Duplikat, ...).
field-status = Status
field-failure-reason = Fehlergrund
excluded-caption = Ausgeschlossene Zeilen nach Grund (der erste zutreffende Grund)
rejected-caption = Abgewiesene Zeilen
unrecognised-caption = Werte, die die Regeln nicht kennen. Sie werden gezählt, außer Sie schließen sie aus; der Bericht wird dann neu gezählt.
col-rows-are = Zeilen sind
warnings = Warnungen
files-caption = Wie jede Datei gelesen wurde
col-encoding = Kodierung
col-delimiter = Trennzeichen
col-columns = Verwendete Spalten
delimiter-comma = Komma
delimiter-semicolon = Semikolon
delimiter-tab = Tabulator
delimiter-bar = senkrechter Strich

## Sich zurechtfinden: Inhalt, lange Tabellen, abgewiesene Zeilen nach Grund

skip-to-report = Zum Bericht springen
nav-label = Inhalt des Berichts
nav-tiles = Kennzahlen
show-all = Alle anzeigen ({ $count })
tiles-rejected = { $rejected } von { $read } Zeilen abgewiesen
tiles-rejected-why = Gründe ansehen
chart-monthly-in = Die Monatszahlen stehen unter
rejected-listed = Hier stehen die ersten { $shown } von { $count } abgewiesenen Zeilen, nach Grund gruppiert; die Zahlen je Grund beziehen sich auf diese Zeilen.
rejected-group-rows = { $n ->
    [one] { $count } Zeile
   *[other] { $count } Zeilen
}
rejected-group-caption = Abgewiesene Zeilen: { $reason }
rejected-group-too-many-fields = mehr als 10.000 Felder
rejected-group-unclosed = ein Anführungszeichen wird nie geschlossen
help-status-excluded = Ausgeschlossene Status: { $statuses }.
reclassify-context = Zeilen, deren { $field } { $value } ist

## Doppelte Identitäten

duplicates-title = Doppelte Identitäten
duplicates-lead-written = Journey Optimizer liest E-Mail-Adressen mit ihrer Groß- und Kleinschreibung, sodass eine Person, geschrieben als
duplicates-lead-and = und
duplicates-lead-becomes = zu zwei Profilen wird. Dies ist eine Diagnose: Sie ändert die Anzahl oben nicht.
duplicates-empty = Keine Adresse unterscheidet sich von einer anderen nur in der Groß- und Kleinschreibung.
duplicates-caption = Aktive Profile, deren Adresse bis auf Groß- und Kleinschreibung einer anderen gleicht, pro Dimension
col-involved = Betroffene Profile
col-fewer = Weniger beim Zusammenführen

## Ein Profil erklären

explain-title = Ein Profil erklären
explain-lead = Geben Sie einen Profilschlüssel oder eine Adresse ein, um jede Zeile davon in den Dateien zu sehen: gezählt, ausgeschlossen (und warum) oder abgewiesen. Groß- und Kleinschreibung zählt, wie bei der Zählung.
explain-placeholder = Profilschlüssel oder Adresse
explain-button = Erklären
explain-busy = Die Dateien werden für „{ $query }“ gelesen…
explain-caption = Zeilen von „{ $query }“ in den Dateien
col-file-line = Datei, Zeile
col-delivery = Versand
col-counted-as = Gezählt als
col-outcome = Ergebnis
explain-file-line = { $file }, Zeile { $line }
close = Schließen
explain-none = Keine Zeile der Dateien hat den Schlüssel oder die Adresse „{ $query }“.
explain-not-counted = „{ $query }“ hat { $n } Zeile(n), keine davon gezählt: Es ist kein aktives Profil.
explain-the-as-of = dem Stichtag
explain-active = Aktiv am { $on } in { $place }: zuletzt gezählt am { $last }; es verlässt das Fenster am { $leaves }, wenn nichts mehr gesendet wird.
explain-gone = Nicht aktiv am { $on } in { $place }: zuletzt gezählt am { $last }, mehr als 12 Monate zuvor.
explain-never = Nicht aktiv am { $on } in { $place }: keine gezählte Zeile an oder vor diesem Datum.

## Journey-Optimizer-Profile (views/src/aep/): der Profile-Bericht, sein Paket und seine CSV-Tabellen

aep-empty-title = Noch keine Profildatensätze gezählt.
aep-empty-text = Die Zahlen erscheinen hier, sobald AEP-Profilexporte (JSON Lines, JSON, gzip oder Parquet) gelesen sind.
aep-shown-one = Zusammenführung: { $stitching }. Die Zahlen gelten für den Snapshot vom
aep-shown-latest = Zusammenführung: { $stitching }. { $n } Snapshots: Die Zahlen gelten für den letzten, aufgenommen am
aep-shown-untimed = Zusammenführung: { $stitching }. Die Dateien liegen in keinem exportTime=-Ordner: ein Snapshot ohne Zeitpunkt.
aep-snapshot-untimed = Snapshot ohne Zeitpunkt
aep-stitching = Zusammenführung
aep-stitching-graph = Identitätsgraph
aep-stitching-none = keine (ein Profil je Datensatz)
aep-unique-namespaces = Eindeutige Namespaces
aep-pseudonymous-namespaces = Pseudonyme Namespaces
aep-tile-profiles = Profile
aep-tile-share = { $percent } der Profile:
aep-tile-single = Profile mit einer Identität
aep-tile-single-note = nur Identitäten eines Namespace
aep-tile-unsegmented = Profile ohne Segment
aep-tile-unsegmented-note = in keiner Zielgruppe
aep-tile-pseudonymous = Nur pseudonyme Profile
aep-tile-pseudonymous-note = nur Geräte- oder Cookie-Identitäten
aep-tile-change = Änderung seit dem vorigen Snapshot
aep-tile-change-needs = braucht zwei oder mehr Snapshots
aep-tile-change-note = Profile hinzugekommen und weggefallen seit
aep-change-added = { $count } Profile hinzugekommen
aep-change-removed = { $count } Profile weggefallen
aep-tiles-rejected = { $rejected } von { $read } Datensätzen abgewiesen
aep-identity-title = Profile nach Identität
aep-identity-empty = Keine Identität in diesem Snapshot.
aep-identity-lead = { $n ->
    [one] Ein Profil mit Identitäten in mehreren Namespaces zählt bei jedem davon, daher ergeben die Namespaces zusammen mehr als das { $count } Profil.
   *[other] Ein Profil mit Identitäten in mehreren Namespaces zählt bei jedem davon, daher ergeben die Namespaces zusammen mehr als die { $count } Profile.
}
aep-identity-svg-title = Profile mit einer Identität in jedem Namespace (Balken)
aep-identity-bar = { $namespace }: { $count } Profile
aep-identity-caption = Profile mit mindestens einer Identität in jedem Namespace, größte zuerst
aep-chart-largest = Das Diagramm zeigt die { $n } größten; die Tabelle führt alle auf.
aep-col-namespace = Namespace
aep-col-profiles = Profile
aep-col-share = Anteil an den Profilen
aep-single-title = Profile mit einer Identität
aep-single-lead = haben nur Identitäten eines Namespace (zwei E-Mail-Adressen und sonst nichts sind ein Namespace).
aep-single-caption = Profile mit einer Identität, nach Namespace
aep-overlap-title = Überschneidung der Identitäten
aep-overlap-choose = Zu vergleichende Namespaces
aep-overlap-a = Namespace A
aep-overlap-b = Namespace B
aep-overlap-largest = Die zwei Namespaces mit den meisten gemeinsamen Profilen:
aep-overlap-empty = Weniger als zwei Namespaces: keine Überschneidung zu zeigen.
aep-venn-title = { $a }: { $a-count } Profile; { $b }: { $b-count } Profile; beide: { $both } (Kreise maßstabsgetreu)
aep-venn-circle = { $name }: { $count } Profile
aep-only = nur { $namespace }
aep-both = sowohl { $a } als auch { $b }
aep-overlap-caption = Jedes Paar von Namespaces mit gemeinsamen Profilen, größtes zuerst
aep-col-namespace-a = Namespace A
aep-col-namespace-b = Namespace B
aep-col-both = Profile mit beiden
aep-col-a-only = Nur A
aep-col-b-only = Nur B
aep-audiences-title = Zielgruppen
aep-unsegmented-lead = sind ohne Segment: keiner ihrer Datensätze ist in einer Zielgruppe realized oder existing.
aep-audiences-empty = Keine Zielgruppenzugehörigkeit (realized oder existing) in diesem Snapshot.
aep-audiences-svg-title = Profile in jeder Zielgruppe (Balken)
aep-audience-bar = { $audience }: { $count } Profile
aep-audiences-caption = Profile in jeder Zielgruppe (Segment-ID), größte zuerst
aep-col-audience = Zielgruppe
aep-col-audience-a = Zielgruppe A
aep-col-audience-b = Zielgruppe B
aep-audience-overlap-caption = Die 20 größten Überschneidungen zweier Zielgruppen
aep-trend-title = Im Zeitverlauf
aep-trend-svg-title = Profile in jedem Snapshot (Balken)
aep-trend-bar = { $time }: { $count } Profile
aep-trend-caption = Zeigen Sie auf einen Balken, um die genaue Zahl zu sehen.
aep-trend-table-caption = Profile in jedem Snapshot, älteste zuerst, mit den seit dem vorigen hinzugekommenen und weggefallenen Profilen
aep-col-snapshot = Snapshot
aep-col-added = Hinzugekommen
aep-col-removed = Weggefallen
aep-col-from = Von Snapshot
aep-col-to = Bis Snapshot
aep-unseen-title = Was die Konsole nicht zeigt
aep-unseen-lead = Diagnosen derselben Datensätze, für die das Profile-Dashboard keine Ansicht hat. Sie ändern die Zahlen oben nicht.
aep-case-title = Dubletten durch Groß- und Kleinschreibung
aep-case-lead-written = Experience Platform vergleicht Identitäten mit ihrer Groß- und Kleinschreibung, daher sind
aep-case-lead-becomes = zwei Identitäten und können zwei Profile ergeben.
aep-case-empty = Kein Namespace hat IDs, die sich nur in Groß- und Kleinschreibung oder umgebenden Leerzeichen unterscheiden.
aep-case-caption = Je Namespace: wie viele Profile weniger es wären, wenn seine IDs ohne Groß- und Kleinschreibung und umgebende Leerzeichen verglichen würden
aep-col-fewer = Profile weniger
aep-col-examples = Beispiele
aep-collapse-title = Verdacht auf Zusammenbruch
aep-collapse-lead = Ein gemeinsam genutztes Gerät oder ein Unsinnswert (test@test.com) führt viele Kunden zu einem Profil zusammen.
aep-collapse-over-limit = { $n ->
    [one] Profil hat mehr als 50 Identitäten (die Grenze von Experience Platform: dann fallen die ältesten weg).
   *[other] Profile haben mehr als 50 Identitäten (die Grenze von Experience Platform: dann fallen die ältesten weg).
}
aep-collapse-unique = Profile mit mehr als einer ID eines eindeutigen Namespace:
aep-hubs-caption = Die Identitäten, die mit den meisten Datensätzen verknüpft sind
aep-col-identity = Identität
aep-col-records = Datensätze
aep-compared-title = Identitätsgraph gegenüber einem Profil je Datensatz
aep-compared-lead = Dieselben Datensätze mit beiden Zusammenführungen: bei keiner ist jeder Datensatz ein eigenes Profil (ein Export zusammengeführter Profile ist bereits zusammengeführt).
aep-compared-caption = Zahlen des letzten Snapshots mit jeder Zusammenführung; die Differenz ist keine minus Graph
aep-compared-none = Dieser Bericht wurde mit nur einer Zusammenführung erstellt: Fordern Sie den Vergleich an, um Graph und keine nebeneinander zu sehen.
aep-compared-over-limit = Profile mit mehr als 50 Identitäten
aep-compared-unique = Konflikte eindeutiger Namespaces
aep-col-figure = Kennzahl
aep-col-difference = Differenz
aep-pseudonymous-title = Nur pseudonyme Profile
aep-pseudonymous-lead = haben nur Geräte- oder Cookie-Identitäten ({ $namespaces }): Keine Person ist für sie bekannt, dennoch zählen sie als Profile und blähen die erreichbare Zielgruppe auf.
aep-diagnosis-none = Noch keine Datensätze gelesen.
aep-diagnosis-read = { $n ->
    [one] Datensatz gelesen:
   *[other] Datensätze gelesen:
}
aep-diagnosis-used = verwendet,
aep-diagnosis-rejected = abgewiesen.
aep-rejected-caption = Abgewiesene Datensätze
aep-rejected-listed = Hier stehen die ersten { $shown } von { $count } abgewiesenen Datensätzen, nach Grund gruppiert; die Zahlen je Grund beziehen sich auf diese Datensätze.
aep-rejected-group-records = { $n ->
    [one] { $count } Datensatz
   *[other] { $count } Datensätze
}
aep-rejected-group-caption = Abgewiesene Datensätze: { $reason }
aep-files-caption = Wie jede Datei gelesen wurde
aep-col-format = Format
aep-explain-title = Eine Identität erklären
aep-explain-none = Kein Datensatz enthält die Identität „{ $query }“: Sie gehört zu keinem Profil dieser Dateien. Groß- und Kleinschreibung und Leerzeichen zählen, wie in Experience Platform.
aep-explain-snapshot = Snapshot
aep-explain-summary = { $n ->
    [one] Das Profil hat { $count } Identität
   *[other] Das Profil hat { $count } Identitäten
}, verknüpft durch { $records-n ->
    [one] { $records } Datensatz.
   *[other] { $records } Datensätze.
}
aep-explain-over-limit = Mehr als 50 Identitäten: über der Grenze von Experience Platform, das dann die ältesten entfernt.
aep-explain-unique = Mehr als eine { $namespace }-ID: ein eindeutiger Namespace, dieses Profil führt also wahrscheinlich mehrere Kunden zusammen.
aep-explain-no-guardrail = Keine Grenze überschritten: höchstens 50 Identitäten und höchstens eine ID je eindeutigem Namespace.
aep-explain-identities-caption = Die Identitäten des Profils
aep-explain-records-caption = Die Datensätze, die sie verknüpft haben
aep-col-record-identities = Identitäten des Datensatzes
aep-identity-hidden = (Wert nicht enthalten)
aep-explain-records-more = Die ersten { $shown } von { $count } Datensätzen sind aufgeführt.
aep-bundle-kind = Bericht der Journey-Optimizer-Profile
aep-bundle-default-title = Profile am { $date }
aep-bundle-snapshots = Snapshots
aep-bundle-privacy-counts = Diese Datei enthält nur Zahlen: keinen Identitätswert.
aep-bundle-privacy-identities = Diese Datei führt Identitätswerte auf (Beispiele für Schreibweisen-Dubletten, Knoten-Identitäten): Das sind personenbezogene Daten.
aep-export-snapshots = Profile je Snapshot
aep-export-change = Änderung zwischen Snapshots
aep-export-unique-conflicts = Konflikte eindeutiger Namespaces

## Feldnamen (die Spalten, nach denen eine Datei gelesen wird; --map behält die englischen Namen)

fieldname-profile-key = Profilschlüssel
fieldname-event-date = Ereignisdatum
fieldname-status = Status
fieldname-failure-reason = Fehlergrund
fieldname-failure-type = Fehlertyp
fieldname-delivery = Versand
fieldname-channel = Kanal
fieldname-target-dimension = Zielgruppendimension
fieldname-address = Adresse
fieldname-transactional = transaktional
fieldname-proof = Testsendung
fieldname-seed = Seed
fieldname-control-group = Kontrollgruppe
fieldname-instance = Instanz
fieldname-label = Bezeichnung

## Dateien, die nicht gezählt werden können

problem-missing = { $file }, Zeile 1 (die Kopfzeile): keine Spalte gefunden für { $missing }. Gefundene Kopfzeilen: { $headers }.
problem-or = oder

## Teilen: das Berichtspaket, JSON- und CSV-Export, die aktiven Profile einzeln

share-download = Bericht herunterladen
share-download-hint = Eine HTML-Datei mit dem ganzen Bericht: Sie öffnet sich offline per Doppelklick und druckt auf A4. Nur Zahlen, außer Sie nehmen unten die Profile auf.
share-export = Exportieren
share-title-label = Titel
share-include-profiles = Schlüssel und Adressen der aktiven Profile aufnehmen
share-include-profiles-hint = Personenbezogene Daten: Bericht, Paket und Exporte listen dann jedes aktive Profil. Lassen Sie es aus, um nur Zahlen zu teilen.
share-include-profiles-unavailable = Öffnen Sie die Protokolldateien, um die Profile aufzulisten: Dieser Bericht wurde aus einer Datei geöffnet.
share-json = Bericht als JSON
share-json-hint = Das Dokument report.json: Dieser Viewer öffnet es wieder.
share-csv = Tabellen als CSV
share-csv-semicolon = Mit Semikolon trennen (Excel in den meisten Ländern Europas)
share-csv-table = { $title } ({ $n ->
    [one] { $count } Zeile
   *[other] { $count } Zeilen
})
share-saved = Gespeichert als { $file }.
profiles-title = Aktive Profile, einzeln
profiles-lead = { $n ->
    [one] { $count } Profil ist am Stichtag aktiv. Diese Liste enthält personenbezogene Daten: Geben Sie sie nur an Berechtigte weiter.
   *[other] { $count } Profile sind am Stichtag aktiv. Diese Liste enthält personenbezogene Daten: Geben Sie sie nur an Berechtigte weiter.
}
profiles-more = Hier stehen die ersten { $shown } von { $count }; der CSV-Export und das Berichtspaket enthalten alle.
col-instance = Instanz
col-key = Profilschlüssel oder Adresse
col-leaves = Fällt heraus am
export-dimensions = Zielgruppendimensionen
export-instances = Zielgruppendimensionen je Instanz
export-channels = Kanäle
export-daily = Aktive Profile je Tag
export-expiring = Profile, die je Monat herausfallen
export-excluded = Ausgeschlossene Zeilen nach Grund
export-rejected = Abgewiesene Zeilen
export-unrecognised = Unbekannte Werte
export-files = Gelesene Dateien
bundle-kind = Bericht über aktive Profile
bundle-default-title = Aktive Profile am { $date }
bundle-made = Erstellt
bundle-counted-status = Gezählte Status
bundle-excluded-status = Ausgeschlossene Status
bundle-excluded-reasons = Ausgeschlossene Fehlergründe
bundle-engine = Gezählt von
bundle-privacy-aggregates = Diese Datei enthält nur Zahlen: keinen Profilschlüssel und keine Adresse.
bundle-privacy-keys = Diese Datei listet die Schlüssel oder Adressen von { $count } aktiven Profilen: Das sind personenbezogene Daten.
bundle-foot = Ein statisches Berichtspaket: Es führt kein Skript aus und lädt nichts nach. Öffnen Sie das report.json daraus im active-profiles-Viewer, um es zu erkunden.

## Issue 18: the first screen, counts in progress, column gaps

open-your-files = Ihre Dateien öffnen

## Issue 15: two reports, one page (Campaign's active profiles, Journey Optimizer's profiles)

tabs-label = Berichte
tabs-hint = Dateien gehen nach ihrem Inhalt zu dem Bericht, zu dem sie gehören: Versandlogs zu Adobe Campaign, Profildatensätze zu Profile, JSON-Step-Events zu Ansprechbare Profile. Im Reiter Ansprechbare Profile ist jede geöffnete Datei Ereignisse (auch gzip, Parquet und CSV).
tab-campaign = Aktive Profile
tab-campaign-product = Adobe Campaign
tab-profiles = Profile
tab-profiles-product = Journey Optimizer
tab-holds-demo = Demodaten
tab-holds-files = { $n ->
    [one] Ihre Datei
   *[other] Ihre { $n } Dateien
}
tab-holds-report = Ein gespeicherter Bericht
tab-holds-reading = Wird gelesen…
open-folder = Einen Ordner öffnen
open-profiles-demo = Die Demo von Journey Optimizer ansehen: Profile und Identitäten (Bericht Profile)
notice-split = { $logs ->
    [one] 1 Datei mit Versandlogs ging zu Aktive Profile (Adobe Campaign)
   *[other] { $logs } Dateien mit Versandlogs gingen zu Aktive Profile (Adobe Campaign)
} und { $records ->
    [one] 1 Datei mit Profildatensätzen zu Profile (Journey Optimizer).
   *[other] { $records } Dateien mit Profildatensätzen zu Profile (Journey Optimizer).
}
profiles-demo-banner = Demodaten: ein erzeugter Experience-Platform-Export mit zwei Momentaufnahmen, nicht Ihrer. Öffnen Sie Ihre Profilexporte (JSON, gzip oder Parquet, oder einen ganzen Ordner), um sie zu zählen.
profiles-demo-counting = Der Demo-Export wird gezählt…
profiles-sources = { $n ->
    [one] 1 Datei mit Profildatensätzen
   *[other] { $n } Dateien mit Profildatensätzen
}, { $size }.
profiles-back-to-demo = Zurück zur Demo
profiles-progress = { $done } von { $total } gelesen, { $lines } Zeilen
profiles-stitching = Zusammenführung
profiles-stitching-hint = Identitätsgraph: Datensätze mit einer gemeinsamen Identität sind ein Profil (Standard in AEP). Keine: jeder Datensatz ist ein eigenes Profil, wie in einem Export zusammengeführter Profile.
profiles-stitching-graph = Identitätsgraph
profiles-stitching-none = Keine
profiles-unique = Eindeutige Namespaces
profiles-unique-hint = Ein Profil sollte von jedem höchstens eine ID haben (durch Kommas getrennt).
profiles-pseudonymous = Pseudonyme Namespaces
profiles-pseudonymous-hint = Namespaces von Geräten und Cookies (durch Kommas getrennt).
profiles-snapshot-time = Zeitpunkt der Momentaufnahme (UTC)
profiles-snapshot-time-hint = Für Dateien außerhalb eines Ordners exportTime=.
profiles-identities = Identitätswerte zeigen
profiles-identities-hint = E-Mail-Adressen, IDs und Geräte sind personenbezogene Daten: nur gezeigt, exportiert und erklärt, solange dies angekreuzt ist.
profiles-explain-hint = Zu welchem Profil eine Identität gehört: jede Identität darin und die Datensätze, die sie verbunden haben.
profiles-explain-namespace = Namespace
profiles-explain-namespace-any = Jeder Namespace
profiles-explain-id = Identität
profiles-explain-submit = Erklären
profiles-explain-pending = { $id } wird gesucht…
profiles-explain-close = Die Erklärung schließen
profiles-explain-wait = Die Dateien werden noch gelesen: fragen Sie erneut, sobald die Zählung fertig ist.
profiles-json-hint = Die Zahlen des Berichts als JSON profiles/1, wie die Befehlszeile sie schreibt.
hint-logs = Exporte der Versandlogs: eine Zeile je Nachricht, die ein Versand an ein Profil schickte (CSV, beliebiges Trennzeichen), mehrere auf einmal.
hint-deliveries = Versanddatei: eine Zeile je Versand, mit Kanal und Zielgruppendimension, für Logs, denen sie fehlen.
hint-report = Berichtsdatei: eine report.json oder ein Berichtspaket, früher mit diesem Viewer oder der Kommandozeile erstellt, so gezeigt, wie es erstellt wurde.
hint-as-of = Stichtag: der Tag, für den gezählt wird; ein Profil ist aktiv, wenn ein Versand es in den 12 Monaten bis zu diesem Tag angesprochen hat.
hint-billing-day = Abrechnungstag: der Tag jedes Monats, an dem Ihr Vertrag seine Momentaufnahme nimmt (Kundenmetriken).
hint-purchased = Erworbene Profile: die Zahl aktiver Profile, die Ihre Lizenz erlaubt, zum Vergleich mit der Zählung.
term-active-title = Was ist ein aktives Profil?
term-active-text = Ein Profil (ein Empfänger, Besucher oder eine Adresse), das mindestens ein Versand in den 12 Monaten bis zum Stichtag angesprochen hat, einmal gezählt, wie viele Nachrichten es auch bekam. Testsendungen, Seeds, Kontrollgruppen und bei der Vorbereitung eines Versands ausgeschlossene Profile zählen nicht. Marketingplattformen werden nach dieser Zahl lizenziert.
as-of-pinned = Stichtag { $date } (festgelegt)
as-of-follow = Den Daten folgen
as-of-follows = Folgt den Daten: das letzte Ereignisdatum der Dateien.
count-finished = { $nrows ->
    [one] { $rows } Zeile
   *[other] { $rows } Zeilen
} aus { $files ->
    [one] { $files } Datei
   *[other] { $files } Dateien
} gezählt: { $nactive ->
    [one] { $active } aktives Profil
   *[other] { $active } aktive Profile
}.
explain-pending = „{ $query }“ wird erklärt, sobald die Dateien gezählt sind.
notice-explain-recount = Der Zählprozess hat diese Dateien nicht mehr: Öffnen Sie sie erneut, um ein Profil zu erklären.
columns-needed-title = Spalten wählen
mapping-which = Welche Spalte enthält: { $fields }? ({ $file })
mapping-optional = Auch diese Spalten wurden nicht erkannt. Enthält eine davon eines dieser Felder, wählen Sie sie; ohne Statusspalte zählt jede Zeile als gesendet.
mapping-option-samples = { $header } (z. B. { $values })
gap-status = Ohne Statusspalte gezählt in { $n ->
    [one] { $n } Datei
   *[other] { $n } Dateien
}: jede Zeile als gesendet gezählt.
gap-failure-reason = Ohne Spalte für den Fehlergrund gezählt in { $n ->
    [one] { $n } Datei
   *[other] { $n } Dateien
}: keine Zeile wegen ihres Fehlergrunds ausgelassen.
gap-channel = Ohne Kanalspalte gezählt in { $n ->
    [one] { $n } Datei
   *[other] { $n } Dateien
}: jede Zeile unter dem Kanal Unknown gezählt.
gap-target-dimension = Ohne Spalte für die Zielgruppendimension gezählt in { $n ->
    [one] { $n } Datei
   *[other] { $n } Dateien
}: jedes Profil in Recipients gezählt.

# Engageable profiles (Journey Optimizer)
eng-chart-title = Ansprechbare Profile pro Tag
eng-newly-title = Neu angesprochene Profile pro Tag
eng-sandboxes-title = Sandboxes
eng-journeys-title = Journeys und Kampagnen
eng-expiring-title = Aus der Zählung
eng-rejected-caption = Abgewiesene Ereignisse
eng-rejected-listed = Die ersten { $shown } von { $count } abgewiesenen Ereignissen sind hier nach Grund gruppiert; die Anzahlen je Grund gelten für die aufgeführten.
eng-rejected-group-events = { $n ->
    [one] { $count } Ereignis
   *[other] { $count } Ereignisse
}
eng-rejected-group-caption = Abgewiesene Ereignisse: { $reason }
eng-empty-title = Keine Ereignisse gezählt.
eng-empty-text = Öffnen Sie Engagement-Ereignisse (Journey Step Events), um die Lizenzkennzahl zu sehen.
eng-usage = Lizenznutzung
eng-tile-licensed = Lizenzierte ansprechbare Profile
eng-tile-licensed-note = für die Produktions-Sandboxes
eng-tile-licensed-enter = Geben Sie die lizenzierte Anzahl ein, um Nutzung und Prognose zu sehen.
eng-tile-usage = Nutzung
eng-tile-usage-note = ansprechbare Profile der Produktions-Sandboxes am
eng-tile-percent = Nutzung %
eng-tile-predicted = Erwartete Nutzung
eng-tile-predicted-on = am
eng-tile-predicted-needs = Benötigt die lizenzierte Anzahl.
eng-tiles-more = Ansprechbare Profile nach Sandbox-Typ
eng-total = Ansprechbare Profile
eng-production = Produktions-Sandboxes
eng-development = Entwicklungs-Sandboxes
eng-dry-run-only = Nur durch Testläufe angesprochen (mitgezählt)
eng-stitched-joined = Weniger Profile durch Zusammenführen
eng-window = Zeitraum von 12 Monaten:
eng-chart-point = { $date }: { $count } ansprechbare Profile
eng-chart-level = Lizenziert: { $count } ansprechbare Profile
eng-chart-svg-production = Ansprechbare Profile der Produktions-Sandboxes pro Tag, mit der lizenzierten Anzahl
eng-chart-svg-all = Ansprechbare Profile pro Tag
eng-newly-point = { $date }: { $count } neu angesprochene Profile
eng-legend-production = Ansprechbare Profile der Produktions-Sandboxes
eng-legend-all = Ansprechbare Profile, alle Sandboxes
eng-legend-licensed = Lizenziert
eng-legend-predicted = Prognose am { $date }: { $low } bis { $high }
eng-legend-no-licence = Geben Sie die lizenzierte Anzahl ein, um ihre Linie zu zeichnen.
eng-chart-point-sandbox = { $sandbox } ({ $type }): { $count }
eng-legend-sandbox = Sandbox { $sandbox } ({ $type })
eng-daily-caption = Ansprechbare Profile pro Tag
eng-sandbox-daily-caption = Ansprechbare Profile pro Tag und Sandbox
eng-col-newly = Neu angesprochen
eng-newly-lead = Ein Profil ist an einem Tag neu angesprochen, wenn es an diesem Tag ansprechbar ist und am Vortag nicht.
eng-no-spikes = Keine Spitze: kein Tag brachte mehr als das Dreifache des Medians neu angesprochener Profile der 28 Tage davor.
eng-spikes-caption = Spitzen: Tage mit mehr als dem Dreifachen des Medians neu angesprochener Profile der 28 Tage davor, und die Journeys, die die meisten brachten
eng-col-median = Median der 28 Tage davor
eng-col-journeys = Journeys
eng-col-sandbox = Sandbox
eng-col-type = Typ
eng-col-profiles = Profile
eng-type-development = Entwicklung
eng-type-production = Produktion
eng-journeys-lead = Von jeder Journey oder Kampagne im Zeitraum angesprochene Profile (ein Profil in mehreren zählt in jeder).
eng-journeys-none = Kein Ereignis nennt eine Journey oder Kampagne.
eng-col-journey = Journey oder Kampagne
eng-expiring-lead = Am Stichtag ansprechbare Profile nach dem Monat, in dem sie aus der Zählung fallen, wenn ihnen nichts mehr gesendet wird.
eng-col-month = Monat
eng-diagnosis-read = { $n ->
    [one] Ereignis gelesen:
   *[other] Ereignisse gelesen:
}
eng-diagnosis-counted = gezählt,
eng-diagnosis-rejected = abgewiesen.
eng-files-caption = Gelesene Dateien
eng-col-events = Ereignisse
eng-bundle-default-title = Ansprechbare Profile am { $date }
eng-bundle-kind = Ansprechbare Profile (Journey Optimizer)
eng-as-of = Stichtag
eng-time-zone = Zeitzone
eng-bundle-privacy = Diese Datei enthält nur Anzahlen: keinen Profilschlüssel und keine Identität.
eng-usage-ok = innerhalb der Lizenz
eng-usage-near = nahe an der Lizenz
eng-usage-over = über der Lizenz
tab-engageable = Ansprechbare Profile
tab-engageable-product = Journey Optimizer · Lizenz
notice-split-three = { $logs } Versandprotokolldateien gingen an Aktive Profile, { $records } Dateien mit Profildatensätzen an Profile und { $events } Dateien mit Engagement-Ereignissen an Ansprechbare Profile.
eng-sources = { $n ->
    [one] 1 Datei mit Engagement-Ereignissen
   *[other] { $n } Dateien mit Engagement-Ereignissen
} ({ $size }).
eng-sources-snapshot = Zusammengeführt durch einen Profil-Snapshot aus { $n } Dateien.
eng-demo-banner = Demodaten: generierte Journey Step Events über 13 Monate in einer Produktions- und einer Entwicklungs-Sandbox, zusammengeführt durch die Profile-Demo, nicht Ihre. Öffnen Sie Ihre Step Events (JSON, gzip, Parquet oder eine Query-Service-CSV), um sie zu zählen.
eng-as-of-hint = Der Tag, für den gezählt wird; leer: das letzte Ereignisdatum.
eng-licensed-hint = Die Anzahl ansprechbarer Profile Ihres Vertrags (Produktions-Sandboxes).
eng-snapshot = Profil-Snapshot (optional)
eng-snapshot-hint = Ein AEP-Profilexport: angesprochene Schlüssel, die Identitäten eines zusammengeführten Profils sind, zählen einmal.
eng-snapshot-demo = Öffnen Sie zuerst Ihre Ereignisse: die Demo wird durch die Profile-Demo zusammengeführt.
eng-snapshot-needs-events = Öffnen Sie zuerst Engagement-Ereignisse: ein Profil-Snapshot führt die angezeigten Ereignisse zusammen.
eng-sandbox = Sandbox von Ereignissen ohne Sandbox
eng-sandbox-hint = NAME oder NAME:development; leer: prod (Produktion). Jede Datei kann unten eine eigene bekommen. Die Dateien werden erneut gelesen.
eng-sandbox-invalid = Die Sandbox ist NAME, NAME:production oder NAME:development.
eng-fieldname-time = Zeitpunkt
eng-fieldname-profile = Profil
eng-fieldname-journey-or-campaign = Journey oder Kampagne
eng-fieldname-sandbox = Sandbox
eng-fieldname-sandbox-type = Sandbox-Typ
eng-fieldname-dry-run = Testlauf
eng-mapping-optional = Auch diese Spalten wurden nicht erkannt. Enthält eine davon eines dieser Felder, wählen Sie sie; ohne Sandbox-Spalte gehen die Ereignisse der Datei in ihre Sandbox unten.
eng-columns-hint = Die anderen Dateien werden inzwischen gezählt; diese, sobald jedes dieser Felder eine Spalte hat. Ihre Wahl wird für Dateien mit denselben Spaltenköpfen gespeichert.
eng-columns-mapped = Von Hand gewählte Spalten von { $file }
eng-file-sandboxes-title = Sandbox je Datei
eng-file-sandboxes-hint = Ereignisse ohne Sandbox gehen in die Sandbox ihrer Datei: die oben eingestellte, bis Sie hier eine andere wählen. Eine Änderung liest die Dateien erneut.
eng-file-sandbox-waits = Noch nicht gezählt: wählen Sie oben ihre Spalten.
eng-file-sandbox-from-data = { $sandboxes }, aus den Daten
eng-file-sandbox-others = Ereignisse ohne Sandbox:
eng-file-sandbox-name-label = Sandbox der Ereignisse von { $file } ohne Sandbox
eng-file-sandbox-type-label = Sandbox-Typ der Ereignisse von { $file } ohne Sandbox
eng-file-sandbox-default = die Einstellung oben
