<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ApprovalBox</name>
    <message>
        <source>Approval</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Soumettre à validation</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Valider…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Refuser…</translation>
    </message>
    <message>
        <source>Sends of this app to more than %1 recipients need an approval.</source>
        <translation>Les envois de cette application à plus de %1 destinataires doivent être validés.</translation>
    </message>
    <message>
        <source>This app&apos;s sends need no approval.</source>
        <translation>Les envois de cette application n’ont pas besoin de validation.</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for an approver: submitted by %1 on %2 (%Ln recipient(s)).</source>
        <translation>
            <numerusform>En attente de validation : soumise par %1 le %2 (%Ln destinataire).</numerusform>
            <numerusform>En attente de validation : soumise par %1 le %2 (%Ln destinataires).</numerusform>
        </translation>
    </message>
    <message>
        <source>Approved by %1 on %2.</source>
        <translation>Validée par %1 le %2.</translation>
    </message>
    <message>
        <source>Approved for content that has changed since: submit it again.</source>
        <translation>Validée pour un contenu modifié depuis : soumettez-la à nouveau.</translation>
    </message>
    <message>
        <source>Rejected by %1 on %2.</source>
        <translation>Refusée par %1 le %2.</translation>
    </message>
    <message>
        <source>The approval was voided by an edit: submit it again.</source>
        <translation>La validation a été annulée par une modification : soumettez-la à nouveau.</translation>
    </message>
    <message>
        <source>Comment: “%1”</source>
        <translation>Commentaire : « %1 »</translation>
    </message>
</context>
<context>
    <name>ApprovalThresholdBox</name>
    <message>
        <source>Approvals</source>
        <translation>Validations</translation>
    </message>
    <message>
        <source>Sends to more than</source>
        <translation>Les envois à plus de</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>recipients need an approver&apos;s yes.</source>
        <translation>destinataires doivent être validés.</translation>
    </message>
    <message>
        <source>%1: sends need no approval.</source>
        <translation>%1 : les envois n’ont pas besoin de validation.</translation>
    </message>
    <message>
        <source>%1: sends to more than %2 recipients wait for an approver.</source>
        <translation>%1 : les envois à plus de %2 destinataires attendent une validation.</translation>
    </message>
