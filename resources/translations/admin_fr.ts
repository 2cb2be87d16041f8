<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AdminTexts</name>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Marketer</source>
        <translation>Marketeur</translation>
    </message>
    <message>
        <source>Analyst</source>
        <translation>Analyste</translation>
    </message>
    <message>
        <source>Everything, including the app, its credentials and its team.</source>
        <translation>Tout, y compris l’app, ses identifiants et son équipe.</translation>
    </message>
    <message>
        <source>Composes, targets, schedules and sends campaigns; imports contacts.</source>
        <translation>Compose, cible, programme et envoie les campagnes ; importe des contacts.</translation>
    </message>
    <message>
        <source>Reads campaigns, audiences and reports, and exports them.</source>
        <translation>Consulte les campagnes, les audiences et les rapports, et les exporte.</translation>
    </message>
    <message>
        <source>Local sandbox</source>
        <translation>Bac à sable local</translation>
    </message>
    <message>
        <source>Firebase (FCM)</source>
        <translation>Firebase (FCM)</translation>
    </message>
    <message>
        <source>There is no app with id %1 in this workspace.</source>
        <translation>Il n’y a pas d’app d’identifiant %1 dans cet espace de travail.</translation>
    </message>
    <message>
        <source>An app needs a display name.</source>
        <translation>Une app a besoin d’un nom.</translation>
    </message>
    <message>
        <source>The name “%1” is longer than %2 characters.</source>
        <translation>Le nom « %1 » dépasse %2 caractères.</translation>
    </message>
    <message>
        <source>An app named “%1” already exists in this workspace.</source>
        <translation>Une app nommée « %1 » existe déjà dans cet espace de travail.</translation>
    </message>
    <message>
        <source>“%1” is not a Firebase project id: 6 to 30 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen.</source>
        <translation>« %1 » n’est pas un identifiant de projet Firebase : 6 à 30 minuscules, chiffres ou traits d’union, commençant par une lettre et ne finissant pas par un trait d’union.</translation>
    </message>
    <message>
        <source>“%1” is not an Android package name (like com.example.shop: two or more parts separated by dots, each starting with a letter; letters, digits, underscores).</source>
        <translation>« %1 » n’est pas un nom de paquet Android (comme com.exemple.boutique : au moins deux parties séparées par des points, chacune commençant par une lettre ; lettres, chiffres, soulignés).</translation>
    </message>
    <message>
        <source>“%1” is not an iOS bundle id (like com.example.shop: letters, digits, hyphens, two or more parts separated by dots).</source>
        <translation>« %1 » n’est pas un bundle id iOS (comme com.exemple.boutique : lettres, chiffres, traits d’union, au moins deux parties séparées par des points).</translation>
    </message>
    <message>
        <source>“%1” is listed twice.</source>
        <translation>« %1 » figure deux fois.</translation>
    </message>
    <message>
        <source>“%1” is not a time zone name of the IANA database (like Europe/Paris).</source>
        <translation>« %1 » n’est pas un fuseau horaire de la base IANA (comme Europe/Paris).</translation>
    </message>
    <message>
        <source>Only an admin of an app of this workspace may add apps; you administer none.</source>
        <translation>Seul l’admin d’une app de cet espace de travail peut ajouter des apps ; vous n’en administrez aucune.</translation>
    </message>
    <message>
        <source>Removal not confirmed: type the app&apos;s name “%1” exactly to remove it.</source>
        <translation>Suppression non confirmée : tapez exactement le nom de l’app « %1 » pour la supprimer.</translation>
    </message>
    <message>
        <source>Icon file not found: %1</source>
        <translation>Fichier d’icône introuvable : %1</translation>
    </message>
    <message>
        <source>Cannot read the icon file %1: %2</source>
        <translation>Impossible de lire le fichier d’icône %1 : %2</translation>
    </message>
    <message>
        <source>The icon file %1 is larger than %2 MB.</source>
        <translation>Le fichier d’icône %1 dépasse %2 Mo.</translation>
    </message>
    <message>
        <source>%1 is not a picture Engage Desktop can read (PNG, JPEG, WebP, GIF).</source>
        <translation>%1 n’est pas une image qu’Engage Desktop sait lire (PNG, JPEG, WebP, GIF).</translation>
    </message>
    <message>
        <source>“%1” is not a login: 1 to 120 characters, no control characters, no spaces at either end.</source>
        <translation>« %1 » n’est pas un identifiant : 1 à 120 caractères, sans caractère de contrôle ni espace aux extrémités.</translation>
    </message>
    <message>
        <source>“%1” is not an email address.</source>
        <translation>« %1 » n’est pas une adresse e-mail.</translation>
    </message>
    <message>
        <source>Nobody with the login “%1” is a member of this workspace.</source>
        <translation>Personne avec l’identifiant « %1 » n’est membre de cet espace de travail.</translation>
    </message>
    <message>
        <source>“%1” is already on the team of the app “%2” (as %3): change their role instead.</source>
        <translation>« %1 » fait déjà partie de l’équipe de l’app « %2 » (comme %3) : changez plutôt son rôle.</translation>
    </message>
    <message>
        <source>“%1” has no role on the app “%2”.</source>
        <translation>« %1 » n’a aucun rôle sur l’app « %2 ».</translation>
    </message>
    <message>
        <source>“%1” is the last admin of the app “%2”: make someone else admin first, or nobody could manage the app any more.</source>
        <translation>« %1 » est le dernier admin de l’app « %2 » : nommez d’abord un autre admin, sinon plus personne ne pourrait gérer l’app.</translation>
    </message>
    <message>
        <source>“%1” is not a role; choose admin, marketer or analyst.</source>
        <translation>« %1 » n’est pas un rôle ; choisissez admin, marketer ou analyst.</translation>
    </message>
