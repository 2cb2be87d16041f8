<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ApprovalErrors</name>
    <message>
        <source>This send would reach %2 recipients, above this app&apos;s approval threshold (%3): submit it for approval first.</source>
        <translation>Cet envoi toucherait %2 destinataires, au-delà du seuil de validation de cette application (%3) : soumettez-le d’abord à validation.</translation>
    </message>
    <message>
        <source>This send is waiting for an approver&apos;s decision.</source>
        <translation>Cet envoi attend la décision d’un valideur.</translation>
    </message>
    <message>
        <source>This send was rejected by %2: “%3”. Change it and submit again.</source>
        <translation>Cet envoi a été refusé par %2 : « %3 ». Modifiez-le et soumettez-le à nouveau.</translation>
    </message>
    <message>
        <source>This campaign no longer exists (deleted meanwhile?).</source>
        <translation>Cette campagne n’existe plus (supprimée entre-temps ?).</translation>
    </message>
    <message>
        <source>This app no longer exists.</source>
        <translation>Cette application n’existe plus.</translation>
    </message>
    <message>
        <source>Only a draft or scheduled campaign can be submitted.</source>
        <translation>Seule une campagne en brouillon ou programmée peut être soumise.</translation>
    </message>
    <message>
        <source>The campaign has problems to fix before it can be submitted (%2).</source>
        <translation>La campagne a des problèmes à corriger avant de pouvoir être soumise (%2).</translation>
    </message>
    <message>
        <source>This campaign is already waiting for an approver.</source>
        <translation>Cette campagne attend déjà un valideur.</translation>
    </message>
    <message>
        <source>This campaign is already approved as it is.</source>
        <translation>Cette campagne est déjà validée telle quelle.</translation>
    </message>
    <message>
        <source>Nothing is waiting for a decision (decided meanwhile?).</source>
        <translation>Rien n’attend de décision (décidé entre-temps ?).</translation>
    </message>
    <message>
        <source>You submitted this campaign yourself: another approver must decide.</source>
        <translation>Vous avez soumis cette campagne vous-même : un autre valideur doit décider.</translation>
    </message>
    <message>
        <source>The threshold must be a whole number of 0 or more.</source>
        <translation>Le seuil doit être un nombre entier supérieur ou égal à 0.</translation>
    </message>
    <message>
        <source>The comment is too long (%1 characters; at most %2).</source>
        <translation>Le commentaire est trop long (%1 caractères ; %2 au plus).</translation>
    </message>
