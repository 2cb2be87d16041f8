<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>ComposerRendering</name>
    <message numerus="yes">
        <source>%1: %Ln character(s)</source>
        <translation>
            <numerusform>%1: %Ln character</numerusform><numerusform>%1: %Ln characters</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln segment(s)</source>
        <translation>
            <numerusform>%Ln segment</numerusform><numerusform>%Ln segments</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln left</source>
        <translation>
            <numerusform>%Ln left</numerusform><numerusform>%Ln left</numerusform></translation>
    </message>
</context>
</TS>