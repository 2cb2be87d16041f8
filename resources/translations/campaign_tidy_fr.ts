<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CampaignTidy</name>
    <message>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Désarchiver</translation>
    </message>
    <message>
        <source>Only a completed or cancelled campaign can be archived.</source>
        <translation>Seule une campagne terminée ou annulée peut être archivée.</translation>
    </message>
    <message>
        <source>Only a draft can be deleted; archive a finished campaign instead.</source>
        <translation>Seul un brouillon peut être supprimé ; archivez plutôt une campagne terminée.</translation>
    </message>
    <message>
        <source>Bring “%1” back to the list of campaigns?</source>
        <translation>Remettre « %1 » dans la liste des campagnes ?</translation>
    </message>
    <message>
        <source>Archive “%1”? It leaves the list; “Show archived” finds it again.</source>
        <translation>Archiver « %1 » ? Elle quitte la liste ; « Afficher les archives » la retrouve.</translation>
    </message>
    <message>
        <source>Delete the draft “%1”? This cannot be undone.</source>
        <translation>Supprimer le brouillon « %1 » ? C’est définitif.</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
</context>
</TS>
