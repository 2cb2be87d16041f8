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
    <name>CountedTexts</name>
    <message numerus="yes">
        <source>The content cannot be sent (%n problem(s) in all, see the list under the form): %1</source>
        <translation>
            <numerusform>The content cannot be sent (%n problem in all, see the list under the form): %1</numerusform><numerusform>The content cannot be sent (%n problems in all, see the list under the form): %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The content cannot be sent (%n problem(s) in all): %1</source>
        <translation>
            <numerusform>The content cannot be sent (%n problem in all): %1</numerusform><numerusform>The content cannot be sent (%n problems in all): %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Paused at its scheduled time, nothing was sent (%n problem(s) in all; fix the content, then send or schedule it again): %1</source>
        <translation>
            <numerusform>Paused at its scheduled time, nothing was sent (%n problem in all; fix the content, then send or schedule it again): %1</numerusform><numerusform>Paused at its scheduled time, nothing was sent (%n problems in all; fix the content, then send or schedule it again): %1</numerusform></translation>
    </message>
</context>
<context>
    <name>SendPanel</name>
    <message numerus="yes">
        <source>Cancelled: %Ln message(s) will not be sent.</source>
        <translation>
            <numerusform>Cancelled: %Ln message will not be sent.</numerusform><numerusform>Cancelled: %Ln messages will not be sent.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n failed message(s) queued again.</source>
        <translation>
            <numerusform>%n failed message queued again.</numerusform><numerusform>%n failed messages queued again.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n left failed (%1).</source>
        <translation>
            <numerusform>%n left failed (%1).</numerusform><numerusform>%n left failed (%1).</numerusform></translation>
    </message>
</context>
</TS>