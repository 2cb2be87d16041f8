<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CampaignResults</name>
    <message>
        <source>Sent campaign: read only</source>
        <translation>Campagne envoyée : lecture seule</translation>
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
        <source>Not sent</source>
        <translation>Non envoyés</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Duplicate to edit</source>
        <translation>Dupliquer pour modifier</translation>
    </message>
    <message>
        <source>A sent campaign cannot change: edit a new draft with the same content.</source>
        <translation>Une campagne envoyée ne peut plus changer : modifiez un nouveau brouillon au même contenu.</translation>
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
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <source>The results could not be read: %1</source>
        <translation>Les résultats n’ont pas pu être lus : %1</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>In-app</source>
        <translation>In-app</translation>
    </message>
    <message>
        <source>Rich push</source>
        <translation>Push enrichi</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
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
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <source>Search campaigns…</source>
        <translation>Rechercher une campagne…</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Afficher les archives</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Open this campaign&apos;s results in Analytics</source>
        <translation>Ouvrir les résultats de cette campagne dans Analyses</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <source>This campaign has not been sent: it has no results yet.</source>
        <translation>Cette campagne n&apos;a pas été envoyée : elle n&apos;a pas encore de résultats.</translation>
    </message>
    <message>
        <source>Cannot duplicate</source>
        <translation>Impossible de dupliquer</translation>
    </message>
    <message>
        <source>The campaigns could not be read: %1</source>
        <translation>Les campagnes n’ont pas pu être lues : %1</translation>
    </message>
</context>
<context>
    <name>ComposerActions</name>
    <message>
        <source>Schedule…</source>
        <translation>Programmer…</translation>
    </message>
    <message>
        <source>Send to test devices…</source>
        <translation>Envoyer aux appareils de test…</translation>
    </message>
    <message>
        <source>Send the current content to this app&apos;s test devices (marked as a test).</source>
        <translation>Envoyer le contenu actuel aux appareils de test de cette app (marqué comme test).</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Envoyer…</translation>
    </message>
    <message>
        <source>Send this campaign to its audience now.</source>
        <translation>Envoyer cette campagne à son audience maintenant.</translation>
    </message>
    <message>
        <source>Your role on this app does not allow sending.</source>
        <translation>Votre rôle sur cette app ne permet pas d&apos;envoyer.</translation>
    </message>
    <message>
        <source>Unscheduled: back to draft.</source>
        <translation>Déprogrammée : retour au brouillon.</translation>
    </message>
    <message>
        <source>Scheduled for %1.</source>
        <translation>Programmée pour le %1.</translation>
    </message>
    <message>
        <source>See the Deliveries page for this send&apos;s progress.</source>
        <translation>La page Envois montre l&apos;avancement de cet envoi.</translation>
    </message>