</context>
<context>
    <name>CampaignErrors</name>
    <message>
        <source>a draft</source>
        <translation>un brouillon</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>programmée</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>en cours d’envoi</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyée</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>This campaign is %1: it can no longer be edited.</source>
        <translation>Cette campagne est %1 : elle ne peut plus être modifiée.</translation>
    </message>
    <message>
        <source>This campaign is %1: it cannot be scheduled.</source>
        <translation>Cette campagne est %1 : elle ne peut pas être programmée.</translation>
    </message>
    <message>
        <source>This campaign no longer exists (deleted meanwhile?).</source>
        <translation>Cette campagne n’existe plus (supprimée entre-temps ?).</translation>
    </message>
    <message>
        <source>This campaign is %1: only a completed or cancelled one is archived.</source>
        <translation>Cette campagne est %1 : seule une campagne terminée ou annulée s’archive.</translation>
    </message>
    <message>
        <source>This campaign is %1: only a draft can be deleted (archive a finished one instead).</source>
        <translation>Cette campagne est %1 : seul un brouillon peut être supprimé (archivez plutôt une campagne terminée).</translation>
    </message>
    <message>
        <source>A campaign cannot go from “%1” to “%2”.</source>
        <translation>Une campagne ne peut pas passer de « %1 » à « %2 ».</translation>
    </message>
    <message numerus="yes">
        <source>The campaign cannot be scheduled: %n problem(s) to fix first (see the list under the form).</source>
        <translation>
            <numerusform>La campagne ne peut pas être programmée : %n problème à corriger d’abord (voir la liste sous le formulaire).</numerusform>
            <numerusform>La campagne ne peut pas être programmée : %n problèmes à corriger d’abord (voir la liste sous le formulaire).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContentIssues</name>
    <message>
        <source>A campaign needs a name.</source>
        <translation>Une campagne doit avoir un nom.</translation>
    </message>
    <message>
        <source>A campaign needs at least one variant.</source>
        <translation>Une campagne doit avoir au moins une variante.</translation>
    </message>
    <message>
        <source>Two variants have the same key.</source>
        <translation>Deux variantes ont la même clé.</translation>
    </message>
    <message>
        <source>The variants&apos; shares add up to %1 %; they must add up to 100 %.</source>
        <translation>Les parts des variantes totalisent %1 % ; elles doivent totaliser 100 %.</translation>
    </message>
    <message>
        <source>An email needs a subject.</source>
        <translation>Un e-mail doit avoir un objet.</translation>
    </message>
    <message>
        <source>Write a title or a body: the notification would be empty.</source>
        <translation>Écrivez un titre ou un corps : la notification serait vide.</translation>
    </message>
    <message>
        <source>The image must be an https:// address (got “%1”).</source>
        <translation>L’image doit être une adresse https:// (reçu « %1 »).</translation>
    </message>
    <message>
        <source>“%1” is not a link: write scheme://path, e.g. myapp://promo.</source>
        <translation>« %1 » n’est pas un lien : écrivez schéma://chemin, par exemple monapp://promo.</translation>
    </message>
    <message>
        <source>A link may not contain spaces.</source>
        <translation>Un lien ne peut pas contenir d’espaces.</translation>
    </message>
    <message>
        <source>At most %1 buttons; remove %2.</source>
        <translation>%1 boutons au plus ; retirez-en %2.</translation>
    </message>
    <message>
        <source>At most %1 buttons.</source>
        <translation>%1 boutons au plus.</translation>
    </message>
    <message>
        <source>Button %1 has no label.</source>
        <translation>Le bouton %1 n’a pas de libellé.</translation>
    </message>
    <message>
        <source>Button %1 has no identifier.</source>
        <translation>Le bouton %1 n’a pas d’identifiant.</translation>
    </message>
    <message>
        <source>Custom data “%1” must be text, not %2 (write it in quotes).</source>
        <translation>La donnée personnalisée « %1 » doit être du texte, pas %2 (écrivez-la entre guillemets).</translation>
    </message>
    <message>
        <source>The badge must be 0 or more.</source>
        <translation>Le badge doit valoir 0 ou plus.</translation>
    </message>
    <message>
        <source>Time to live must be between 0 and 28 days (2,419,200 s).</source>
        <translation>La durée de vie doit être comprise entre 0 et 28 jours (2 419 200 s).</translation>
    </message>
    <message>
        <source>“message_id” is reserved: use another key.</source>
        <translation>« message_id » est réservé : utilisez une autre clé.</translation>
    </message>
    <message>
        <source>“%1” is reserved by FCM: use another key.</source>
        <translation>« %1 » est réservé par FCM : utilisez une autre clé.</translation>
    </message>
    <message>
        <source>Analytics label: up to 50 letters, digits, - _ . ~ % only.</source>
        <translation>Libellé analytique : 50 caractères au plus, uniquement lettres, chiffres et - _ . ~ %.</translation>
    </message>
    <message>
        <source>The payload is %1 bytes; FCM accepts at most %2. Shorten the texts or data.</source>
        <translation>Le message fait %1 octets ; FCM en accepte %2 au plus. Raccourcissez les textes ou les données.</translation>
    </message>
    <message>
        <source>The SMS is empty.</source>
        <translation>Le SMS est vide.</translation>
    </message>
    <message>
        <source>The SMS needs %1 segments; the cap is %2.</source>
        <translation>Le SMS demande %1 segments ; la limite est de %2.</translation>
    </message>
    <message>
        <source>The SMS needs %1 segments; the cap is %2. The characters %3 force UCS-2 (70 per SMS instead of 160).</source>
        <translation>Le SMS demande %1 segments ; la limite est de %2. Les caractères %3 imposent l’UCS-2 (70 par SMS au lieu de 160).</translation>
    </message>
    <message>
        <source>Unknown layout “%1”: use %2.</source>
        <translation>Disposition « %1 » inconnue : utilisez %2.</translation>
    </message>
    <message>
        <source>Write a header or a body.</source>
        <translation>Écrivez un en-tête ou un corps.</translation>
    </message>
    <message>
        <source>Write the colour as #RRGGBB (or #RRGGBBAA), not “%1”.</source>
        <translation>Écrivez la couleur sous la forme #RRVVBB (ou #RRVVBBAA), pas « %1 ».</translation>
    </message>
    <message>
        <source>With no button and no close control the message cannot be dismissed.</source>
        <translation>Sans bouton ni bouton de fermeture, le message ne peut pas être fermé.</translation>
    </message>
    <message>
        <source>Write the page or give the address where it is published.</source>
        <translation>Écrivez la page ou donnez l’adresse où elle est publiée.</translation>
    </message>
    <message>
        <source>The page address must be https:// (got “%1”).</source>
        <translation>L’adresse de la page doit commencer par https:// (reçu « %1 »).</translation>
    </message>
    <message>
        <source>Keep the page in the inbox 1 to %1 days.</source>
        <translation>Gardez la page dans la boîte de réception de 1 à %1 jours.</translation>
    </message>
    <message>
        <source>The page (%1 bytes) does not fit in the %2-byte message and no page address is given: shorten it or give the address where it is published.</source>
        <translation>La page (%1 octets) ne tient pas dans le message de %2 octets et aucune adresse de page n’est donnée : raccourcissez-la ou donnez l’adresse où elle est publiée.</translation>
    </message>
    <message>
        <source>Unknown trigger “%1”: use app_open or event.</source>
        <translation>Déclencheur « %1 » inconnu : utilisez app_open ou event.</translation>
    </message>
    <message>
        <source>Name the event that shows the message (letters, digits, _; 40 at most).</source>
        <translation>Nommez l’événement qui affiche le message (lettres, chiffres, _ ; 40 au plus).</translation>
    </message>
    <message>
        <source>“%1” is not a date and time with its offset (2026-12-24T18:00:00+01:00).</source>
        <translation>« %1 » n’est pas une date et une heure avec son décalage (2026-12-24T18:00:00+01:00).</translation>
    </message>
    <message>
        <source>The message expires (%1) before it is sent: nobody would see it.</source>
        <translation>Le message expire (%1) avant son envoi : personne ne le verrait.</translation>
    </message>
    <message>
        <source>“%1” is not a display name and an address (write it like %2).</source>
        <translation>« %1 » n’est pas un nom affiché suivi d’une adresse (écrivez par exemple %2).</translation>
    </message>
    <message>
        <source>Template error, line %1, column %2: %3</source>
        <translation>Erreur de modèle, ligne %1, colonne %2 : %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>FieldNames</name>
    <message>
        <source>campaign name</source>
        <translation>nom de la campagne</translation>
    </message>
    <message>
        <source>variants</source>
        <translation>variantes</translation>
    </message>
    <message>
        <source>variant shares</source>
        <translation>parts des variantes</translation>
    </message>
    <message>
        <source>title</source>
        <translation>titre</translation>
    </message>
    <message>
        <source>subtitle</source>
        <translation>sous-titre</translation>
    </message>
    <message>
        <source>body</source>
        <translation>corps</translation>
    </message>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <source>deep link</source>
        <translation>lien profond</translation>
    </message>
    <message>
        <source>buttons</source>
        <translation>boutons</translation>
    </message>
    <message>
        <source>custom data</source>
        <translation>données personnalisées</translation>
    </message>
    <message>
        <source>badge</source>
        <translation>badge</translation>
    </message>
    <message>
        <source>time to live</source>
        <translation>durée de vie</translation>
    </message>
    <message>
        <source>analytics label</source>
        <translation>libellé analytique</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>objet</translation>
    </message>
    <message>
        <source>preheader</source>
        <translation>pré-en-tête</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>SMS text</source>
        <translation>texte du SMS</translation>
    </message>
    <message>
        <source>header</source>
        <translation>en-tête</translation>
    </message>
    <message>
        <source>layout</source>
        <translation>disposition</translation>
    </message>
    <message>
        <source>background colour</source>
        <translation>couleur de fond</translation>
    </message>
    <message>
        <source>text colour</source>
        <translation>couleur du texte</translation>
    </message>
    <message>
        <source>button colour</source>
        <translation>couleur des boutons</translation>
    </message>
    <message>
        <source>close control</source>
        <translation>bouton de fermeture</translation>
    </message>
    <message>
        <source>status</source>
        <translation>statut</translation>
    </message>
    <message>
        <source>page address</source>
        <translation>adresse de la page</translation>
    </message>
    <message>
        <source>inbox keep time</source>
        <translation>durée de conservation dans la boîte de réception</translation>
    </message>
    <message>
        <source>trigger</source>
        <translation>déclencheur</translation>
    </message>
    <message>
        <source>trigger event</source>
        <translation>événement déclencheur</translation>
    </message>
    <message>
        <source>expiry</source>
        <translation>expiration</translation>
    </message>
    <message>
        <source>From</source>
        <translation>expéditeur</translation>
    </message>
    <message>
        <source>Reply-to</source>
        <translation>adresse de réponse</translation>
    </message>
    <message>
        <source>text part</source>
        <translation>version texte</translation>
    </message>
    <message>
        <source>button %1</source>
        <translation>bouton %1</translation>
    </message>
    <message>
        <source>custom data “%1”</source>
        <translation>donnée personnalisée « %1 »</translation>
    </message>
    <message>
        <source>variant %1, %2</source>
        <translation>variante %1, %2</translation>
    </message>
