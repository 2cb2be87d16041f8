<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Schedule</source>
        <translation>Programmer</translation>
    </message>
    <message>
        <source>Each recipient gets it at this clock time in their own time zone (from their profile or device, else the app&apos;s).</source>
        <translation>Chaque destinataire la reçoit à cette heure dans son propre fuseau horaire (celui de son profil ou de son appareil, sinon celui de l’app).</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <source>Unschedule</source>
        <translation>Déprogrammer</translation>
    </message>
    <message>
        <source>Back to draft: nothing goes out at its time.</source>
        <translation>Retour au brouillon : rien ne part à l’heure prévue.</translation>
    </message>
    <message>
        <source>At this date and time</source>
        <translation>À cette date et à cette heure</translation>
    </message>
    <message>
        <source>At this time in each recipient&apos;s local time</source>
        <translation>À cette heure, à l’heure locale de chaque destinataire</translation>
    </message>
    <message>
        <source>On this day, at each recipient&apos;s best hour</source>
        <translation>Ce jour-là, à la meilleure heure de chaque destinataire</translation>
    </message>
    <message>
        <source>Each recipient gets it on this day at the local hour they open most often; recipients without opens get it at the app&apos;s best hour.</source>
        <translation>Chaque destinataire la reçoit ce jour-là à l’heure locale où il ouvre le plus ; ceux qui n’ont jamais ouvert la reçoivent à la meilleure heure de l’app.</translation>
    </message>
    <message>
        <source>Schedule “%1”</source>
        <translation>Programmer « %1 »</translation>
    </message>
    <message>
        <source>%1 (the app&apos;s time zone)</source>
        <translation>%1 (fuseau horaire de l’app)</translation>
    </message>
    <message>
        <source>Goes out at %1 on each recipient&apos;s clock, from %2 (the time in %3).</source>
        <translation>Part à %1 à l’heure de chaque destinataire, à partir du %2 (l’heure en %3).</translation>
    </message>
    <message>
        <source>Goes out on %1, that is %2.</source>
        <translation>Part le %1, soit le %2.</translation>
    </message>
    <message>
        <source>Goes out on %1, to each recipient at the local hour they open most often on their own clock (the next day where that hour has already passed). Recipients without opens get it at the app&apos;s best hour, which the Analytics page shows once computed. Quiet hours still apply.</source>
        <translation>Part le %1, vers chaque destinataire à l’heure locale où il ouvre le plus, sur sa propre horloge (le lendemain là où cette heure est déjà passée). Ceux qui n’ont jamais ouvert la reçoivent à la meilleure heure de l’app, que la page Analyses affiche une fois calculée. Les heures calmes s’appliquent toujours.</translation>
    </message>
    <message>
        <source>Goes out on %1, to each recipient at the local hour they open most often on their own clock (the next day where that hour has already passed). Recipients without opens get it at the app&apos;s best hour, %2 on their clock. Quiet hours still apply.</source>
        <translation>Part le %1, vers chaque destinataire à l’heure locale où il ouvre le plus, sur sa propre horloge (le lendemain là où cette heure est déjà passée). Ceux qui n’ont jamais ouvert la reçoivent à la meilleure heure de l’app, %2 sur leur horloge. Les heures calmes s’appliquent toujours.</translation>
    </message>
</context>
<context>
    <name>ScheduleErrors</name>
    <message>
        <source>“%1” is not a date and time.</source>
        <translation>« %1 » n’est pas une date et une heure.</translation>
    </message>
    <message>
        <source>“%1” does not say its time zone.</source>
        <translation>« %1 » ne précise pas son fuseau horaire.</translation>
    </message>
    <message>
        <source>“%1” is not a known time zone.</source>
        <translation>« %1 » n’est pas un fuseau horaire connu.</translation>
    </message>
    <message>
        <source>%1 does not exist in %2: the clocks skip that hour when they change.</source>
        <translation>%1 n’existe pas en %2 : les horloges sautent cette heure au changement d’heure.</translation>
    </message>
    <message>
        <source>This time is already past: choose a later one.</source>
        <translation>Cette heure est déjà passée : choisissez-en une plus tardive.</translation>
    </message>
    <message>
        <source>This day is over in %2: choose today or a later day.</source>
        <translation>Ce jour est terminé en %2 : choisissez aujourd’hui ou un jour plus tardif.</translation>
    </message>
    <message>
        <source>Choose a date and time first.</source>
        <translation>Choisissez d’abord une date et une heure.</translation>
    </message>
    <message>
        <source>This campaign is not scheduled.</source>
        <translation>Cette campagne n’est pas programmée.</translation>
    </message>
