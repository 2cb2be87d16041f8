<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ContactsImportPanel</name>
    <message>
        <source>&lt;b&gt;Import contacts&lt;/b&gt;</source>
        <translation>&lt;b&gt;Importer des contacts&lt;/b&gt;</translation>
    </message>
    <message>
        <source>A CSV file (semicolon, comma or tab; UTF-8 or Windows-1252, as Excel saves it) or an Excel workbook (.xlsx). Contacts are matched by external id, else by email: known ones are updated, empty cells never erase what is stored. Rows with errors are listed afterwards; the others are imported.</source>
        <translation>Un fichier CSV (point-virgule, virgule ou tabulation ; UTF-8 ou Windows-1252, tel qu’Excel l’enregistre) ou un classeur Excel (.xlsx). Les contacts sont reconnus par leur identifiant externe, sinon par leur e-mail : ceux déjà connus sont mis à jour, une cellule vide n’efface jamais ce qui est enregistré. Les lignes en erreur sont listées à la fin ; les autres sont importées.</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <source>Choose a contacts file</source>
        <translation>Choisir un fichier de contacts</translation>
    </message>
    <message>
        <source>Contacts files (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
        <translation>Fichiers de contacts (*.csv *.txt *.tsv *.xlsx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Next: map the columns</source>
        <translation>Suivant : associer les colonnes</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — detected format: %2 — about %3 rows. The first rows:</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — format détecté : %2 — environ %3 lignes. Les premières lignes :</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Classeur Excel (XLSX)</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 avec BOM</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>Windows-1252 (Excel, Western Europe)</source>
        <translation>Windows-1252 (Excel, Europe de l’Ouest)</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>points-virgules</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>virgules</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulations</translation>
    </message>
    <message>
        <source>%1, separated by %2</source>
        <translation>%1, séparé par des %2</translation>
    </message>
    <message>
        <source>Where does each column go? Recognised headers are already matched; unknown columns are ignored unless you keep them as attributes.</source>
        <translation>Où va chaque colonne ? Les en-têtes reconnus sont déjà associés ; les colonnes inconnues sont ignorées, sauf si vous les gardez comme attributs.</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Exemple</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Va dans</translation>
    </message>
    <message>
        <source>Check only (dry run): count and list errors, write nothing</source>
        <translation>Vérifier seulement (essai à blanc) : compter et lister les erreurs, sans rien écrire</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Map a column to the external id or to the email: contacts are recognised by one of them.</source>
        <translation>Associez une colonne à l’identifiant externe ou à l’e-mail : c’est par l’un d’eux que les contacts sont reconnus.</translation>
    </message>
    <message>
        <source>Chosen for several columns (only the first is used): %1</source>
        <translation>Choisi pour plusieurs colonnes (seule la première compte) : %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s) will be ignored.</source>
        <translation>
            <numerusform>%Ln colonne sera ignorée.</numerusform>
            <numerusform>%Ln colonnes seront ignorées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) read. Publishing the contacts…</source>
        <translation>
            <numerusform>%Ln ligne lue. Publication des contacts…</numerusform>
            <numerusform>%Ln lignes lues. Publication des contacts…</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for another import of this workspace to end…</source>
        <translation>En attente de la fin d’un autre import dans cet espace de travail…</translation>
    </message>
    <message>
        <source>%1, %2, %3 (%4) out of %5.</source>
        <translation>%1, %2, %3 (%4) sur %5.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new contact(s)</source>
        <translation>
            <numerusform>%Ln nouveau contact</numerusform>
            <numerusform>%Ln nouveaux contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln mis à jour</numerusform>
            <numerusform>%Ln mis à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) rejected</source>
        <translation>
            <numerusform>%Ln ligne rejetée</numerusform>
            <numerusform>%Ln lignes rejetées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicate(s)</source>
        <translation>
            <numerusform>%Ln doublon</numerusform>
            <numerusform>%Ln doublons</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Import de %1…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) read…</source>
        <translation>
            <numerusform>%Ln ligne lue…</numerusform>
            <numerusform>%Ln lignes lues…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling: undoing what was written…</source>
        <translation>Annulation : retour à l’état d’avant…</translation>
    </message>
    <message>
        <source>Save the error report…</source>
        <translation>Enregistrer le rapport d’erreurs…</translation>
    </message>
    <message>
        <source>Import another file</source>
        <translation>Importer un autre fichier</translation>
    </message>
    <message>
        <source>&lt;b&gt;Check finished (dry run): nothing was written.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vérification terminée (essai à blanc) : rien n’a été écrit.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Import finished.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Import terminé.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Contacts imported without a value that could not be read: %1.</source>
        <translation>Contacts importés sans une valeur illisible : %1.</translation>
    </message>
    <message>
        <source>The rejected rows, the values left out and why are below.</source>
        <translation>Les lignes refusées, les valeurs écartées et leurs raisons sont listées ci-dessous.</translation>
    </message>
    <message>
        <source>Only the first errors are kept in the report.</source>
        <translation>Seules les premières erreurs sont gardées dans le rapport.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Import cancelled.&lt;/b&gt; Nothing was written.</source>
        <translation>&lt;b&gt;Import annulé.&lt;/b&gt; Rien n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>ErrorTable</name>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>imported without this value</source>
        <translation>importée sans cette valeur</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>refusée</translation>
    </message>
