<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CredentialErrors</name>
    <message>
        <source>The service-account file %1 does not exist.</source>
        <translation>Le fichier de compte de service %1 n’existe pas.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a service-account file.</source>
        <translation>%1 est un dossier, pas un fichier de compte de service.</translation>
    </message>
    <message>
        <source>The service-account file %1 cannot be read (%2).</source>
        <translation>Le fichier de compte de service %1 ne peut pas être lu (%2).</translation>
    </message>
    <message>
        <source>%1 is too large to be a service-account key (%2 bytes).</source>
        <translation>%1 est trop gros pour être une clé de compte de service (%2 octets).</translation>
    </message>
    <message>
        <source>The service-account file %1 is not valid JSON (line %2, column %3): download the key again from the Firebase console.</source>
        <translation>Le fichier de compte de service %1 n’est pas un JSON valide (ligne %2, colonne %3) : téléchargez de nouveau la clé depuis la console Firebase.</translation>
    </message>
    <message>
        <source>The service-account file %1 is cut short (it ends after %2 bytes, inside the JSON): download the key again from the Firebase console.</source>
        <translation>Le fichier de compte de service %1 est tronqué (il s’arrête après %2 octets, au milieu du JSON) : téléchargez de nouveau la clé depuis la console Firebase.</translation>
    </message>
    <message>
        <source>%1 is a Firebase app configuration (google-services.json), not a service-account key: in the Firebase console open Project settings → Service accounts → Generate new private key.</source>
        <translation>%1 est une configuration d’app Firebase (google-services.json), pas une clé de compte de service : dans la console Firebase, ouvrez Paramètres du projet → Comptes de service → Générer une nouvelle clé privée.</translation>
    </message>
    <message>
        <source>%1 is not a Google service-account key (its “type” is “%2”; it must be “service_account”).</source>
        <translation>%1 n’est pas une clé de compte de service Google (son « type » est « %2 » ; il doit être « service_account »).</translation>
    </message>
    <message>
        <source>The service-account file %1 lacks: %2.</source>
        <translation>Il manque au fichier de compte de service %1 : %2.</translation>
    </message>
    <message>
        <source>The service-account file %1 belongs to project “%2”, but this app sends through project “%3”. Pick the key of the right project.</source>
        <translation>Le fichier de compte de service %1 appartient au projet « %2 », mais cette app envoie par le projet « %3 ». Choisissez la clé du bon projet.</translation>
    </message>
    <message>
        <source>The private key in %1 cannot be loaded (damaged or not an RSA key).</source>
        <translation>La clé privée de %1 ne peut pas être chargée (abîmée, ou pas une clé RSA).</translation>
    </message>
    <message>
        <source>%1 can be read by other users of this machine. The key is now in the keyring: delete the file.</source>
        <translation>D’autres utilisateurs de cette machine peuvent lire %1. La clé est maintenant dans le trousseau : supprimez le fichier.</translation>
    </message>
    <message>
        <source>This app no longer exists.</source>
        <translation>Cette app n’existe plus.</translation>
    </message>
    <message>
        <source>The app “%1” cannot leave the sandbox: its service-account key has not passed a connection test. Test the connection first.</source>
        <translation>L’app « %1 » ne peut pas quitter le bac à sable : sa clé de compte de service n’a pas réussi de test de connexion. Testez d’abord la connexion.</translation>
    </message>
    <message>
        <source>The app “%1” sends through FCM: a new service-account key must pass the connection test before it replaces the current one. Choose the key file again here: it is tested first.</source>
        <translation>L’app « %1 » envoie par FCM : une nouvelle clé de compte de service doit réussir le test de connexion avant de remplacer la clé actuelle. Choisissez à nouveau le fichier de clé ici : il est d’abord testé.</translation>
    </message>
    <message>
        <source>No service-account key is set for the app “%1” (project %2): an admin gives it in Settings → Credentials.</source>
        <translation>Aucune clé de compte de service n’est définie pour l’app « %1 » (projet %2) : un administrateur la donne dans Paramètres → Identifiants.</translation>
    </message>
    <message>
        <source>The service-account key of the app “%1” (project %2) is not in the keyring of this machine (%3): give it the key once (Settings → Credentials).</source>
        <translation>La clé de compte de service de l’app « %1 » (projet %2) n’est pas dans le trousseau de cette machine (%3) : donnez-lui la clé une fois (Paramètres → Identifiants).</translation>
    </message>
    <message>
        <source>The service-account key of the app “%1” (project %2) in the keyring of %3 cannot be used: set it again.</source>
        <translation>La clé de compte de service de l’app « %1 » (projet %2) dans le trousseau de %3 est inutilisable : donnez-la de nouveau.</translation>
    </message>
    <message>
        <source>The token server (%3) cannot be reached for the app “%1” (project %2): check the network.</source>
        <translation>Le serveur de jetons (%3) est injoignable pour l’app « %1 » (projet %2) : vérifiez le réseau.</translation>
    </message>
    <message>
        <source>The service account of the app “%1” (project %2) was refused (%3): the key may be revoked or deleted. Download a new key.</source>
        <translation>Le compte de service de l’app « %1 » (projet %2) a été refusé (%3) : la clé a peut-être été révoquée ou supprimée. Téléchargez une nouvelle clé.</translation>
    </message>
    <message>
        <source>FCM refused the credentials of the app “%1” (project %2): %3 — %4</source>
        <translation>FCM a refusé les identifiants de l’app « %1 » (projet %2) : %3 — %4</translation>
    </message>
    <message>
        <source>FCM cannot be reached for the app “%1” (project %2) (%3): check the network.</source>
        <translation>FCM est injoignable pour l’app « %1 » (projet %2) (%3) : vérifiez le réseau.</translation>
    </message>
    <message>
        <source>Connection test passed for the app “%1” (project %2): Google issued a token and FCM accepted a validate-only message to the test device %3.</source>
        <translation>Test de connexion réussi pour l’app « %1 » (projet %2) : Google a délivré un jeton et FCM a accepté un message de validation seule vers l’appareil de test %3.</translation>
    </message>
    <message>
        <source>Connection test passed for the app “%1” (project %2): Google issued a token and FCM accepted a validate-only message to a topic (the app has no test device).</source>
        <translation>Test de connexion réussi pour l’app « %1 » (projet %2) : Google a délivré un jeton et FCM a accepté un message de validation seule vers un sujet (l’app n’a pas d’appareil de test).</translation>
    </message>
    <message>
        <source>FCM did not accept the test device %1 (%2): its token may be out of date. The credentials themselves work.</source>
        <translation>FCM n’a pas accepté l’appareil de test %1 (%2) : son jeton est peut-être périmé. Les identifiants, eux, fonctionnent.</translation>
    </message>
    <message>
        <source>%1: “%2” is not an address like https://fcm.googleapis.com.</source>
        <translation>%1 : « %2 » n’est pas une adresse comme https://fcm.googleapis.com.</translation>
    </message>
    <message>
        <source>%1: “%2” is not on this machine; the sandbox only listens on loopback.</source>
        <translation>%1 : « %2 » n’est pas sur cette machine ; le bac à sable n’écoute qu’en boucle locale.</translation>
    </message>
    <message>
        <source>%1: “%2” is plain http to another machine; use https.</source>
        <translation>%1 : « %2 » est du http en clair vers une autre machine ; utilisez https.</translation>
    </message>
    <message>
        <source>No secure keyring is available on this machine (%1). Service-account keys are kept only in the OS keyring: start GNOME Keyring or KWallet in your session (on macOS and Windows the system keychain is used).</source>
        <translation>Aucun trousseau sécurisé n’est disponible sur cette machine (%1). Les clés de compte de service ne sont gardées que dans le trousseau du système : lancez GNOME Keyring ou KWallet dans votre session (sous macOS et Windows, le trousseau du système est utilisé).</translation>
    </message>
    <message>
        <source>The keyring backend %1 keeps secrets in a file, which Engage Desktop refuses. Uninstall keyrings.alt and start GNOME Keyring or KWallet in your session.</source>
        <translation>Le trousseau %1 garde les secrets dans un fichier, ce qu’Engage Desktop refuse. Désinstallez keyrings.alt et lancez GNOME Keyring ou KWallet dans votre session.</translation>
    </message>
    <message>
        <source>The keyring collection “%1” is locked. Unlock it (log in to the desktop session, or open “Passwords and Keys”) and try again.</source>
        <translation>Le trousseau « %1 » est verrouillé. Déverrouillez-le (ouvrez la session du bureau, ou « Mots de passe et clés ») et réessayez.</translation>
    </message>
    <message>
        <source>The OS keyring (%1) refused: %2. Unlock it and try again.</source>
        <translation>Le trousseau du système (%1) a refusé : %2. Déverrouillez-le et réessayez.</translation>
    </message>
