# Les mots de la visionneuse, en français. Les mêmes clés que locales/en/viewer.ftl.
# Termes de Campaign, vérifiés dans la documentation française d'Adobe (experienceleague.adobe.com/fr/docs/…) :
# « Profils actifs », le rapport « Mesures des clients », « dimensions de ciblage » (campaign-standard, audiences/using/active-profiles) ;
# « diffusion » ; statuts Ignoré, Diffusion annulée, Non applicable (campaign-classic, delivery/using/delivery-statuses).

## En-tête, fichiers et réglages

app-title = Profils actifs
privacy = Vos fichiers restent sur cet ordinateur : ils sont lus et comptés dans cette page, jamais envoyés.
language-label = Langue
demo-banner = Données de démonstration : un export généré, pas le vôtre. Ouvrez vos exports de logs de diffusion pour les compter.
sources-logs = { $n ->
    [one] { $n } fichier de logs ({ $size })
   *[other] { $n } fichiers de logs ({ $size })
}
sources-deliveries = diffusions : { $name }
sources-report = Rapport ouvert depuis { $name }
open-files = Ouvrir des fichiers
drop-hint = ou déposez des fichiers ou un dossier entier n’importe où sur cette page : les exports de logs de diffusion (CSV, classeurs) et les exports de profils (JSON, gzip, Parquet) vont chacun à leur rapport. Ils sont lus ici, jamais envoyés.
slot-logs = Fichiers de logs
slot-deliveries = Fichier des diffusions (facultatif)
slot-report = Rapport (JSON ou paquet)
choose-columns-show = Choisir les colonnes…
choose-columns-hide = Masquer les colonnes
stale-note = Comptage de vos fichiers : le rapport ci-dessous reste le précédent jusqu’à la fin.
settings = Réglages
settings-as-of = Date de référence
settings-billing-day = Jour de facturation
settings-billing-last = dernier jour
settings-purchased = Profils achetés
settings-time-zone = Fuseau horaire
settings-time-zone-hint = UTC, un décalage tel que +02:00 ou un fuseau tel que Europe/Paris
settings-time-zone-used = Le rapport affiché est compté en { $zone }.
settings-day-order = 03/04/2026 est le
settings-day-first = 3 avril (jour d’abord)
settings-month-first = 4 mars (mois d’abord)
progress-label = Lecture des fichiers
progress-text = { $done } sur { $total } lus · { $rate } lignes/s
progress-finishing = { $total } lus · préparation du rapport…
cancel = Annuler
problems-title = Fichiers non comptés
columns-label = Choisir les colonnes
columns-title = Colonnes
notice-settings-report = Les réglages s’appliquent aux fichiers comptés ; un rapport ouvert est affiché tel qu’il a été fait.
notice-mapped-before = Colonnes associées comme vous l’aviez choisi pour les fichiers avec ces en-têtes.
notice-cancelled = Annulé : le rapport affiché est le précédent.
notice-deliveries-ready = Fichier des diffusions prêt : ouvrez maintenant les fichiers de logs.
notice-explain-report = Un rapport ne contient pas de profils : ouvrez les fichiers de logs pour en expliquer un.

## Association des colonnes

mapping-reading = Lecture des premières lignes…
mapping-intro = { $file } : { $encoding }, séparateur « { $delimiter } ». Choisissez la colonne qui contient chaque champ :
mapping-automatic = automatique : { $header }
mapping-choose = — choisir une colonne —
mapping-preview-caption = Les { $n } premières lignes de { $file }

## Rapport : mots partagés

active-profiles = Profils actifs
not-set = non défini
total = Total
col-from = Du (inclus)
col-to = Au (inclus)
col-number-active = Nombre de profils actifs
col-source = Source
col-contacts = Nombre de contacts
col-channel = Canal
col-date = Date
col-month = Mois
col-reason = Motif
col-rows = Lignes
col-file = Fichier
col-line = Ligne
col-field = Champ
col-value = Valeur
counted = Compté
excluded = Exclu
empty-report-title = Aucun profil compté pour l’instant.
empty-report-text = Les chiffres apparaissent ici une fois les logs de diffusion comptés.

## Tuiles

usage = Utilisation
usage-ok = dans les limites de l’achat
usage-near = proche de l’achat
usage-over = au-delà de l’achat
tile-on = au
tile-no-as-of = pas encore de date de référence
tile-purchased = Achetés
tile-purchased-note = profils actifs du contrat
tile-purchased-enter = saisissez-le pour comparer
tile-window = Du (inclus) – Au (inclus)
tile-window-note = les 12 mois comptés
tile-no-dates = pas encore de dates
tile-per-instance = Par instance
tile-instance-share = { $percent } de l’organisation
tile-used = Utilisés
tile-used-needs = nécessite le nombre acheté
tile-used-aria = { $percent } de l’achat utilisé, { $words }

## Graphique d’utilisation

