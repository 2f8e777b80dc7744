<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AlignmentPage</name>
    <message>
        <source>Goals &amp;&amp; KPIs</source>
        <translation>Ziele &amp;&amp; KPIs</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glossar</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Data needs</source>
        <translation>Datenbedarf</translation>
    </message>
    <message>
        <source>Lead feedback</source>
        <translation>Lead-Feedback</translation>
    </message>
    <message>
        <source>Coaching pairs</source>
        <translation>Coaching-Paare</translation>
    </message>
    <message>
        <source>Wins &amp;&amp; lessons</source>
        <translation>Erfolge &amp;&amp; Lektionen</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Alignment toolkit</source>
        <translation>Abstimmungswerkzeuge</translation>
    </message>
</context>
<context>
    <name>BoardEntryDialog</name>
    <message>
        <source>Edit win</source>
        <translation>Erfolg bearbeiten</translation>
    </message>
    <message>
        <source>Edit lesson</source>
        <translation>Lektion bearbeiten</translation>
    </message>
    <message>
        <source>New win</source>
        <translation>Neuer Erfolg</translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation>Neue Lektion</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>e.g. Fabrikam signed after two webinars</source>
        <translation>z. B. Fabrikam hat nach zwei Webinaren unterschrieben</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>What happened — for a lesson, what we try differently next time</source>
        <translation>Was passiert ist — bei einer Lektion: was wir nächstes Mal anders machen</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>Eingebracht von</translation>
    </message>
    <message>
        <source>Nobody in particular</source>
        <translation>Niemand Bestimmtes</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Between meetings</source>
        <translation>Zwischen Meetings</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>T&amp;eam</source>
        <translation>T&amp;eam</translation>
    </message>
    <message>
        <source>&amp;Raised by</source>
        <translation>Eingebracht &amp;von</translation>
    </message>
    <message>
        <source>&amp;Meeting</source>
        <translation>&amp;Meeting</translation>
    </message>
</context>
<context>
    <name>BoardPanel</name>
    <message>
        <source>Add a win</source>
        <translation>Einen Erfolg hinzufügen</translation>
    </message>
    <message>
        <source>Add a lesson</source>
        <translation>Eine Lektion hinzufügen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>What went well, or what we learned the hard way</source>
        <translation>Was gut lief oder was wir auf die harte Tour gelernt haben</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Details (optional)</source>
        <translation>Details (optional)</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>Eingebracht von</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>This meeting&apos;s wins and lessons</source>
        <translation>Erfolge und Lektionen dieses Meetings</translation>
    </message>
    <message>
        <source>Mark solved</source>
        <translation>Als gelöst markieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Wins to celebrate, lessons to solve</source>
        <translation>Erfolge zum Feiern, Lektionen zum Lösen</translation>
    </message>
    <message>
        <source>by</source>
        <translation>von</translation>
    </message>
    <message>
        <source>In this meeting</source>
        <translation>In diesem Meeting</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> und {count} weitere</translation>
    </message>
    <message>
        <source>Still open from before: {titles}{more}.</source>
        <translation>Noch offen von früher: {titles}{more}.</translation>
    </message>
    <message>
        <source>No open lessons from earlier meetings.</source>
        <translation>Keine offenen Lektionen aus früheren Meetings.</translation>
    </message>
    <message>
        <source>Nobody in particular</source>
        <translation>Niemand Bestimmtes</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Added win: {title}</source>
        <translation>Erfolg hinzugefügt: {title}</translation>
    </message>
    <message>
        <source>Added lesson: {title}</source>
        <translation>Lektion hinzugefügt: {title}</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Eintrag löschen</translation>
    </message>
    <message>
        <source>Delete “{title}” from the board?</source>
        <translation>„{title}“ von der Tafel löschen?</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Wins to celebrate</source>
        <translation>Erfolge zum Feiern</translation>
    </message>
    <message>
        <source>Hard lessons to solve</source>
        <translation>Harte Lektionen zum Lösen</translation>
    </message>
    <message>
        <source>Show team</source>
        <translation>Team anzeigen</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Alle Teams</translation>
    </message>
    <message>
        <source>Open lessons only</source>
        <translation>Nur offene Lektionen</translation>
    </message>
    <message>
        <source>Hide the lessons already solved</source>
        <translation>Bereits gelöste Lektionen ausblenden</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <source>{wins} wins shared, {lessons} lessons still to solve together.</source>
        <translation>{wins} Erfolge geteilt, {lessons} Lektionen noch gemeinsam zu lösen.</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Eintrag löschen</translation>
    </message>
    <message>
        <source>Delete “{title}” from the board?</source>
        <translation>„{title}“ von der Tafel löschen?</translation>
    </message>
</context>
<context>
    <name>BreakdownChart</name>
    <message>
        <source>Rejected leads per reason</source>
        <translation>Abgelehnte Leads je Grund</translation>
    </message>
    <message>
        <source>No rejected leads recorded here.</source>
        <translation>Hier sind keine abgelehnten Leads erfasst.</translation>
    </message>
    <message>
        <source>No lead batches.</source>
        <translation>Keine Lead-Pakete.</translation>
    </message>
</context>
<context>
    <name>ChannelsStrip</name>
    <message>
        <source>Communication expectations</source>
        <translation>Kommunikationsregeln</translation>
    </message>
    <message>
        <source>How to reach each other:</source>
        <translation>So erreichen wir uns:</translation>
    </message>
    <message>
        <source>No channels agreed yet (Alignment → Channels).</source>
        <translation>Noch keine Kanäle vereinbart (Abstimmung → Kanäle).</translation>
    </message>
</context>
<context>
    <name>ChannelsView</name>
    <message>
        <source>Which channel to use for what urgency, and how fast an answer is due. The agreement is shown in the meeting and in every meeting&apos;s minutes.</source>
        <translation>Welcher Kanal für welche Dringlichkeit gilt und wie schnell eine Antwort fällig ist. Die Vereinbarung erscheint im Meeting und im Protokoll jedes Meetings.</translation>
    </message>
    <message>
        <source>Channel per urgency</source>
        <translation>Kanal je Dringlichkeit</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Start from the suggested channels</source>
        <translation>Mit den vorgeschlagenen Kanälen beginnen</translation>
    </message>
    <message>
        <source>Urgent → phone call, today → team chat, this week → e-mail, FYI → shared channel</source>
        <translation>Dringend → Anruf, heute → Team-Chat, diese Woche → E-Mail, zur Info → gemeinsamer Kanal</translation>
    </message>
    <message>
        <source>No channels agreed yet. Add the first rule below, or start from the suggested ones and adapt them together.</source>
        <translation>Noch keine Kanäle vereinbart. Fügen Sie unten die erste Regel hinzu oder beginnen Sie mit den vorgeschlagenen und passen Sie sie gemeinsam an.</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Neue Regel</translation>
    </message>
    <message>
        <source>e.g. Urgent (deal at risk)</source>
        <translation>z. B. Dringend (Abschluss gefährdet)</translation>
    </message>
    <message>
        <source>e.g. Phone call</source>
        <translation>z. B. Anruf</translation>
    </message>
    <message>
        <source>e.g. within 1 hour (optional)</source>
        <translation>z. B. innerhalb 1 Stunde (optional)</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Dringlichkeit</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Response time</source>
        <translation>Antwortzeit</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>When this applies, what to do if nobody answers…</source>
        <translation>Wann das gilt, was zu tun ist, wenn niemand antwortet…</translation>
    </message>
    <message>
        <source>&amp;Urgency</source>
        <translation>&amp;Dringlichkeit</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Kanal</translation>
    </message>
    <message>
        <source>&amp;Response time</source>
        <translation>&amp;Antwortzeit</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>Clear form</source>
        <translation>Formular leeren</translation>
    </message>
    <message>
        <source>Stop editing and start a new rule</source>
        <translation>Bearbeitung beenden und eine neue Regel beginnen</translation>
    </message>
    <message>
        <source>Communication expectations</source>
        <translation>Kommunikationsregeln</translation>
    </message>
    <message>
        <source>In a running meeting it shows as:</source>
        <translation>In einem laufenden Meeting erscheint das so:</translation>
    </message>
    <message>
        <source>Editing “{urgency}”</source>
        <translation>„{urgency}“ bearbeiten</translation>
    </message>
    <message>
        <source>Added: {rule}.</source>
        <translation>Hinzugefügt: {rule}.</translation>
    </message>
    <message>
        <source>Saved: {rule}.</source>
        <translation>Gespeichert: {rule}.</translation>
    </message>
    <message>
        <source>Removed: {rule}.</source>
        <translation>Entfernt: {rule}.</translation>
    </message>
    <message>
        <source>Suggested channels added: adapt them to what your teams agree.</source>
        <translation>Vorgeschlagene Kanäle hinzugefügt: Passen Sie sie an das an, was Ihre Teams vereinbaren.</translation>
    </message>
