<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DeviceStatus</name>
    <message numerus="yes">
        <source>replace now: first used %n day(s) ago</source>
        <translation>
            <numerusform>replace now: first used %n day ago</numerusform>
            <numerusform>replace now: first used %n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpText</name>
    <message numerus="yes">
        <source>%n hour(s) after: how is the skin?</source>
        <translation>
            <numerusform>%n hour after: how is the skin?</numerusform>
            <numerusform>%n hours after: how is the skin?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Planner</name>
    <message numerus="yes">
        <source>%1, %2 every %n day(s)</source>
        <translation>
            <numerusform>%1, %2 every %n day</numerusform>
            <numerusform>%1, %2 every %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reaction</name>
    <message numerus="yes">
        <source>It has lasted more than %n day(s): see a doctor.</source>
        <translation>
            <numerusform>It has lasted more than %n day: see a doctor.</numerusform>
            <numerusform>It has lasted more than %n days: see a doctor.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RuleBookText</name>
    <message numerus="yes">
        <source>expected in the first days; still there %1 after the session, the area is held until it resolves, and its recovery interval counts again from that day (see a doctor if it lasts beyond %n day(s)).</source>
        <translation>
            <numerusform>expected in the first days; still there %1 after the session, the area is held until it resolves, and its recovery interval counts again from that day (see a doctor if it lasts beyond %n day).</numerusform>
            <numerusform>expected in the first days; still there %1 after the session, the area is held until it resolves, and its recovery interval counts again from that day (see a doctor if it lasts beyond %n days).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SafetyCheck</name>
    <message numerus="yes">
        <source>%1 on the %2 needs at least %n day(s) of recovery</source>
        <translation>
            <numerusform>%1 on the %2 needs at least %n day of recovery</numerusform>
            <numerusform>%1 on the %2 needs at least %n days of recovery</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the reaction to the session of %1 (%2) resolved on %3, %n day(s) earlier, and the interval counts from then</source>
        <translation>
            <numerusform>the reaction to the session of %1 (%2) resolved on %3, %n day earlier, and the interval counts from then</numerusform>
            <numerusform>the reaction to the session of %1 (%2) resolved on %3, %n days earlier, and the interval counts from then</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the session of %1 (%2) was %n day(s) earlier</source>
        <translation>
            <numerusform>the session of %1 (%2) was %n day earlier</numerusform>
            <numerusform>the session of %1 (%2) was %n days earlier</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 on the %2 needs at least %n day(s) of recovery; a session is already logged on %3.</source>
        <translation>
            <numerusform>%1 on the %2 needs at least %n day of recovery; a session is already logged on %3.</numerusform>
            <numerusform>%1 on the %2 needs at least %n days of recovery; a session is already logged on %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionFileImport</name>
    <message numerus="yes">
        <source>; %n other record(s) added (devices, plans, cleanings, pauses, products)</source>
        <translation>
            <numerusform>; %n other record added (devices, plans, cleanings, pauses, products)</numerusform>
            <numerusform>; %n other records added (devices, plans, cleanings, pauses, products)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dermaplan::ui::DeviceTableModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dermaplan::ui::FirstRunWizard</name>
    <message numerus="yes">
        <source>%1 on the %2, every %n day(s). Sources: %3.</source>
        <translation>
            <numerusform>%1 on the %2, every %n day. Sources: %3.</numerusform>
            <numerusform>%1 on the %2, every %n days. Sources: %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your roller has %1 needles: a session with it counts as %2, which needs at least %n day(s) before the next, so planned sessions closer than that are left out (each says so on its day). Choose a template for %1, or plan %1 yourself.</source>
        <translation>
            <numerusform>Your roller has %1 needles: a session with it counts as %2, which needs at least %n day before the next, so planned sessions closer than that are left out (each says so on its day). Choose a template for %1, or plan %1 yourself.</numerusform>
            <numerusform>Your roller has %1 needles: a session with it counts as %2, which needs at least %n days before the next, so planned sessions closer than that are left out (each says so on its day). Choose a template for %1, or plan %1 yourself.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the regimen “%1”: %2 %3, every %n day(s) from %4</source>
        <translation>
            <numerusform>the regimen “%1”: %2 %3, every %n day from %4</numerusform>
            <numerusform>the regimen “%1”: %2 %3, every %n days from %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dermaplan::ui::HistoryPage</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dermaplan::ui::InsightsPage</name>
    <message numerus="yes">
        <source>%n session(s) from %1 %2.</source>
        <translation>
            <numerusform>%n session from %1 %2.</numerusform>
            <numerusform>%n sessions from %1 %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n day(s)</source>
        <translation>
            <numerusform>every %n day</numerusform>
            <numerusform>every %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dermaplan::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n reminder(s)</source>
        <translation>
            <numerusform>%n reminder</numerusform>
            <numerusform>%n reminders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dermaplan::ui::RegimenTableModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
</TS>
