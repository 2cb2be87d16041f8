<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AttributeEditor</name>
    <message>
        <source>attribute key</source>
        <translation>clé d’attribut</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <source>from</source>
        <translation>de</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>and</source>
        <translation>et</translation>
    </message>
    <message>
        <source>Other attribute…</source>
        <translation>Autre attribut…</translation>
    </message>
    <message>
        <source>values, separated by commas</source>
        <translation>valeurs, séparées par des virgules</translation>
    </message>
</context>
<context>
    <name>AudiencesPage</name>
    <message>
        <source>External id</source>
        <translation>Identifiant externe</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Dernière visite</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>Audiences</translation>
    </message>
</context>
<context>
    <name>ConditionRow</name>
    <message>
        <source>Move into or out of a group</source>
        <translation>Placer dans un groupe ou l’en sortir</translation>
    </message>
    <message>
        <source>Put in a new group</source>
        <translation>Mettre dans un nouveau groupe</translation>
    </message>
    <message>
        <source>Move out of this group</source>
        <translation>Sortir de ce groupe</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>Supprimer cette condition</translation>
    </message>
    <message>
        <source>Incomplete or invalid: %1</source>
        <translation>Incomplète ou invalide : %1</translation>
    </message>
    <message>
        <source>Choose or type an event name.</source>
        <translation>Choisissez ou saisissez un nom d’événement.</translation>
    </message>
    <message>
        <source>Enter a value.</source>
        <translation>Saisissez une valeur.</translation>
    </message>
    <message>
        <source>Enter the parameter to filter on.</source>
        <translation>Saisissez le paramètre à filtrer.</translation>
    </message>
    <message>
        <source>Enter a city.</source>
        <translation>Saisissez une ville.</translation>
    </message>
    <message>
        <source>Enter the start of a postal code.</source>
        <translation>Saisissez le début d’un code postal.</translation>
    </message>
    <message>
        <source>Choose a store.</source>
        <translation>Choisissez un magasin.</translation>
    </message>
    <message>
        <source>Choose a saved segment.</source>
        <translation>Choisissez un segment enregistré.</translation>
    </message>
</context>
<context>
    <name>ConsentEditor</name>
    <message>
        <source>consent is</source>
        <translation>consentement</translation>
    </message>
</context>
<context>
    <name>CountPanel</name>
    <message>
        <source>Matching profiles</source>
        <translation>Profils correspondants</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>Joignables</translation>
    </message>
    <message numerus="yes">
        <source>%1 of the audience (%Ln profile(s))</source>
        <translation>
            <numerusform>%1 de l’audience (%Ln profil)</numerusform>
            <numerusform>%1 de l’audience (%Ln profils)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot count this segment: %1</source>
        <translation>Impossible de compter ce segment : %1</translation>
    </message>
    <message>
        <source>Complete the conditions to see how many profiles match and how many you can reach.</source>
        <translation>Complétez les conditions pour voir combien de profils correspondent et combien sont joignables.</translation>
    </message>
</context>
<context>
    <name>DeviceEditor</name>
    <message>
        <source>any platform</source>
        <translation>toute plateforme</translation>
    </message>
    <message>
        <source>any version</source>
        <translation>toute version</translation>
    </message>
    <message>
        <source>push on or off</source>
        <translation>push activé ou non</translation>
    </message>
    <message>
        <source>push enabled</source>
        <translation>push activé</translation>
    </message>
    <message>
        <source>push disabled</source>
        <translation>push désactivé</translation>
    </message>
    <message>
        <source>app version ≥</source>
        <translation>version de l’app ≥</translation>
    </message>
    <message>
        <source>any language</source>
        <translation>toute langue</translation>
    </message>
    <message>
        <source>any time zone</source>
        <translation>tout fuseau horaire</translation>
    </message>
    <message>
        <source>set to</source>
        <translation>réglé sur</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <source>did</source>
        <translation>a fait</translation>
    </message>
    <message>
        <source>did not do</source>
        <translation>n’a pas fait</translation>
    </message>
    <message>
        <source>event name</source>
        <translation>nom de l’événement</translation>
    </message>
    <message>
        <source>at least </source>
        <translation>au moins </translation>
    </message>
    <message>
        <source> time(s)</source>
        <translation> fois</translation>
    </message>
    <message>
        <source>in the last</source>
        <translation>dans les derniers</translation>
    </message>
    <message>
        <source>ever</source>
        <translation>depuis toujours</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>where parameter</source>
        <translation>avec le paramètre</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>paramètre</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valeur</translation>
    </message>