</context>
<context>
    <name>CheckinDialog</name>
    <message>
        <source>Edit check-in</source>
        <translation>Check-in bearbeiten</translation>
    </message>
    <message>
        <source>Log check-in</source>
        <translation>Check-in erfassen</translation>
    </message>
    <message>
        <source>Date of the check-in</source>
        <translation>Datum des Check-ins</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>How each is doing against their goals</source>
        <translation>Wie beide bei ihren Zielen vorankommen</translation>
    </message>
    <message>
        <source>Tips asked</source>
        <translation>Erbetene Tipps</translation>
    </message>
    <message>
        <source>What one asked the other for</source>
        <translation>Worum einer den anderen gebeten hat</translation>
    </message>
    <message>
        <source>Tips given</source>
        <translation>Gegebene Tipps</translation>
    </message>
    <message>
        <source>The advice given</source>
        <translation>Der gegebene Rat</translation>
    </message>
    <message>
        <source>Logged in meeting</source>
        <translation>Erfasst im Meeting</translation>
    </message>
    <message>
        <source>— not in a meeting —</source>
        <translation>— nicht in einem Meeting —</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>&amp;Fortschritt</translation>
    </message>
    <message>
        <source>Tips &amp;asked</source>
        <translation>Erbetene &amp;Tipps</translation>
    </message>
    <message>
        <source>Tips &amp;given</source>
        <translation>&amp;Gegebene Tipps</translation>
    </message>
    <message>
        <source>Logged in &amp;meeting</source>
        <translation>Erfasst im &amp;Meeting</translation>
    </message>
    <message>
        <source>Save check-in</source>
        <translation>Check-in speichern</translation>
    </message>
</context>
<context>
    <name>CoachingView</name>
    <message>
        <source>Suggest rotation…</source>
        <translation>Rotation vorschlagen…</translation>
    </message>
    <message>
        <source>Propose new pairs so that everyone meets the other team, and apply them</source>
        <translation>Neue Paare vorschlagen, damit alle das andere Team kennenlernen, und sie übernehmen</translation>
    </message>
    <message>
        <source>Active coaching pairs</source>
        <translation>Aktive Coaching-Paare</translation>
    </message>
    <message>
        <source>Log check-in…</source>
        <translation>Check-in erfassen…</translation>
    </message>
    <message>
        <source>End pair…</source>
        <translation>Paar beenden…</translation>
    </message>
    <message>
        <source>Sales member</source>
        <translation>Mitglied aus dem Vertrieb</translation>
    </message>
    <message>
        <source>Marketing member</source>
        <translation>Mitglied aus dem Marketing</translation>
    </message>
    <message>
        <source>Start pair</source>
        <translation>Paar starten</translation>
    </message>
    <message>
        <source>Active pairs</source>
        <translation>Aktive Paare</translation>
    </message>
    <message>
        <source>New pair:</source>
        <translation>Neues Paar:</translation>
    </message>
    <message>
        <source>&amp;Sales</source>
        <translation>&amp;Vertrieb</translation>
    </message>
    <message>
        <source>&amp;Marketing</source>
        <translation>&amp;Marketing</translation>
    </message>
    <message>
        <source>Pairs check in every week; a pair is overdue when the last check-in (or the start) was more than 7 days ago.</source>
        <translation>Paare machen jede Woche einen Check-in; ein Paar ist überfällig, wenn der letzte Check-in (oder der Start) mehr als 7 Tage zurückliegt.</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Check-ins</translation>
    </message>
    <message>
        <source>Check-ins of the selected pair</source>
        <translation>Check-ins des gewählten Paars</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s)</source>
        <translation>
            <numerusform>%n Paar</numerusform>
            <numerusform>%n Paare</numerusform>
        </translation>
    </message>
    <message>
        <source>({pairs} · {overdue} overdue)</source>
        <translation>({pairs} · {overdue} überfällig)</translation>
    </message>
    <message>
        <source>({pairs} · all on track)</source>
        <translation>({pairs} · alle im Plan)</translation>
    </message>
    <message>
        <source>(none yet — start one below)</source>
        <translation>(noch keine — starten Sie unten eines)</translation>
    </message>
    <message>
        <source>Check-ins — select a pair above</source>
        <translation>Check-ins — wählen Sie oben ein Paar</translation>
    </message>
    <message numerus="yes">
        <source>%n check-in(s)</source>
        <translation>
            <numerusform>%n Check-in</numerusform>
            <numerusform>%n Check-ins</numerusform>
        </translation>
    </message>
    <message>
        <source>Check-ins: {pair} ({checkins})</source>
        <translation>Check-ins: {pair} ({checkins})</translation>
    </message>
    <message>
        <source>End pair</source>
        <translation>Paar beenden</translation>
    </message>
    <message>
        <source>End the coaching pair {pair}? Their check-ins stay in the history.</source>
        <translation>Das Coaching-Paar {pair} beenden? Die Check-ins bleiben im Verlauf.</translation>
    </message>
    <message>
        <source>Remove check-in</source>
        <translation>Check-in entfernen</translation>
    </message>
    <message>
        <source>Remove the check-in of {date}?</source>
        <translation>Den Check-in vom {date} entfernen?</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import KPI measurements</source>
        <translation>KPI-Messwerte importieren</translation>
    </message>
    <message>
        <source>Rows to import</source>
        <translation>Zu importierende Zeilen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>The file holds no measurements.</source>
        <translation>Die Datei enthält keine Messwerte.</translation>
    </message>
    <message>
        <source>1 of {rows} rows has a problem</source>
        <translation>1 von {rows} Zeilen hat ein Problem</translation>
    </message>
    <message>
        <source>{count} of {rows} rows have problems</source>
        <translation>{count} von {rows} Zeilen haben Probleme</translation>
    </message>
    <message>
        <source>: fix the file and try again. Nothing is imported until every row is right.</source>
        <translation>: Korrigieren Sie die Datei und versuchen Sie es erneut. Importiert wird erst, wenn jede Zeile stimmt.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) ready: {new} new, {changed} changed, {same} unchanged.</source>
        <translation>
            <numerusform>%n Zeile bereit: {new} neu, {changed} geändert, {same} unverändert.</numerusform>
            <numerusform>%n Zeilen bereit: {new} neu, {changed} geändert, {same} unverändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported: {added} new, {updated} changed, {unchanged} unchanged.</source>
        <translation>Importiert: {added} neu, {updated} geändert, {unchanged} unverändert.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>KPI status</source>
        <translation>KPI-Status</translation>
    </message>
    <message>
        <source>No KPIs yet. Define them on the “KPIs &amp; measurements” page, then record values per period or import them from a CSV file.</source>
        <translation>Noch keine KPIs. Legen Sie sie auf der Seite „KPIs &amp; Messwerte“ an und erfassen Sie dann Werte je Zeitraum oder importieren Sie sie aus einer CSV-Datei.</translation>
    </message>
    <message>
        <source>{count} on target</source>
        <translation>{count} im Ziel</translation>
    </message>
    <message>
        <source>{count} near target</source>
        <translation>{count} knapp am Ziel</translation>
    </message>
    <message>
        <source>{count} off target</source>
        <translation>{count} Ziel verfehlt</translation>
    </message>
    <message>
        <source>{count} no data</source>
        <translation>{count} ohne Daten</translation>
    </message>
