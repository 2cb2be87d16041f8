<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>RemovalSummary</name>
    <message numerus="yes">
        <source>%Ln campaign(s) with their sends and results</source>
        <translation>
            <numerusform>%Ln campaign with their sends and results</numerusform><numerusform>%Ln campaigns with their sends and results</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln profile(s) with their events and consents</source>
        <translation>
            <numerusform>%Ln profile with their events and consents</numerusform><numerusform>%Ln profiles with their events and consents</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln device(s)</source>
        <translation>
            <numerusform>%Ln device</numerusform><numerusform>%Ln devices</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln segment(s)</source>
        <translation>
            <numerusform>%Ln segment</numerusform><numerusform>%Ln segments</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln queued or sent message(s)</source>
        <translation>
            <numerusform>%Ln queued or sent message</numerusform><numerusform>%Ln queued or sent messages</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>the roles of %Ln team member(s) on it</source>
        <translation>
            <numerusform>the roles of %Ln team member on it</numerusform><numerusform>the roles of %Ln team members on it</numerusform></translation>
    </message>
</context>
</TS>