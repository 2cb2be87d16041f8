<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>SendConfirmation</name>
    <message numerus="yes">
        <source>Send “%1” now to %Ln device(s)?</source>
        <translation>
            <numerusform>Send “%1” now to %Ln device?</numerusform><numerusform>Send “%1” now to %Ln devices?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s)</source>
        <translation>
            <numerusform>%Ln device</numerusform><numerusform>%Ln devices</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s) (%1)</source>
        <translation>
            <numerusform>%Ln device (%1)</numerusform><numerusform>%Ln devices (%1)</numerusform></translation>
    </message>
</context>
</TS>