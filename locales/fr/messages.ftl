# Messages du visualiseur et de la ligne de commande sur ce qui n’a pas marché, français.

## Les avis du visualiseur

notice-status-only = Seules les valeurs de statut peuvent être reclassées ici, pas { $field }.
notice-not-a-report = { $name } : pas un rapport active-profiles (pas de "format": "active-profiles-report/1").
notice-not-json = { $name } : pas un JSON de rapport : { $error }
notice-bundle-unreadable = { $name } : un paquet de rapport dont le rapport est illisible : { $error }
notice-time-zone = Fuseau horaire « { $zone } » inconnu : indiquez UTC, un décalage fixe comme +02:00 ou un nom de la base des fuseaux horaires comme Europe/Paris.
notice-nothing-counted = Aucun fichier n’a encore été compté.
notice-worker-stopped = Le processus de comptage s’est arrêté ({ $error }) : ce comptage n’a pas été fait. La page fonctionne toujours : ouvrez à nouveau les fichiers, moins à la fois, ou comptez-les avec la ligne de commande.

## Fichiers que le visualiseur n’a pas pu compter

problem-mapped = { $file }, ligne 1 (l’en-tête) : le champ { $field } est associé à la colonne « { $header } », que ce fichier n’a pas. En-têtes trouvés : { $headers }.
problem-unreadable = { $file } : lecture impossible ({ $error })

## La ligne de commande : erreurs (code de sortie 2 ou 1) et avertissements sur la sortie d’erreur

cli-warning = avertissement
cli-cannot-read = { $file } : lecture impossible : { $error }
cli-cannot-open = { $file } : ouverture impossible : { $error }
cli-is-folder = { $file } : c’est un dossier ; donnez les fichiers CSV qu’il contient
cli-thread-stopped = un fil de lecture s’est arrêté de façon inattendue
cli-nothing-to-count = { $files } : aucune ligne après l’en-tête, rien à compter ; vérifiez qu’il s’agit bien d’exports de logs de diffusion
cli-no-deliveries = { $file } : aucune diffusion après l’en-tête ; vérifiez le fichier de --deliveries
cli-map-syntax = { $flag } '{ $arg }' : CHAMP=EN-TÊTE attendu, par exemple { $flag } '{ $example }'
cli-option-error = { $flag } '{ $arg }' : { $error }
cli-status-error = --status : { $error }
cli-time-zone-error = --time-zone : { $error }
cli-as-of-aggregate = --as-of se choisit à l’écriture du SQL : `active-profiles sql --as-of DATE ...`, puis exécutez-le à nouveau
cli-missing-fields = { $file } : aucune colonne trouvée pour { $fields }.
cli-missing-and = ni pour
cli-headers-found = En-têtes trouvés : { $headers }.
cli-headers-none = aucun
cli-pick-by-hand = Choisissez la colonne vous-même, par exemple : { $fixes }
cli-mapped-missing = { $file } : { $flag } '{ $field }={ $header }' : le fichier n’a pas d’en-tête '{ $header }'.
cli-cannot-write = { $file } : écriture impossible : { $error }
cli-cannot-write-json = écriture du JSON impossible : { $error }
cli-cannot-write-csv = écriture du CSV impossible : { $error }
cli-cannot-write-stdout = écriture sur la sortie standard impossible : { $error }
