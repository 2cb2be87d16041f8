<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DeliveryCounts</name>
    <message numerus="yes">
        <source>%n message(s) wait for the quiet hours to end.</source>
        <translation>
            <numerusform>%n message attend la fin des heures calmes.</numerusform>
            <numerusform>%n messages attendent la fin des heures calmes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SMS wait for the French SMS hours (Monday to Saturday, 08:00–20:00, not on public holidays).</source>
        <translation>
            <numerusform>%n SMS attend les heures d’envoi des SMS en France (du lundi au samedi, de 8 h à 20 h, hors jours fériés).</numerusform>
            <numerusform>%n SMS attendent les heures d’envoi des SMS en France (du lundi au samedi, de 8 h à 20 h, hors jours fériés).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At that time the next day, as it has passed in their time zone: %n message(s).</source>
        <translation>
            <numerusform>À cette heure le lendemain, car elle est passée dans son fuseau horaire : %n message.</numerusform>
            <numerusform>À cette heure le lendemain, car elle est passée dans leur fuseau horaire : %n messages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeliveryRulesDialog</name>
    <message>
        <source>Delivery rules…</source>
        <translation>Règles d’envoi…</translation>
    </message>
    <message>
        <source>Delivery rules of %1</source>
        <translation>Règles d’envoi de %1</translation>
    </message>
    <message>
        <source>e.g. 21:00-08:00 (empty: none)</source>
        <translation>par ex. 21h-8h (vide : aucune)</translation>
    </message>
    <message>
        <source>e.g. push:2/day,5/week;sms:1/week (empty: none)</source>
        <translation>par ex. push:2/day,5/week;sms:1/week (vide : aucun)</translation>
    </message>
    <message>
        <source>no throttle</source>
        <translation>pas de limite de débit</translation>
    </message>
    <message>
        <source> messages a minute</source>
        <translation> messages par minute</translation>
    </message>
    <message>
        <source>Quiet hours (recipient&apos;s local time)</source>
        <translation>Heures calmes (heure locale du destinataire)</translation>
    </message>
    <message>
        <source>Frequency caps per person</source>
        <translation>Plafonds de fréquence par personne</translation>
    </message>
    <message>
        <source>Default throttle</source>
        <translation>Débit par défaut</translation>
    </message>
    <message>
        <source>Reading the rules…</source>
        <translation>Lecture des règles…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>DeliverySummary</name>
    <message>
        <source>offer ended</source>
        <translation>offre terminée</translation>
    </message>
    <message>
        <source>frequency cap reached</source>
        <translation>plafond de fréquence atteint</translation>
    </message>
    <message>
        <source>no allowed sending hour</source>
        <translation>aucune heure d’envoi autorisée</translation>
    </message>
    <message>
        <source>no SMS consent</source>
        <translation>pas de consentement SMS</translation>
    </message>
    <message>
        <source>no email consent</source>
        <translation>pas de consentement e-mail</translation>
    </message>
    <message>
        <source>no in-app consent</source>
        <translation>pas de consentement in-app</translation>
    </message>
    <message>
        <source>variant %1: %2</source>
        <translation>variante %1 : %2</translation>
    </message>
    <message>
        <source>Recipients by variant: %1</source>
        <translation>Destinataires par variante : %1</translation>
    </message>
    <message>
        <source>First send: %1</source>
        <translation>Premier envoi : %1</translation>
    </message>
    <message>
        <source>Estimated end: %1</source>
        <translation>Fin estimée : %1</translation>
    </message>
    <message>
        <source>Warning: the throttle or the quiet hours do not leave time to reach everyone before the offer ends (%1); the others will not receive it.</source>
        <translation>Attention : le débit limité ou les heures calmes ne laissent pas le temps de joindre tout le monde avant la fin de l’offre (%1) ; les autres ne la recevront pas.</translation>
    </message>
    <message>
        <source>The schedule&apos;s mode “%1” is unknown.</source>
        <translation>Le mode de programmation « %1 » est inconnu.</translation>
    </message>
    <message>
        <source>%1: “%2” is not a date and time (YYYY-MM-DDTHH:MM).</source>
        <translation>%1 : « %2 » n’est pas une date et une heure (AAAA-MM-JJTHH:MM).</translation>
    </message>
    <message>
        <source>This schedule needs a date and time.</source>
        <translation>Cette programmation demande une date et une heure.</translation>
    </message>
    <message>
        <source>The throttle “%1” is not a whole number of messages.</source>
        <translation>Le débit « %1 » n’est pas un nombre entier de messages.</translation>
    </message>
    <message>
        <source>The scheduled time (%1) is in the past.</source>
        <translation>L’heure programmée (%1) est passée.</translation>
    </message>
    <message>
        <source>The offer already ended (%1).</source>
        <translation>L’offre est déjà terminée (%1).</translation>
    </message>
    <message>
        <source>The offer ends before the send starts.</source>
        <translation>L’offre se termine avant le début de l’envoi.</translation>
    </message>
    <message>
        <source>%1: “%2” is not a span of time like 21:00-08:00 or 21h-8h.</source>
        <translation>%1 : « %2 » n’est pas une plage horaire comme 21:00-08:00 ou 21h-8h.</translation>
    </message>
    <message>
        <source>%1: “%2” starts and ends at the same time.</source>
        <translation>%1 : « %2 » commence et finit à la même heure.</translation>
    </message>
    <message>
        <source>Caps: “%1” should read CHANNEL:N/day,N/week (push, in_app, sms or email).</source>
        <translation>Plafonds : « %1 » doit s’écrire CANAL:N/day,N/week (push, in_app, sms ou email).</translation>
    </message>
    <message>
        <source>Caps: “%1” in “%2” should read N/day or N/week (N at least 1).</source>
        <translation>Plafonds : « %1 » dans « %2 » doit s’écrire N/day ou N/week (N au moins 1).</translation>
    </message>
    <message>
        <source>%1: “%2” is not a known time zone (e.g. Europe/Paris).</source>
        <translation>%1 : « %2 » n’est pas un fuseau horaire connu (par ex. Europe/Paris).</translation>
    </message>
    <message>
        <source>quiet hours</source>
        <translation>heures calmes</translation>
    </message>
    <message>
        <source>time zone</source>
        <translation>fuseau horaire</translation>
    </message>
</context>
</TS>