</context>
<context>
    <name>CredentialsBox</name>
    <message>
        <source>Firebase credentials</source>
        <translation>Identifiants Firebase</translation>
    </message>
    <message>
        <source>Manage credentials…</source>
        <translation>Gérer les identifiants…</translation>
    </message>
    <message>
        <source>sends to the local sandbox</source>
        <translation>envoie vers le bac à sable local</translation>
    </message>
    <message>
        <source>sends through FCM</source>
        <translation>envoie par FCM</translation>
    </message>
    <message>
        <source>key %1 of %2</source>
        <translation>clé %1 de %2</translation>
    </message>
    <message>
        <source>no service-account key yet</source>
        <translation>pas encore de clé de compte de service</translation>
    </message>
    <message>
        <source>%1 (project %2) %3; %4.</source>
        <translation>%1 (projet %2) %3 ; %4.</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>Firebase credentials</source>
        <translation>Identifiants Firebase</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Service-account key (kept in the OS keyring)</source>
        <translation>Clé de compte de service (gardée dans le trousseau du système)</translation>
    </message>
    <message>
        <source>Client email:</source>
        <translation>E-mail du client :</translation>
    </message>
    <message>
        <source>Key id:</source>
        <translation>Identifiant de clé :</translation>
    </message>
    <message>
        <source>Set:</source>
        <translation>Définie :</translation>
    </message>
    <message>
        <source>Connection test:</source>
        <translation>Test de connexion :</translation>
    </message>
    <message>
        <source>Choose key file…</source>
        <translation>Choisir le fichier de clé…</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Remove key…</source>
        <translation>Retirer la clé…</translation>
    </message>
    <message>
        <source>Machines whose keyring holds the key</source>
        <translation>Machines dont le trousseau détient la clé</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Enregistrée</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Each machine that runs a sending service reads the key from its own keyring: give the key once on each of them (“engage-desktop credentials set”).</source>
        <translation>Chaque machine qui fait tourner un service d’envoi lit la clé dans son propre trousseau : donnez la clé une fois sur chacune (« engage-desktop credentials set »).</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test annulé.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — Firebase project %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — projet Firebase %2</translation>
    </message>
    <message>
        <source>Sends to the local sandbox (no real device).</source>
        <translation>Envoie vers le bac à sable local (aucun vrai appareil).</translation>
    </message>
    <message>
        <source>Send through FCM</source>
        <translation>Envoyer par FCM</translation>
    </message>
    <message>
        <source>Sends through Firebase Cloud Messaging.</source>
        <translation>Envoie par Firebase Cloud Messaging.</translation>
    </message>
    <message>
        <source>Send to the sandbox</source>
        <translation>Envoyer vers le bac à sable</translation>
    </message>
    <message>
        <source>No key yet</source>
        <translation>Pas encore de clé</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>Passed %1 on %2</source>
        <translation>Réussi le %1 sur %2</translation>
    </message>
    <message>
        <source>Not tested</source>
        <translation>Pas testée</translation>
    </message>
    <message>
        <source>current key</source>
        <translation>clé actuelle</translation>
    </message>
    <message>
        <source>old key %1</source>
        <translation>ancienne clé %1</translation>
    </message>
    <message>
        <source>Sending through FCM needs a key that passed the connection test.</source>
        <translation>Envoyer par FCM demande une clé qui a réussi le test de connexion.</translation>
    </message>
    <message>
        <source>Service-account key</source>
        <translation>Clé de compte de service</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>Fichiers JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The new key failed its connection test and is not stored: the app keeps sending with its current key.</source>
        <translation>La nouvelle clé a échoué au test de connexion et n’est pas enregistrée : l’app continue d’envoyer avec sa clé actuelle.</translation>
    </message>
    <message>
        <source>The new key passed the connection test and is now in use.</source>
        <translation>La nouvelle clé a réussi le test de connexion et est maintenant utilisée.</translation>
    </message>
    <message>
        <source>The key is in this machine&apos;s keyring. Next: test the connection.</source>
        <translation>La clé est dans le trousseau de cette machine. Ensuite : testez la connexion.</translation>
    </message>
    <message>
        <source>Asking Google for a token, then FCM for a validate-only send…</source>
        <translation>Demande d’un jeton à Google, puis d’un envoi de validation seule à FCM…</translation>
    </message>
    <message>
        <source>Remove the key</source>
        <translation>Retirer la clé</translation>
    </message>
    <message>
        <source>Forget this app&apos;s key and delete it from this machine&apos;s keyring? The app can no longer send through FCM until a key is given again.</source>
        <translation>Oublier la clé de cette app et la supprimer du trousseau de cette machine ? L’app ne pourra plus envoyer par FCM tant qu’une clé n’aura pas été redonnée.</translation>
    </message>
    <message>
        <source>The key is removed from this machine&apos;s keyring.</source>
        <translation>La clé est retirée du trousseau de cette machine.</translation>
    </message>
    <message>
        <source>Other machines still hold a copy: %1. Remove it there too.</source>
        <translation>D’autres machines en gardent une copie : %1. Retirez-la là-bas aussi.</translation>
    </message>
    <message>
        <source>This app now sends through FCM.</source>
        <translation>Cette app envoie maintenant par FCM.</translation>
    </message>
    <message>
        <source>This app now sends to the local sandbox.</source>
        <translation>Cette app envoie maintenant vers le bac à sable local.</translation>
    </message>
</context>
</TS>
