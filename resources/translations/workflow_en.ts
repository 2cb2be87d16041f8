<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>SendConfirmation</name>
    <message numerus="yes">
        <source>Send “%1” now to %n device(s)?</source>
        <translation>
            <numerusform>Send “%1” now to %n device?</numerusform><numerusform>Send “%1” now to %n devices?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n device</numerusform><numerusform>%n devices</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) (%1)</source>
        <translation>
            <numerusform>%n device (%1)</numerusform><numerusform>%n devices (%1)</numerusform></translation>
    </message>
</context>
</TS>