</context>
<context>
    <name>PauseReasons</name>
    <message>
        <source>FCM cannot be reached at %1 for %2 s (%3). Sending is paused and resumes by itself when FCM answers again; check the FCM address in the settings and the network.</source>
        <translation>FCM est injoignable à l’adresse %1 depuis %2 s (%3). L’envoi est en pause et reprendra de lui-même dès que FCM répondra ; vérifiez l’adresse FCM dans les réglages et le réseau.</translation>
    </message>
    <message>
        <source>FCM has answered only errors for %2 s (%1). Sending is paused and resumes by itself when FCM answers again.</source>
        <translation>FCM ne renvoie que des erreurs depuis %2 s (%1). L’envoi est en pause et reprendra de lui-même dès que FCM répondra de nouveau.</translation>
    </message>
    <message>
        <source>FCM has refused the project&apos;s messages as over quota for %2 s (%1). Sending is paused and resumes by itself when FCM accepts messages again.</source>
        <translation>FCM refuse les messages du projet pour dépassement de quota depuis %2 s (%1). L’envoi est en pause et reprendra de lui-même dès que FCM les acceptera de nouveau.</translation>
    </message>
    <message>
        <source>The token server of the app “%1” (project %2) at %3 gives no access token (%4). Sending is paused and resumes by itself when it gives tokens again.</source>
        <translation>Le serveur de jetons de l’application « %1 » (projet %2) à l’adresse %3 ne délivre aucun jeton d’accès (%4). L’envoi est en pause et reprendra de lui-même dès qu’il en délivrera de nouveau.</translation>
    </message>
    <message>
        <source>FCM refuses every message of the app “%1” (project %2): %3 — %4. Sending is paused and the device tokens are kept: fix the project&apos;s set-up (service account, sender, APNs key), then resume.</source>
        <translation>FCM refuse tous les messages de l’app « %1 » (projet %2) : %3 — %4. L’envoi est en pause et les jetons des appareils sont conservés : corrigez la configuration du projet (compte de service, expéditeur, clé APNs), puis reprenez l’envoi.</translation>
    </message>
    <message>
        <source>FCM refuses this campaign&apos;s message: %1 — %2. Sending is paused: correct the content, then resume.</source>
        <translation>FCM refuse le message de cette campagne : %1 — %2. L’envoi est en pause : corrigez le contenu, puis reprenez l’envoi.</translation>
    </message>
    <message>
        <source>The %1 provider refuses app %2&apos;s account: %3. Its campaigns on that channel are paused: fix the account with &apos;engage-desktop credentials set&apos;, then resume.</source>
        <translation>Le fournisseur %1 refuse le compte de l’app %2 : %3. Ses campagnes sur ce canal sont en pause : corrigez le compte avec « engage-desktop credentials set », puis reprenez.</translation>
    </message>
    <message>
        <source>App %2 has no %1 account usable on this machine. Its campaigns on that channel are paused: give it with &apos;engage-desktop credentials set&apos; here, then resume.</source>
        <translation>L’app %2 n’a pas de compte %1 utilisable sur cette machine. Ses campagnes sur ce canal sont en pause : donnez-le avec « engage-desktop credentials set » ici, puis reprenez.</translation>
    </message>
