<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>SendConfirmation</name>
    <message numerus="yes">
        <source>Send “%1” to %Ln person(s), each at their own best hour?</source>
        <translation>
            <numerusform>Send “%1” to %Ln person, each at their own best hour?</numerusform><numerusform>Send “%1” to %Ln persons, each at their own best hour?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Send “%1” to %Ln device(s), each at its owner's best hour?</source>
        <translation>
            <numerusform>Send “%1” to %Ln device, each at its owner's best hour?</numerusform><numerusform>Send “%1” to %Ln devices, each at its owner's best hour?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Send “%1” to %Ln person(s), each at its time on their own clock?</source>
        <translation>
            <numerusform>Send “%1” to %Ln person, each at its time on their own clock?</numerusform><numerusform>Send “%1” to %Ln persons, each at its time on their own clock?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Send “%1” to %Ln device(s), each at its time on its own clock?</source>
        <translation>
            <numerusform>Send “%1” to %Ln device, each at its time on its own clock?</numerusform><numerusform>Send “%1” to %Ln devices, each at its time on its own clock?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Send “%1” now to %Ln person(s)?</source>
        <translation>
            <numerusform>Send “%1” now to %Ln person?</numerusform><numerusform>Send “%1” now to %Ln persons?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Send “%1” now to %Ln device(s)?</source>
        <translation>
            <numerusform>Send “%1” now to %Ln device?</numerusform><numerusform>Send “%1” now to %Ln devices?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln person</numerusform><numerusform>%Ln persons</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s)</source>
        <translation>
            <numerusform>%Ln device</numerusform><numerusform>%Ln devices</numerusform></translation>
    </message>
</context>
</TS>