</context>
<context>
    <name>AppDialog</name>
    <message>
        <source>Edit the app</source>
        <translation>Modifier l’app</translation>
    </message>
    <message>
        <source>Add an app</source>
        <translation>Ajouter une app</translation>
    </message>
    <message>
        <source>As your team calls it, e.g. Maison Lumière</source>
        <translation>Comme votre équipe l’appelle, p. ex. Maison Lumière</translation>
    </message>
    <message>
        <source>Firebase project id, e.g. maison-lumiere-prod</source>
        <translation>Identifiant du projet Firebase, p. ex. maison-lumiere-prod</translation>
    </message>
    <message>
        <source>e.g. fr.maisonlumiere.app (comma-separated)</source>
        <translation>p. ex. fr.maisonlumiere.app (séparés par des virgules)</translation>
    </message>
    <message>
        <source>e.g. fr.maisonlumiere.ios (comma-separated)</source>
        <translation>p. ex. fr.maisonlumiere.ios (séparés par des virgules)</translation>
    </message>
    <message>
        <source>Choose a picture…</source>
        <translation>Choisir une image…</translation>
    </message>
    <message>
        <source>No icon</source>
        <translation>Sans icône</translation>
    </message>
    <message>
        <source>Switching to Firebase needs working credentials; an admin sets them apart.</source>
        <translation>Passer à Firebase demande des identifiants valides ; un admin les règle à part.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Firebase project:</source>
        <translation>Projet Firebase :</translation>
    </message>
    <message>
        <source>Android packages:</source>
        <translation>Paquets Android :</translation>
    </message>
    <message>
        <source>iOS bundle ids:</source>
        <translation>Bundle ids iOS :</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>Fuseau horaire :</translation>
    </message>
    <message>
        <source>Icon in previews:</source>
        <translation>Icône des aperçus :</translation>
    </message>
    <message>
        <source>Sends to:</source>
        <translation>Envoie vers :</translation>
    </message>
    <message>
        <source>App icon</source>
        <translation>Icône de l’app</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.webp *.gif);;All files (*)</source>
        <translation>Images (*.png *.jpg *.jpeg *.webp *.gif);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>AppsPanel</name>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Firebase project</source>
        <translation>Projet Firebase</translation>
    </message>
    <message>
        <source>Android packages</source>
        <translation>Paquets Android</translation>
    </message>
    <message>
        <source>iOS bundle ids</source>
        <translation>Bundle ids iOS</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Sends to</source>
        <translation>Envoie vers</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Votre rôle</translation>
    </message>
    <message>
        <source>Add an app…</source>
        <translation>Ajouter une app…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>SMS and email accounts…</source>
        <translation>Comptes SMS et e-mail…</translation>
    </message>
    <message>
        <source>Each app is a Firebase project. You see the apps you have a role on.</source>
        <translation>Chaque app est un projet Firebase. Vous voyez les apps sur lesquelles vous avez un rôle.</translation>
    </message>
    <message>
        <source>%1, approver</source>
        <translation>%1, approbateur</translation>
    </message>
    <message>
        <source>You have a role on no app of this workspace yet.</source>
        <translation>Vous n’avez encore de rôle sur aucune app de cet espace de travail.</translation>
    </message>
    <message>
        <source>Only an admin of this app may change or remove it.</source>
        <translation>Seul un admin de cette app peut la modifier ou la supprimer.</translation>
    </message>
    <message>
        <source>Waiting for this machine&apos;s keyring…</source>
        <translation>En attente du trousseau de cette machine…</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Change the role of %1</source>
        <translation>Changer le rôle de %1</translation>
    </message>
    <message>
        <source>Add to the team of %1</source>
        <translation>Ajouter à l’équipe de %1</translation>
    </message>
    <message>
        <source>OS account, or database role on PostgreSQL</source>
        <translation>Compte du système, ou rôle de la base sous PostgreSQL</translation>
    </message>
    <message>
        <source>May approve sends on this app</source>
        <translation>Peut approuver les envois sur cette app</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Identifiant :</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-mail :</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rôle :</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>RemovalSummary</name>
    <message numerus="yes">
        <source>%Ln campaign(s) with their sends and results</source>
        <translation>
            <numerusform>%Ln campagne avec ses envois et résultats</numerusform>
            <numerusform>%Ln campagnes avec leurs envois et résultats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln profile(s) with their events and consents</source>
        <translation>
            <numerusform>%Ln profil avec ses événements et consentements</numerusform>
            <numerusform>%Ln profils avec leurs événements et consentements</numerusform>
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
        <source>%Ln segment(s)</source>
        <translation>
            <numerusform>%Ln segment</numerusform>
            <numerusform>%Ln segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln queued or sent message(s)</source>
        <translation>
            <numerusform>%Ln message en file ou envoyé</numerusform>
            <numerusform>%Ln messages en file ou envoyés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the roles of %Ln team member(s) on it</source>
        <translation>
            <numerusform>le rôle de %Ln membre de l’équipe sur cette app</numerusform>
            <numerusform>les rôles de %Ln membres de l’équipe sur cette app</numerusform>
        </translation>
    </message>
    <message>
        <source>its keys and passwords in this machine&apos;s keyring</source>
        <translation>ses clés et mots de passe dans le trousseau de cette machine</translation>
    </message>
    <message>
        <source>Removing “%1” deletes for good:</source>
        <translation>Supprimer « %1 » efface définitivement :</translation>
    </message>
    <message>
        <source>The audit log keeps its entries. This cannot be undone.</source>
        <translation>Le journal d’audit garde ses entrées. C’est irréversible.</translation>
    </message>
    <message>
        <source>The keyring of %1 keeps a copy of its service-account key: delete it there with the system&apos;s keyring tool.</source>
        <translation>Le trousseau de %1 garde une copie de sa clé de compte de service : supprimez-la là-bas avec l’outil de trousseau du système.</translation>
    </message>