</context>
<context>
    <name>DataNeedsPanel</name>
    <message>
        <source>Joint data need {rank}</source>
        <translation>Gemeinsamer Datenbedarf {rank}</translation>
    </message>
    <message>
        <source>Owner of joint data need {rank}</source>
        <translation>Verantwortlich für gemeinsamen Datenbedarf {rank}</translation>
    </message>
    <message>
        <source>Due date of joint data need {rank}</source>
        <translation>Fälligkeit des gemeinsamen Datenbedarfs {rank}</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Kein Datum</translation>
    </message>
    <message>
        <source>Both teams&apos; lists compared</source>
        <translation>Die Listen beider Teams im Vergleich</translation>
    </message>
    <message>
        <source>What each team wants</source>
        <translation>Was jedes Team braucht</translation>
    </message>
    <message>
        <source>Data need</source>
        <translation>Datenbedarf</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Fill in the suggestion</source>
        <translation>Vorschlag eintragen</translation>
    </message>
    <message>
        <source>Needs both teams want first, then by combined rank; owners stay as chosen</source>
        <translation>Zuerst, was beide Teams wollen, dann nach gemeinsamem Rang; Verantwortliche bleiben wie gewählt</translation>
    </message>
    <message>
        <source>Agree joint Top 10</source>
        <translation>Gemeinsame Top 10 vereinbaren</translation>
    </message>
    <message>
        <source>Joint Top 10</source>
        <translation>Gemeinsame Top 10</translation>
    </message>
    <message>
        <source>Pick up to ten needs in order, each with an owner. Agreeing turns every row into a joint action of this meeting.</source>
        <translation>Wählen Sie bis zu zehn Datenbedarfe in Reihenfolge, jeweils mit Verantwortlichen. Beim Vereinbaren wird jede Zeile eine gemeinsame Maßnahme dieses Meetings.</translation>
    </message>
    <message>
        <source>Owner…</source>
        <translation>Verantwortlich…</translation>
    </message>
    <message>
        <source>Suggestion filled in: needs both teams want come first.</source>
        <translation>Vorschlag eingetragen: Was beide Teams wollen, steht vorn.</translation>
    </message>
    <message>
        <source>Agreed: {count} data needs, each now a joint action of this meeting (see Action plans and Follow-ups).</source>
        <translation>Vereinbart: {count} Datenbedarfe, jeder jetzt eine gemeinsame Maßnahme dieses Meetings (siehe Maßnahmenpläne und Nachverfolgung).</translation>
    </message>
</context>
<context>
    <name>DataNeedsView</name>
    <message>
        <source>{count} on both lists</source>
        <translation>{count} auf beiden Listen</translation>
    </message>
    <message>
        <source>{count} only {team}</source>
        <translation>{count} nur {team}</translation>
    </message>
    <message>
        <source>{mark} tinted: on both teams&apos; lists (the overlap)</source>
        <translation>{mark} hinterlegt: auf den Listen beider Teams (die Überschneidung)</translation>
    </message>
    <message>
        <source>A data need, e.g. “Lead source per opportunity”</source>
        <translation>Ein Datenbedarf, z. B. „Lead-Quelle je Verkaufschance“</translation>
    </message>
    <message>
        <source>New data need</source>
        <translation>Neuer Datenbedarf</translation>
    </message>
    <message>
        <source>Add data need</source>
        <translation>Datenbedarf hinzufügen</translation>
    </message>
    <message>
        <source>Joint Top 10</source>
        <translation>Gemeinsame Top 10</translation>
    </message>
    <message numerus="yes">
        <source>%n data need(s)</source>
        <translation>
            <numerusform>%n Datenbedarf</numerusform>
            <numerusform>%n Datenbedarfe</numerusform>
        </translation>
    </message>
    <message>
        <source>Agreed in “{meeting}”. </source>
        <translation>Vereinbart in „{meeting}“. </translation>
    </message>
    <message>
        <source>{done} of {total} closed; each item is tracked as a joint action.</source>
        <translation>{done} von {total} abgeschlossen; jeder Punkt wird als gemeinsame Maßnahme verfolgt.</translation>
    </message>
    <message>
        <source>Not agreed yet: add a “Data-needs ranking” item to a meeting&apos;s agenda and agree it there.</source>
        <translation>Noch nicht vereinbart: Nehmen Sie einen Punkt „Rangfolge Datenbedarf“ in die Agenda eines Meetings auf und vereinbaren Sie sie dort.</translation>
    </message>
    <message>
        <source>Added “{title}”. Add it to a team&apos;s list with “Add to list”.</source>
        <translation>„{title}“ hinzugefügt. Nehmen Sie ihn mit „Auf die Liste“ in die Liste eines Teams auf.</translation>
    </message>
</context>
<context>
    <name>GlossaryLookup</name>
    <message>
        <source>Glossary — agreed definitions</source>
        <translation>Glossar — vereinbarte Definitionen</translation>
    </message>
    <message>
        <source>Type a term: MQL, SQL, ICP…</source>
        <translation>Begriff eingeben: MQL, SQL, ICP…</translation>
    </message>
    <message>
        <source>Search the glossary</source>
        <translation>Glossar durchsuchen</translation>
    </message>
    <message>
        <source>Agreed definitions</source>
        <translation>Vereinbarte Definitionen</translation>
    </message>
    <message>
        <source>Definitions change only as a meeting decision (Alignment → Glossary).  Esc closes.</source>
        <translation>Definitionen ändern sich nur durch eine Meeting-Entscheidung (Abstimmung → Glossar).  Esc schließt.</translation>
    </message>
    <message>
        <source>No definitions agreed yet.</source>
        <translation>Noch keine Definitionen vereinbart.</translation>
    </message>
    <message>
        <source>No agreed term matches “{query}”.</source>
        <translation>Kein vereinbarter Begriff passt zu „{query}“.</translation>
    </message>
