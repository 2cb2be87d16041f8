<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>EmailPreview</name>
    <message>
        <source>From:</source>
        <translation>De :</translation>
    </message>
    <message>
        <source>Reply to:</source>
        <translation>Répondre à :</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Objet :</translation>
    </message>
    <message>
        <source>Preheader:</source>
        <translation>Texte d’aperçu :</translation>
    </message>
</context>
<context>
    <name>InAppPreview</name>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
</context>
<context>
    <name>InboxRow</name>
    <message>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
</context>
<context>
    <name>PlainRichPreview</name>
    <message>
        <source>Below is a simpler rendering: some styles are not shown.</source>
        <translation>Voici un rendu simplifié : certains styles ne sont pas affichés.</translation>
    </message>
</context>
<context>
    <name>PushPreview</name>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
</context>
<context>
    <name>PushPreviewPanel</name>
    <message>
        <source>iOS lock screen</source>
        <translation>iOS, écran verrouillé</translation>
    </message>
    <message>
        <source>iOS banner</source>
        <translation>iOS, bannière</translation>
    </message>
    <message>
        <source>iOS expanded</source>
        <translation>iOS, vue développée</translation>
    </message>
    <message>
        <source>Android heads-up</source>
        <translation>Android, notification flottante</translation>
    </message>
    <message>
        <source>Android shade, collapsed</source>
        <translation>Android, volet réduit</translation>
    </message>
    <message>
        <source>Android shade, expanded</source>
        <translation>Android, volet développé</translation>
    </message>
    <message>
        <source>Dark mode</source>
        <translation>Mode sombre</translation>
    </message>
    <message>
        <source>All surfaces</source>
        <translation>Toutes les surfaces</translation>
    </message>
    <message>
        <source>Text cut on: %1</source>
        <translation>Texte coupé sur : %1</translation>
    </message>
    <message>
        <source>Shown in full on every surface.</source>
        <translation>Affiché en entier sur toutes les surfaces.</translation>
    </message>
</context>
<context>
    <name>RemoteImage</name>
    <message>
        <source>the image is larger than 10 MB</source>
        <translation>l’image dépasse 10 Mo</translation>
    </message>
    <message>
        <source>not an image</source>
        <translation>ce n’est pas une image</translation>
    </message>
</context>
<context>
    <name>SmsPreview</name>
    <message numerus="yes">
        <source>%Ln segment(s)</source>
        <translation>
            <numerusform>%Ln segment</numerusform>
            <numerusform>%Ln segments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WebEngineCheck</name>
    <message>
        <source>The web view cannot start while Engage Desktop runs as the administrator (root): its browser engine refuses to run as root with its sandbox on. Start Engage Desktop as your own user to see the page as the phone draws it.</source>
        <translation>L’aperçu web ne peut pas démarrer quand Engage Desktop tourne en administrateur (root) : son moteur de navigateur refuse de s’exécuter en root avec son bac à sable activé. Lancez Engage Desktop avec votre propre compte pour voir la page telle que le téléphone l’affiche.</translation>
    </message>
    <message>
        <source>The web view is not available on this computer (%1).</source>
        <translation>L’aperçu web n’est pas disponible sur cet ordinateur (%1).</translation>
    </message>
</context>
</TS>