chart-title = Profils actifs dans le temps
chart-period = Période affichée
chart-30-days = 30 jours
chart-1-year = 1 an
chart-bar = Instantané { $from } – { $to } : { $count } profils actifs
chart-point = { $date } : { $count } profils actifs
chart-level = Achetés : { $count } profils actifs
chart-svg-title = Profils actifs du { $from } au { $to } : instantanés mensuels (barres), nombre quotidien (ligne)
chart-svg-title-purchased = Profils actifs du { $from } au { $to } : instantanés mensuels (barres), nombre quotidien (ligne), achetés (ligne pointillée)
legend-snapshot = Instantané mensuel (barre)
legend-daily = Nombre quotidien (ligne)
legend-purchased = Achetés :
legend-dashed = (ligne pointillée)
legend-no-purchased = Aucun nombre acheté défini : pas de ligne d’achat.
chart-hint = Pointez une barre ou la ligne pour voir le chiffre exact.
chart-daily-summary = { $n ->
    [one] Nombre quotidien, { $n } jour
   *[other] Nombre quotidien, { $n } jours
}
chart-daily-caption = Profils actifs chaque jour du graphique
chart-empty = Pas encore de nombres quotidiens à afficher.

## Mesures des clients

metrics-title = Mesures des clients
metrics-empty = Pas encore d’instantané : un instantané est pris à chaque jour de facturation compris dans les dates des fichiers.
metrics-caption = Profils actifs à chaque instantané mensuel, du plus récent au plus ancien.
metrics-caption-choose = Choisissez une ligne pour voir son détail.
metrics-show = Afficher l’instantané du { $date }
metrics-shown = (affiché)

## Détail de l’instantané

detail-title = Détail de l’instantané
detail-empty = Aucun profil actif à cette date, donc aucune dimension de ciblage à afficher.
dimensions = Dimensions de ciblage
dimensions-on = Dimensions de ciblage au { $date }
dimensions-org = l’organisation
dimensions-instance = instance { $name }
channels = Canaux
channels-empty = Aucun canal : aucun profil n’a été compté.
channels-caption = Profils actifs par canal. Un profil atteint sur deux canaux figure dans les deux lignes : la somme des lignes peut dépasser le total.
channels-caption-on = Profils actifs par canal au { $date }. Un profil atteint sur deux canaux figure dans les deux lignes : la somme des lignes peut dépasser le total.
multi-channel = Atteints sur plus d’un canal :

## Expiration

expiring-title = Expiration
expiring-empty = Aucun profil actif, donc aucun à expirer.
expiring-lead-before = Sur les
expiring-lead-after = profils actifs à la date de référence, voici combien quittent chaque mois la fenêtre de 12 mois si plus rien ne leur est envoyé.
expiring-bar = { $month } : { $count } profils sortent
expiring-point = Après { $month } : { $count } profils actifs si plus rien n’est envoyé
expiring-svg-title = Profils quittant la fenêtre chaque mois (barres) et le nombre restant si plus rien n’est envoyé (ligne)
legend-leaving = Sortent dans le mois (barre)
legend-left = Restent après le mois (ligne)
expiring-caption = Profils quittant la fenêtre par mois, et le nombre restant si plus rien n’est envoyé
col-leaving = Sortent
col-active-after = Actifs ensuite

## Diagnostic

diagnosis-title = Diagnostic
diagnosis-no-rows = Aucune ligne lue pour l’instant.
diagnosis-rows-read = { $n ->
    [one] ligne lue :
   *[other] lignes lues :
}
diagnosis-counted = comptées,
diagnosis-excluded = exclues,
diagnosis-rejected = rejetées.
reason-proof = BAT ou adresse de contrôle
reason-social = Canal social
reason-control = Groupe de contrôle
reason-status = Statut non compté
reason-failure-reason = Motif d’échec non compté
help-proof = Un BAT, une adresse de contrôle (seed), ou une diffusion marquée comme BAT.
help-social = Un canal social (Twitter/X, Facebook) : Campaign ne compte pas le marketing social.
help-control = Un membre d’un groupe de contrôle (indicateur, ou motif d’échec 127 Adresse de contrôle).
help-status = Ignoré, Diffusion annulée ou Non applicable : écarté pendant la préparation, ou jamais envoyé.
help-failure-reason = Exclu pendant la préparation (pas d’adresse, liste bloquée, quarantaine, doublon, ...).
field-status = statut
field-failure-reason = motif d’échec
excluded-caption = Lignes exclues, par motif (le premier motif qui s’applique)
rejected-caption = Lignes rejetées
unrecognised-caption = Valeurs que les règles ne connaissent pas. Elles sont comptées sauf si vous les excluez ; le rapport est alors recompté.
col-rows-are = Les lignes sont
warnings = Avertissements
files-caption = Comment chaque fichier a été lu
col-encoding = Encodage
col-delimiter = Séparateur
col-columns = Colonnes utilisées
delimiter-comma = virgule
delimiter-semicolon = point-virgule
delimiter-tab = tabulation
delimiter-bar = barre verticale

## S’y retrouver : sommaire, longs tableaux, lignes rejetées par motif