</context>
<context>
    <name>GlossaryPanel</name>
    <message>
        <source>Glossary proposals on the table</source>
        <translation>Glossar-Vorschläge zur Entscheidung</translation>
    </message>
    <message>
        <source>Approve as decision</source>
        <translation>Als Entscheidung annehmen</translation>
    </message>
    <message>
        <source>The wording becomes the current definition; the decision is recorded on this item</source>
        <translation>Die Formulierung wird zur aktuellen Definition; die Entscheidung wird bei diesem Punkt festgehalten</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Not adopted: recorded as a decision; the definition stays</source>
        <translation>Nicht übernommen: als Entscheidung festgehalten; die Definition bleibt</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Jetzt:</translation>
    </message>
    <message>
        <source>Proposed:</source>
        <translation>Vorgeschlagen:</translation>
    </message>
    <message>
        <source>This meeting is closed: glossary changes are agreed in a planned or running meeting.</source>
        <translation>Dieses Meeting ist abgeschlossen: Glossar-Änderungen werden in einem geplanten oder laufenden Meeting vereinbart.</translation>
    </message>
    <message>
        <source>Nothing proposed for this meeting yet.</source>
        <translation>Für dieses Meeting ist noch nichts vorgeschlagen.</translation>
    </message>
    <message>
        <source>Propose a term or wording…</source>
        <translation>Begriff oder Formulierung vorschlagen…</translation>
    </message>
    <message>
        <source>Propose a new term, or a new wording of a term</source>
        <translation>Einen neuen Begriff oder eine neue Formulierung vorschlagen</translation>
    </message>
    <message>
        <source>Current definitions</source>
        <translation>Aktuelle Definitionen</translation>
    </message>
    <message>
        <source>On the table</source>
        <translation>Zur Entscheidung</translation>
    </message>
    <message>
        <source>On the table ({count})</source>
        <translation>Zur Entscheidung ({count})</translation>
    </message>
    <message>
        <source>Current definitions ({count})</source>
        <translation>Aktuelle Definitionen ({count})</translation>
    </message>
    <message>
        <source>(a new term)</source>
        <translation>(ein neuer Begriff)</translation>
    </message>
    <message>
        <source>Approved: “{term}” {version} is now the current definition.</source>
        <translation>Angenommen: „{term}“ {version} ist jetzt die aktuelle Definition.</translation>
    </message>
    <message>
        <source>Rejected: {version} of “{term}”; the definition stays.</source>
        <translation>Abgelehnt: {version} von „{term}“; die Definition bleibt.</translation>
    </message>
    <message>
        <source>Proposed {version} of “{term}”: approve or reject it.</source>
        <translation>{version} von „{term}“ vorgeschlagen: Nehmen Sie sie an oder lehnen Sie sie ab.</translation>
    </message>
</context>
<context>
    <name>GlossaryView</name>
    <message>
        <source>Search terms and definitions…</source>
        <translation>Begriffe und Definitionen durchsuchen…</translation>
    </message>
    <message>
        <source>Search the glossary</source>
        <translation>Glossar durchsuchen</translation>
    </message>
    <message>
        <source>New term…</source>
        <translation>Neuer Begriff…</translation>
    </message>
    <message>
        <source>Export appendix (.docx)…</source>
        <translation>Anhang exportieren (.docx)…</translation>
    </message>
    <message>
        <source>Shared language</source>
        <translation>Gemeinsame Sprache</translation>
    </message>
    <message>
        <source>Agreed definitions both teams use. A change is proposed here or in a meeting, and becomes current only when a meeting approves it as a decision.</source>
        <translation>Vereinbarte Definitionen, die beide Teams verwenden. Eine Änderung wird hier oder in einem Meeting vorgeschlagen und gilt erst, wenn ein Meeting sie als Entscheidung annimmt.</translation>
    </message>
    <message>
        <source>Glossary terms</source>
        <translation>Glossar-Begriffe</translation>
    </message>
    <message>
        <source>Propose a change…</source>
        <translation>Änderung vorschlagen…</translation>
    </message>
    <message>
        <source>Withdraw proposal</source>
        <translation>Vorschlag zurückziehen</translation>
    </message>
    <message>
        <source>Take back the selected proposal (not yet decided)</source>
        <translation>Den gewählten Vorschlag zurücknehmen (noch nicht entschieden)</translation>
    </message>
    <message>
        <source>Approving happens in a meeting, on its glossary item.</source>
        <translation>Angenommen wird in einem Meeting, bei dessen Glossar-Punkt.</translation>
    </message>
    <message>
        <source>History of the term</source>
        <translation>Verlauf des Begriffs</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>No terms yet. Propose the first definition both teams should share — qualified lead, MQL, SQL, ICP — with “New term…”.</source>
        <translation>Noch keine Begriffe. Schlagen Sie mit „Neuer Begriff…“ die erste Definition vor, die beide Teams teilen sollen — qualifizierter Lead, MQL, SQL, ICP.</translation>
    </message>
    <message>
        <source>({agreed} agreed of {total})</source>
        <translation>({agreed} von {total} vereinbart)</translation>
    </message>
    <message>
        <source>Select a term to see its definition and history.</source>
        <translation>Wählen Sie einen Begriff, um Definition und Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>Not agreed yet.</source>
        <translation>Noch nicht vereinbart.</translation>
    </message>
    <message>
        <source>Proposed wording below; a meeting approves it as a decision.</source>
        <translation>Vorgeschlagene Formulierung unten; ein Meeting nimmt sie als Entscheidung an.</translation>
    </message>
    <message>
        <source>Withdraw the proposed wording {version} of “{term}”?</source>
        <translation>Die vorgeschlagene Formulierung {version} von „{term}“ zurückziehen?</translation>
    </message>
    <message>
        <source>Cannot withdraw</source>
        <translation>Zurückziehen nicht möglich</translation>
    </message>
    <message>
        <source>Export the glossary</source>
        <translation>Glossar exportieren</translation>
    </message>
    <message>
        <source>glossary.docx</source>
        <translation>glossar.docx</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word-Dokument (*.docx)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Glossary exported</source>
        <translation>Glossar exportiert</translation>
    </message>
    <message>
        <source>The glossary appendix was saved to {path}.</source>
        <translation>Der Glossar-Anhang wurde unter {path} gespeichert.</translation>
    </message>
    <message>
        <source>Version {number}</source>
        <translation>Version {number}</translation>
    </message>
    <message>
        <source>agreed in {meeting}</source>
        <translation>vereinbart in {meeting}</translation>
    </message>
    <message>
        <source>agreed on {date}</source>
        <translation>vereinbart am {date}</translation>
    </message>
    <message>
        <source>the decision record was deleted since; the wording stays agreed</source>
        <translation>die Entscheidung wurde inzwischen gelöscht; die Formulierung bleibt vereinbart</translation>
    </message>
    <message>
        <source>proposed by {name}</source>
        <translation>vorgeschlagen von {name}</translation>
    </message>
    <message>
        <source>1 change proposed</source>
        <translation>1 Änderung vorgeschlagen</translation>
    </message>
    <message>
        <source>{count} changes proposed</source>
        <translation>{count} Änderungen vorgeschlagen</translation>
    </message>
