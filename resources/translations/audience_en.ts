<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>CountPanel</name>
    <message numerus="yes">
        <source>%1 of the audience (%Ln profile(s))</source>
        <translation>
            <numerusform>%1 of the audience (%Ln profile)</numerusform><numerusform>%1 of the audience (%Ln profiles)</numerusform></translation>
    </message>
</context>
<context>
    <name>OverviewBox</name>
    <message numerus="yes">
        <source>%Ln profile(s)</source>
        <translation>
            <numerusform>%Ln profile</numerusform><numerusform>%Ln profiles</numerusform></translation>
    </message>
</context>
<context>
    <name>ProfilesTab</name>
    <message numerus="yes">
        <source>%Ln profile(s), first %1 shown</source>
        <translation>
            <numerusform>%Ln profile, first %1 shown</numerusform><numerusform>%Ln profiles, first %1 shown</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln profile(s)</source>
        <translation>
            <numerusform>%Ln profile</numerusform><numerusform>%Ln profiles</numerusform></translation>
    </message>
</context>
<context>
    <name>SegmentsTab</name>
    <message numerus="yes">
        <source>Exported %Ln member(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln member to %1</numerusform><numerusform>Exported %Ln members to %1</numerusform></translation>
    </message>
</context>
</TS>