skip-to-report = Aller au rapport
nav-label = Sommaire du rapport
nav-tiles = Chiffres clés
show-all = Tout afficher ({ $count })
tiles-rejected = { $rejected } lignes rejetées sur { $read }
tiles-rejected-why = voir pourquoi
chart-monthly-in = Les chiffres mensuels sont dans
rejected-listed = Les { $shown } premières des { $count } lignes rejetées sont listées ici, groupées par motif ; les nombres par motif portent sur ces lignes.
rejected-group-rows = { $n ->
    [one] { $count } ligne
   *[other] { $count } lignes
}
rejected-group-caption = Lignes rejetées : { $reason }
rejected-group-too-many-fields = plus de 10 000 champs
rejected-group-unclosed = un guillemet n’est jamais fermé
help-status-excluded = Statuts exclus : { $statuses }.
reclassify-context = lignes dont { $field } est { $value }

## Identités en double

duplicates-title = Identités en double
duplicates-lead-written = Journey Optimizer lit les adresses e-mail avec leur casse, donc une personne écrite
duplicates-lead-and = et
duplicates-lead-becomes = devient deux profils. C’est un diagnostic : il ne change pas le nombre ci-dessus.
duplicates-empty = Aucune adresse ne diffère d’une autre par la seule casse.
duplicates-caption = Profils actifs dont l’adresse égale une autre à la casse près, par dimension
col-involved = Profils concernés
col-fewer = En moins si fusionnés

## Expliquer un profil

explain-title = Expliquer un profil
explain-lead = Saisissez une clé de profil ou une adresse pour voir chacune de ses lignes dans les fichiers : comptée, exclue (et pourquoi) ou rejetée. La casse compte, comme pour le comptage.
explain-placeholder = Clé de profil ou adresse
explain-button = Expliquer
explain-busy = Lecture des fichiers pour « { $query } »…
explain-caption = Lignes de « { $query } » dans les fichiers
col-file-line = Fichier, ligne
col-delivery = Diffusion
col-counted-as = Compté comme
col-outcome = Résultat
explain-file-line = { $file }, ligne { $line }
close = Fermer
explain-none = Aucune ligne des fichiers n’a la clé ou l’adresse « { $query } ».
explain-not-counted = « { $query } » a { $n } ligne(s), aucune comptée : ce n’est pas un profil actif.
explain-the-as-of = la date de référence
explain-active = Actif au { $on } dans { $place } : compté pour la dernière fois le { $last } ; il quitte la fenêtre le { $leaves } si plus rien n’est envoyé.
explain-gone = Inactif au { $on } dans { $place } : compté pour la dernière fois le { $last }, plus de 12 mois avant.
explain-never = Inactif au { $on } dans { $place } : aucune ligne comptée à cette date ou avant.

## Profils Journey Optimizer (views/src/aep/) : le rapport Profils, son paquet et ses tableaux CSV

