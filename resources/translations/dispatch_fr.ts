<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DeliveriesPage</name>
    <message>
        <location filename="../../engage_desktop/ui/sending/deliveries_page.py" line="44"/>
        <source>Deliveries</source>
        <translation>Envois</translation>
    </message>
</context>
<context>
    <name>SendPanel</name>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="35"/>
        <source>no push consent</source>
        <translation>sans consentement push</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="36"/>
        <source>notifications off</source>
        <translation>notifications désactivées</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="37"/>
        <source>no push token</source>
        <translation>sans jeton push</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="38"/>
        <source>token no longer valid</source>
        <translation>jeton plus valide</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="39"/>
        <source>control group</source>
        <translation>groupe témoin</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="40"/>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="47"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="48"/>
        <source>Scheduled</source>
        <translation>Programmée</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="49"/>
        <source>Sending</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="50"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="51"/>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="52"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="58"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="62"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="66"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="83"/>
        <source>Send now</source>
        <translation>Envoyer maintenant</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="84"/>
        <source>Send to test devices</source>
        <translation>Envoyer aux appareils de test</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="85"/>
        <source>Pause</source>
        <translation>Mettre en pause</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="86"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="87"/>
        <source>Cancel sending</source>
        <translation>Annuler l’envoi</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="105"/>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="106"/>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="107"/>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="108"/>
        <source>Not sent</source>
        <translation>Non envoyés</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="109"/>
        <source>Rate</source>
        <translation>Débit</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="110"/>
        <source>Time left</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="141"/>
        <source>Pick a campaign.</source>
        <translation>Choisissez une campagne.</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="180"/>
        <source>%1 /s</source>
        <translation>%1 /s</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="182"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="188"/>
        <source>Not sent, by reason: %1</source>
        <translation>Non envoyés, par motif : %1</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="216"/>
        <source>%1 messages queued.</source>
        <translation>%1 messages en file d’attente.</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="220"/>
        <source>Sent to %1 test device(s).</source>
        <translation>Envoyé à %1 appareil(s) de test.</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="223"/>
        <source>paused by a user</source>
        <translation>mis en pause par un utilisateur</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/send_panel.py" line="232"/>
        <source>Cancelled: %1 messages will not be sent.</source>
        <translation>Annulé : %1 messages ne seront pas envoyés.</translation>
    </message>
</context>
<context>
    <name>VirtualPhones</name>
    <message>
        <location filename="../../engage_desktop/ui/sending/virtual_phones.py" line="72"/>
        <source>Virtual phones (local sandbox)</source>
        <translation>Téléphones virtuels (bac à sable local)</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/virtual_phones.py" line="73"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/virtual_phones.py" line="101"/>
        <source>No virtual phone has received anything yet.</source>
        <translation>Aucun téléphone virtuel n’a encore rien reçu.</translation>
    </message>
    <message>
        <location filename="../../engage_desktop/ui/sending/virtual_phones.py" line="108"/>
        <source>The local sandbox does not answer (%1). The dispatch service starts it when it sends.</source>
        <translation>Le bac à sable local ne répond pas (%1). Le service d’envoi le démarre quand il envoie.</translation>
    </message>
</context>
</TS>
