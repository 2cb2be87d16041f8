<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>ApprovalBox</name>
    <message numerus="yes">
        <source>Waiting for an approver: submitted by %1 on %2 (%Ln recipient(s)).</source>
        <translation>
            <numerusform>Waiting for an approver: submitted by %1 on %2 (%Ln recipient).</numerusform><numerusform>Waiting for an approver: submitted by %1 on %2 (%Ln recipients).</numerusform></translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message numerus="yes">
        <source>Entries shown: %n.</source>
        <translation>
            <numerusform>Entries shown: %n.</numerusform><numerusform>Entries shown: %n.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The audit chain holds (entries checked: %n).</source>
        <translation>
            <numerusform>The audit chain holds (entries checked: %n).</numerusform><numerusform>The audit chain holds (entries checked: %n).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Entries written to %1: %n.</source>
        <translation>
            <numerusform>Entries written to %1: %n.</numerusform><numerusform>Entries written to %1: %n.</numerusform></translation>
    </message>
</context>
</TS>