</context>
<context>
    <name>AuditDetails</name>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>Android packages</source>
        <translation>Paquets Android</translation>
    </message>
    <message>
        <source>Approves sends</source>
        <translation>Valide les envois</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Client email</source>
        <translation>E-mail du client</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <source>Icon size (bytes)</source>
        <translation>Taille de l’icône (octets)</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importés</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveaux</translation>
    </message>
    <message>
        <source>iOS bundle ids</source>
        <translation>Bundle ids iOS</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>Identifiant de clé</translation>
    </message>
    <message>
        <source>Kept failed</source>
        <translation>Laissés en échec</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Sends to</source>
        <translation>Envoie vers</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyés</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Firebase project</source>
        <translation>Projet Firebase</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En file</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Removed from this machine</source>
        <translation>Retirée de cette machine</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Rows with values left out</source>
        <translation>Lignes avec des valeurs écartées</translation>
    </message>
    <message>
        <source>Still on</source>
        <translation>Encore sur</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>Écartés</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Vers</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <source>Campaign created</source>
        <translation>Campagne créée</translation>
    </message>
    <message>
        <source>Campaign edited</source>
        <translation>Campagne modifiée</translation>
    </message>
    <message>
        <source>Campaign scheduled</source>
        <translation>Campagne programmée</translation>
    </message>
    <message>
        <source>Campaign unscheduled</source>
        <translation>Programmation annulée</translation>
    </message>
    <message>
        <source>Campaign sent</source>
        <translation>Campagne envoyée</translation>
    </message>
    <message>
        <source>Test send</source>
        <translation>Envoi de test</translation>
    </message>
    <message>
        <source>Send paused</source>
        <translation>Envoi mis en pause</translation>
    </message>
    <message>
        <source>Send resumed</source>
        <translation>Envoi repris</translation>
    </message>
    <message>
        <source>Send cancelled</source>
        <translation>Envoi annulé</translation>
    </message>
    <message>
        <source>Approval threshold changed</source>
        <translation>Seuil de validation modifié</translation>
    </message>
    <message>
        <source>Submitted for approval</source>
        <translation>Soumise à validation</translation>
    </message>
    <message>
        <source>Send approved</source>
        <translation>Envoi validé</translation>
    </message>
    <message>
        <source>Send rejected</source>
        <translation>Envoi refusé</translation>
    </message>
    <message>
        <source>Approval voided by an edit</source>
        <translation>Validation annulée par une modification</translation>
    </message>
    <message>
        <source>Audit log exported</source>
        <translation>Journal d’audit exporté</translation>
    </message>
    <message>
        <source>Chart, table or report exported</source>
        <translation>Graphique, tableau ou rapport exporté</translation>
    </message>
    <message>
        <source>Segment created</source>
        <translation>Segment créé</translation>
    </message>
    <message>
        <source>Segment edited</source>
        <translation>Segment modifié</translation>
    </message>
    <message>
        <source>Segment deleted</source>
        <translation>Segment supprimé</translation>
    </message>
    <message>
        <source>Segment exported</source>
        <translation>Segment exporté</translation>
    </message>
    <message>
        <source>Contacts imported</source>
        <translation>Contacts importés</translation>
    </message>
    <message>
        <source>Events imported</source>
        <translation>Événements importés</translation>
    </message>
    <message>
        <source>Test device chosen</source>
        <translation>Appareil de test choisi</translation>
    </message>
    <message>
        <source>Test device removed</source>
        <translation>Appareil de test retiré</translation>
    </message>
    <message>
        <source>Campaign archived</source>
        <translation>Campagne archivée</translation>
    </message>
    <message>
        <source>Campaign unarchived</source>
        <translation>Campagne désarchivée</translation>
    </message>
    <message>
        <source>Draft deleted</source>
        <translation>Brouillon supprimé</translation>
    </message>
    <message>
        <source>Failed messages sent again</source>
        <translation>Messages en échec renvoyés</translation>
    </message>
    <message>
        <source>App added</source>
        <translation>App ajoutée</translation>
    </message>
    <message>
        <source>App edited</source>
        <translation>App modifiée</translation>
    </message>
    <message>
        <source>App removed</source>
        <translation>App supprimée</translation>
    </message>
    <message>
        <source>Sending mode changed</source>
        <translation>Mode d’envoi changé</translation>
    </message>
    <message>
        <source>Delivery rules changed</source>
        <translation>Règles d’envoi modifiées</translation>
    </message>
    <message>
        <source>Service account changed</source>
        <translation>Compte de service modifié</translation>
    </message>
    <message>
        <source>Service-account key given</source>
        <translation>Clé de compte de service fournie</translation>
    </message>
    <message>
        <source>Connection tested</source>
        <translation>Connexion testée</translation>
    </message>
    <message>
        <source>SMS or email account given</source>
        <translation>Compte SMS ou e-mail fourni</translation>
    </message>
    <message>
        <source>Unsubscribe-link key made</source>
        <translation>Clé des liens de désinscription créée</translation>
    </message>
    <message>
        <source>Unsubscribe-link key copied out</source>
        <translation>Clé des liens de désinscription copiée</translation>
    </message>
    <message>
        <source>Unsubscribe-link key given to a machine</source>
        <translation>Clé des liens de désinscription donnée à une machine</translation>
    </message>
    <message>
        <source>Service-account key removed</source>
        <translation>Clé de compte de service supprimée</translation>
    </message>
    <message>
        <source>Member added</source>
        <translation>Membre ajouté</translation>
    </message>
    <message>
        <source>Member&apos;s role changed</source>
        <translation>Rôle du membre changé</translation>
    </message>
    <message>
        <source>Member removed from the app</source>
        <translation>Membre retiré de l’app</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Validations</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>Analytics exports</source>
        <translation>Exports de statistiques</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>Imports</translation>
    </message>
    <message>
        <source>Test devices</source>
        <translation>Appareils de test</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>entry #%1 (id %2) does not match its hash: it was edited or moved.</source>
        <translation>l’entrée n° %1 (id %2) ne correspond pas à son empreinte : elle a été modifiée ou déplacée.</translation>
    </message>
    <message>
        <source>entries #%1 to #%2 are missing before entry #%3.</source>
        <translation>les entrées n° %1 à %2 manquent avant l’entrée n° %3.</translation>
    </message>
    <message>
        <source>entry #%1 does not follow the entry before it (replaced or reordered).</source>
        <translation>l’entrée n° %1 ne suit pas l’entrée précédente (remplacée ou réordonnée).</translation>
    </message>
    <message>
        <source>entries after #%1 are missing.</source>
        <translation>les entrées après le n° %1 manquent.</translation>
    </message>
    <message>
        <source>the chain&apos;s head row is missing; nothing can be recorded until it is restored.</source>
        <translation>la tête de la chaîne manque ; rien ne peut être enregistré avant sa restauration.</translation>
    </message>
    <message>
        <source>Campaign “%1”</source>
        <translation>Campagne « %1 »</translation>
    </message>
    <message>
        <source>Campaign %1 (deleted)</source>
        <translation>Campagne %1 (supprimée)</translation>
    </message>
    <message>
        <source>App “%1”</source>
        <translation>App « %1 »</translation>
    </message>
    <message>
        <source>App %1 (removed)</source>
        <translation>App %1 (retirée)</translation>
    </message>
    <message>
        <source>Segment “%1”</source>
        <translation>Segment « %1 »</translation>
    </message>
    <message>
        <source>Segment %1 (deleted)</source>
        <translation>Segment %1 (supprimé)</translation>
    </message>
    <message>
        <source>Member “%1”</source>
        <translation>Membre « %1 »</translation>
    </message>
