<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Labels</name>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Eingeladen</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Anwesend</translation>
    </message>
    <message>
        <source>Apologies</source>
        <translation>Entschuldigt</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Diskussion</translation>
    </message>
    <message>
        <source>KPI review</source>
        <translation>KPI-Rückblick</translation>
    </message>
    <message>
        <source>Glossary change</source>
        <translation>Glossaränderung</translation>
    </message>
    <message>
        <source>Lead-feedback review</source>
        <translation>Lead-Feedback-Rückblick</translation>
    </message>
    <message>
        <source>Data-needs ranking</source>
        <translation>Rangfolge Datenbedarf</translation>
    </message>
    <message>
        <source>Wins &amp; lessons</source>
        <translation>Erfolge &amp; Lektionen</translation>
    </message>
    <message>
        <source>Review follow-ups</source>
        <translation>Nachverfolgung</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Action plans</source>
        <translation>Maßnahmenpläne</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>Zusagen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Vertrieb</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Joint</source>
        <translation>Gemeinsam</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortführen</translation>
    </message>
    <message>
        <source>Improve</source>
        <translation>Verbessern</translation>
    </message>
    <message>
        <source>Eliminate</source>
        <translation>Streichen</translation>
    </message>
    <message>
        <source>Revenue goal</source>
        <translation>Umsatzziel</translation>
    </message>
    <message>
        <source>Activity goal</source>
        <translation>Aktivitätsziel</translation>
    </message>
    <message>
        <source>On target</source>
        <translation>Im Ziel</translation>
    </message>
    <message>
        <source>Near target</source>
        <translation>Knapp am Ziel</translation>
    </message>
    <message>
        <source>Off target</source>
        <translation>Ziel verfehlt</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>Kein Zielwert</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>Not a fit</source>
        <translation>Passt nicht</translation>
    </message>
    <message>
        <source>Bad timing</source>
        <translation>Falscher Zeitpunkt</translation>
    </message>
    <message>
        <source>No budget</source>
        <translation>Kein Budget</translation>
    </message>
    <message>
        <source>Wrong contact</source>
        <translation>Falscher Ansprechpartner</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Win</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lektion</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Vorgeschlagen</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Abgelöst</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quartal</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <source>Kept by the next meeting</source>
        <translation>Bis zum nächsten Meeting gehalten</translation>
    </message>
    <message>
        <source>Done late</source>
        <translation>Zu spät erledigt</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Verpasst</translation>
    </message>
    <message>
        <source>Not due yet</source>
        <translation>Noch nicht fällig</translation>
    </message>
    <message>
        <source>KPI off target</source>
        <translation>KPI verfehlt Ziel</translation>
    </message>
    <message>
        <source>Slipped twice</source>
        <translation>Zweimal verschoben</translation>
    </message>
    <message>
        <source>Lead feedback overdue</source>
        <translation>Lead-Feedback überfällig</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Unconfirmed</source>
        <translation>Unbestätigt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Recap</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>Phase</comment>
        <translation>Eröffnung</translation>
    </message>
</context>
</TS>