</context>
<context>
    <name>EventsImportPanel</name>
    <message>
        <source>&lt;b&gt;Import analytics events&lt;/b&gt;</source>
        <translation>&lt;b&gt;Importer des événements analytics&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Rows of a Firebase Analytics / GA4 BigQuery export, one JSON object per line (.json, .ndjson, or compressed .gz). user_id is matched to the contacts&apos; external id and user_pseudo_id to the app installation; notification opens and receipts are credited to the campaign that sent them.</source>
        <translation>Les lignes d’un export BigQuery de Firebase Analytics / GA4, un objet JSON par ligne (.json, .ndjson, ou compressé en .gz). user_id est rapproché de l’identifiant externe des contacts et user_pseudo_id de l’installation de l’app ; les ouvertures et réceptions de notifications sont attribuées à la campagne qui les a envoyées.</translation>
    </message>
    <message>
        <source>Choose an export and import…</source>
        <translation>Choisir un export et l’importer…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save the error report…</source>
        <translation>Enregistrer le rapport d’erreurs…</translation>
    </message>
    <message>
        <source>Choose a GA4 export</source>
        <translation>Choisir un export GA4</translation>
    </message>
    <message>
        <source>GA4 exports (*.json *.ndjson *.jsonl *.gz);;All files (*)</source>
        <translation>Exports GA4 (*.json *.ndjson *.jsonl *.gz);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Import de %1…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Import cancelled.&lt;/b&gt; Nothing was written.</source>
        <translation>&lt;b&gt;Import annulé.&lt;/b&gt; Rien n’a été écrit.</translation>
    </message>
    <message>
        <source>%1 lines read…</source>
        <translation>%1 lignes lues…</translation>
    </message>
    <message>
        <source>Cancelling: undoing what was written…</source>
        <translation>Annulation : retour à l’état d’avant…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Import finished.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Import terminé.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1, %2 out of %3.</source>
        <translation>%1, %2 sur %3.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s) imported</source>
        <translation>
            <numerusform>%Ln événement importé</numerusform>
            <numerusform>%Ln événements importés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) rejected</source>
        <translation>
            <numerusform>%Ln ligne rejetée</numerusform>
            <numerusform>%Ln lignes rejetées</numerusform>
        </translation>
    </message>
    <message>
        <source>New: %1, %2, %3.</source>
        <translation>Nouveaux : %1, %2, %3.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln contact</numerusform>
            <numerusform>%Ln contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s)</source>
        <translation>
            <numerusform>%Ln appareil</numerusform>
            <numerusform>%Ln appareils</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event name(s)</source>
        <translation>
            <numerusform>%Ln nom d’événement</numerusform>
            <numerusform>%Ln noms d’événements</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; %2.</source>
        <translation>%1 ; %2.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln notification receipt(s), open(s) and dismissal(s) credited to campaigns</source>
        <translation>
            <numerusform>%Ln réception, ouverture ou rejet de notification attribué à des campagnes</numerusform>
            <numerusform>%Ln réceptions, ouvertures et rejets de notifications attribués à des campagnes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln matched no campaign</source>
        <translation>
            <numerusform>%Ln sans campagne correspondante</numerusform>
            <numerusform>%Ln sans campagne correspondante</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Already stored by an earlier import, skipped: %Ln event(s).</source>
        <translation>
            <numerusform>Déjà enregistré par un import précédent, ignoré : %Ln événement.</numerusform>
            <numerusform>Déjà enregistrés par un import précédent, ignorés : %Ln événements.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>External id (customer number)</source>
        <translation>Identifiant externe (n° client)</translation>
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
        <source>Phone</source>
        <translation>Téléphone</translation>
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
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Consent: push</source>
        <translation>Consentement : push</translation>
    </message>
    <message>
        <source>Consent: SMS</source>
        <translation>Consentement : SMS</translation>
    </message>
    <message>
        <source>Consent: email</source>
        <translation>Consentement : e-mail</translation>
    </message>
    <message>
        <source>Consent: in-app</source>
        <translation>Consentement : in-app</translation>
    </message>
    <message>
        <source>Keep as attribute</source>
        <translation>Garder comme attribut</translation>
    </message>
    <message>
        <source>Ignore this column</source>
        <translation>Ignorer cette colonne</translation>
    </message>
