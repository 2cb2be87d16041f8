<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<!-- Qt's own strings that the qtbase_fr.qm shipped with PySide6 misses (Qt 6 added mnemonics
     to them, so the old translations no longer match). Hand-written: update_translations.py
     does not touch this file. Installed after qtbase_fr, so it wins. -->
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans :</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type :</translation>
    </message>
</context>
</TS>
