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
    <name>SessionPanel</name>
    <message numerus="yes">
        <source>%n pair(s) with identical answers: annotators are asked to vote “Tie” or “Both bad” on them</source>
        <translation>
            <numerusform>%n pair with identical answers: annotators are asked to vote “Tie” or “Both bad” on it</numerusform>
            <numerusform>%n pairs with identical answers: annotators are asked to vote “Tie” or “Both bad” on them</numerusform>
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
        <source>… (cut at %n token(s))</source>
        <translation>
            <numerusform>… (cut at %n token)</numerusform>
            <numerusform>… (cut at %n tokens)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) in this text</source>
        <translation>
            <numerusform>%n token in this text</numerusform>
            <numerusform>%n tokens in this text</numerusform>
        </translation>
    </message>
</context>
</TS>