</context>
<context>
    <name>PermissionErrors</name>
    <message>
        <source>viewing campaigns</source>
        <translation>de consulter les campagnes</translation>
    </message>
    <message>
        <source>editing campaigns</source>
        <translation>de modifier les campagnes</translation>
    </message>
    <message>
        <source>sending campaigns</source>
        <translation>d’envoyer des campagnes</translation>
    </message>
    <message>
        <source>approving sends</source>
        <translation>d’approuver les envois</translation>
    </message>
    <message>
        <source>viewing the audience</source>
        <translation>de consulter l’audience</translation>
    </message>
    <message>
        <source>changing the audience (imports, segments)</source>
        <translation>de modifier l’audience (imports, segments)</translation>
    </message>
    <message>
        <source>viewing analytics</source>
        <translation>de consulter les statistiques</translation>
    </message>
    <message>
        <source>exporting analytics</source>
        <translation>d’exporter les statistiques</translation>
    </message>
    <message>
        <source>changing the app&apos;s credentials</source>
        <translation>de modifier les identifiants de l’app</translation>
    </message>
    <message>
        <source>managing the team</source>
        <translation>de gérer l’équipe</translation>
    </message>
    <message>
        <source>seeing the team</source>
        <translation>de voir l’équipe</translation>
    </message>
    <message>
        <source>changing or removing the app</source>
        <translation>de modifier ou de supprimer l’app</translation>
    </message>
    <message>
        <source>There is no app with id %1 in this workspace (removed?).</source>
        <translation>Il n’y a pas d’app d’identifiant %1 dans cet espace de travail (supprimée ?).</translation>
    </message>
    <message>
        <source>You have no role on the app “%1”, so %2 is not allowed.</source>
        <translation>Vous n’avez aucun rôle sur l’app « %1 » : il ne vous est pas permis %2.</translation>
    </message>
    <message>
        <source>You have no role on this app, so %1 is not allowed.</source>
        <translation>Vous n’avez aucun rôle sur cette app : il ne vous est pas permis %1.</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>marketer</source>
        <translation>marketeur</translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>analyste</translation>
    </message>
    <message>
        <source>Your role on the app “%1” (%2) does not allow %3.</source>
        <translation>Votre rôle sur l’app « %1 » (%2) ne vous permet pas %3.</translation>
    </message>
    <message>
        <source>Your role on this app (%1) does not allow %2.</source>
        <translation>Votre rôle sur cette app (%1) ne vous permet pas %2.</translation>
    </message>