</context>
<context>
    <name>GoalsPage</name>
    <message>
        <source>Shared revenue goal</source>
        <translation>Gemeinsames Umsatzziel</translation>
    </message>
    <message>
        <source>Revenue goal period</source>
        <translation>Zeitraum des Umsatzziels</translation>
    </message>
    <message>
        <source>e.g. New ARR from new customers</source>
        <translation>z. B. Neuer ARR aus Neukunden</translation>
    </message>
    <message>
        <source>Revenue goal</source>
        <translation>Umsatzziel</translation>
    </message>
    <message>
        <source>e.g. 5400000</source>
        <translation>z. B. 5400000</translation>
    </message>
    <message>
        <source>Revenue target</source>
        <translation>Umsatz-Zielwert</translation>
    </message>
    <message>
        <source>so far (optional)</source>
        <translation>bisher (optional)</translation>
    </message>
    <message>
        <source>Revenue so far</source>
        <translation>Umsatz bisher</translation>
    </message>
    <message>
        <source>Revenue unit</source>
        <translation>Umsatzeinheit</translation>
    </message>
    <message>
        <source>Revenue goal owner</source>
        <translation>Verantwortlich für das Umsatzziel</translation>
    </message>
    <message>
        <source>Revenue goal notes</source>
        <translation>Notizen zum Umsatzziel</translation>
    </message>
    <message>
        <source>Notes (optional)</source>
        <translation>Notizen (optional)</translation>
    </message>
    <message>
        <source>Set revenue goal</source>
        <translation>Umsatzziel festlegen</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Zeitraum</translation>
    </message>
    <message>
        <source>&amp;Goal</source>
        <translation>Zie&amp;l</translation>
    </message>
    <message>
        <source>&amp;Target</source>
        <translation>Ziel&amp;wert</translation>
    </message>
    <message>
        <source>So &amp;far</source>
        <translation>&amp;Bisher</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Einheit</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>&amp;Verantwortlich</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>One revenue goal per period, shared by Sales and Marketing.</source>
        <translation>Ein Umsatzziel je Zeitraum, gemeinsam für Vertrieb und Marketing.</translation>
    </message>
    <message>
        <source>Activity goals</source>
        <translation>Aktivitätsziele</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Archivierte anzeigen</translation>
    </message>
    <message>
        <source>New activity goal</source>
        <translation>Neues Aktivitätsziel</translation>
    </message>
    <message>
        <source>e.g. Joint webinar series with an AE on every panel</source>
        <translation>z. B. Gemeinsame Webinar-Reihe mit einem AE in jeder Runde</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Activity period</source>
        <translation>Zeitraum der Aktivität</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Why (optional)</source>
        <translation>Warum (optional)</translation>
    </message>
    <message>
        <source>Activity notes</source>
        <translation>Notizen zur Aktivität</translation>
    </message>
    <message>
        <source>Add activity goal</source>
        <translation>Ziel hinzufügen</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Clear form</source>
        <translation>Formular leeren</translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>&amp;Aktivität</translation>
    </message>
    <message>
        <source>O&amp;wner</source>
        <translation>&amp;Verantwortlich</translation>
    </message>
    <message>
        <source>&amp;Decision</source>
        <translation>&amp;Entscheidung</translation>
    </message>
    <message>
        <source>T&amp;eam</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>Mutual activity goals</source>
        <translation>Gemeinsame Aktivitätsziele</translation>
    </message>
    <message>
        <source>What both teams do towards the goal, each with an owner. At each review mark it: continue, improve or eliminate.</source>
        <translation>Was beide Teams für das Ziel tun, jeweils mit Verantwortlichen. Bei jedem Rückblick markieren: fortführen, verbessern oder streichen.</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>(niemand verantwortlich)</translation>
    </message>
    <message>
        <source>Choose the owner…</source>
        <translation>Verantwortliche Person wählen…</translation>
    </message>
    <message>
        <source>Shared revenue goal, {period}</source>
        <translation>Gemeinsames Umsatzziel, {period}</translation>
    </message>
    <message>
        <source>Save revenue goal</source>
        <translation>Umsatzziel speichern</translation>
    </message>
    <message>
        <source>Saved the revenue goal for {period}.</source>
        <translation>Umsatzziel für {period} gespeichert.</translation>
    </message>
    <message>
        <source>Added “{title}” ({owner}).</source>
        <translation>„{title}“ hinzugefügt ({owner}).</translation>
    </message>
    <message>
        <source>Saved “{title}”.</source>
        <translation>„{title}“ gespeichert.</translation>
    </message>
    <message>
        <source>“{title}” restored.</source>
        <translation>„{title}“ wiederhergestellt.</translation>
    </message>
    <message>
        <source>“{title}” archived.</source>
        <translation>„{title}“ archiviert.</translation>
    </message>
    <message>
        <source>Delete activity goal</source>
        <translation>Aktivitätsziel löschen</translation>
    </message>
    <message>
        <source>Delete “{title}” for good? Actions linked to it keep their place but lose the link. Archive it instead to keep its history.</source>
        <translation>„{title}“ endgültig löschen? Verknüpfte Maßnahmen bleiben bestehen, verlieren aber die Verknüpfung. Archivieren Sie es stattdessen, um den Verlauf zu behalten.</translation>
    </message>
    <message>
        <source>Deleted “{title}”.</source>
        <translation>„{title}“ gelöscht.</translation>
    </message>
    <message>
        <source>Editing “{title}”</source>
        <translation>„{title}“ bearbeiten</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
</context>
<context>
    <name>GoalsView</name>
    <message>
        <source>Import KPI measurements</source>
        <translation>KPI-Messwerte importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Zielwert</translation>
    </message>
    <message>
        <source>Chart: {kpi}</source>
        <translation>Diagramm: {kpi}</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Vorheriger Monat</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Nächster Monat</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV importieren…</translation>
    </message>
    <message>
        <source>Measurements from a spreadsheet: columns KPI, Period, Value (Target, Note optional)</source>
        <translation>Messwerte aus einer Tabelle: Spalten KPI, Period, Value (Target, Note optional)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>KPIs &amp;&amp; measurements</source>
        <translation>KPIs &amp;&amp; Messwerte</translation>
    </message>
</context>
<context>
    <name>KpiReviewPanel</name>
    <message>
        <source>KPI status</source>
        <translation>KPI-Status</translation>
    </message>
    <message>
        <source>KPI to record</source>
        <translation>KPI für den Messwert</translation>
    </message>
    <message>
        <source>period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Period to record</source>
        <translation>Zeitraum des Messwerts</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Value to record</source>
        <translation>Zu erfassender Wert</translation>
    </message>
    <message>
        <source>Record measurement</source>
        <translation>Messwert erfassen</translation>
    </message>
    <message>
        <source>KPI review — the meeting no longer exists</source>
        <translation>KPI-Rückblick — das Meeting existiert nicht mehr</translation>
    </message>
    <message>
        <source>KPI review · {period}</source>
        <translation>KPI-Rückblick · {period}</translation>
    </message>
    <message>
        <source>* latest value recorded ({periods}): nothing for {period} yet.</source>
        <translation>* zuletzt erfasster Wert ({periods}): für {period} noch nichts.</translation>
    </message>
    <message>
        <source>No KPIs yet: define them on the Alignment page, Goals &amp; KPIs tab.</source>
        <translation>Noch keine KPIs: Legen Sie sie auf der Seite Abstimmung im Tab Ziele &amp; KPIs an.</translation>
    </message>
    <message>
        <source>Recorded {kpi}: {value} for {period} (it was {earlier}).</source>
        <translation>Erfasst {kpi}: {value} für {period} (vorher {earlier}).</translation>
    </message>
    <message>
        <source>Recorded {kpi}: {value} for {period}.</source>
        <translation>Erfasst {kpi}: {value} für {period}.</translation>
    </message>
