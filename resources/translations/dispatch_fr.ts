<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ChooseTestDevicesDialog</name>
    <message>
        <source>no valid token</source>
        <translation>aucun jeton valide</translation>
    </message>
    <message>
        <source>push turned off</source>
        <translation>push désactivé</translation>
    </message>
    <message>
        <source>token %1</source>
        <translation>jeton %1</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>Version de l’app</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>Test devices</source>
        <translation>Appareils de test</translation>
    </message>
    <message>
        <source>Find a phone by its owner&apos;s email, name or id, or its label…</source>
        <translation>Trouvez un téléphone par l’e-mail, le nom ou l’identifiant de son propriétaire, ou par son libellé…</translation>
    </message>
    <message>
        <source>Label, e.g. “Camille&apos;s Pixel 8”</source>
        <translation>Libellé, par exemple « Pixel 8 de Camille »</translation>
    </message>
    <message>
        <source>Use as test device</source>
        <translation>Utiliser comme appareil de test</translation>
    </message>
    <message>
        <source>Stop test sends</source>
        <translation>Arrêter les envois de test</translation>
    </message>
    <message>
        <source>Messages from “Send to test devices” go to the devices marked here.</source>
        <translation>Les messages « Envoyer aux appareils de test » partent vers les appareils marqués ici.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) shown, %1 of them test devices.</source>
        <translation>
            <numerusform>%Ln appareil affiché, dont %1 de test.</numerusform>
            <numerusform>%Ln appareils affichés, dont %1 de test.</numerusform>
        </translation>
    </message>
    <message>
        <source>Device %1 no longer exists in this app.</source>
        <translation>L’appareil %1 n’existe plus dans cette app.</translation>
    </message>
    <message>
        <source>A device label has at most %1 characters.</source>
        <translation>Un libellé d’appareil compte au plus %1 caractères.</translation>
    </message>
</context>
<context>
    <name>CountedTexts</name>
    <message numerus="yes">
        <source>The content cannot be sent (%n problem(s) in all, see the list under the form): %1</source>
        <translation>
            <numerusform>Le contenu ne peut pas être envoyé (%n problème en tout, voir la liste sous le formulaire) : %1</numerusform>
            <numerusform>Le contenu ne peut pas être envoyé (%n problèmes en tout, voir la liste sous le formulaire) : %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The content cannot be sent (%n problem(s) in all): %1</source>
        <translation>
            <numerusform>Le contenu ne peut pas être envoyé (%n problème en tout) : %1</numerusform>
            <numerusform>Le contenu ne peut pas être envoyé (%n problèmes en tout) : %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paused at its scheduled time, nothing was sent (%n problem(s) in all; fix the content, then send or schedule it again): %1</source>
        <translation>
            <numerusform>Mise en pause à l’heure prévue, rien n’a été envoyé (%n problème en tout ; corrigez le contenu, puis envoyez-la ou programmez-la de nouveau) : %1</numerusform>
            <numerusform>Mise en pause à l’heure prévue, rien n’a été envoyé (%n problèmes en tout ; corrigez le contenu, puis envoyez-la ou programmez-la de nouveau) : %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeliveriesPage</name>
    <message>
        <source>Test devices…</source>
        <translation>Appareils de test…</translation>
    </message>
    <message>
        <source>Choose which phones receive test sends</source>
        <translation>Choisir les téléphones qui reçoivent les envois de test</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Envois</translation>
    </message>
</context>
<context>
    <name>PhoneCard</name>
    <message>
        <source>Nothing received yet.</source>
        <translation>Rien reçu pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Received at %1 · test send</source>
        <translation>Reçu à %1 · envoi de test</translation>
    </message>
    <message>
        <source>Received at %1 · message %2</source>
        <translation>Reçu à %1 · message %2</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Send “%1”</source>
        <translation>Envoyer « %1 »</translation>
    </message>
    <message>
        <source>Counting the audience…</source>
        <translation>Comptage de l&apos;audience…</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Envoyer maintenant</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Nobody in this audience can receive it now.</source>
        <translation>Personne dans cette audience ne peut la recevoir pour le moment.</translation>
    </message>
    <message>
        <source>Send this campaign now to %1 device(s)?</source>
        <translation>Envoyer cette campagne maintenant à %1 appareil(s) ?</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Not sent, by reason: %1</source>
        <translation>Non envoyés, par motif : %1</translation>
    </message>
    <message>
        <source>No device of this audience is left out.</source>
        <translation>Aucun appareil de cette audience n&apos;est écarté.</translation>
    </message>
    <message>
        <source>Preparing the send…</source>
        <translation>Préparation de l&apos;envoi…</translation>
    </message>