</context>
<context>
    <name>SendConfirmation</name>
    <message>
        <source>Counting the audience…</source>
        <translation>Comptage de l’audience…</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyés</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Nobody in this audience can receive it now.</source>
        <translation>Personne dans cette audience ne peut la recevoir pour le moment.</translation>
    </message>
    <message numerus="yes">
        <source>Send “%1” to %Ln person(s), each at their own best hour?</source>
        <translation>
            <numerusform>Envoyer « %1 » à %Ln personne, à sa meilleure heure ?</numerusform>
            <numerusform>Envoyer « %1 » à %Ln personnes, chacune à sa meilleure heure ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send “%1” to %Ln device(s), each at its owner&apos;s best hour?</source>
        <translation>
            <numerusform>Envoyer « %1 » à %Ln appareil, à la meilleure heure de son propriétaire ?</numerusform>
            <numerusform>Envoyer « %1 » à %Ln appareils, chacun à la meilleure heure de son propriétaire ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send “%1” to %Ln person(s), each at its time on their own clock?</source>
        <translation>
            <numerusform>Envoyer « %1 » à %Ln personne, à son heure sur sa propre horloge ?</numerusform>
            <numerusform>Envoyer « %1 » à %Ln personnes, chacune à son heure sur sa propre horloge ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send “%1” to %Ln device(s), each at its time on its own clock?</source>
        <translation>
            <numerusform>Envoyer « %1 » à %Ln appareil, à son heure sur sa propre horloge ?</numerusform>
            <numerusform>Envoyer « %1 » à %Ln appareils, chacun à son heure sur sa propre horloge ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send “%1” now to %Ln person(s)?</source>
        <translation>
            <numerusform>Envoyer « %1 » maintenant à %Ln personne ?</numerusform>
            <numerusform>Envoyer « %1 » maintenant à %Ln personnes ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send “%1” now to %Ln device(s)?</source>
        <translation>
            <numerusform>Envoyer « %1 » maintenant à %Ln appareil ?</numerusform>
            <numerusform>Envoyer « %1 » maintenant à %Ln appareils ?</numerusform>
        </translation>
    </message>
    <message>
        <source>None: everyone in this audience can receive it.</source>
        <translation>Aucun : toute cette audience peut le recevoir.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The app&apos;s whole audience</source>
        <translation>Toute l’audience de l’app</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln personne</numerusform>
            <numerusform>%Ln personnes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s)</source>
        <translation>
            <numerusform>%Ln appareil</numerusform>
            <numerusform>%Ln appareils</numerusform>
        </translation>
    </message>
    <message>
        <source>Push notification</source>
        <translation>Notification push</translation>
    </message>
    <message>
        <source>Rich push</source>
        <translation>Push enrichi</translation>
    </message>
    <message>
        <source>In-app message</source>
        <translation>Message in-app</translation>
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
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>On %1, at each recipient&apos;s best hour on their own clock (the app&apos;s best hour for those without opens); where that hour has already passed, the next day</source>
        <translation>Le %1, à la meilleure heure de chaque destinataire sur sa propre horloge (la meilleure heure de l’app pour ceux qui n’ont jamais ouvert) ; là où cette heure est déjà passée, le lendemain</translation>
    </message>
    <message>
        <source>At %1 on each recipient&apos;s own clock, from the earliest time zone on; where that time has already passed, the next day</source>
        <translation>À %1 sur l’horloge de chaque destinataire, en commençant par le fuseau le plus en avance ; là où cette heure est déjà passée, le lendemain</translation>
    </message>
    <message>
        <source>Now, instead of its scheduled time (%1)</source>
        <translation>Maintenant, au lieu de l’heure programmée (%1)</translation>
    </message>
</context>
</TS>
