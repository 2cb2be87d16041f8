<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>ContactsImportPanel</name>
    <message numerus="yes">
        <source>%Ln column(s) will be ignored.</source>
        <translation>
            <numerusform>%Ln column will be ignored.</numerusform><numerusform>%Ln columns will be ignored.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) read. Publishing the contacts…</source>
        <translation>
            <numerusform>%Ln row read. Publishing the contacts…</numerusform><numerusform>%Ln rows read. Publishing the contacts…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) read…</source>
        <translation>
            <numerusform>%Ln row read…</numerusform><numerusform>%Ln rows read…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln new contact(s)</source>
        <translation>
            <numerusform>%Ln new contact</numerusform><numerusform>%Ln new contacts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln updated</numerusform><numerusform>%Ln updated</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) rejected</source>
        <translation>
            <numerusform>%Ln row rejected</numerusform><numerusform>%Ln rows rejected</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicate(s)</source>
        <translation>
            <numerusform>%Ln duplicate</numerusform><numerusform>%Ln duplicates</numerusform></translation>
    </message>
</context>
<context>
    <name>EventsImportPanel</name>
    <message numerus="yes">
        <source>%Ln event(s) imported</source>
        <translation>
            <numerusform>%Ln event imported</numerusform><numerusform>%Ln events imported</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) rejected</source>
        <translation>
            <numerusform>%Ln line rejected</numerusform><numerusform>%Ln lines rejected</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln contact</numerusform><numerusform>%Ln contacts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s)</source>
        <translation>
            <numerusform>%Ln device</numerusform><numerusform>%Ln devices</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln event name(s)</source>
        <translation>
            <numerusform>%Ln event name</numerusform><numerusform>%Ln event names</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln notification receipt(s), open(s) and dismissal(s) credited to campaigns</source>
        <translation>
            <numerusform>%Ln notification receipt, open and dismissal credited to campaigns</numerusform><numerusform>%Ln notification receipts, opens and dismissals credited to campaigns</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln matched no campaign</source>
        <translation>
            <numerusform>%Ln matched no campaign</numerusform><numerusform>%Ln matched no campaign</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Already stored by an earlier import, skipped: %Ln event(s).</source>
        <translation>
            <numerusform>Already stored by an earlier import, skipped: %Ln event.</numerusform><numerusform>Already stored by an earlier import, skipped: %Ln events.</numerusform></translation>
    </message>
</context>
</TS>