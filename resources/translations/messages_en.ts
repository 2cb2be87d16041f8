<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>CampaignErrors</name>
    <message numerus="yes">
        <source>The campaign cannot be scheduled: %n problem(s) to fix first (see the list under the form).</source>
        <translation>
            <numerusform>The campaign cannot be scheduled: %n problem to fix first (see the list under the form).</numerusform><numerusform>The campaign cannot be scheduled: %n problems to fix first (see the list under the form).</numerusform></translation>
    </message>
</context>
</TS>