</context>
<context>
    <name>SendErrors</name>
    <message>
        <source>Your role on this app does not allow sending campaigns. An admin of the app can give you the marketer role.</source>
        <translation>Votre rôle sur cette app ne permet pas d&apos;envoyer des campagnes. Un administrateur de l&apos;app peut vous donner le rôle marketeur.</translation>
    </message>
    <message>
        <source>This campaign no longer exists (deleted meanwhile?).</source>
        <translation>Cette campagne n&apos;existe plus (supprimée entre-temps ?).</translation>
    </message>
    <message>
        <source>This campaign&apos;s state changed meanwhile (sent, paused or cancelled elsewhere): the panel shows it again now.</source>
        <translation>L&apos;état de cette campagne a changé entre-temps (envoyée, mise en pause ou annulée ailleurs) : le panneau l&apos;affiche à nouveau.</translation>
    </message>
    <message>
        <source>Test sends go to test devices: send an SMS or email campaign to a segment of testers instead.</source>
        <translation>Les envois de test vont aux appareils de test : envoyez plutôt une campagne SMS ou e-mail à un segment de testeurs.</translation>
    </message>
    <message>
        <source>This campaign has no content to send yet.</source>
        <translation>Cette campagne n&apos;a pas encore de contenu à envoyer.</translation>
    </message>
    <message>
        <source>This app has no test device with a valid push token yet.</source>
        <translation>Cette app n&apos;a pas encore d&apos;appareil de test avec un jeton push valide.</translation>
    </message>
    <message>
        <source>%1 scheduled this campaign but may no longer send on this app: someone allowed to send must schedule it again.</source>
        <translation>%1 a programmé cette campagne mais ne peut plus envoyer sur cette app : une personne autorisée à envoyer doit la reprogrammer.</translation>
    </message>
    <message>
        <source>The workspace database cannot be written right now (locked by another program, or the disk is full). Try again in a moment.</source>
        <translation>La base de l&apos;espace de travail ne peut pas être modifiée pour le moment (verrouillée par un autre programme, ou disque plein). Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>A connection failed: check that the dispatch service and the network work.</source>
        <translation>Une connexion a échoué : vérifiez que le service d&apos;envoi et le réseau fonctionnent.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Un problème est survenu : %1</translation>
    </message>
    <message>
        <source>Paused, nothing more was sent. The content cannot be sent: %1</source>
        <translation>En pause, rien de plus n’a été envoyé. Le contenu ne peut pas être envoyé : %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>The database is full (no space left on the disk, or its size limit reached): sending is paused. Free some disk space, then resume the campaign.</source>
        <translation>La base de données est pleine (plus de place sur le disque, ou taille maximale atteinte) : l&apos;envoi est en pause. Libérez de l&apos;espace disque, puis reprenez la campagne.</translation>
    </message>
    <message>
        <source>The database is locked by another program: sending is paused. Close the program that holds it (a database browser, a backup tool), then resume the campaign.</source>
        <translation>La base de données est verrouillée par un autre programme : l&apos;envoi est en pause. Fermez le programme qui la bloque (explorateur de base de données, outil de sauvegarde), puis reprenez la campagne.</translation>
    </message>
    <message>
        <source>FCM cannot be reached at %1: sending is paused and nothing was sent meanwhile. Check the FCM address in the settings and the network, then resume.</source>
        <translation>FCM est injoignable à l&apos;adresse %1 : l&apos;envoi est en pause et rien n&apos;a été envoyé entre-temps. Vérifiez l&apos;adresse FCM dans les réglages et le réseau, puis reprenez.</translation>
    </message>
    <message>
        <source>paused by a user</source>
        <translation>mise en pause par un utilisateur</translation>
    </message>
    <message>
        <source>Not started at its time: %1</source>
        <translation>Non démarrée à l’heure prévue : %1</translation>
    </message>
