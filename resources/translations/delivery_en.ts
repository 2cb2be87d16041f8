<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>DeliveryCounts</name>
    <message numerus="yes">
        <source>%n message(s) wait for the quiet hours to end.</source>
        <translation>
            <numerusform>%n message wait for the quiet hours to end.</numerusform><numerusform>%n messages wait for the quiet hours to end.</numerusform></translation>
    </message>
</context>
</TS>