</context>
<context>
    <name>ComposerForms</name>
    <message>
        <source>Push content</source>
        <translation>Contenu du push</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Subtitle (iOS)</source>
        <translation>Sous-titre (iOS)</translation>
    </message>
    <message>
        <source>Image (https URL)</source>
        <translation>Image (URL https)</translation>
    </message>
    <message>
        <source>Deep link</source>
        <translation>Lien profond</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Son</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Pastille</translation>
    </message>
    <message>
        <source>Android channel</source>
        <translation>Canal Android</translation>
    </message>
    <message>
        <source>Time to live (s)</source>
        <translation>Durée de vie (s)</translation>
    </message>
    <message>
        <source>Collapse key</source>
        <translation>Clé de regroupement</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <source>Local file…</source>
        <translation>Fichier local…</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>id</source>
        <translation>identifiant</translation>
    </message>
    <message>
        <source>label</source>
        <translation>libellé</translation>
    </message>
    <message>
        <source>deep link</source>
        <translation>lien profond</translation>
    </message>
    <message>
        <source>Button %1</source>
        <translation>Bouton %1</translation>
    </message>
    <message>
        <source>key=value, one per line</source>
        <translation>clé=valeur, une par ligne</translation>
    </message>
    <message>
        <source>Custom data</source>
        <translation>Données personnalisées</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Segment cap</source>
        <translation>Nombre maximal de segments</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Transactional message</source>
        <translation>Message transactionnel</translation>
    </message>
    <message>
        <source>For messages people expect (an order, a password reset): no frequency cap, SMS outside marketing hours and without STOP, no unsubscribe link. Consent and quiet hours still apply.</source>
        <translation>Pour les messages attendus (une commande, un mot de passe) : pas de plafond de fréquence, SMS hors des horaires commerciaux et sans STOP, pas de lien de désinscription. Le consentement et les heures calmes s’appliquent toujours.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <source>Reply-to</source>
        <translation>Répondre à</translation>
    </message>
    <message>
        <source>A display name and an address: %1</source>
        <translation>Un nom affiché et une adresse : %1</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Preheader</source>
        <translation>Pré-en-tête</translation>
    </message>
    <message>
        <source>HTML body</source>
        <translation>Corps HTML</translation>
    </message>
    <message>
        <source>Rich push</source>
        <translation>Push enrichi</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>In-app</source>
        <translation>In-app</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>Nouvelle campagne</translation>
    </message>
    <message>
        <source>Analytics label</source>
        <translation>Libellé analytique</translation>
    </message>
    <message>
        <source>Tags (comma-separated)</source>
        <translation>Étiquettes (séparées par des virgules)</translation>
    </message>
    <message>
        <source>Control group</source>
        <translation>Groupe témoin</translation>
    </message>
    <message>
        <source>Whole audience</source>
        <translation>Toute l’audience</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programmation</translation>
    </message>
    <message>
        <source>Left empty, the text part is made from the HTML.</source>
        <translation>Laissée vide, la version texte est tirée du HTML.</translation>
    </message>
    <message>
        <source>Text part</source>
        <translation>Version texte</translation>
    </message>
    <message>
        <source>Start from the HTML</source>
        <translation>Partir du HTML</translation>
    </message>
    <message>
        <source>Fill the text part with the text made from the HTML, to edit it.</source>
        <translation>Remplir la version texte avec le texte tiré du HTML, pour la retoucher.</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Par défaut : %1</translation>
    </message>
    <message>
        <source>No SMTP account yet</source>
        <translation>Pas encore de compte SMTP</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>HTML page</source>
        <translation>Page HTML</translation>
    </message>
    <message>
        <source>Page address</source>
        <translation>Adresse de la page</translation>
    </message>
    <message>
        <source>Used when the page does not fit in the 4,096-byte message: the phone opens it from this https address.</source>
        <translation>Utilisée quand la page ne tient pas dans le message de 4 096 octets : le téléphone l’ouvre à cette adresse https.</translation>
    </message>
    <message>
        <source>Days in the inbox</source>
        <translation>Jours dans la boîte</translation>
    </message>
    <message>
        <source>JavaScript</source>
        <translation>JavaScript</translation>
    </message>
    <message>
        <source>Remote content</source>
        <translation>Contenu distant</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>In-app message</source>
        <translation>Message in-app</translation>
    </message>
    <message>
        <source>Modal</source>
        <translation>Fenêtre modale</translation>
    </message>
    <message>
        <source>Top banner</source>
        <translation>Bannière en haut</translation>
    </message>
    <message>
        <source>Bottom banner</source>
        <translation>Bannière en bas</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Plein écran</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <source>Button %1 (label, link)</source>
        <translation>Bouton %1 (libellé, lien)</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Arrière-plan</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Couleur du texte</translation>
    </message>
    <message>
        <source>Button colour</source>
        <translation>Couleur des boutons</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Affiché</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Masqué</translation>
    </message>
    <message>
        <source>Close control</source>
        <translation>Bouton de fermeture</translation>
    </message>
    <message>
        <source>Next time the app opens</source>
        <translation>À la prochaine ouverture de l’appli</translation>
    </message>
    <message>
        <source>When the app logs an event</source>
        <translation>Quand l’appli enregistre un événement</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>The event that shows the message</source>
        <translation>L’événement qui affiche le message</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Not shown after</source>
        <translation>Plus affiché après le</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Preview as… (name, email or id)</source>
        <translation>Aperçu en tant que… (nom, e-mail ou identifiant)</translation>
    </message>
    <message>
        <source>Sample profile</source>
        <translation>Profil d’exemple</translation>
    </message>
    <message>
        <source>%v of %m bytes</source>
        <translation>%v octets sur %m</translation>
    </message>
