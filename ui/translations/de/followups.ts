<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActionDetailsPanel</name>
    <message>
        <source>Note for the history, e.g. “Sent on 3 March”</source>
        <translation>Verlaufsnotiz, z. B. „Am 3. März verschickt“</translation>
    </message>
    <message>
        <source>Status note</source>
        <translation>Statusnotiz</translation>
    </message>
    <message>
        <source>Goes into the history with the status you choose next (Return: to the statuses)</source>
        <translation>Kommt mit dem Status, den Sie als Nächstes wählen, in den Verlauf (Eingabetaste: zu den Status-Schaltflächen)</translation>
    </message>
    <message>
        <source>Open meeting</source>
        <translation>Meeting öffnen</translation>
    </message>
    <message>
        <source>Open the meeting where this action was agreed (Enter)</source>
        <translation>Das Meeting öffnen, in dem diese Maßnahme vereinbart wurde (Eingabetaste)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Select an action to change its status or see its history.</source>
        <translation>Wählen Sie eine Maßnahme, um ihren Status zu ändern oder ihren Verlauf zu sehen.</translation>
    </message>
</context>
<context>
    <name>DecisionsLogTab</name>
    <message>
        <source>Search decisions and their agenda items…</source>
        <translation>Entscheidungen und ihre Agendapunkte durchsuchen…</translation>
    </message>
    <message>
        <source>Search decisions</source>
        <translation>Entscheidungen durchsuchen</translation>
    </message>
    <message>
        <source>Decisions series</source>
        <translation>Serie der Entscheidungen</translation>
    </message>
    <message>
        <source>Which meeting series</source>
        <translation>Welche Meeting-Serie</translation>
    </message>
    <message>
        <source>Decisions log</source>
        <translation>Entscheidungsprotokoll</translation>
    </message>
    <message>
        <source>Open meeting</source>
        <translation>Meeting öffnen</translation>
    </message>
    <message>
        <source>All series</source>
        <translation>Alle Serien</translation>
    </message>
    <message>
        <source>1 decision</source>
        <translation>1 Entscheidung</translation>
    </message>
    <message>
        <source>{count} decisions</source>
        <translation>{count} Entscheidungen</translation>
    </message>
    <message>
        <source>No decision matches “{text}”.</source>
        <translation>Keine Entscheidung passt zu „{text}“.</translation>
    </message>
    <message>
        <source>No decisions recorded yet.</source>
        <translation>Noch keine Entscheidungen erfasst.</translation>
    </message>
