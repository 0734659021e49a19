# Les textes du moteur (motifs de rejet, avertissements, fichiers illisibles, explication par ligne), français.

## Lignes rejetées

engine-rejected-no-key = ni clé de profil ni adresse
engine-rejected-no-date = pas de date de l’événement
engine-rejected-bad-date = la date de l’événement « { $value } » n’est pas une date
engine-rejected-bad-date-hidden = la date de l’événement (valeur masquée) n’est pas une date
engine-rejected-not-a-date = la date de l’événement n’est pas une date
engine-rejected-too-long = ligne de plus de 1 Mio
engine-rejected-too-long-lines = ligne de plus de 1 Mio (lignes { $from } à { $to } : un guillemet jamais fermé ?)
engine-rejected-too-many-fields = plus de 10 000 champs ({ $fields })
engine-rejected-unclosed = un guillemet n’est jamais fermé : le reste du fichier (ligne { $line }) forme un seul champ
engine-rejected-unclosed-lines = un guillemet n’est jamais fermé : le reste du fichier (lignes { $from } à { $to }) forme un seul champ
engine-rejected-rows = { $rows-count ->
    [one] { $reason } ({ $rows } ligne)
   *[other] { $reason } ({ $rows } lignes)
}
engine-rejected-other = { $text }

## Avertissements

engine-warning-empty-file = { $file } : fichier vide
engine-warning-no-rows = { $file } : aucune ligne après l’en-tête
engine-warning-day-first = { $file } : aucune date ne distingue le jour du mois ; lu jour en premier
engine-warning-month-first = { $file } : aucune date ne distingue le jour du mois ; lu mois en premier
engine-warning-utf16-bom = { $file } : commence par une marque d’ordre des octets UTF-16 mais n’est pas en UTF-16 ; lu en UTF-8
engine-warning-utf8-bom = { $file } : commence par une marque d’ordre des octets UTF-8 mais n’est pas en UTF-8 ; lu en Windows-1252
engine-warning-mixed-encoding = { $file } : pas entièrement en UTF-8 valide ; la suite a été lue en Windows-1252
engine-warning-long-range = les données vont du { $from } au { $to }, période trop longue pour des instantanés mensuels : vérifiez les dates des événements
engine-warning-aggregate = { $file } : compté par { $dialect } avec le SQL d’active-profiles ; les lignes rejetées sont listées par motif, sans numéro de ligne
engine-warning-not-counted = { $error } ; ce fichier n’a pas été compté
engine-warning-other = { $text }

## Fichiers illisibles

engine-error-missing-fields = { $file } : aucune colonne trouvée pour { $fields } (en-têtes : { $headers })
engine-error-mapped-header-missing = { $file } : le champ { $field } est associé à « { $header } », qui n’est pas un en-tête (en-têtes : { $headers })
engine-error-bad-header = { $file }, ligne 1 (l’en-tête) : { $reason }
engine-error-too-many-profiles = { $file }, ligne { $line } : plus de { $limit } profils distincts, le maximum de ce compteur ; les lignes avant celle-ci sont comptées ; comptez les fichiers par plus petits lots (par instance ou par année)
engine-error-unknown-file = fichier inconnu ou déjà terminé
engine-error-not-csv = { $file } ressemble à { $looks ->
    [pdf] un document PDF
    [png] une image PNG
    [jpeg] une image JPEG
    [gif] une image GIF
    [gzip] une archive gzip
    [zip] une archive zip
   *[other] un fichier binaire
}, pas à un export CSV
engine-error-workbook = { $file } : illisible comme classeur ({ $error })
engine-error-workbook-too-large = { $file } : un classeur de { $size } Mo dépasse les { $limit } Mo lus en une fois ; enregistrez ses feuilles en CSV
engine-warning-empty-sheet = { $file } : feuille vide, ignorée
engine-error-other = { $text }

## Expliquer un profil : ce qu’il est advenu d’une ligne

engine-outcome-counted = compté
engine-outcome-excluded = exclu : { $reason }
engine-outcome-rejected = rejeté : { $reason }
engine-outcome-after-as-of = après la date de référence : hors de ce rapport

## Options inutilisables (--map, --deliveries-map, --status) ; les noms de champs et les mots des règles restent ceux que les options prennent

engine-option-unknown-field = champ inconnu '{ $field }' ; champs : { $fields }
engine-option-unknown-deliveries-field = champ du fichier des diffusions inconnu '{ $field }'
engine-option-unknown-failure-reason = raison d’échec inconnue '{ $value }' : donnez son numéro
engine-option-rule-syntax = règle '{ $rule }' : VALEUR=counted|excluded attendu
engine-option-rule-verdict = règle '{ $rule }' : '{ $verdict }' n’est ni counted ni excluded
engine-option-rule-kind = règle '{ $rule }' : sorte inconnue '{ $kind }' (status ou reason)

## Enregistrements de profils Journey Optimizer rejetés

engine-record-bad-json = pas du JSON ({ $detail })
engine-record-too-deep = imbriqué sur plus de { $depth } niveaux
engine-record-too-long = enregistrement de plus de 16 Mio
engine-record-empty-element = un élément vide du tableau (deux virgules ?)
engine-record-not-object = pas un objet JSON
engine-record-no-identity-map = pas d’identityMap
engine-record-identity-map-not-object = identityMap n’est pas un objet
engine-record-empty-identity-map = identityMap vide
engine-record-too-many-identities = plus de 20 identités ({ $count })
engine-record-ids-not-list = les identités de { $namespace } ne sont pas une liste
engine-record-id-missing = une identité de { $namespace } n’a pas d’id
engine-record-id-not-string = un id de { $namespace } n’est pas une chaîne
engine-record-id-empty = un id de { $namespace } est vide
engine-record-id-too-long = un id de { $namespace } dépasse 1024 caractères ({ $length })
engine-record-bad-ecid = un ECID qui n’est pas fait de 38 chiffres

## Fichiers Journey Optimizer dont la lecture s’arrête

engine-aep-file-error = { $file } : { $reason }
engine-aep-file-line-error = { $file }, ligne { $line } : { $reason }
engine-aep-gzip-bomb = plus de { $ratio } fois plus gros décompressé que compressé ({ $size } Mio jusqu’ici) : une bombe gzip ? La suite du fichier n’est pas lue
engine-aep-gzip-truncated = le flux gzip s’arrête trop tôt : le fichier est tronqué
engine-aep-gzip-corrupt = pas un flux gzip valide ({ $error })
engine-aep-unclosed-array = le tableau JSON n’est jamais fermé : le fichier se termine à l’intérieur
engine-aep-after-array = du texte après la fin du tableau JSON
engine-aep-parquet-unreadable = pas un fichier Parquet lisible ({ $error })
engine-aep-parquet-bad-row = une page Parquet ne peut pas être lue ({ $error }) ; les lignes d’avant sont comptées
engine-aep-parquet-no-columns = pas de colonne { $columns } dans ce fichier Parquet
engine-event-no-profile = aucun profil
engine-event-no-time = aucune heure
engine-event-bad-time = l'heure '{ $value }' n'est pas une date
engine-event-not-a-time = l'heure n'est pas une date
engine-event-missing-fields = aucune colonne trouvée pour { $fields } (en-têtes : { $headers })
engine-event-mapped-header-missing = le champ { $field } est associé à '{ $header }', qui n'est pas un en-tête (en-têtes : { $headers })