</context>
<context>
    <name>KpisPage</name>
    <message>
        <source>KPIs</source>
        <translation>KPIs</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>New KPI</source>
        <translation>Neuer KPI</translation>
    </message>
    <message>
        <source>e.g. MQL→SQL conversion</source>
        <translation>z. B. Konversion MQL→SQL</translation>
    </message>
    <message>
        <source>KPI name</source>
        <translation>Name des KPI</translation>
    </message>
    <message>
        <source>%, h, leads, $</source>
        <translation>%, h, Leads, €</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>e.g. 30</source>
        <translation>z. B. 30</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Zielwert</translation>
    </message>
    <message>
        <source>Which way is better</source>
        <translation>Was ist besser</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>Höher ist besser</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>Niedriger ist besser</translation>
    </message>
    <message>
        <source>Measured per</source>
        <translation>Gemessen je</translation>
    </message>
    <message>
        <source>KPI team</source>
        <translation>Team des KPI</translation>
    </message>
    <message>
        <source>What it counts, so both teams read it the same way</source>
        <translation>Was er zählt, damit beide Teams ihn gleich lesen</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Better</source>
        <translation>Besser</translation>
    </message>
    <message>
        <source>Per</source>
        <translation>Je</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Add KPI</source>
        <translation>KPI hinzufügen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>KPI definitions</source>
        <translation>KPI-Definitionen</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>Measurement period</source>
        <translation>Zeitraum des Messwerts</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>own target (optional)</source>
        <translation>eigener Zielwert (optional)</translation>
    </message>
    <message>
        <source>Own target</source>
        <translation>Eigener Zielwert</translation>
    </message>
    <message>
        <source>note (optional)</source>
        <translation>Notiz (optional)</translation>
    </message>
    <message>
        <source>Measurement note</source>
        <translation>Notiz zum Messwert</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Erfassen</translation>
    </message>
    <message>
        <source>Delete measurement</source>
        <translation>Messwert löschen</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Measurements — select a KPI</source>
        <translation>Messwerte — wählen Sie einen KPI</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>monatlich</translation>
    </message>
    <message>
        <source>quarterly</source>
        <translation>quartalsweise</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>wöchentlich</translation>
    </message>
    <message>
        <source>Measurements of {kpi} ({per})</source>
        <translation>Messwerte von {kpi} ({per})</translation>
    </message>
    <message>
        <source>Editing {kpi}</source>
        <translation>{kpi} bearbeiten</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Replaced {earlier} with {value} for {period}.</source>
        <translation>{earlier} für {period} durch {value} ersetzt.</translation>
    </message>
    <message>
        <source>Recorded {value} for {period}.</source>
        <translation>{value} für {period} erfasst.</translation>
    </message>
    <message>
        <source>Delete the value recorded for {period}?</source>
        <translation>Den für {period} erfassten Wert löschen?</translation>
    </message>
    <message>
        <source>Deleted the value for {period}.</source>
        <translation>Wert für {period} gelöscht.</translation>
    </message>
</context>
<context>
    <name>LeadFeedbackPanel</name>
    <message>
        <source>Lead feedback for Marketing</source>
        <translation>Lead-Feedback für das Marketing</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>What Sales says per reason</source>
        <translation>Was der Vertrieb je Grund sagt</translation>
    </message>
    <message>
        <source>Mark as reviewed in this meeting</source>
        <translation>In diesem Meeting als besprochen markieren</translation>
    </message>
    <message>
        <source>Record that Marketing has seen these batches: they go into this meeting&apos;s minutes</source>
        <translation>Festhalten, dass das Marketing diese Pakete gesehen hat: Sie kommen ins Protokoll dieses Meetings</translation>
    </message>
    <message>
        <source>What Sales says</source>
        <translation>Was der Vertrieb sagt</translation>
    </message>
    <message>
        <source>Reviewed in this meeting ({batches})</source>
        <translation>In diesem Meeting besprochen ({batches})</translation>
    </message>
    <message>
        <source>Not yet reviewed ({batches})</source>
        <translation>Noch nicht besprochen ({batches})</translation>
    </message>
    <message>
        <source>Batches: {batches}</source>
        <translation>Pakete: {batches}</translation>
    </message>
    <message>
        <source>Nothing waiting: Sales has recorded no new lead batches since the last review.</source>
        <translation>Nichts offen: Der Vertrieb hat seit dem letzten Rückblick keine neuen Lead-Pakete erfasst.</translation>
    </message>
    <message>
        <source>✓ Reviewed in this meeting: {batches}.</source>
        <translation>✓ In diesem Meeting besprochen: {batches}.</translation>
    </message>
    <message>
        <source>Nothing marked as reviewed in this meeting yet.</source>
        <translation>In diesem Meeting ist noch nichts als besprochen markiert.</translation>
    </message>
