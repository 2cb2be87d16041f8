<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AccountGroup</name>
    <message>
        <source>SMS (Twilio)</source>
        <translation>SMS (Twilio)</translation>
    </message>
    <message>
        <source>Email (SMTP)</source>
        <translation>E-mail (SMTP)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1 :</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Compte :</translation>
    </message>
    <message>
        <source>Secret fingerprint:</source>
        <translation>Empreinte du secret :</translation>
    </message>
    <message>
        <source>Test:</source>
        <translation>Test :</translation>
    </message>
    <message>
        <source>Held on:</source>
        <translation>Détenu sur :</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored one</source>
        <translation>Laisser vide pour garder celui enregistré</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>Set on %1 by %2</source>
        <translation>Défini le %1 par %2</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Non défini</translation>
    </message>
    <message>
        <source>Passed on %1 (%2)</source>
        <translation>Réussi le %1 (%2)</translation>
    </message>
    <message>
        <source>Not tested</source>
        <translation>Non testé</translation>
    </message>
    <message>
        <source>No machine recorded (set before Engage Desktop kept track)</source>
        <translation>Aucune machine enregistrée (défini avant qu’Engage Desktop ne le note)</translation>
    </message>
    <message>
        <source>Not this machine: type the secret here and save.</source>
        <translation>Pas cette machine : saisissez le secret ici et enregistrez.</translation>
    </message>
    <message>
        <source>%1 (this machine)</source>
        <translation>%1 (cette machine)</translation>
    </message>
    <message>
        <source>%1, since %2 (%3)</source>
        <translation>%1, depuis le %2 (%3)</translation>
    </message>
    <message>
        <source>%1: an older secret, set it again there</source>
        <translation>%1 : un ancien secret, à redéfinir sur cette machine</translation>
    </message>
</context>
<context>
    <name>ProviderAccountsDialog</name>
    <message>
        <source>SMS and email accounts — %1</source>
        <translation>Comptes SMS et e-mail — %1</translation>
    </message>
    <message>
        <source>Secrets (the auth token, the password) go into this machine&apos;s keyring, never into the workspace. Each machine that runs a sending service reads them from its own keyring: save them once on each of those machines.</source>
        <translation>Les secrets (le jeton d’authentification, le mot de passe) vont dans le trousseau de cette machine, jamais dans l’espace de travail. Chaque machine qui fait tourner un service d’envoi les lit dans son propre trousseau : enregistrez-les une fois sur chacune d’elles.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test annulé.</translation>
    </message>
    <message>
        <source>Saved: the secret is in this machine&apos;s keyring (fingerprint %1). Next: test it.</source>
        <translation>Enregistré : le secret est dans le trousseau de cette machine (empreinte %1). Ensuite : testez-le.</translation>
    </message>
    <message>
        <source>A new key for the email&apos;s unsubscribe links is in this machine&apos;s keyring.</source>
        <translation>Une nouvelle clé pour les liens de désinscription des e-mails est dans le trousseau de cette machine.</translation>
    </message>
    <message>
        <source>Asking Twilio for the account…</source>
        <translation>Interrogation de Twilio sur le compte…</translation>
    </message>
    <message>
        <source>Connecting to the SMTP server and logging in…</source>
        <translation>Connexion au serveur SMTP et authentification…</translation>
    </message>
</context>
<context>
    <name>ProviderFields</name>
    <message>
        <source>Account SID</source>
        <translation>Account SID</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <source>A number in international format, or a Messaging Service SID (MG…).</source>
        <translation>Un numéro au format international, ou le SID d’un Messaging Service (MG…).</translation>
    </message>
    <message>
        <source>STOP mention</source>
        <translation>Mention STOP</translation>
    </message>
    <message>
        <source>STOP au 36111</source>
        <translation>STOP au 36111</translation>
    </message>
    <message>
        <source>Appended to every marketing SMS, so recipients can opt out.</source>
        <translation>Ajoutée à chaque SMS marketing, pour que les destinataires puissent se désinscrire.</translation>
    </message>
    <message>
        <source>Status callback URL</source>
        <translation>URL de suivi des statuts</translation>
    </message>
    <message>
        <source>https://… (optional)</source>
        <translation>https://… (facultatif)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Require STARTTLS (encrypted connection)</source>
        <translation>Exiger STARTTLS (connexion chiffrée)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>Adresse d’expédition</translation>
    </message>
    <message>
        <source>Reply-to address</source>
        <translation>Adresse de réponse</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>Unsubscribe page</source>
        <translation>Page de désinscription</translation>
    </message>
    <message>
        <source>The address the one-click unsubscribe links of marketing email open.</source>
        <translation>L’adresse qu’ouvrent les liens de désinscription en un clic des e-mails marketing.</translation>
    </message>
    <message>
        <source>Auth token</source>
        <translation>Jeton d’authentification</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
