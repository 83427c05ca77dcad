<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that qtbase_fr.qm (PySide6 6.x) leaves in English; compiled into
     qtbase_extra_fr.qm with: .venv/bin/pyside6-lrelease resources/translations/qtbase_extra_fr.ts -->
<TS version="2.1" language="fr_FR">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>Voir &amp;dans :</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type :</translation>
    </message>
</context>
</TS>