</context>
<context>
    <name>SendPanel</name>
    <message>
        <source>no push consent</source>
        <translation>sans consentement push</translation>
    </message>
    <message>
        <source>notifications off</source>
        <translation>notifications désactivées</translation>
    </message>
    <message>
        <source>no push token</source>
        <translation>sans jeton push</translation>
    </message>
    <message>
        <source>token no longer valid</source>
        <translation>jeton plus valide</translation>
    </message>
    <message>
        <source>control group</source>
        <translation>groupe témoin</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>no in-app consent</source>
        <translation>pas de consentement in-app</translation>
    </message>
    <message>
        <source>no SMS consent</source>
        <translation>pas de consentement SMS</translation>
    </message>
    <message>
        <source>no phone number</source>
        <translation>pas de numéro de téléphone</translation>
    </message>
    <message>
        <source>phone not in +33… form</source>
        <translation>numéro hors format +33…</translation>
    </message>
    <message>
        <source>no email consent</source>
        <translation>pas de consentement e-mail</translation>
    </message>
    <message>
        <source>no email address</source>
        <translation>pas d’adresse e-mail</translation>
    </message>
    <message>
        <source>malformed email address</source>
        <translation>adresse e-mail mal formée</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programmée</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Envoyer maintenant</translation>
    </message>
    <message>
        <source>Send to test devices</source>
        <translation>Envoyer aux appareils de test</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Mettre en pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>Annuler l’envoi</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Relancer les échecs</translation>
    </message>
    <message>
        <source>Send the failed messages again; what was delivered is not sent twice</source>
        <translation>Renvoyer les messages en échec ; ce qui a été remis n’est pas envoyé deux fois</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyés</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <source>Pick a campaign.</source>
        <translation>Choisissez une campagne.</translation>
    </message>
    <message>
        <source>%1 /s</source>
        <translation>%1 /s</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Not sent, by reason: %1</source>
        <translation>Non envoyés, par motif : %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) queued.</source>
        <translation>
            <numerusform>%Ln message en file d’attente.</numerusform>
            <numerusform>%Ln messages en file d’attente.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %Ln message(s) will not be sent.</source>
        <translation>
            <numerusform>Annulée : %Ln message ne sera pas envoyé.</numerusform>
            <numerusform>Annulée : %Ln messages ne seront pas envoyés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed message(s) queued again.</source>
        <translation>
            <numerusform>%n message en échec remis en file d’attente.</numerusform>
            <numerusform>%n messages en échec remis en file d’attente.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left failed (%1).</source>
        <translation>
            <numerusform>%n reste en échec (%1).</numerusform>
            <numerusform>%n restent en échec (%1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrialSendDialog</name>
    <message>
        <source>Test send</source>
        <translation>Envoi de test</translation>
    </message>
    <message>
        <source>Queuing the test messages…</source>
        <translation>Mise en file des messages de test…</translation>
    </message>
    <message>
        <source>Test device</source>
        <translation>Appareil de test</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>Sent through the dispatch service, marked as a test.</source>
        <translation>Envoyé par le service d&apos;envoi, marqué comme test.</translation>
    </message>
    <message>
        <source>Done: every test device has its result.</source>
        <translation>Terminé : chaque appareil de test a son résultat.</translation>
    </message>
    <message>
        <source>Still waiting: is the dispatch service running? The status bar of the main window shows it.</source>
        <translation>Toujours en attente : le service d&apos;envoi tourne-t-il ? La barre d&apos;état de la fenêtre principale l&apos;indique.</translation>
    </message>
    <message>
        <source>delivered to FCM</source>
        <translation>remis à FCM</translation>
    </message>
    <message>
        <source>will retry: %1</source>
        <translation>nouvel essai prévu : %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec : %1</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>non envoyé</translation>
    </message>
</context>
<context>
    <name>VirtualPhones</name>
    <message>
        <source>Virtual phones (local sandbox)</source>
        <translation>Téléphones virtuels (bac à sable local)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Start the sandbox</source>
        <translation>Démarrer le bac à sable</translation>
    </message>
    <message>
        <source>No virtual phone has received anything yet.</source>
        <translation>Aucun téléphone virtuel n’a encore rien reçu.</translation>
    </message>
    <message>
        <source>Starting the local sandbox…</source>
        <translation>Démarrage du bac à sable local…</translation>
    </message>
    <message>
        <source>The local sandbox could not start (%1).</source>
        <translation>Le bac à sable local n’a pas pu démarrer (%1).</translation>
    </message>
    <message>
        <source>The local sandbox is not running, so the virtual phones cannot be shown. It starts by itself when a campaign of a demo app is sent, or press “Start the sandbox”.</source>
        <translation>Le bac à sable local n’est pas démarré : les téléphones virtuels ne peuvent pas être affichés. Il démarre de lui-même quand une campagne d’une app de démo est envoyée, ou cliquez sur « Démarrer le bac à sable ».</translation>
    </message>
    <message>
        <source>The virtual phones cannot be shown: %1</source>
        <translation>Les téléphones virtuels ne peuvent pas être affichés : %1</translation>
    </message>
</context>
</TS>