</context>
<context>
    <name>FollowUpFiltersBar</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Whose actions</source>
        <translation>Wessen Maßnahmen</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Sales, Marketing or Joint actions</source>
        <translation>Maßnahmen von Vertrieb, Marketing oder gemeinsame</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Which meeting series</source>
        <translation>Welche Meeting-Serie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Open means open, in progress or blocked: what still needs doing</source>
        <translation>„Offen“ heißt offen, in Arbeit oder blockiert: was noch zu tun ist</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Overdue, due this week, later, or without a date</source>
        <translation>Überfällig, diese Woche fällig, später oder ohne Datum</translation>
    </message>
    <message>
        <source>Search actions &amp; notes…</source>
        <translation>Maßnahmen suchen…</translation>
    </message>
    <message>
        <source>Search actions</source>
        <translation>Maßnahmen durchsuchen</translation>
    </message>
    <message>
        <source>Every word must appear (as the start of a word) in the action or a note of its history</source>
        <translation>Jedes Wort muss (als Wortanfang) in der Maßnahme oder einer Notiz ihres Verlaufs vorkommen</translation>
    </message>
    <message>
        <source>My commitments</source>
        <translation>Meine Zusagen</translation>
    </message>
    <message>
        <source>The chosen person&apos;s open actions across all series and their commitments</source>
        <translation>Die offenen Maßnahmen der gewählten Person über alle Serien hinweg und ihre Zusagen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Save the actions these filters show</source>
        <translation>Die Maßnahmen speichern, die diese Filter zeigen</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>{name} (inactive)</source>
        <translation>{name} (inaktiv)</translation>
    </message>
    <message>
        <source>All series</source>
        <translation>Alle Serien</translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht begonnen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Any due date</source>
        <translation>Jede Fälligkeit</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Ohne Fälligkeit</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Alle Teams</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <source>Mark as in progress</source>
        <translation>Als in Arbeit markieren</translation>
    </message>
    <message>
        <source>Mark as blocked</source>
        <translation>Als blockiert markieren</translation>
    </message>
    <message>
        <source>Mark as dropped</source>
        <translation>Als verworfen markieren</translation>
    </message>
    <message>
        <source>Mark as done, with the note below</source>
        <translation>Als erledigt markieren, mit der Notiz unten</translation>
    </message>
    <message>
        <source>Mark as in progress, with the note below</source>
        <translation>Als in Arbeit markieren, mit der Notiz unten</translation>
    </message>
    <message>
        <source>Mark as blocked, with the note below</source>
        <translation>Als blockiert markieren, mit der Notiz unten</translation>
    </message>
    <message>
        <source>Mark as dropped, with the note below</source>
        <translation>Als verworfen markieren, mit der Notiz unten</translation>
    </message>
    <message>
        <source>Mark as open, with the note below</source>
        <translation>Wieder als offen markieren, mit der Notiz unten</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(überfällig)</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>Offene Maßnahmen</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>Zusagen</translation>
    </message>
    <message>
        <source>Nothing open.</source>
        <translation>Nichts offen.</translation>
    </message>
    <message>
        <source>No commitments yet.</source>
        <translation>Noch keine Zusagen.</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Agreed in</source>
        <translation>Vereinbart in</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Zuversicht</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Noch offen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Als PDF speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Follow-up checklist (Word)…</source>
        <translation>Checkliste zur Nachverfolgung (Word)…</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word-Dokument (*.docx)</translation>
    </message>
    <message>
        <source>Follow-up checklist</source>
        <translation>Nachverfolgung Checkliste</translation>
    </message>
    <message>
        <source>Calendar of due dates (.ics)…</source>
        <translation>Kalender der Fälligkeiten (.ics)…</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Kalender (*.ics)</translation>
    </message>
    <message>
        <source>Follow-up due dates</source>
        <translation>Nachverfolgung Fälligkeiten</translation>
    </message>
    <message>
        <source>Actions as CSV…</source>
        <translation>Maßnahmen als CSV…</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Follow-up actions</source>
        <translation>Nachverfolgung Maßnahmen</translation>
    </message>
    <message>
        <source>Writing the checklist to {file}…</source>
        <translation>Die Checkliste wird in {file} geschrieben…</translation>
    </message>
    <message>
        <source>The checklist</source>
        <translation>Die Checkliste</translation>
    </message>
    <message>
        <source>Writing the due dates to {file}…</source>
        <translation>Die Fälligkeiten werden in {file} geschrieben…</translation>
    </message>
    <message>
        <source>The due dates</source>
        <translation>Die Fälligkeiten</translation>
    </message>
    <message>
        <source>Writing the actions to {file}…</source>
        <translation>Die Maßnahmen werden in {file} geschrieben…</translation>
    </message>
    <message>
        <source>The actions</source>
        <translation>Die Maßnahmen</translation>
    </message>
    <message>
        <source>Export follow-ups</source>
        <translation>Nachverfolgung exportieren</translation>
    </message>
    <message>
        <source>{open} open · {overdue} overdue · {done} done</source>
        <translation>{open} offen · {overdue} überfällig · {done} erledigt</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>slipped {times}</source>
        <translation>verschoben: {times}</translation>
    </message>
    <message>
        <source>1 open action</source>
        <translation>1 offene Maßnahme</translation>
    </message>
    <message>
        <source>{count} open actions</source>
        <translation>{count} offene Maßnahmen</translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation>Stand {date}</translation>
    </message>
    <message>
        <source>My commitments — {name}</source>
        <translation>Meine Zusagen – {name}</translation>
    </message>
    <message>
        <source>My commitments</source>
        <translation>Meine Zusagen</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Maßnahmen</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>Search all meetings</source>
        <translation>Alle Meetings durchsuchen</translation>
    </message>
    <message>
        <source>Accountability</source>
        <translation>Verbindlichkeit</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Nachverfolgung</translation>
    </message>
    <message>
        <source>Open meeting</source>
        <translation>Meeting öffnen</translation>
    </message>
    <message>
        <source>Loading actions…</source>
        <translation>Maßnahmen werden geladen…</translation>
    </message>
    <message>
        <source>1 action</source>
        <translation>1 Maßnahme</translation>
    </message>
    <message>
        <source>{count} actions</source>
        <translation>{count} Maßnahmen</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Gespeichert: {path}</translation>
    </message>
    <message>
        <source>Exporting follow-ups</source>
        <translation>Nachverfolgung wird exportiert</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>commitments</source>
        <translation>Zusagen</translation>
    </message>
    <message>
        <source>{name} commitments</source>
        <translation>{name} Zusagen</translation>
    </message>
    <message>
        <source>PDF not saved</source>
        <translation>PDF nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>MyCommitmentsCard</name>
    <message>
        <source>Commitments</source>
        <translation>Zusagen</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <source>A printable page of these open actions and commitments</source>
        <translation>Eine druckbare Seite mit diesen offenen Maßnahmen und Zusagen</translation>
    </message>
    <message>
        <source>{name}: {actions} · {commitments}</source>
        <translation>{name}: {actions} · {commitments}</translation>
    </message>
    <message>
        <source>1 open action</source>
        <translation>1 offene Maßnahme</translation>
    </message>
    <message>
        <source>{count} open actions</source>
        <translation>{count} offene Maßnahmen</translation>
    </message>
    <message>
        <source>1 commitment</source>
        <translation>1 Zusage</translation>
    </message>
    <message>
        <source>{count} commitments</source>
        <translation>{count} Zusagen</translation>
    </message>