aep-empty-title = Aucun enregistrement de profil compté pour l’instant.
aep-empty-text = Les chiffres apparaissent ici dès que des exports de profils AEP (JSON lines, JSON, gzip ou Parquet) sont lus.
aep-shown-one = Assemblage : { $stitching }. Les chiffres sont ceux de l’instantané du
aep-shown-latest = Assemblage : { $stitching }. { $n } instantanés : les chiffres sont ceux du dernier, pris le
aep-shown-untimed = Assemblage : { $stitching }. Les fichiers ne sont dans aucun dossier exportTime= : un seul instantané, sans date.
aep-snapshot-untimed = instantané sans date
aep-stitching = Assemblage
aep-stitching-graph = graphe d’identités
aep-stitching-none = aucun (un profil par enregistrement)
aep-unique-namespaces = Espaces de noms uniques
aep-pseudonymous-namespaces = Espaces de noms pseudonymes
aep-tile-profiles = Profils
aep-tile-share = { $percent } des profils :
aep-tile-single = Profils à identité unique
aep-tile-single-note = identités d’un seul espace de noms
aep-tile-unsegmented = Profils non segmentés
aep-tile-unsegmented-note = dans aucune audience
aep-tile-pseudonymous = Profils uniquement pseudonymes
aep-tile-pseudonymous-note = identités d’appareil ou de cookie uniquement
aep-tile-change = Évolution depuis l’instantané précédent
aep-tile-change-needs = demande au moins deux instantanés
aep-tile-change-note = profils ajoutés et retirés depuis le
aep-change-added = { $count } profils ajoutés
aep-change-removed = { $count } profils retirés
aep-tiles-rejected = { $rejected } enregistrements rejetés sur { $read }
aep-identity-title = Profils par identité
aep-identity-empty = Aucune identité dans cet instantané.
aep-identity-lead = { $n ->
    [one] Un profil ayant des identités dans plusieurs espaces de noms compte dans chacun, si bien que les espaces de noms totalisent plus que le { $count } profil.
   *[other] Un profil ayant des identités dans plusieurs espaces de noms compte dans chacun, si bien que les espaces de noms totalisent plus que les { $count } profils.
}
aep-identity-svg-title = Profils ayant une identité dans chaque espace de noms (barres)
aep-identity-bar = { $namespace } : { $count } profils
aep-identity-caption = Profils ayant au moins une identité dans chaque espace de noms, du plus grand au plus petit
aep-chart-largest = Le graphique montre les { $n } plus grands ; le tableau les liste tous.
aep-col-namespace = Espace de noms
aep-col-profiles = Profils
aep-col-share = Part des profils
aep-single-title = Profils à identité unique
aep-single-lead = n’ont d’identités que dans un seul espace de noms (deux adresses e-mail et rien d’autre, c’est un seul espace de noms).
aep-single-caption = Profils à identité unique, par espace de noms
aep-overlap-title = Chevauchement des identités
aep-overlap-choose = Espaces de noms à comparer
aep-overlap-a = Espace de noms A
aep-overlap-b = Espace de noms B
aep-overlap-largest = Les deux espaces de noms qui partagent le plus de profils :
aep-overlap-empty = Moins de deux espaces de noms : aucun chevauchement à montrer.
aep-venn-title = { $a } : { $a-count } profils ; { $b } : { $b-count } profils ; les deux : { $both } (cercles à l’échelle)
aep-venn-circle = { $name } : { $count } profils
aep-only = { $namespace } seulement
aep-both = À la fois { $a } et { $b }
aep-overlap-caption = Chaque paire d’espaces de noms qui partagent des profils, de la plus grande à la plus petite
aep-col-namespace-a = Espace de noms A
aep-col-namespace-b = Espace de noms B
aep-col-both = Profils ayant les deux
aep-col-a-only = A seulement
aep-col-b-only = B seulement
aep-audiences-title = Audiences
aep-unsegmented-lead = ne sont pas segmentés : aucun de leurs enregistrements n’est realized ou existing dans une audience.
aep-audiences-empty = Aucune appartenance à une audience (realized ou existing) dans cet instantané.
aep-audiences-svg-title = Profils de chaque audience (barres)
aep-audience-bar = { $audience } : { $count } profils
aep-audiences-caption = Profils de chaque audience (identifiant de segment), de la plus grande à la plus petite
aep-col-audience = Audience
aep-col-audience-a = Audience A
aep-col-audience-b = Audience B
aep-audience-overlap-caption = Les 20 plus grands chevauchements de deux audiences
aep-trend-title = Dans le temps
aep-trend-svg-title = Profils de chaque instantané (barres)
aep-trend-bar = { $time } : { $count } profils
aep-trend-caption = Pointez une barre pour voir son chiffre exact.
aep-trend-table-caption = Profils de chaque instantané, du plus ancien au plus récent, avec les profils ajoutés et retirés depuis le précédent
aep-col-snapshot = Instantané
aep-col-added = Ajoutés
aep-col-removed = Retirés
aep-col-from = De l’instantané
aep-col-to = À l’instantané
aep-unseen-title = Ce que la console ne montre pas
aep-unseen-lead = Des diagnostics des mêmes enregistrements pour lesquels le tableau de bord Profils n’a pas d’écran. Ils ne changent pas les chiffres ci-dessus.
aep-case-title = Doublons de casse
aep-case-lead-written = Experience Platform compare les identités en tenant compte de la casse : ainsi
aep-case-lead-becomes = sont deux identités, et peuvent donner deux profils.
aep-case-empty = Aucun espace de noms n’a d’identifiants qui ne diffèrent que par la casse ou des espaces autour.
aep-case-caption = Par espace de noms : combien de profils en moins il y aurait si ses identifiants étaient comparés sans la casse ni les espaces autour
aep-col-fewer = Profils en moins
aep-col-examples = Exemples
aep-collapse-title = Fusions suspectes
aep-collapse-lead = Un appareil partagé ou une valeur bidon (test@test.com) réunit de nombreux clients en un seul profil.
aep-collapse-over-limit = { $n ->
    [one] profil a plus de 50 identités (la limite d’Experience Platform, qui supprime alors les plus anciennes).
   *[other] profils ont plus de 50 identités (la limite d’Experience Platform, qui supprime alors les plus anciennes).
}
aep-collapse-unique = Profils ayant plus d’un identifiant d’un espace de noms unique :
aep-hubs-caption = Les identités liées au plus grand nombre d’enregistrements
aep-col-identity = Identité
aep-col-records = Enregistrements
aep-compared-title = Graphe d’identités face à un profil par enregistrement
aep-compared-lead = Les mêmes enregistrements avec les deux assemblages : avec aucun, chaque enregistrement est son propre profil (un export de profils fusionnés est déjà assemblé).
aep-compared-caption = Chiffres du dernier instantané avec chaque assemblage ; la différence est aucun moins graphe
aep-compared-none = Ce rapport a été fait avec un seul assemblage : demandez la comparaison pour voir graphe et aucun côte à côte.
aep-compared-over-limit = Profils de plus de 50 identités
aep-compared-unique = Conflits d’espaces de noms uniques
aep-col-figure = Chiffre
aep-col-difference = Différence
aep-pseudonymous-title = Profils uniquement pseudonymes
aep-pseudonymous-lead = n’ont que des identités d’appareil ou de cookie ({ $namespaces }) : aucune personne n’est connue pour eux, mais ils comptent comme profils et gonflent l’audience adressable.
aep-diagnosis-none = Aucun enregistrement lu pour l’instant.
aep-diagnosis-read = { $n ->
    [one] enregistrement lu :
   *[other] enregistrements lus :
}
aep-diagnosis-used = utilisés,
aep-diagnosis-rejected = rejetés.
aep-rejected-caption = Enregistrements rejetés
aep-rejected-listed = Les { $shown } premiers des { $count } enregistrements rejetés sont listés ici, groupés par motif ; les nombres par motif portent sur ceux-ci.
aep-rejected-group-records = { $n ->
    [one] { $count } enregistrement
   *[other] { $count } enregistrements
}
aep-rejected-group-caption = Enregistrements rejetés : { $reason }
aep-files-caption = Comment chaque fichier a été lu
aep-col-format = Format
aep-explain-title = Expliquer une identité
aep-explain-none = Aucun enregistrement ne contient l’identité « { $query } » : elle n’est dans aucun profil de ces fichiers. La casse et les espaces comptent, comme dans Experience Platform.
aep-explain-snapshot = Instantané
aep-explain-summary = { $n ->
    [one] Son profil a { $count } identité
   *[other] Son profil a { $count } identités
}, liées par { $records-n ->
    [one] { $records } enregistrement.
   *[other] { $records } enregistrements.
}
aep-explain-over-limit = Plus de 50 identités : au-delà de la limite d’Experience Platform, qui supprime alors les plus anciennes.
aep-explain-unique = Plus d’un identifiant { $namespace } : un espace de noms unique, ce profil réunit donc probablement plusieurs clients.
aep-explain-no-guardrail = Aucune limite dépassée : au plus 50 identités et au plus un identifiant de chaque espace de noms unique.
aep-explain-identities-caption = Les identités du profil
aep-explain-records-caption = Les enregistrements qui les ont liées
aep-col-record-identities = Identités de l’enregistrement
aep-identity-hidden = (valeur non incluse)
aep-explain-records-more = Les { $shown } premiers des { $count } enregistrements sont listés.
aep-bundle-kind = Rapport des profils Journey Optimizer
aep-bundle-default-title = Profils au { $date }
aep-bundle-snapshots = Instantanés
aep-bundle-privacy-counts = Ce fichier ne contient que des comptes : aucune valeur d’identité.
aep-bundle-privacy-identities = Ce fichier liste des valeurs d’identité (exemples de doublons de casse, identités pivots) : ce sont des données personnelles.
aep-export-snapshots = Profils par instantané
aep-export-change = Évolution entre instantanés
aep-export-unique-conflicts = Conflits d’espaces de noms uniques

