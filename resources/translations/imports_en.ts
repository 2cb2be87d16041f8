<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>ContactsImportPanel</name>
    <message numerus="yes">
        <source>%Ln row(s) read…</source>
        <translation>
            <numerusform>%Ln row read…</numerusform><numerusform>%Ln rows read…</numerusform></translation>
    </message>
</context>
<context>
    <name>EventsImportPanel</name>
    <message numerus="yes">
        <source>Already stored by an earlier import, skipped: %Ln event(s).</source>
        <translation>
            <numerusform>Already stored by an earlier import, skipped: %Ln event.</numerusform><numerusform>Already stored by an earlier import, skipped: %Ln events.</numerusform></translation>
    </message>
</context>
</TS>