</context>
<context>
    <name>SearchAllTab</name>
    <message>
        <source>Search actions, notes, ideas and decisions of all meetings…</source>
        <translation>Maßnahmen, Notizen, Ideen und Entscheidungen aller Meetings durchsuchen…</translation>
    </message>
    <message>
        <source>Search all meetings</source>
        <translation>Alle Meetings durchsuchen</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Open meeting</source>
        <translation>Meeting öffnen</translation>
    </message>
    <message>
        <source>Type a few words: every one must appear.</source>
        <translation>Geben Sie ein paar Wörter ein: Jedes muss vorkommen.</translation>
    </message>
    <message>
        <source>Nothing found for “{text}”.</source>
        <translation>Nichts gefunden für „{text}“.</translation>
    </message>
    <message>
        <source>{count} found (the newest 200)</source>
        <translation>{count} gefunden (die neuesten 200)</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>{count} gefunden</translation>
    </message>
</context>
<context>
    <name>TeamBalanceStrip</name>
    <message>
        <source>{count} open</source>
        <translation>{count} offen</translation>
    </message>
    <message>
        <source>· {count} overdue</source>
        <translation>· {count} überfällig</translation>
    </message>
    <message>
        <source>· {count} done</source>
        <translation>· {count} erledigt</translation>
    </message>
    <message>
        <source>{team}: {open} open ({overdue} of them overdue), {done} done, {dropped} dropped — under the current filters, whatever the status filter</source>
        <translation>{team}: {open} offen (davon {overdue} überfällig), {done} erledigt, {dropped} verworfen – unter den aktuellen Filtern, unabhängig vom Statusfilter</translation>
    </message>
</context>
</TS>