## Noms des champs (les colonnes par lesquelles un fichier est lu ; --map garde les noms anglais)

fieldname-profile-key = clé de profil
fieldname-event-date = date de l’événement
fieldname-status = statut
fieldname-failure-reason = motif d’échec
fieldname-failure-type = type d’échec
fieldname-delivery = diffusion
fieldname-channel = canal
fieldname-target-dimension = dimension de ciblage
fieldname-address = adresse
fieldname-transactional = transactionnel
fieldname-proof = BAT
fieldname-seed = adresse de contrôle
fieldname-control-group = groupe de contrôle
fieldname-instance = instance
fieldname-label = libellé

## Fichiers qui ne peuvent pas être comptés

problem-missing = { $file }, ligne 1 (l’en-tête) : aucune colonne trouvée pour { $missing }. En-têtes trouvés : { $headers }.
problem-or = ou

## Partager : le paquet de rapport, les exports JSON et CSV, les profils actifs un par un

share-download = Télécharger le rapport
share-download-hint = Un seul fichier HTML avec tout le rapport : il s’ouvre hors ligne d’un double-clic et s’imprime en A4. Des comptes seulement, sauf si vous incluez les profils ci-dessous.
share-export = Exporter
share-title-label = Titre
share-include-profiles = Inclure les clés et adresses des profils actifs
share-include-profiles-hint = Données personnelles : le rapport, le paquet et les exports listent alors chaque profil actif. Laissez décoché pour ne partager que des comptes.
share-include-profiles-unavailable = Ouvrez les fichiers de logs pour lister les profils : ce rapport a été ouvert depuis un fichier.
share-json = Rapport en JSON
share-json-hint = Le document report.json : ce lecteur l’ouvre à nouveau.
share-csv = Tableaux en CSV
share-csv-semicolon = Séparer par des points-virgules (Excel dans la plupart de l’Europe)
share-csv-table = { $title } ({ $n ->
    [one] { $count } ligne
   *[other] { $count } lignes
})
share-saved = Enregistré sous { $file }.
profiles-title = Profils actifs, un par un
profiles-lead = { $n ->
    [one] { $count } profil est actif à la date de référence. Cette liste contient des données personnelles : ne la partagez qu’avec ceux qui peuvent la voir.
   *[other] { $count } profils sont actifs à la date de référence. Cette liste contient des données personnelles : ne la partagez qu’avec ceux qui peuvent la voir.
}
profiles-more = Les { $shown } premiers sur { $count } sont affichés ici ; l’export CSV et le paquet de rapport les contiennent tous.
col-instance = Instance
col-key = Clé de profil ou adresse
col-leaves = Sort du compte le
export-dimensions = Dimensions de ciblage
export-instances = Dimensions de ciblage par instance
export-channels = Canaux
export-daily = Profils actifs par jour
export-expiring = Profils qui sortent du compte par mois
export-excluded = Lignes exclues par motif
export-rejected = Lignes rejetées
export-unrecognised = Valeurs non reconnues
export-files = Fichiers lus
bundle-kind = Rapport des profils actifs
bundle-default-title = Profils actifs au { $date }
bundle-made = Créé
bundle-counted-status = Statuts comptés
bundle-excluded-status = Statuts exclus
bundle-excluded-reasons = Motifs d’échec exclus
bundle-engine = Compté par
bundle-privacy-aggregates = Ce fichier ne contient que des comptes : aucune clé de profil et aucune adresse.
bundle-privacy-keys = Ce fichier liste les clés ou adresses de { $count } profils actifs : ce sont des données personnelles.
bundle-foot = Un paquet de rapport statique : il n’exécute aucun script et ne télécharge rien. Ouvrez son report.json dans le lecteur active-profiles pour l’explorer.

