<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>DeliveryCounts</name>
    <message numerus="yes">
        <source>%n message(s) wait for the quiet hours to end.</source>
        <translation>
            <numerusform>%n message wait for the quiet hours to end.</numerusform><numerusform>%n messages wait for the quiet hours to end.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n SMS wait for the French SMS hours (Monday to Saturday, 08:00–20:00, not on public holidays).</source>
        <translation>
            <numerusform>%n SMS wait for the French SMS hours (Monday to Saturday, 08:00–20:00, not on public holidays).</numerusform><numerusform>%n SMS wait for the French SMS hours (Monday to Saturday, 08:00–20:00, not on public holidays).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>At that time the next day, as it has passed in their time zone: %n message(s).</source>
        <translation>
            <numerusform>At that time the next day, as it has passed in their time zone: %n message.</numerusform><numerusform>At that time the next day, as it has passed in their time zone: %n messages.</numerusform></translation>
    </message>
</context>
</TS>