</context>
<context>
    <name>SegmentErrors</name>
    <message>
        <source>This segment no longer exists (deleted meanwhile?).</source>
        <translation>Ce segment n’existe plus (supprimé entre-temps ?).</translation>
    </message>
    <message>
        <source>A segment needs a name.</source>
        <translation>Un segment doit avoir un nom.</translation>
    </message>
    <message>
        <source>A segment named “%1” already exists in this app.</source>
        <translation>Un segment nommé « %1 » existe déjà dans cette app.</translation>
    </message>
    <message>
        <source>The segment “%1” is used by %2: change those first.</source>
        <translation>Le segment « %1 » est utilisé par %2 : modifiez-les d’abord.</translation>
    </message>
</context>
<context>
    <name>TemplateErrors</name>
    <message>
        <source>“%1” is missing: a tag is not closed</source>
        <translation>« %1 » manque : une balise n’est pas fermée</translation>
    </message>
    <message>
        <source>{% %1 %} is missing before the end of the text</source>
        <translation>{% %1 %} manque avant la fin du texte</translation>
    </message>
    <message>
        <source>unknown filter “%1”</source>
        <translation>filtre « %1 » inconnu</translation>
    </message>
    <message>
        <source>unexpected tag “%1” (unknown, or with no opening tag)</source>
        <translation>balise « %1 » inattendue (inconnue, ou sans balise d’ouverture)</translation>
    </message>
    <message>
        <source>a tag is not closed: “%}” is missing</source>
        <translation>une balise n’est pas fermée : « %} » manque</translation>
    </message>
    <message>
        <source>a value or a variable name is missing</source>
        <translation>il manque une valeur ou un nom de variable</translation>
    </message>
    <message>
        <source>a variable name is incomplete (a “.” or “[” leads nowhere)</source>
        <translation>un nom de variable est incomplet (un « . » ou un « [ » ne mène nulle part)</translation>
    </message>
    <message>
        <source>unexpected “%1” here</source>
        <translation>« %1 » inattendu ici</translation>
    </message>
    <message>
        <source>extra words before the end of the tag (a missing “|” or “,”?)</source>
        <translation>des mots en trop avant la fin de la balise (un « | » ou une « , » oublié ?)</translation>
    </message>
    <message>
        <source>wrong number of arguments for the filter “%1”</source>
        <translation>nombre d’arguments incorrect pour le filtre « %1 »</translation>
    </message>
    <message>
        <source>the filter “%1” expects a whole number</source>
        <translation>le filtre « %1 » attend un nombre entier</translation>
    </message>
    <message>
        <source>division by zero</source>
        <translation>division par zéro</translation>
    </message>
    <message>
        <source>the template does too much work (a loop too long, or too much text)</source>
        <translation>le modèle demande trop de travail (une boucle trop longue, ou trop de texte)</translation>
    </message>
    <message>
        <source>Template error in %1, line %2, column %3: %4</source>
        <translation>Erreur de modèle dans le champ %1, ligne %2, colonne %3 : %4</translation>
    </message>
</context>
<context>
    <name>WorkspaceErrors</name>
    <message>
        <source>There is no workspace at %1. Create one with “engage-desktop demo --workspace %1” or pick another file.</source>
        <translation>Il n’y a pas d’espace de travail à %1. Créez-en un avec « engage-desktop demo --workspace %1 » ou choisissez un autre fichier.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a workspace file.</source>
        <translation>%1 est un dossier, pas un fichier d’espace de travail.</translation>
    </message>
    <message>
        <source>The workspace file %1 cannot be read and written: check its permissions.</source>
        <translation>Le fichier d’espace de travail %1 ne peut pas être lu et modifié : vérifiez ses droits d’accès.</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2).</source>
        <translation>%1 ne peut pas être lu (%2).</translation>
    </message>
    <message>
        <source>%1 is not an Engage Desktop workspace (not a SQLite database). The file was left untouched.</source>
        <translation>%1 n’est pas un espace de travail Engage Desktop (pas une base SQLite). Le fichier n’a pas été modifié.</translation>
    </message>
    <message>
        <source>%1 belongs to another application (no Engage Desktop tables). It was left untouched.</source>
        <translation>%1 appartient à une autre application (aucune table Engage Desktop). Il n’a pas été modifié.</translation>
    </message>
    <message>
        <source>%1 is damaged or not a workspace (%2). The file was left untouched.</source>
        <translation>%1 est abîmé ou n’est pas un espace de travail (%2). Le fichier n’a pas été modifié.</translation>
    </message>
    <message>
        <source>The workspace %1 was written by a newer version of Engage Desktop (schema %2). Update Engage Desktop to open it; the file was left untouched.</source>
        <translation>L’espace de travail %1 a été écrit par une version plus récente d’Engage Desktop (schéma %2). Mettez Engage Desktop à jour pour l’ouvrir ; le fichier n’a pas été modifié.</translation>
    </message>
    <message>
        <source>The workspace %1 is busy: another program (an import, another Engage Desktop or a sending service) has kept it locked for more than %2 s. Nothing was changed. Retry when it is done, or close.</source>
        <translation>L’espace de travail %1 est occupé : un autre programme (un import, un autre Engage Desktop ou un service d’envoi) le garde verrouillé depuis plus de %2 s. Rien n’a été modifié. Réessayez quand il aura fini, ou fermez.</translation>
    </message>
    <message>
        <source>The workspace database %1 cannot be reached: %2</source>
        <translation>La base de l’espace de travail %1 est injoignable : %2</translation>
    </message>
    <message>
        <source>%1 cannot be opened as a workspace: %2</source>
        <translation>%1 ne peut pas être ouvert comme espace de travail : %2</translation>
    </message>
    <message>
        <source>The workspace %1 could not be updated: %2</source>
        <translation>L’espace de travail %1 n’a pas pu être mis à jour : %2</translation>
    </message>
    <message>
        <source>The workspace %1 needs an update, but a sending service of the previous version is running on it (host %2, process %3). Stop that service, then open the workspace again.</source>
        <translation>L’espace de travail %1 doit être mis à jour, mais un service d’envoi de la version précédente y tourne encore (poste %2, processus %3). Arrêtez ce service, puis rouvrez l’espace de travail.</translation>
    </message>
</context>
</TS>
