<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>ChooseTestDevicesDialog</name>
    <message numerus="yes">
        <source>%Ln device(s) shown, %1 of them test devices.</source>
        <translation>
            <numerusform>%Ln device shown, %1 of them test devices.</numerusform><numerusform>%Ln devices shown, %1 of them test devices.</numerusform></translation>
    </message>
</context>
<context>
    <name>SendPanel</name>
    <message numerus="yes">
        <source>%Ln message(s) queued.</source>
        <translation>
            <numerusform>%Ln message queued.</numerusform><numerusform>%Ln messages queued.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %Ln message(s) will not be sent.</source>
        <translation>
            <numerusform>Cancelled: %Ln message will not be sent.</numerusform><numerusform>Cancelled: %Ln messages will not be sent.</numerusform></translation>
    </message>
</context>
</TS>