</context>
<context>
    <name>GroupBox</name>
    <message>
        <source>All of these conditions</source>
        <translation>Toutes ces conditions</translation>
    </message>
    <message>
        <source>Any of these conditions</source>
        <translation>Au moins une de ces conditions</translation>
    </message>
    <message>
        <source>Exclude (NOT)</source>
        <translation>Exclure (SAUF)</translation>
    </message>
    <message>
        <source>Keep the profiles that do NOT match this group</source>
        <translation>Garder les profils qui ne correspondent PAS à ce groupe</translation>
    </message>
    <message>
        <source>+ Condition</source>
        <translation>+ Condition</translation>
    </message>
    <message>
        <source>+ Group</source>
        <translation>+ Groupe</translation>
    </message>
    <message>
        <source>Move this group out of its parent</source>
        <translation>Sortir ce groupe de son groupe parent</translation>
    </message>
    <message>
        <source>Remove this group</source>
        <translation>Supprimer ce groupe</translation>
    </message>
    <message>
        <source>This group is empty: add a condition or remove the group.</source>
        <translation>Ce groupe est vide : ajoutez une condition ou supprimez le groupe.</translation>
    </message>
</context>
<context>
    <name>ImportTab</name>
    <message>
        <source>Contacts (CSV, Excel)</source>
        <translation>Contacts (CSV, Excel)</translation>
    </message>
    <message>
        <source>Analytics events (GA4 export)</source>
        <translation>Événements analytics (export GA4)</translation>
    </message>
</context>
<context>
    <name>LastEventEditor</name>
    <message>
        <source>event name</source>
        <translation>nom de l&apos;événement</translation>
    </message>
    <message>
        <source>last done before</source>
        <translation>fait pour la dernière fois avant le</translation>
    </message>
    <message>
        <source>last done on or after</source>
        <translation>fait pour la dernière fois depuis le</translation>
    </message>
</context>
<context>
    <name>LifecycleEditor</name>
    <message>
        <source>new in the last</source>
        <translation>inscrit il y a moins de</translation>
    </message>
    <message>
        <source>inactive for</source>
        <translation>inactif depuis</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
</context>
<context>
    <name>LocationEditor</name>
    <message>
        <source>near the store</source>
        <translation>près du magasin</translation>
    </message>
    <message>
        <source>near any store</source>
        <translation>près d’un magasin</translation>
    </message>
    <message>
        <source>lives in city</source>
        <translation>habite à</translation>
    </message>
    <message>
        <source>postal code starts with</source>
        <translation>code postal commençant par</translation>
    </message>
    <message>
        <source>within </source>
        <translation>à moins de </translation>
    </message>
    <message>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <source>city</source>
        <translation>ville</translation>
    </message>
    <message>
        <source>e.g. 75</source>
        <translation>p. ex. 75</translation>
    </message>
</context>
<context>
    <name>OverviewBox</name>
    <message>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Compute the audience figures again now</source>
        <translation>Recalculer maintenant les chiffres de l’audience</translation>
    </message>
    <message>
        <source>New in 7 days</source>
        <translation>Nouveaux sur 7 jours</translation>
    </message>
    <message>
        <source>Active in 30 days</source>
        <translation>Actifs sur 30 jours</translation>
    </message>
    <message>
        <source>Reachable by push</source>
        <translation>Joignables par push</translation>
    </message>
    <message>
        <source>Reachable by SMS</source>
        <translation>Joignables par SMS</translation>
    </message>
    <message>
        <source>Reachable by email</source>
        <translation>Joignables par e-mail</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln profile(s)</source>
        <translation>
            <numerusform>%Ln profil</numerusform>
            <numerusform>%Ln profils</numerusform>
        </translation>
    </message>
    <message>
        <source>Figures computed %1</source>
        <translation>Chiffres calculés %1</translation>
    </message>
    <message>
        <source>Cannot compute the overview: %1</source>
        <translation>Impossible de calculer la vue d’ensemble : %1</translation>
    </message>
