<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
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
        <source>New push…</source>
        <translation>Nouvelle notification…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
</context>
<context>
    <name>NotificationPreview</name>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>Android · collapsed</source>
        <translation>Android · réduite</translation>
    </message>
    <message>
        <source>iOS · lock screen</source>
        <translation>iOS · écran verrouillé</translation>
    </message>
</context>
<context>
    <name>PushComposer</name>
    <message>
        <source>Push composer</source>
        <translation>Éditeur de notification push</translation>
    </message>
    <message>
        <source>Campaign name</source>
        <translation>Nom de la campagne</translation>
    </message>
    <message>
        <source>Analytics label</source>
        <translation>Libellé d'analyse</translation>
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
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Image URL</source>
        <translation>URL de l'image</translation>
    </message>
    <message>
        <source>Deep link</source>
        <translation>Lien profond</translation>
    </message>
    <message>
        <source>Buttons (up to 3)</source>
        <translation>Boutons (3 au maximum)</translation>
    </message>
    <message>
        <source>Button %1</source>
        <translation>Bouton %1</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Deep link (optional)</source>
        <translation>Lien profond (facultatif)</translation>
    </message>
    <message>
        <source>Dark appearance</source>
        <translation>Apparence sombre</translation>
    </message>
    <message>
        <source>FCM v1 message for the sample profile %1 (%2).</source>
        <translation>Message FCM v1 pour le profil d'exemple %1 (%2).</translation>
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
        <source>The campaign needs a name.</source>
        <translation>La campagne doit avoir un nom.</translation>
    </message>
    <message>
        <source>Missing fields for the sample profile: %1</source>
        <translation>Champs absents du profil d'exemple : %1</translation>
    </message>
    <message>
        <source>As an SMS: %1 characters, %2 segment(s), %3.</source>
        <translation>En SMS : %1 caractères, %2 segment(s), %3.</translation>
    </message>
    <message>
        <source>UCS-2 because of: %1</source>
        <translation>UCS-2 à cause de : %1</translation>
    </message>
    <message>
        <source>Template error: %1</source>
        <translation>Erreur de modèle : %1</translation>
    </message>
    <message>
        <source>%1 / %2 bytes</source>
        <translation>%1 / %2 octets</translation>
    </message>
    <message>
        <source>Untitled push</source>
        <translation>Notification sans titre</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Brouillon enregistré.</translation>
    </message>
    <message>
        <source>A push needs a title or a body.</source>
        <translation>Une notification doit avoir un titre ou un message.</translation>
    </message>
    <message>
        <source>The image URL must start with https://.</source>
        <translation>L'URL de l'image doit commencer par https://.</translation>
    </message>
    <message>
        <source>The deep link must look like scheme://path.</source>
        <translation>Le lien profond doit avoir la forme schéma://chemin.</translation>
    </message>
    <message>
        <source>At most 3 buttons.</source>
        <translation>3 boutons au maximum.</translation>
    </message>
    <message>
        <source>Every button needs a title.</source>
        <translation>Chaque bouton doit avoir un libellé.</translation>
    </message>
    <message>
        <source>Data values must be strings.</source>
        <translation>Les valeurs des données doivent être des chaînes.</translation>
    </message>
    <message>
        <source>Use at most 50 characters among a-z A-Z 0-9 - _ . ~ %.</source>
        <translation>50 caractères au maximum parmi a-z A-Z 0-9 - _ . ~ %.</translation>
    </message>
    <message>
        <source>The message is %1 bytes; FCM accepts at most %2.</source>
        <translation>Le message fait %1 octets ; FCM en accepte %2 au maximum.</translation>
    </message>
    <message>
        <source>Template error at %1</source>
        <translation>Erreur de modèle à %1</translation>
    </message>
</context>
<context>
    <name>composer</name>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
</context>
</TS>