## Issue 18: the first screen, counts in progress, column gaps

open-your-files = Ouvrir vos fichiers

## Issue 15: two reports, one page (Campaign's active profiles, Journey Optimizer's profiles)

tabs-label = Rapports
tabs-hint = Les fichiers vont au rapport auquel ils appartiennent, d’après leur contenu : les logs de diffusion à Adobe Campaign, les enregistrements de profils à Profils, les step events JSON à Profils engageables. Dans l’onglet Profils engageables, tout fichier ouvert est lu comme des événements (gzip, Parquet et CSV aussi).
tab-campaign = Profils actifs
tab-campaign-product = Adobe Campaign
tab-profiles = Profils
tab-profiles-product = Journey Optimizer
tab-holds-demo = Données de démonstration
tab-holds-files = { $n ->
    [one] Votre fichier
   *[other] Vos { $n } fichiers
}
tab-holds-report = Un rapport enregistré
tab-holds-reading = Lecture…
open-folder = Ouvrir un dossier
open-profiles-demo = Voir la démonstration de Journey Optimizer : profils et identités (rapport Profils)
notice-split = { $logs ->
    [one] 1 fichier de logs de diffusion est allé à Profils actifs (Adobe Campaign)
   *[other] { $logs } fichiers de logs de diffusion sont allés à Profils actifs (Adobe Campaign)
} et { $records ->
    [one] 1 fichier d’enregistrements de profils à Profils (Journey Optimizer).
   *[other] { $records } fichiers d’enregistrements de profils à Profils (Journey Optimizer).
}
profiles-demo-banner = Données de démonstration : un export Experience Platform généré, avec deux instantanés, pas le vôtre. Ouvrez vos exports de profils (JSON, gzip ou Parquet, ou un dossier entier) pour les compter.
profiles-demo-counting = Comptage de l’export de démonstration…
profiles-sources = { $n ->
    [one] 1 fichier d’enregistrements de profils
   *[other] { $n } fichiers d’enregistrements de profils
}, { $size }.
profiles-back-to-demo = Revenir à la démonstration
profiles-progress = { $done } lus sur { $total }, { $lines } lignes
profiles-stitching = Assemblage
profiles-stitching-hint = Graphe d’identités : les enregistrements qui partagent une identité forment un profil (par défaut dans AEP). Aucun : chaque enregistrement est un profil, comme dans un export de profils fusionnés.
profiles-stitching-graph = Graphe d’identités
profiles-stitching-none = Aucun
profiles-unique = Espaces de noms uniques
profiles-unique-hint = Un profil ne devrait en avoir qu’un identifiant au plus (séparés par des virgules).
profiles-pseudonymous = Espaces de noms pseudonymes
profiles-pseudonymous-hint = Espaces de noms d’appareils et de cookies (séparés par des virgules).
profiles-snapshot-time = Heure de l’instantané (UTC)
profiles-snapshot-time-hint = Pour les fichiers hors d’un dossier exportTime=.
profiles-identities = Afficher les valeurs d’identité
profiles-identities-hint = Adresses e-mail, identifiants et appareils sont des données personnelles : affichés, exportés et expliqués seulement tant que cette case est cochée.
profiles-explain-hint = À quel profil appartient une identité : chacune de ses identités et les enregistrements qui les ont reliées.
profiles-explain-namespace = Espace de noms
profiles-explain-namespace-any = Tout espace de noms
profiles-explain-id = Identité
profiles-explain-submit = Expliquer
profiles-explain-pending = Recherche de { $id }…
profiles-explain-close = Fermer l’explication
profiles-explain-wait = Les fichiers sont encore en lecture : redemandez une fois le comptage terminé.
profiles-json-hint = Les chiffres du rapport en JSON profiles/1, tels que la ligne de commande les écrit.
hint-logs = Exports de logs de diffusion : une ligne par message qu’une diffusion a envoyé à un profil (CSV, tout séparateur), plusieurs à la fois.
hint-deliveries = Fichier des diffusions : une ligne par diffusion, avec son canal et sa dimension de ciblage, pour les logs qui ne les ont pas.
hint-report = Fichier de rapport : un report.json ou un rapport autonome fait plus tôt par ce visualiseur ou la ligne de commande, affiché tel qu’il a été fait.
hint-as-of = Date de référence : le jour pour lequel on compte ; un profil est actif si une diffusion l’a ciblé dans les 12 mois jusqu’à ce jour.
hint-billing-day = Jour de facturation : le jour de chaque mois où votre contrat prend son instantané (Customer metrics).
hint-purchased = Profils achetés : le nombre de profils actifs que permet votre licence, pour le comparer au compte.
term-active-title = Qu’est-ce qu’un profil actif ?
term-active-text = Un profil (un destinataire, un visiteur ou une adresse) qu’au moins une diffusion a ciblé dans les 12 mois jusqu’à la date de référence, compté une fois quel que soit le nombre de messages. Les BAT, les adresses de contrôle, les groupes de contrôle et les profils écartés pendant la préparation d’une diffusion ne comptent pas. Les plateformes marketing sont licenciées sur ce nombre.
as-of-pinned = Au { $date } (épinglée)
as-of-follow = Suivre les données
as-of-follows = Suit les données : la dernière date d’événement des fichiers.
count-finished = { $nrows ->
    [one] { $rows } ligne comptée
   *[other] { $rows } lignes comptées
} dans { $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
} : { $nactive ->
    [one] { $active } profil actif
   *[other] { $active } profils actifs
}.
explain-pending = « { $query } » sera expliqué une fois les fichiers comptés.
notice-explain-recount = Le processus de comptage ne détient plus ces fichiers : ouvrez-les à nouveau pour expliquer un profil.
columns-needed-title = Colonnes à choisir
mapping-which = Quelle colonne contient : { $fields } ? ({ $file })
mapping-optional = Ces colonnes ne sont pas reconnues non plus. Si l’une d’elles contient un de ces champs, choisissez-la ; sans colonne de statut, chaque ligne compte comme envoyée.
mapping-option-samples = { $header } (p. ex. { $values })
gap-status = Compté sans colonne de statut dans { $n ->
    [one] { $n } fichier
   *[other] { $n } fichiers
} : chaque ligne comptée comme envoyée.
gap-failure-reason = Compté sans colonne de motif d’échec dans { $n ->
    [one] { $n } fichier
   *[other] { $n } fichiers
} : aucune ligne écartée pour son motif d’échec.
gap-channel = Compté sans colonne de canal dans { $n ->
    [one] { $n } fichier
   *[other] { $n } fichiers
} : chaque ligne comptée sous le canal Unknown.
gap-target-dimension = Compté sans colonne de dimension de ciblage dans { $n ->
    [one] { $n } fichier
   *[other] { $n } fichiers
} : chaque profil compté dans Recipients.