</context>
<context>
    <name>ProviderTexts</name>
    <message>
        <source>%2: this field is required.</source>
        <translation>%2 : ce champ est obligatoire.</translation>
    </message>
    <message>
        <source>%1 has no setting “%2”.</source>
        <translation>%1 n’a pas de réglage « %2 ».</translation>
    </message>
    <message>
        <source>%1: “%2” is not valid (expected %3).</source>
        <translation>%1 : « %2 » n’est pas valide (attendu : %3).</translation>
    </message>
    <message>
        <source>Type the secret (auth token or password): there is none to keep yet.</source>
        <translation>Saisissez le secret (jeton ou mot de passe) : il n’y en a pas encore à garder.</translation>
    </message>
    <message>
        <source>This machine&apos;s keyring does not hold the stored %3 secret, so it cannot be kept: type it.</source>
        <translation>Le trousseau de cette machine ne contient pas le secret %3 enregistré, il ne peut donc pas être gardé : saisissez-le.</translation>
    </message>
    <message>
        <source>This app no longer exists.</source>
        <translation>Cette app n’existe plus.</translation>
    </message>
    <message>
        <source>This app has no %3 account yet: fill in the fields and save first.</source>
        <translation>Cette app n’a pas encore de compte %3 : remplissez les champs et enregistrez d’abord.</translation>
    </message>
    <message>
        <source>This machine&apos;s keyring lacks the %4 secret (held on: %3). Type it here and save, or run “engage-desktop credentials set --app %1 --provider %2” on this machine.</source>
        <translation>Le trousseau de cette machine n’a pas le secret %4 (détenu sur : %3). Saisissez-le ici et enregistrez, ou lancez « engage-desktop credentials set --app %1 --provider %2 » sur cette machine.</translation>
    </message>
    <message>
        <source>The account is stored, but this machine&apos;s keyring lacks the app&apos;s unsubscribe-link key: run “engage-desktop credentials unsubscribe-key --app %1 --export” on a machine that sends its email, and import what it prints here (“--import”).</source>
        <translation>Le compte est enregistré, mais le trousseau de cette machine n’a pas la clé des liens de désinscription de l’app : lancez « engage-desktop credentials unsubscribe-key --app %1 --export » sur une machine qui envoie ses e-mails, et importez ici ce qu’elle affiche (« --import »).</translation>
    </message>
    <message>
        <source>Twilio accepted the account %1: “%2” is %3.</source>
        <translation>Twilio a accepté le compte %1 : « %2 » est %3.</translation>
    </message>
    <message>
        <source>Twilio refused the Account SID %1 with this auth token (%2: %3): check both in the Twilio console.</source>
        <translation>Twilio a refusé l’Account SID %1 avec ce jeton d’authentification (%2 : %3) : vérifiez-les dans la console Twilio.</translation>
    </message>
    <message>
        <source>Twilio refused the account %1 (%2: %3).</source>
        <translation>Twilio a refusé le compte %1 (%2 : %3).</translation>
    </message>
    <message>
        <source>Twilio could not be reached (%1): check the network.</source>
        <translation>Twilio est injoignable (%1) : vérifiez le réseau.</translation>
    </message>
    <message>
        <source>Connected to %1:%2 and logged in as %3.</source>
        <translation>Connecté à %1:%2 et authentifié en tant que %3.</translation>
    </message>
    <message>
        <source>The SMTP server %1 refused the login of %2 (%3 %4): check the user and the password.</source>
        <translation>Le serveur SMTP %1 a refusé la connexion de %2 (%3 %4) : vérifiez l’utilisateur et le mot de passe.</translation>
    </message>
    <message>
        <source>The SMTP server %1 answered %2: %3</source>
        <translation>Le serveur SMTP %1 a répondu %2 : %3</translation>
    </message>
    <message>
        <source>The SMTP server %1:%2 could not be reached (%3).</source>
        <translation>Le serveur SMTP %1:%2 est injoignable (%3).</translation>
    </message>
    <message>
        <source>AC + 32 hex digits</source>
        <translation>AC + 32 chiffres hexadécimaux</translation>
    </message>
    <message>
        <source>+33… or MG…</source>
        <translation>+33… ou MG…</translation>
    </message>
    <message>
        <source>1 to 65535</source>
        <translation>de 1 à 65535</translation>
    </message>
    <message>
        <source>name@domain</source>
        <translation>nom@domaine</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>suspendu</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <source>no machine recorded</source>
        <translation>aucune machine enregistrée</translation>
    </message>
</context>
</TS>