</context>
<context>
    <name>ComposerPayload</name>
    <message>
        <source>%1 of %2 bytes</source>
        <translation>%1 octets sur %2</translation>
    </message>
    <message>
        <source>No message can be sent as written:</source>
        <translation>Aucun message ne peut partir tel quel :</translation>
    </message>
    <message>
        <source>Twilio&apos;s Messages resource; {From} and {AccountSid} are the app&apos;s SMS sender.</source>
        <translation>Ressource Messages de Twilio ; {From} et {AccountSid} sont l’expéditeur SMS de l’app.</translation>
    </message>
    <message>
        <source>The MIME message as the SMTP sender builds it.</source>
        <translation>Le message MIME tel que l’envoi SMTP le construit.</translation>
    </message>
</context>
<context>
    <name>ComposerRendering</name>
    <message>
        <source>Scripts and event handlers were removed (JavaScript is off).</source>
        <translation>Les scripts et gestionnaires d’événements ont été retirés (JavaScript désactivé).</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln character(s)</source>
        <translation>
            <numerusform>%1 : %Ln caractère</numerusform>
            <numerusform>%1 : %Ln caractères</numerusform>
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
        <source>%Ln left</source>
        <translation>
            <numerusform>%Ln restant</numerusform>
            <numerusform>%Ln restants</numerusform>
        </translation>
    </message>
    <message>
        <source>Missing for this profile: %1</source>
        <translation>Absent pour ce profil : %1</translation>
    </message>
    <message>
        <source>The image could not be loaded for the preview: %1</source>
        <translation>L’image n’a pas pu être chargée pour l’aperçu : %1</translation>
    </message>
    <message>
        <source>forcing UCS-2: %1</source>
        <translation>imposent l’UCS-2 : %1</translation>
    </message>
    <message>
        <source>Shown when the app logs “%1”</source>
        <translation>Affiché quand l’appli enregistre « %1 »</translation>
    </message>
    <message>
        <source>Shown the next time the app opens</source>
        <translation>Affiché à la prochaine ouverture de l’appli</translation>
    </message>
    <message>
        <source>%1, until %2.</source>
        <translation>%1, jusqu’au %2.</translation>
    </message>
    <message>
        <source>No preview for this format in this build.</source>
        <translation>Pas d’aperçu pour ce format dans cette version.</translation>
    </message>
</context>
<context>
    <name>ComposerWindow</name>
    <message>
        <source>New campaign</source>
        <translation>Nouvelle campagne</translation>
    </message>
    <message>
        <source>Campaign composer</source>
        <translation>Éditeur de campagne</translation>
    </message>
    <message>
        <source>Opening the campaign…</source>
        <translation>Ouverture de la campagne…</translation>
    </message>
    <message>
        <source>The campaign could not be opened: %1</source>
        <translation>La campagne n’a pas pu être ouverte : %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Charge utile</translation>
    </message>
    <message>
        <source>Untitled campaign</source>
        <translation>Campagne sans titre</translation>
    </message>
    <message>
        <source>Image to preview</source>
        <translation>Image à prévisualiser</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Brouillon enregistré</translation>
    </message>
</context>
<context>
    <name>PreviewProfiles</name>
    <message>
        <source>Sample profile</source>
        <translation>Profil d’exemple</translation>
    </message>
    <message>
        <source>The profile could not be read: %1</source>
        <translation>Le profil n’a pas pu être lu : %1</translation>
    </message>
</context>
<context>
    <name>ScheduleWords</name>
    <message>
        <source>On %1, at each recipient&apos;s best hour.</source>
        <translation>Le %1, à la meilleure heure de chaque destinataire.</translation>
    </message>
    <message>
        <source>At each recipient&apos;s best hour.</source>
        <translation>À la meilleure heure de chaque destinataire.</translation>
    </message>
    <message>
        <source>Not scheduled: it goes out when you send it.</source>
        <translation>Non programmée : elle part quand vous l’envoyez.</translation>
    </message>
    <message>
        <source>%1, in each recipient&apos;s local time.</source>
        <translation>%1, à l’heure locale de chaque destinataire.</translation>
    </message>
    <message>
        <source>On %1.</source>
        <translation>Le %1.</translation>
    </message>
</context>
<context>
    <name>VariantBar</name>
    <message>
        <source>This variant&apos;s share of the recipients outside the control group.</source>
        <translation>La part de cette variante parmi les destinataires hors groupe témoin.</translation>
    </message>
    <message>
        <source>Add variant</source>
        <translation>Ajouter une variante</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the variant shown (its content goes).</source>
        <translation>Retirer la variante affichée (son contenu disparaît).</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
</context>
</TS>