</context>
<context>
    <name>AuditLogBox</name>
    <message>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>Who changed what and when: credentials, apps, roles, approvals, sends, exports and imports. Each entry is chained to the one before it, so an edited or deleted entry is found.</source>
        <translation>Qui a changé quoi et quand : identifiants, apps, rôles, validations, envois, exports et imports. Chaque entrée est chaînée à la précédente : une entrée modifiée ou supprimée est détectée.</translation>
    </message>
    <message>
        <source>Open the audit log…</source>
        <translation>Ouvrir le journal d’audit…</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>All apps</source>
        <translation>Toutes les applications</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Toutes les actions</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis le</translation>
    </message>
    <message>
        <source>App:</source>
        <translation>Application :</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>Membre :</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Action :</translation>
    </message>
    <message>
        <source>Verify the chain</source>
        <translation>Vérifier la chaîne</translation>
    </message>
    <message>
        <source>Recompute every entry&apos;s hash: an edited, deleted or moved entry is named</source>
        <translation>Recalcule l’empreinte de chaque entrée : une entrée modifiée, supprimée ou déplacée est signalée</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>(workspace)</source>
        <translation>(espace de travail)</translation>
    </message>
    <message>
        <source>(service)</source>
        <translation>(service)</translation>
    </message>
    <message>
        <source>app %1 (removed)</source>
        <translation>application %1 (supprimée)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>App</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>The newest %1 entries; the export has them all.</source>
        <translation>Les %1 entrées les plus récentes ; l’export les contient toutes.</translation>
    </message>
    <message numerus="yes">
        <source>Entries shown: %n.</source>
        <translation>
            <numerusform>%n entrée affichée.</numerusform>
            <numerusform>%n entrées affichées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The audit chain holds (entries checked: %n).</source>
        <translation>
            <numerusform>La chaîne d’audit est intacte (%n entrée vérifiée).</numerusform>
            <numerusform>La chaîne d’audit est intacte (%n entrées vérifiées).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Entries written to %1: %n.</source>
        <translation>
            <numerusform>%n entrée écrite dans %1.</numerusform>
            <numerusform>%n entrées écrites dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>Le journal d’audit n’a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>Checking every entry…</source>
        <translation>Vérification de chaque entrée…</translation>
    </message>
    <message>
        <source>The audit chain is broken: %1</source>
        <translation>La chaîne d’audit est rompue : %1</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Exporter le journal d’audit</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Approve the send</source>
        <translation>Valider l’envoi</translation>
    </message>
    <message>
        <source>Reject the send</source>
        <translation>Refuser l’envoi</translation>
    </message>
    <message>
        <source>Approve sending “%1”?</source>
        <translation>Valider l’envoi de « %1 » ?</translation>
    </message>
    <message>
        <source>Reject sending “%1”?</source>
        <translation>Refuser l’envoi de « %1 » ?</translation>
    </message>
    <message>
        <source>A comment for the marketer (optional)</source>
        <translation>Un commentaire pour le marketeur (facultatif)</translation>
    </message>
    <message>
        <source>Why? The marketer reads this.</source>
        <translation>Pourquoi ? Le marketeur le lira.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Valider</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Refuser</translation>
    </message>
</context>
</TS>
