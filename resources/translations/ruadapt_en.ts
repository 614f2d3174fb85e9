<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n stage(s) to run. </source>
        <translation>
            <numerusform>%n stage to run. </numerusform>
            <numerusform>%n stages to run. </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OwnerView</name>
    <message numerus="yes">
        <source>Merged %n vote(s) from {path}</source>
        <translation>
            <numerusform>Merged %n vote from {path}</numerusform>
            <numerusform>Merged %n votes from {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message numerus="yes">
        <source>%n vote(s) in all</source>
        <translation>
            <numerusform>%n vote in all</numerusform>
            <numerusform>%n votes in all</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message numerus="yes">
        <source>%n problem(s) to fix before saving</source>
        <translation>
            <numerusform>%n problem to fix before saving</numerusform>
            <numerusform>%n problems to fix before saving</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
</context>
</TS>