</context>
<context>
    <name>LeadFeedbackView</name>
    <message>
        <source>No lead batches.</source>
        <translation>Keine Lead-Pakete.</translation>
    </message>
    <message>
        <source>{rejected} of {received} leads rejected</source>
        <translation>{rejected} von {received} Leads abgelehnt</translation>
    </message>
    <message>
        <source> — rejection rate {rate}</source>
        <translation> — Ablehnungsquote {rate}</translation>
    </message>
    <message>
        <source> (about the same as {period}: {rate})</source>
        <translation> (etwa wie {period}: {rate})</translation>
    </message>
    <message>
        <source> (down 1 point on {period}: {rate})</source>
        <translation> (1 Prozentpunkt weniger als {period}: {rate})</translation>
    </message>
    <message>
        <source> (down {points} points on {period}: {rate})</source>
        <translation> ({points} Prozentpunkte weniger als {period}: {rate})</translation>
    </message>
    <message>
        <source> (up 1 point on {period}: {rate})</source>
        <translation> (1 Prozentpunkt mehr als {period}: {rate})</translation>
    </message>
    <message>
        <source> (up {points} points on {period}: {rate})</source>
        <translation> ({points} Prozentpunkte mehr als {period}: {rate})</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>New batch</source>
        <translation>Neues Paket</translation>
    </message>
    <message>
        <source>Clear the editor to record a new batch of leads</source>
        <translation>Den Editor leeren, um ein neues Lead-Paket zu erfassen</translation>
    </message>
    <message>
        <source>Lead batches</source>
        <translation>Lead-Pakete</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>Aufschlüsselung</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Zeitraum</translation>
    </message>
    <message>
        <source>e.g. October webinar leads</source>
        <translation>z. B. Leads aus dem Oktober-Webinar</translation>
    </message>
    <message>
        <source>Batch name</source>
        <translation>Name des Pakets</translation>
    </message>
    <message>
        <source>2026-11, Nov 2026, 2026-Q4 or 2026-W47</source>
        <translation>2026-11, Nov 2026, 2026-Q4 oder 2026-W47</translation>
    </message>
    <message>
        <source>Period of the batch</source>
        <translation>Zeitraum des Pakets</translation>
    </message>
    <message>
        <source>Leads received</source>
        <translation>Erhaltene Leads</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Erfasst von</translation>
    </message>
    <message>
        <source>Batch notes</source>
        <translation>Notizen zum Paket</translation>
    </message>
    <message>
        <source>Where the leads came from, anything Marketing should know</source>
        <translation>Woher die Leads kamen und was das Marketing wissen sollte</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Pe&amp;riod</source>
        <translation>Zeit&amp;raum</translation>
    </message>
    <message>
        <source>Leads &amp;received</source>
        <translation>&amp;Erhaltene Leads</translation>
    </message>
    <message>
        <source>Recorded &amp;by</source>
        <translation>Erfasst &amp;von</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>Add batch</source>
        <translation>Paket hinzufügen</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>Delete batch…</source>
        <translation>Paket löschen…</translation>
    </message>
    <message>
        <source>Mark not reviewed</source>
        <translation>Als nicht besprochen markieren</translation>
    </message>
    <message>
        <source>The batch waits for the next lead-feedback review again</source>
        <translation>Das Paket wartet wieder auf den nächsten Lead-Feedback-Rückblick</translation>
    </message>
    <message>
        <source>Rejected leads</source>
        <translation>Abgelehnte Leads</translation>
    </message>
    <message>
        <source>Rejection lines</source>
        <translation>Ablehnungszeilen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Leads rejected for this reason</source>
        <translation>Aus diesem Grund abgelehnte Leads</translation>
    </message>
    <message>
        <source>Lead or company (optional)</source>
        <translation>Lead oder Firma (optional)</translation>
    </message>
    <message>
        <source>Lead reference</source>
        <translation>Lead-Referenz</translation>
    </message>
    <message>
        <source>Why — what Marketing can change (needed for “Other”)</source>
        <translation>Warum — was das Marketing ändern kann (nötig bei „Sonstiges“)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Re&amp;ason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <source>&amp;Leads</source>
        <translation>&amp;Leads</translation>
    </message>
    <message>
        <source>Lea&amp;d</source>
        <translation>Lea&amp;d</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>Not&amp;iz</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <source>Save line</source>
        <translation>Zeile speichern</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Zeile entfernen</translation>
    </message>
    <message>
        <source>All periods</source>
        <translation>Alle Zeiträume</translation>
    </message>
    <message>
        <source>all periods</source>
        <translation>alle Zeiträume</translation>
    </message>
    <message>
        <source>Why leads were rejected — {scope} ({batches})</source>
        <translation>Warum Leads abgelehnt wurden — {scope} ({batches})</translation>
    </message>
    <message>
        <source>Batch: {name}</source>
        <translation>Paket: {name}</translation>
    </message>
    <message>
        <source>Add the batch, then record why leads were rejected.</source>
        <translation>Fügen Sie das Paket hinzu und erfassen Sie dann, warum Leads abgelehnt wurden.</translation>
    </message>
    <message>
        <source>Reviewed with Marketing in {meeting}.</source>
        <translation>Mit dem Marketing besprochen in {meeting}.</translation>
    </message>
    <message>
        <source>Not yet reviewed: it shows in the next lead-feedback review.</source>
        <translation>Noch nicht besprochen: Es erscheint im nächsten Lead-Feedback-Rückblick.</translation>
    </message>
    <message>
        <source>Rejected leads: {rejected} of {received} ({rate})</source>
        <translation>Abgelehnte Leads: {rejected} von {received} ({rate})</translation>
    </message>
    <message>
        <source>Delete batch</source>
        <translation>Paket löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete “{name}” and its %n rejection line(s)?</source>
        <translation>
            <numerusform>„{name}“ und seine %n Ablehnungszeile löschen?</numerusform>
            <numerusform>„{name}“ und seine %n Ablehnungszeilen löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>1 batch</source>
        <translation>1 Paket</translation>
    </message>
    <message>
        <source>{count} batches</source>
        <translation>{count} Pakete</translation>
    </message>
</context>
<context>
    <name>PersonaCard</name>
    <message>
        <source>Persona name</source>
        <translation>Name der Persona</translation>
    </message>
    <message>
        <source>No persona chosen</source>
        <translation>Keine Persona gewählt</translation>
    </message>
    <message>
        <source>Role not described yet</source>
        <translation>Rolle noch nicht beschrieben</translation>
    </message>
</context>
<context>
    <name>PersonaCardDialog</name>
    <message>
        <source>Persona — {name}</source>
        <translation>Persona — {name}</translation>
    </message>
</context>
<context>
    <name>PersonaPicker</name>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>PersonasView</name>
    <message>
        <source>&amp;Pains</source>
        <translation>&amp;Schmerzpunkte</translation>
    </message>
    <message>
        <source>What keeps them up at night — one point per line</source>
        <translation>Was ihnen den Schlaf raubt — ein Punkt pro Zeile</translation>
    </message>
    <message>
        <source>&amp;Goals</source>
        <translation>&amp;Ziele</translation>
    </message>
    <message>
        <source>What they want to achieve — one point per line</source>
        <translation>Was sie erreichen wollen — ein Punkt pro Zeile</translation>
    </message>
    <message>
        <source>&amp;Objections</source>
        <translation>&amp;Einwände</translation>
    </message>
    <message>
        <source>What they say to push back — one point per line</source>
        <translation>Womit sie abblocken — ein Punkt pro Zeile</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Archivierte anzeigen</translation>
    </message>
    <message>
        <source>Ask “how would this persona respond?” instead of “that won’t work”. Agenda items and actions can name a persona.</source>
        <translation>Fragen Sie „Wie würde diese Persona reagieren?“ statt „Das klappt nicht“. Agendapunkte und Maßnahmen können eine Persona nennen.</translation>
    </message>
    <message>
        <source>New persona</source>
        <translation>Neue Persona</translation>
    </message>
    <message>
        <source>e.g. Larry, the CFO</source>
        <translation>z. B. Larry, der CFO</translation>
    </message>
    <message>
        <source>Persona name</source>
        <translation>Name der Persona</translation>
    </message>
    <message>
        <source>Job title, company size, industry</source>
        <translation>Position, Unternehmensgröße, Branche</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Where the persona comes from (interviews, CRM data)</source>
        <translation>Woher die Persona stammt (Interviews, CRM-Daten)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Add persona</source>
        <translation>Persona hinzufügen</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>Archived personas leave the pick lists; items that name them keep the link</source>
        <translation>Archivierte Personas verschwinden aus den Auswahllisten; Punkte, die sie nennen, behalten die Verknüpfung</translation>
    </message>
    <message>
        <source>Show on screen</source>
        <translation>Am Beamer zeigen</translation>
    </message>
    <message>
        <source>Open the persona&apos;s card in large type, for the projector</source>
        <translation>Die Karte der Persona in großer Schrift öffnen, für den Beamer</translation>
    </message>
    <message>
        <source>Clear form</source>
        <translation>Formular leeren</translation>
    </message>
    <message>
        <source>Stop editing and start a new persona</source>
        <translation>Bearbeitung beenden und eine neue Persona beginnen</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>No&amp;tizen</translation>
    </message>
    <message>
        <source>Agenda items and actions naming the persona</source>
        <translation>Agendapunkte und Maßnahmen, die die Persona nennen</translation>
    </message>
    <message>
        <source>Used in</source>
        <translation>Verwendet in</translation>
    </message>
    <message>
        <source>({active} active, {archived} archived)</source>
        <translation>({active} aktiv, {archived} archiviert)</translation>
    </message>
    <message>
        <source>({active} active)</source>
        <translation>({active} aktiv)</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(noch keine)</translation>
    </message>
    <message>
        <source>Pick a persona to see the agenda items and actions.</source>
        <translation>Wählen Sie eine Persona, um die Agendapunkte und Maßnahmen zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n agenda item(s)</source>
        <translation>
            <numerusform>%n Agendapunkt</numerusform>
            <numerusform>%n Agendapunkten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n Maßnahme</numerusform>
            <numerusform>%n Maßnahmen</numerusform>
        </translation>
    </message>
    <message>
        <source>Not referenced by any agenda item or action yet.</source>
        <translation>Noch von keinem Agendapunkt und keiner Maßnahme genannt.</translation>
    </message>
    <message>
        <source>Referenced by {things}.</source>
        <translation>Genannt von {things}.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Editing {name}</source>
        <translation>{name} bearbeiten</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Added {name}.</source>
        <translation>{name} hinzugefügt.</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} gespeichert.</translation>
    </message>
    <message>
        <source>{name} is archived.</source>
        <translation>{name} ist archiviert.</translation>
    </message>
    <message>
        <source>{name} is back in the pick lists.</source>
        <translation>{name} ist wieder in den Auswahllisten.</translation>
    </message>
