<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>RemovalSummary</name>
    <message numerus="yes">
        <source>%n campaign(s) with their sends and results</source>
        <translation>
            <numerusform>%n campaign with its sends and results</numerusform>
            <numerusform>%n campaigns with their sends and results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) with their events and consents</source>
        <translation>
            <numerusform>%n profile with its events and consents</numerusform>
            <numerusform>%n profiles with their events and consents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n device</numerusform>
            <numerusform>%n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued or sent message(s)</source>
        <translation>
            <numerusform>%n queued or sent message</numerusform>
            <numerusform>%n queued or sent messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the roles of %n team member(s) on it</source>
        <translation>
            <numerusform>the role of %n team member on it</numerusform>
            <numerusform>the roles of %n team members on it</numerusform>
        </translation>
    </message>
</context>
</TS>