</context>
<context>
    <name>ProfilesTab</name>
    <message>
        <source>Search by name, email, id or city…</source>
        <translation>Rechercher par nom, e-mail, identifiant ou ville…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln profile(s), first %1 shown</source>
        <translation>
            <numerusform>%Ln profil, les %1 premiers affichés</numerusform>
            <numerusform>%Ln profils, les %1 premiers affichés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln profile(s)</source>
        <translation>
            <numerusform>%Ln profil</numerusform>
            <numerusform>%Ln profils</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RuleErrors</name>
    <message>
        <source>“%1” is not a date (YYYY-MM-DD)</source>
        <translation>« %1 » n’est pas une date (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>required</source>
        <translation>à renseigner</translation>
    </message>
    <message>
        <source>not a field of this kind of condition</source>
        <translation>ne fait pas partie de ce type de condition</translation>
    </message>
    <message>
        <source>unknown kind of condition “%1”</source>
        <translation>type de condition « %1 » inconnu</translation>
    </message>
    <message>
        <source>“%1” is not a valid attribute key (up to 64 unaccented letters, digits or _, not starting with a digit)</source>
        <translation>« %1 » n’est pas une clé d’attribut valide (jusqu’à 64 lettres sans accent, chiffres ou _, sans chiffre au début)</translation>
    </message>
    <message>
        <source>unknown profile field “%1”</source>
        <translation>champ de profil « %1 » inconnu</translation>
    </message>
    <message>
        <source>“%1” cannot be used with “%2” (use: %3)</source>
        <translation>« %1 » ne s’applique pas à « %2 » (possibles : %3)</translation>
    </message>
    <message>
        <source>must be at least %1</source>
        <translation>doit valoir au moins %1</translation>
    </message>
    <message>
        <source>give at least one value</source>
        <translation>indiquez au moins une valeur</translation>
    </message>
    <message>
        <source>give two values, from and to</source>
        <translation>indiquez deux valeurs, de et à</translation>
    </message>
    <message>
        <source>“%1” is not a valid parameter name (up to 64 unaccented letters, digits or _, not starting with a digit)</source>
        <translation>« %1 » n’est pas un nom de paramètre valide (jusqu’à 64 lettres sans accent, chiffres ou _, sans chiffre au début)</translation>
    </message>
    <message>
        <source>give one date: last done before it, or on or after it</source>
        <translation>indiquez une seule date : fait pour la dernière fois avant, ou depuis</translation>
    </message>
    <message>
        <source>choose one place: a store, any store, a city or the start of a postal code</source>
        <translation>choisissez un seul lieu : un magasin, n’importe quel magasin, une ville ou un début de code postal</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message>
        <source>“%1” is not a version like 2.4.1</source>
        <translation>« %1 » n’est pas une version comme 2.4.1</translation>
    </message>
    <message>
        <source>choose at least one of: platform, app version, push, language, time zone</source>
        <translation>choisissez au moins un critère : plateforme, version de l’app, push, langue, fuseau horaire</translation>
    </message>
    <message>
        <source>expected %1, not %2</source>
        <translation>%1 attendu, pas %2</translation>
    </message>
    <message>
        <source>a group is empty: add a condition or remove the group</source>
        <translation>un groupe est vide : ajoutez-y une condition ou supprimez-le</translation>
    </message>
    <message>
        <source>must be above 0 and at most 1,000 km</source>
        <translation>doit être supérieur à 0 et d’au plus 1 000 km</translation>
    </message>
    <message>
        <source>only with a store</source>
        <translation>seulement avec un magasin</translation>
    </message>
    <message>
        <source>“%1” is neither iOS nor Android</source>
        <translation>« %1 » n’est ni iOS ni Android</translation>
    </message>
    <message>
        <source>“%1” is not a channel (push, SMS, email or in-app)</source>
        <translation>« %1 » n’est pas un canal (push, SMS, e-mail ou in-app)</translation>
    </message>
    <message>
        <source>“%1” is not granted, denied or unknown</source>
        <translation>« %1 » n’est ni accordé, ni refusé, ni inconnu</translation>
    </message>
    <message>
        <source>“%1” is neither new nor inactive</source>
        <translation>« %1 » n’est ni nouveau ni inactif</translation>
    </message>
    <message>
        <source>must be between 0 and 100 %</source>
        <translation>doit être entre 0 et 100 %</translation>
    </message>
    <message>
        <source>The rules are not a JSON object with “version” and “rules”.</source>
        <translation>Les règles ne sont pas un objet JSON avec « version » et « rules ».</translation>
    </message>
    <message>
        <source>These rules were written by another version of Engage Desktop (rules version %1; this one reads version 1).</source>
        <translation>Ces règles ont été écrites par une autre version d’Engage Desktop (version de règles %1 ; celle-ci lit la version 1).</translation>
    </message>
    <message>
        <source>A condition is not a JSON object (got %1).</source>
        <translation>Une condition n’est pas un objet JSON (reçu %1).</translation>
    </message>
    <message>
        <source>A group has exactly one key, “all”, “any” or “not” (got %1).</source>
        <translation>Un groupe a exactement une clé, « all », « any » ou « not » (reçu %1).</translation>
    </message>
    <message>
        <source>The store with id %1 no longer exists in this app (deleted?).</source>
        <translation>Le magasin d’identifiant %1 n’existe plus dans cette app (supprimé ?).</translation>
    </message>
    <message>
        <source>The segment with id %1 no longer exists in this app (deleted?).</source>
        <translation>Le segment d’identifiant %1 n’existe plus dans cette app (supprimé ?).</translation>
    </message>
    <message>
        <source>Segments refer to each other in a loop: %3. Remove one of these references.</source>
        <translation>Des segments se désignent en boucle : %3. Supprimez l’une de ces références.</translation>
    </message>
    <message>
        <source>In the segment “%2”: %3</source>
        <translation>Dans le segment « %2 » : %3</translation>
    </message>
    <message>
        <source>text</source>
        <translation>un texte</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>un nombre entier</translation>
    </message>
    <message>
        <source>yes or no</source>
        <translation>oui ou non</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>une liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>“%1” condition — %2</source>
        <translation>Condition « %1 » — %2</translation>
    </message>
</context>
<context>
    <name>SampleEditor</name>
    <message>
        <source>seed </source>
        <translation>graine </translation>
    </message>
    <message>
        <source>of profiles</source>
        <translation>des profils</translation>
    </message>
</context>
<context>
    <name>SampleTable</name>
    <message>
        <source>External id</source>
        <translation>Identifiant externe</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
</context>
<context>
    <name>SegmentAge</name>
    <message>
        <source>never counted</source>
        <translation>jamais compté</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>il y a %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>il y a %1 h</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>hier</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>il y a %1 jours</translation>
    </message>
</context>
<context>
    <name>SegmentEditor</name>
    <message>
        <source>is in</source>
        <translation>fait partie de</translation>
    </message>
</context>
<context>
    <name>SegmentLabels</name>
    <message>
        <source>Profile attribute</source>
        <translation>Attribut du profil</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Last occurrence</source>
        <translation>Dernière occurrence</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Cycle de vie</translation>
    </message>
    <message>
        <source>Member of segment</source>
        <translation>Membre du segment</translation>
    </message>
    <message>
        <source>Random sample</source>
        <translation>Échantillon aléatoire</translation>
    </message>
    <message>
        <source>Attribute: %1</source>
        <translation>Attribut : %1</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Locale</source>
        <translation>Langue et région</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Dernière visite</translation>
    </message>
    <message>
        <source>is</source>
        <translation>est</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>n’est pas</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>contient</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>est parmi</translation>
    </message>
    <message>
        <source>is between</source>
        <translation>est entre</translation>
    </message>
    <message>
        <source>is set</source>
        <translation>est renseigné</translation>
    </message>
    <message>
        <source>is not set</source>
        <translation>n’est pas renseigné</translation>
    </message>
    <message>
        <source>is before</source>
        <translation>est avant le</translation>
    </message>
    <message>
        <source>is after</source>
        <translation>est après le</translation>
    </message>
    <message>
        <source>is in the last</source>
        <translation>est dans les derniers</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>In-app</source>
        <translation>In-app</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>accordé</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <source>event name</source>
        <translation>nom de l’événement</translation>
    </message>
    <message>
        <source>done or not done</source>
        <translation>fait ou non</translation>
    </message>
    <message>
        <source>number of times</source>
        <translation>nombre de fois</translation>
    </message>
    <message>
        <source>number of days</source>
        <translation>nombre de jours</translation>
    </message>
    <message>
        <source>parameter filter</source>
        <translation>filtre de paramètre</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>paramètre</translation>
    </message>
    <message>
        <source>parameter value</source>
        <translation>valeur du paramètre</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>store</source>
        <translation>magasin</translation>
    </message>
    <message>
        <source>any store</source>
        <translation>n’importe quel magasin</translation>
    </message>
    <message>
        <source>radius</source>
        <translation>rayon</translation>
    </message>
    <message>
        <source>city</source>
        <translation>ville</translation>
    </message>
    <message>
        <source>start of postal code</source>
        <translation>début du code postal</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>plateforme</translation>
    </message>
    <message>
        <source>app version</source>
        <translation>version de l’app</translation>
    </message>
    <message>
        <source>push</source>
        <translation>push</translation>
    </message>
    <message>
        <source>language</source>
        <translation>langue</translation>
    </message>
    <message>
        <source>time zone</source>
        <translation>fuseau horaire</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>canal</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>consentement</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>étape</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>segment</translation>
    </message>
    <message>
        <source>percentage</source>
        <translation>pourcentage</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>graine</translation>
    </message>
    <message>
        <source>attribute</source>
        <translation>attribut</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>opérateur</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>règles</translation>
    </message>
    <message>
        <source>group</source>
        <translation>groupe</translation>
    </message>
</context>
<context>
    <name>SegmentListPanel</name>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Recount</source>
        <translation>Recompter</translation>
    </message>
    <message>
        <source>Count the selected segment again now</source>
        <translation>Recompter maintenant le segment sélectionné</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Saved segments</source>
        <translation>Segments enregistrés</translation>
    </message>
</context>
<context>
    <name>SegmentTable</name>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
</context>
<context>
    <name>SegmentsTab</name>
    <message>
        <source>Segment name</source>
        <translation>Nom du segment</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Sample of matching profiles</source>
        <translation>Échantillon de profils correspondants</translation>
    </message>
    <message>
        <source>Discard the unsaved changes to this segment?</source>
        <translation>Abandonner les modifications non enregistrées de ce segment ?</translation>
    </message>
    <message>
        <source>This segment no longer exists.</source>
        <translation>Ce segment n’existe plus.</translation>
    </message>
    <message>
        <source>The saved rules of this segment cannot be edited: %1</source>
        <translation>Les règles enregistrées de ce segment ne peuvent pas être modifiées : %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Complete the conditions before saving.</source>
        <translation>Complétez les conditions avant d’enregistrer.</translation>
    </message>
    <message>
        <source>Segment saved.</source>
        <translation>Segment enregistré.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <source>Saved as a new segment.</source>
        <translation>Enregistré comme nouveau segment.</translation>
    </message>
    <message>
        <source>Segment duplicated.</source>
        <translation>Segment dupliqué.</translation>
    </message>
    <message>
        <source>Delete the segment “%1”? This cannot be undone.</source>
        <translation>Supprimer le segment « %1 » ? Cette action est définitive.</translation>
    </message>
    <message>
        <source>Segment “%1” deleted.</source>
        <translation>Segment « %1 » supprimé.</translation>
    </message>
    <message>
        <source>Counting “%1”…</source>
        <translation>Comptage de « %1 »…</translation>
    </message>
    <message>
        <source>Figures refreshed.</source>
        <translation>Chiffres actualisés.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln member(s) to %1</source>
        <translation>
            <numerusform>%Ln membre exporté dans %1</numerusform>
            <numerusform>%Ln membres exportés dans %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot do this: %1</source>
        <translation>Action impossible : %1</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Une erreur est survenue : %1</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <source>Name of the new segment:</source>
        <translation>Nom du nouveau segment :</translation>
    </message>
    <message>
        <source>Export members</source>
        <translation>Exporter les membres</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
</TS>