</context>
<context>
    <name>ProposeDialog</name>
    <message>
        <source>Propose a glossary change</source>
        <translation>Glossar-Änderung vorschlagen</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Begriff</translation>
    </message>
    <message>
        <source>e.g. MQL</source>
        <translation>z. B. MQL</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>The wording both teams should agree on…</source>
        <translation>Die Formulierung, auf die sich beide Teams einigen sollen…</translation>
    </message>
    <message>
        <source>For meeting</source>
        <translation>Für Meeting</translation>
    </message>
    <message>
        <source>No meeting in particular (the next one decides)</source>
        <translation>Kein bestimmtes Meeting (das nächste entscheidet)</translation>
    </message>
    <message>
        <source>(running)</source>
        <translation>(läuft)</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Vorgeschlagen von</translation>
    </message>
    <message>
        <source>&amp;Term</source>
        <translation>&amp;Begriff</translation>
    </message>
    <message>
        <source>&amp;Definition</source>
        <translation>&amp;Definition</translation>
    </message>
    <message>
        <source>For &amp;meeting</source>
        <translation>Für &amp;Meeting</translation>
    </message>
    <message>
        <source>Proposed &amp;by</source>
        <translation>&amp;Vorgeschlagen von</translation>
    </message>
    <message>
        <source>The wording becomes the current definition only when a meeting approves it, as a decision of its glossary agenda item.</source>
        <translation>Die Formulierung wird erst zur aktuellen Definition, wenn ein Meeting sie annimmt — als Entscheidung seines Glossar-Agendapunkts.</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>Vorschlagen</translation>
    </message>
</context>
<context>
    <name>RevenueGoalStrip</name>
    <message>
        <source>Revenue goal progress</source>
        <translation>Fortschritt zum Umsatzziel</translation>
    </message>
    <message>
        <source>No shared revenue goal for {period} yet</source>
        <translation>Noch kein gemeinsames Umsatzziel für {period}</translation>
    </message>
    <message>
        <source>Set it on the Goals page: one number both teams work towards.</source>
        <translation>Legen Sie es auf der Seite Ziele fest: eine Zahl, auf die beide Teams hinarbeiten.</translation>
    </message>
    <message>
        <source>Shared revenue goal, {period}: {goal}</source>
        <translation>Gemeinsames Umsatzziel, {period}: {goal}</translation>
    </message>
    <message>
        <source> · owner {name}</source>
        <translation> · verantwortlich: {name}</translation>
    </message>
    <message>
        <source>{value} target</source>
        <translation>Zielwert {value}</translation>
    </message>
    <message>
        <source>{value} so far</source>
        <translation>bisher {value}</translation>
    </message>
</context>
<context>
    <name>RotationDialog</name>
    <message>
        <source>Suggest rotation</source>
        <translation>Rotation vorschlagen</translation>
    </message>
    <message>
        <source>Suggested pairs</source>
        <translation>Vorgeschlagene Paare</translation>
    </message>
    <message numerus="yes">
        <source>Applying ends the %n current pair(s) today (their check-ins stay in the history) and starts these pairs.</source>
        <translation>
            <numerusform>Beim Übernehmen endet heute das %n aktuelle Paar (seine Check-ins bleiben im Verlauf), und diese Paare beginnen.</numerusform>
            <numerusform>Beim Übernehmen enden heute die %n aktuellen Paare (ihre Check-ins bleiben im Verlauf), und diese Paare beginnen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Applying starts these pairs today.</source>
        <translation>Beim Übernehmen beginnen diese Paare heute.</translation>
    </message>
    <message>
        <source>Apply rotation</source>
        <translation>Rotation übernehmen</translation>
    </message>
    <message>
        <source>Next round of coaching pairs</source>
        <translation>Nächste Runde der Coaching-Paare</translation>
    </message>
    <message>
        <source>{met} of {possible} possible pairs have met so far. This round: {new} new pairs</source>
        <translation>{met} von {possible} möglichen Paaren haben sich bisher getroffen. Diese Runde: {new} neue Paare</translation>
    </message>
    <message>
        <source>, {repeats} meeting again (everyone has met the other team)</source>
        <translation>, {repeats} treffen sich erneut (alle kennen das andere Team schon)</translation>
    </message>
</context>
<context>
    <name>TeamRankingPanel</name>
    <message>
        <source>{team} — Top 10</source>
        <translation>{team} — Top 10</translation>
    </message>
    <message>
        <source>{team}&apos;s ranking</source>
        <translation>Rangfolge von {team}</translation>
    </message>
    <message>
        <source>▲ Up</source>
        <translation>▲ Hoch</translation>
    </message>
    <message>
        <source>Move up in {team}&apos;s list</source>
        <translation>In der Liste von {team} nach oben</translation>
    </message>
    <message>
        <source>▼ Down</source>
        <translation>▼ Runter</translation>
    </message>
    <message>
        <source>Move down in {team}&apos;s list</source>
        <translation>In der Liste von {team} nach unten</translation>
    </message>
    <message>
        <source>Take off the list</source>
        <translation>Von der Liste nehmen</translation>
    </message>
    <message>
        <source>Data need to add to {team}&apos;s list</source>
        <translation>Datenbedarf für die Liste von {team}</translation>
    </message>
    <message>
        <source>Add to list</source>
        <translation>Auf die Liste</translation>
    </message>
    <message>
        <source>{team} — Top 10  ({count} of {limit})</source>
        <translation>{team} — Top 10  ({count} von {limit})</translation>
    </message>
    <message>
        <source>{team}&apos;s list is full: take one off first</source>
        <translation>Die Liste von {team} ist voll: Nehmen Sie zuerst einen herunter</translation>
    </message>
</context>
<context>
    <name>_Column</name>
    <message>
        <source>Wins</source>
        <translation>Erfolge</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lektionen</translation>
    </message>
    <message>
        <source>Add win</source>
        <translation>Erfolg hinzufügen</translation>
    </message>
    <message>
        <source>Add lesson</source>
        <translation>Lektion hinzufügen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Mark solved</source>
        <translation>Als gelöst markieren</translation>
    </message>
    <message>
        <source>{heading}  ({open} open of {count})</source>
        <translation>{heading}  ({open} offen von {count})</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Select an entry to read its details.</source>
        <translation>Wählen Sie einen Eintrag, um die Details zu lesen.</translation>
    </message>
    <message>
        <source>between meetings</source>
        <translation>zwischen Meetings</translation>
    </message>
    <message>
        <source>No details.</source>
        <translation>Keine Details.</translation>
    </message>
</context>
</TS>