</context>
<context>
    <name>RemoveAppDialog</name>
    <message>
        <source>Remove the app “%1”</source>
        <translation>Supprimer l’app « %1 »</translation>
    </message>
    <message>
        <source>Counting what goes with the app…</source>
        <translation>Décompte de ce qui part avec l’app…</translation>
    </message>
    <message>
        <source>Remove for good</source>
        <translation>Supprimer définitivement</translation>
    </message>
    <message>
        <source>Type the app&apos;s name to confirm:</source>
        <translation>Tapez le nom de l’app pour confirmer :</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Suppression…</translation>
    </message>
    <message>
        <source>Secrets left in the keyring</source>
        <translation>Secrets restés dans le trousseau</translation>
    </message>
    <message>
        <source>The app is removed, but this machine&apos;s keyring could not be reached. Delete these entries with the system&apos;s keyring tool: %1</source>
        <translation>L’app est supprimée, mais le trousseau de cette machine est inaccessible. Supprimez ces entrées avec l’outil de trousseau du système : %1</translation>
    </message>
</context>
<context>
    <name>TeamPanel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Approves sends</source>
        <translation>Approuve les envois</translation>
    </message>
    <message>
        <source>Add a member…</source>
        <translation>Ajouter un membre…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Changer le rôle…</translation>
    </message>
    <message>
        <source>Remove from the team</source>
        <translation>Retirer de l’équipe</translation>
    </message>
    <message>
        <source>No app selected.</source>
        <translation>Aucune app choisie.</translation>
    </message>
    <message>
        <source>Team of the app “%1”</source>
        <translation>Équipe de l’app « %1 »</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>Take %1 off the team of “%2”? They keep their roles on other apps.</source>
        <translation>Retirer %1 de l’équipe de « %2 » ? Ses rôles sur les autres apps restent.</translation>
    </message>
</context>
</TS>