# Engageable profiles (Journey Optimizer)
eng-chart-title = Profils engageables par jour
eng-newly-title = Profils nouvellement engagés par jour
eng-sandboxes-title = Sandbox
eng-journeys-title = Parcours et campagnes
eng-expiring-title = Sorties du décompte
eng-rejected-caption = Événements rejetés
eng-rejected-listed = Les { $shown } premiers des { $count } événements rejetés sont listés ici, groupés par motif ; les nombres par motif portent sur ceux listés.
eng-rejected-group-events = { $n ->
    [one] { $count } événement
   *[other] { $count } événements
}
eng-rejected-group-caption = Événements rejetés : { $reason }
eng-empty-title = Aucun événement compté.
eng-empty-text = Ouvrez des événements d’engagement (journey step events) pour voir la mesure de licence.
eng-usage = Utilisation de la licence
eng-tile-licensed = Profils engageables sous licence
eng-tile-licensed-note = pour les sandbox de production
eng-tile-licensed-enter = Saisissez le nombre sous licence pour voir l’utilisation et la prévision.
eng-tile-usage = Utilisation
eng-tile-usage-note = profils engageables des sandbox de production au
eng-tile-percent = Utilisation %
eng-tile-predicted = Utilisation prévue
eng-tile-predicted-on = le
eng-tile-predicted-needs = Nécessite le nombre sous licence.
eng-tiles-more = Profils engageables par type de sandbox
eng-total = Profils engageables
eng-production = Sandbox de production
eng-development = Sandbox de développement
eng-dry-run-only = Engagés uniquement par des tests à blanc (comptés)
eng-stitched-joined = Profils en moins grâce au rapprochement
eng-window = Période de 12 mois :
eng-chart-point = { $date } : { $count } profils engageables
eng-chart-level = Sous licence : { $count } profils engageables
eng-chart-svg-production = Profils engageables des sandbox de production par jour, avec le nombre sous licence
eng-chart-svg-all = Profils engageables par jour
eng-newly-point = { $date } : { $count } profils nouvellement engagés
eng-legend-production = Profils engageables des sandbox de production
eng-legend-all = Profils engageables, toutes les sandbox
eng-legend-licensed = Sous licence
eng-legend-predicted = Prévision au { $date } : { $low } à { $high }
eng-legend-no-licence = Saisissez le nombre sous licence pour tracer sa ligne.
eng-chart-point-sandbox = { $sandbox } ({ $type }) : { $count }
eng-legend-sandbox = Sandbox { $sandbox } ({ $type })
eng-daily-caption = Profils engageables par jour
eng-sandbox-daily-caption = Profils engageables par jour et par sandbox
eng-col-newly = Nouvellement engagés
eng-newly-lead = Un profil est nouvellement engagé un jour où il est engageable et ne l’était pas la veille.
eng-no-spikes = Aucun pic : aucun jour n’a apporté plus de trois fois la médiane des profils nouvellement engagés des 28 jours précédents.
eng-spikes-caption = Pics : jours avec plus de trois fois la médiane des profils nouvellement engagés des 28 jours précédents, et les parcours qui en ont apporté le plus
eng-col-median = Médiane des 28 jours précédents
eng-col-journeys = Parcours
eng-col-sandbox = Sandbox
eng-col-type = Type
eng-col-profiles = Profils
eng-type-development = développement
eng-type-production = production
eng-journeys-lead = Profils engagés par chaque parcours ou campagne dans la période (un profil engagé par plusieurs figure dans chacun).
eng-journeys-none = Aucun événement ne nomme de parcours ou de campagne.
eng-col-journey = Parcours ou campagne
eng-expiring-lead = Profils engageables à la date de référence, par mois où ils sortent du décompte si rien d’autre ne leur est envoyé.
eng-col-month = Mois
eng-diagnosis-read = { $n ->
    [one] événement lu :
   *[other] événements lus :
}
eng-diagnosis-counted = comptés,
eng-diagnosis-rejected = rejetés.
eng-files-caption = Fichiers lus
eng-col-events = Événements
eng-bundle-default-title = Profils engageables au { $date }
eng-bundle-kind = Profils engageables (Journey Optimizer)
eng-as-of = Date de référence
eng-time-zone = Fuseau horaire
eng-bundle-privacy = Ce fichier ne contient que des nombres : aucune clé de profil ni identité.
eng-usage-ok = dans les limites de la licence
eng-usage-near = proche de la licence
eng-usage-over = au-delà de la licence
tab-engageable = Profils engageables
tab-engageable-product = Journey Optimizer · licence
notice-split-three = { $logs } fichiers de logs de diffusion sont allés à Profils actifs, { $records } fichiers d’enregistrements de profils à Profils et { $events } fichiers d’événements d’engagement à Profils engageables.
eng-sources = { $n ->
    [one] 1 fichier d’événements d’engagement
   *[other] { $n } fichiers d’événements d’engagement
} ({ $size }).
eng-sources-snapshot = Rapprochés par un instantané de profils de { $n } fichiers.
eng-demo-banner = Données de démonstration : des journey step events générés sur 13 mois dans une sandbox de production et une de développement, rapprochés par la démo Profils, pas les vôtres. Ouvrez vos step events (JSON, gzip, Parquet ou un CSV de Query Service) pour les compter.
eng-as-of-hint = Le jour du décompte ; vide : la dernière date d’événement.
eng-licensed-hint = Le nombre de profils engageables de votre contrat (sandbox de production).
eng-snapshot = Instantané de profils (facultatif)
eng-snapshot-hint = Un export de profils AEP : les clés engagées qui sont des identités d’un même profil rapproché comptent une fois.
eng-snapshot-demo = Ouvrez d’abord vos événements : la démo est rapprochée par la démo Profils.
eng-snapshot-needs-events = Ouvrez d’abord des événements d’engagement : un instantané de profils rapproche les événements affichés.
eng-sandbox = Sandbox des événements qui n’en nomment aucune
eng-sandbox-hint = NOM ou NOM:development ; vide : prod (production). Chaque fichier peut avoir la sienne ci-dessous. Les fichiers sont relus.
eng-sandbox-invalid = La sandbox s’écrit NOM, NOM:production ou NOM:development.
eng-fieldname-time = horodatage
eng-fieldname-profile = profil
eng-fieldname-journey-or-campaign = parcours ou campagne
eng-fieldname-sandbox = sandbox
eng-fieldname-sandbox-type = type de sandbox
eng-fieldname-dry-run = exécution d’essai
eng-mapping-optional = Ces colonnes ne sont pas reconnues non plus. Si l’une d’elles contient un de ces champs, choisissez-la ; sans colonne de sandbox, les événements du fichier vont dans sa sandbox ci-dessous.
eng-columns-hint = Les autres fichiers sont comptés en attendant ; celui-ci le sera dès que chacun de ces champs aura une colonne. Votre choix est retenu pour les fichiers aux mêmes en-têtes.
eng-columns-mapped = Colonnes de { $file } choisies à la main
eng-file-sandboxes-title = Sandbox par fichier
eng-file-sandboxes-hint = Les événements qui ne nomment aucune sandbox vont dans celle de leur fichier : celle réglée plus haut, tant que vous n’en choisissez pas une autre ici. Un changement relit les fichiers.
eng-file-sandbox-waits = Pas encore compté : choisissez ses colonnes plus haut.
eng-file-sandbox-from-data = { $sandboxes }, d’après les données
eng-file-sandbox-others = Événements sans sandbox :
eng-file-sandbox-name-label = Sandbox des événements de { $file } qui n’en nomment aucune
eng-file-sandbox-type-label = Type de sandbox des événements de { $file } qui n’en nomment aucune
eng-file-sandbox-default = le réglage plus haut