</context>
<context>
    <name>ImportReasons</name>
    <message>
        <source>&apos;%1&apos; is not a date (expected dd/mm/yyyy or yyyy-mm-dd)</source>
        <translation>« %1 » n’est pas une date (attendu : jj/mm/aaaa ou aaaa-mm-jj)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a real date</source>
        <translation>« %1 » n’est pas une date qui existe</translation>
    </message>
    <message>
        <source>birth date %1 is in the future</source>
        <translation>la date de naissance %1 est dans le futur</translation>
    </message>
    <message>
        <source>birth date %1 is before 1900</source>
        <translation>la date de naissance %1 est antérieure à 1900</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>« %1 » n’est pas un nombre</translation>
    </message>
    <message>
        <source>%1 is outside -%2…%2</source>
        <translation>%1 est hors de -%2…%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid email address</source>
        <translation>« %1 » n’est pas une adresse e-mail valide</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid phone number</source>
        <translation>« %1 » n’est pas un numéro de téléphone valide</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a consent value (oui/non, yes/no, 1/0)</source>
        <translation>« %1 » n’est pas une valeur de consentement (oui/non, yes/no, 1/0)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too long for a postal code</source>
        <translation>« %1 » est trop long pour un code postal</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a language code (e.g. fr or fr-FR)</source>
        <translation>« %1 » n’est pas un code de langue (par ex. fr ou fr-FR)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a time zone name (e.g. Europe/Paris)</source>
        <translation>« %1 » n’est pas un nom de fuseau horaire (par ex. Europe/Paris)</translation>
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation>plus de %1 caractères</translation>
    </message>
    <message>
        <source>no external id and no email: nothing to match on</source>
        <translation>ni identifiant externe ni e-mail : impossible de reconnaître le contact</translation>
    </message>
    <message>
        <source>duplicate external id: already on line %1 (the first one was kept)</source>
        <translation>identifiant externe en double : déjà présent ligne %1 (la première a été gardée)</translation>
    </message>
    <message>
        <source>duplicate email: already on line %1 (the first one was kept)</source>
        <translation>e-mail en double : déjà présent ligne %1 (la première a été gardée)</translation>
    </message>
    <message>
        <source>the row has %1 fields but the header has %2 (a stray delimiter or a missing quote?)</source>
        <translation>la ligne a %1 champs mais l’en-tête en a %2 (un séparateur en trop ou un guillemet manquant ?)</translation>
    </message>
    <message>
        <source>the row has %1 fields but the header has %2</source>
        <translation>la ligne a %1 champs mais l’en-tête en a %2</translation>
    </message>
    <message>
        <source>not valid JSON (%1)</source>
        <translation>JSON invalide (%1)</translation>
    </message>
    <message>
        <source>the JSON is nested too deeply</source>
        <translation>le JSON est imbriqué trop profondément</translation>
    </message>
    <message>
        <source>the line is not a JSON object</source>
        <translation>la ligne n’est pas un objet JSON</translation>
    </message>
    <message>
        <source>missing event name</source>
        <translation>nom d’événement manquant</translation>
    </message>
    <message>
        <source>event name over 100 characters</source>
        <translation>nom d’événement de plus de 100 caractères</translation>
    </message>
    <message>
        <source>event_timestamp must be microseconds since 1970 (e.g. 1762340000000000)</source>
        <translation>event_timestamp doit être en microsecondes depuis 1970 (par ex. 1762340000000000)</translation>
    </message>
    <message>
        <source>neither user_id nor user_pseudo_id</source>
        <translation>ni user_id ni user_pseudo_id</translation>
    </message>
    <message>
        <source>malformed parameters: %1</source>
        <translation>paramètres mal formés : %1</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>Save the error report</source>
        <translation>Enregistrer le rapport d’erreurs</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Rapport d’erreurs</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>%1 does not exist or is not a file.</source>
        <translation>%1 n’existe pas ou n’est pas un fichier.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 est vide.</translation>
    </message>
    <message>
        <source>%1 looks like UTF-16 or a binary file, not CSV text: save it again as &apos;CSV UTF-8&apos;.</source>
        <translation>%1 semble être en UTF-16 ou binaire, pas un texte CSV : enregistrez-le à nouveau en « CSV UTF-8 ».</translation>
    </message>
    <message>
        <source>%1: line %2 has byte %3, which is neither UTF-8 nor Windows-1252 text. Save the file again as &apos;CSV UTF-8&apos;.</source>
        <translation>%1 : la ligne %2 contient l’octet %3, qui n’est ni de l’UTF-8 ni du Windows-1252. Enregistrez le fichier à nouveau en « CSV UTF-8 ».</translation>
    </message>
    <message>
        <source>%1: line %2 has byte %3, in another encoding than the start of the file. Save the file again as &apos;CSV UTF-8&apos;.</source>
        <translation>%1 : la ligne %2 contient l’octet %3, dans un autre encodage que le début du fichier. Enregistrez le fichier à nouveau en « CSV UTF-8 ».</translation>
    </message>
    <message>
        <source>%1: line %2 cannot be read as CSV.</source>
        <translation>%1 : la ligne %2 ne peut pas être lue comme du CSV.</translation>
    </message>
    <message>
        <source>%1 has no header line.</source>
        <translation>%1 n’a pas de ligne d’en-têtes.</translation>
    </message>
    <message>
        <source>%1 is an old Excel 97-2003 workbook: save it as .xlsx or CSV first.</source>
        <translation>%1 est un ancien classeur Excel 97-2003 : enregistrez-le d’abord en .xlsx ou en CSV.</translation>
    </message>
    <message>
        <source>%1 is not a readable Excel workbook.</source>
        <translation>%1 n’est pas un classeur Excel lisible.</translation>
    </message>
    <message>
        <source>%1 is truncated: the compressed data ends inside line %2 (line %3 was the last complete one). Download the export again.</source>
        <translation>%1 est tronqué : les données compressées s’arrêtent au milieu de la ligne %2 (la ligne %3 était la dernière complète). Téléchargez l’export à nouveau.</translation>
    </message>
    <message>
        <source>%1 is damaged after line %2.</source>
        <translation>%1 est endommagé après la ligne %2.</translation>
    </message>
    <message>
        <source>%1: line %2 is longer than %3 (a file cut in the middle, a missing line end, or not the expected kind of file).</source>
        <translation>%1 : la ligne %2 dépasse %3 (fichier coupé, fin de ligne manquante, ou pas le type de fichier attendu).</translation>
    </message>
    <message>
        <source>%1 expands more than %2 times its size when decompressed: it is not a real export (a compression bomb?).</source>
        <translation>%1 grossit de plus de %2 fois sa taille une fois décompressé : ce n’est pas un vrai export (une bombe de compression ?).</translation>
    </message>
    <message>
        <source>%1: the workbook part %2 expands to %3, more than this app opens safely. Save the sheet as CSV, or split it.</source>
        <translation>%1 : la partie %2 du classeur atteint %3 une fois décompressée, plus que ce que l’application ouvre sans risque. Enregistrez la feuille en CSV, ou découpez-la.</translation>
    </message>
    <message>
        <source>No column is mapped to the external id or the email: an import needs one of them to recognise contacts already known.</source>
        <translation>Aucune colonne n’est associée à l’identifiant externe ni à l’e-mail : un import a besoin de l’un des deux pour reconnaître les contacts déjà connus.</translation>
    </message>
    <message>
        <source>%1: the database refused the import (%2). Everything was rolled back.</source>
        <translation>%1 : la base de données a refusé l’import (%2). Tout a été annulé.</translation>
    </message>
    <message>
        <source>%1: the process reading the file stopped unexpectedly. Try the import again.</source>
        <translation>%1 : le processus qui lisait le fichier s’est arrêté de façon inattendue. Relancez l’import.</translation>
    </message>
    <message>
        <source>The import stopped and nothing was written: %1</source>
        <translation>L’import s’est arrêté et rien n’a été écrit : %1</translation>
    </message>
    <message>
        <source>The import failed and nothing was written: %1</source>
        <translation>L’import a échoué et rien n’a été écrit : %1</translation>
    </message>
</context>
</TS>
