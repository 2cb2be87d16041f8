<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AnalyticsPage</name>
    <message>
        <source>Analytics</source>
        <translation>Statistiques</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Creating the demo workspace (%1 profiles)…</source>
        <translation>Création de l&apos;espace de démonstration (%1 profils)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The workspace is busy</source>
        <translation>L’espace de travail est occupé</translation>
    </message>
    <message>
        <source>First start</source>
        <translation>Premier démarrage</translation>
    </message>
    <message>
        <source>Cannot open the workspace</source>
        <translation>Impossible d&apos;ouvrir l&apos;espace de travail</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Engage Desktop</source>
        <translation>Engage Desktop</translation>
    </message>
    <message>
        <source>Current app</source>
        <translation>Application courante</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>App:</source>
        <translation>Application :</translation>
    </message>
    <message>
        <source>Opening the workspace…</source>
        <translation>Ouverture de l&apos;espace de travail…</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Espace de travail : %1</translation>
    </message>
    <message>
        <source>admin</source>
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
        <source>no role</source>
        <translation>aucun rôle</translation>
    </message>
    <message>
        <source>%1, approver</source>
        <translation>%1, approbateur</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Service: starting…</source>
        <translation>Service : démarrage…</translation>
    </message>
    <message>
        <source>Service: could not start (%1)</source>
        <translation>Service : démarrage impossible (%1)</translation>
    </message>
    <message>
        <source>Service: unknown (%1)</source>
        <translation>Service : état inconnu (%1)</translation>
    </message>
    <message>
        <source>Service: running</source>
        <translation>Service : en marche</translation>
    </message>
    <message>
        <source>Service: stopped</source>
        <translation>Service : arrêté</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <source>Appearance:</source>
        <translation>Apparence :</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Count rows</source>
        <translation>Compter les lignes</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Emplacement :</translation>
    </message>
    <message>
        <source>Schema version:</source>
        <translation>Version du schéma :</translation>
    </message>
    <message>
        <source>Size on disk:</source>
        <translation>Taille sur le disque :</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>Apps</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>The new language applies the next time you start.</source>
        <translation>La nouvelle langue s&apos;appliquera au prochain démarrage.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <source>%1 (this version of Engage Desktop: %2)</source>
        <translation>%1 (cette version d&apos;Engage Desktop : %2)</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
</context>
<context>
    <name>WorkspaceFigures</name>
    <message>
        <source>Apps</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>Team members</source>
        <translation>Membres de l’équipe</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <source>Recorded events</source>
        <translation>Événements enregistrés</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <source>Messages queued or sent</source>
        <translation>Messages en file ou envoyés</translation>
    </message>
    <message>
        <source>Receipts, opens and conversions</source>
        <translation>Réceptions, ouvertures et conversions</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>Magasins</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Entrées du journal d’audit</translation>
    </message>
</context>
</TS>
