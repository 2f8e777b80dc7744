<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AgendaCard</name>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
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
        <source>Move the selected item up (Ctrl+Up)</source>
        <translation>Den ausgewählten Punkt nach oben verschieben (Strg+Pfeil hoch)</translation>
    </message>
    <message>
        <source>Move the selected item down (Ctrl+Down)</source>
        <translation>Den ausgewählten Punkt nach unten verschieben (Strg+Pfeil runter)</translation>
    </message>
    <message>
        <source>Remove the selected item (Delete)</source>
        <translation>Den ausgewählten Punkt entfernen (Entf)</translation>
    </message>
    <message>
        <source>New agenda item — type it and press Enter</source>
        <translation>Neuer Agendapunkt — eintippen, Enter drücken</translation>
    </message>
    <message>
        <source>New agenda item</source>
        <translation>Neuer Agendapunkt</translation>
    </message>
    <message>
        <source>Minutes for the new item</source>
        <translation>Minuten für den neuen Punkt</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Punkt hinzufügen</translation>
    </message>
    <message>
        <source>The agenda is empty. Type an item below, or add a template&apos;s items.</source>
        <translation>Die Agenda ist leer. Tippen Sie unten einen Punkt ein oder fügen Sie die Punkte einer Vorlage hinzu.</translation>
    </message>
    <message>
        <source>Agenda template</source>
        <translation>Agenda-Vorlage</translation>
    </message>
    <message>
        <source>Add to agenda</source>
        <translation>Zur Agenda hinzufügen</translation>
    </message>
    <message>
        <source>Append the template&apos;s items to this agenda</source>
        <translation>Die Punkte der Vorlage an diese Agenda anhängen</translation>
    </message>
    <message>
        <source>Save agenda as template…</source>
        <translation>Agenda als Vorlage speichern…</translation>
    </message>
    <message>
        <source>Double-click a cell to edit it. Drag rows, or use Ctrl+↑ / Ctrl+↓, to change the order. ↪ marks an item carried over from an earlier meeting.</source>
        <translation>Doppelklicken Sie auf eine Zelle, um sie zu bearbeiten. Ziehen Sie Zeilen oder verwenden Sie Strg+↑ / Strg+↓, um die Reihenfolge zu ändern. ↪ markiert einen Punkt, der aus einem früheren Meeting übernommen wurde.</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Parked for the next meeting: {titles}</source>
        <translation>Für das nächste Meeting zurückgestellt: {titles}</translation>
    </message>
    <message>
        <source>Shorten or remove items, or plan a longer meeting.</source>
        <translation>Kürzen oder entfernen Sie Punkte oder planen Sie ein längeres Meeting.</translation>
    </message>
    <message>
        <source>Sum of the time boxes against the planned length.</source>
        <translation>Summe der Zeitrahmen im Vergleich zur geplanten Dauer.</translation>
    </message>
    <message>
        <source>Agenda {boxed} min of {planned} min planned</source>
        <translation>Agenda: {boxed} Min. von {planned} Min. geplant</translation>
    </message>
    <message>
        <source>{minutes} min over</source>
        <translation>{minutes} Min. zu viel</translation>
    </message>
    <message>
        <source>{minutes} min spare</source>
        <translation>{minutes} Min. Puffer</translation>
    </message>
    <message>
        <source>exactly on time</source>
        <translation>genau in der Zeit</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Backups of {file} (in its backups folder), newest first. AlignMeet makes them before upgrades, imports and restores, every ten minutes when something changed, and when it closes.</source>
        <translation>Sicherungen von {file} (im Ordner „backups“ daneben), die neueste zuerst. AlignMeet legt sie vor Aktualisierungen, Importen und Wiederherstellungen an, alle zehn Minuten, wenn sich etwas geändert hat, und beim Beenden.</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>No backup made</source>
        <translation>Keine Sicherung angelegt</translation>
    </message>
    <message>
        <source>Put the backup of {taken} in place of the database?

The database as it is now is backed up first, so this can be undone by restoring that backup. AlignMeet closes and reopens the database.</source>
        <translation>Die Sicherung vom {taken} anstelle der Datenbank einsetzen?

Die Datenbank wird vorher im jetzigen Stand gesichert; mit dieser Sicherung lässt sich der Schritt rückgängig machen. AlignMeet schließt die Datenbank und öffnet sie wieder.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Planned length (minutes)</source>
        <translation>Geplante Dauer (Minuten)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Moderation</translation>
    </message>
    <message>
        <source>Note taker</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>End goal</source>
        <translation>Endziel</translation>
    </message>
    <message>
        <source>Previous minutes approved</source>
        <translation>Vorheriges Protokoll genehmigt</translation>
    </message>
    <message>
        <source>Next meeting</source>
        <translation>Nächstes Meeting</translation>
    </message>
    <message>
        <source>Closing notes</source>
        <translation>Abschlussnotizen</translation>
    </message>
    <message>
        <source>Time box (minutes)</source>
        <translation>Zeitrahmen (Minuten)</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Team tag</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Meilenstein</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Anwesenheit</translation>
    </message>
    <message>
        <source>Representative of the other team</source>
        <translation>Vertretung des anderen Teams</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Zugesagt</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Zuversicht</translation>
    </message>
    <message>
        <source>Commitment note</source>
        <translation>Notiz zur Zusage</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Zielwert</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Ist</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Continue, eliminate or improve</source>
        <translation>Fortführen, streichen oder verbessern</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>Höher ist besser</translation>
    </message>
    <message>
        <source>Measured per</source>
        <translation>Gemessen pro</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Pains</source>
        <translation>Schmerzpunkte</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Einwände</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>Eingebracht von</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Begriff</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
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
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Lead reference</source>
        <translation>Lead-Referenz</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Am</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Tips asked for</source>
        <translation>Erbetene Tipps</translation>
    </message>
    <message>
        <source>Tips given</source>
        <translation>Gegebene Tipps</translation>
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
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Von jemand anderem geändert</translation>
    </message>
    <message>
        <source>{what} was changed by someone else while you were editing it ({fields}). Nothing has been overwritten yet: choose which version to keep.</source>
        <translation>{what} wurde von jemand anderem geändert, während Sie es bearbeitet haben ({fields}). Noch wurde nichts überschrieben: Wählen Sie, welche Fassung gelten soll.</translation>
    </message>
    <message>
        <source>“Keep both” saves their text, a blank line, then yours.</source>
        <translation>„Beide behalten“ speichert die andere Fassung, eine Leerzeile, dann Ihre.</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Ihre Fassung</translation>
    </message>
    <message>
        <source>Their version (saved)</source>
        <translation>Die andere Fassung (gespeichert)</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Die andere übernehmen</translation>
    </message>
    <message>
        <source>Keep &amp;both</source>
        <translation>&amp;Beide behalten</translation>
    </message>
    <message>
        <source>Save their text, a blank line, then yours: nobody&apos;s text is lost.</source>
        <translation>Speichert die andere Fassung, eine Leerzeile, dann Ihre: kein Text geht verloren.</translation>
    </message>
    <message>
        <source>Save your version over theirs.</source>
        <translation>Ihre Fassung über die andere speichern.</translation>
    </message>
    <message>
        <source>Show their version and drop yours (you can still copy it from the left first).</source>
        <translation>Die andere Fassung zeigen und Ihre verwerfen (Sie können Ihre vorher links noch kopieren).</translation>
    </message>
</context>
<context>
    <name>ImportMembersDialog</name>
    <message>
        <source>Import members from CSV</source>
        <translation>Mitglieder aus CSV importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>Noch keine Datei ausgewählt.</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>Datei &amp;wählen…</translation>
    </message>
    <message>
        <source>A first row naming the columns — Name, Team, Role, E-mail (in any order; German Name, Team, Rolle, E-Mail too) — then one member per row. Excel&apos;s “CSV UTF-8” and “CSV (semicolon)” both work. Teams must exist already.</source>
        <translation>Eine erste Zeile mit den Spaltennamen — Name, Team, Rolle, E-Mail (in beliebiger Reihenfolge; englisch Name, Team, Role, E-mail geht auch) —, dann ein Mitglied pro Zeile. Excels „CSV UTF-8“ und „CSV (Trennzeichen-getrennt)“ funktionieren beide. Die Teams müssen bereits existieren.</translation>
    </message>
    <message>
        <source>Members in the file</source>
        <translation>Mitglieder in der Datei</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>The file holds no members.</source>
        <translation>Die Datei enthält keine Mitglieder.</translation>
    </message>
    <message>
        <source>1 of 1 row has a problem</source>
        <translation>1 von 1 Zeile hat ein Problem</translation>
    </message>
    <message>
        <source>1 of {count} rows has a problem</source>
        <translation>1 von {count} Zeilen hat ein Problem</translation>
    </message>
    <message>
        <source>{bad} of {count} rows have problems</source>
        <translation>{bad} von {count} Zeilen haben Probleme</translation>
    </message>
    <message>
        <source>{rows}: nothing will be imported until the file is corrected.</source>
        <translation>{rows}: Es wird nichts importiert, bis die Datei korrigiert ist.</translation>
    </message>
    <message>
        <source>{count} in {team}</source>
        <translation>{count} in {team}</translation>
    </message>
    <message>
        <source>Ready to import 1 member: {teams}.</source>
        <translation>Bereit zum Import von 1 Mitglied: {teams}.</translation>
    </message>
    <message>
        <source>Ready to import {count} members: {teams}.</source>
        <translation>Bereit zum Import von {count} Mitgliedern: {teams}.</translation>
    </message>
</context>
<context>
    <name>InviteesCard</name>
    <message>
        <source>Invitees</source>
        <translation>Eingeladene</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Invite every active member</source>
        <translation>Alle aktiven Mitglieder einladen</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Untick everyone</source>
        <translation>Alle abwählen</translation>
    </message>
</context>
<context>
    <name>MeetingDetailsCard</name>
    <message>
        <source>Meeting details</source>
        <translation>Meeting-Details</translation>
    </message>
    <message>
        <source>Meeting title</source>
        <translation>Meeting-Titel</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>Planned length in minutes</source>
        <translation>Geplante Dauer in Minuten</translation>
    </message>
    <message>
        <source>Room, or a video-call link</source>
        <translation>Raum oder Link zur Videokonferenz</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Moderation</translation>
    </message>
    <message>
        <source>Note taker</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>What this meeting is about, in a sentence or two</source>
        <translation>Worum es in diesem Meeting geht, in ein, zwei Sätzen</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>What everyone leaves with</source>
        <translation>Womit alle hinausgehen</translation>
    </message>
    <message>
        <source>End goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Date &amp;&amp; time</source>
        <translation>&amp;Datum &amp;&amp; Uhrzeit</translation>
    </message>
    <message>
        <source>Planned &amp;length</source>
        <translation>Geplante D&amp;auer</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Ort</translation>
    </message>
    <message>
        <source>&amp;Facilitator</source>
        <translation>&amp;Moderation</translation>
    </message>
    <message>
        <source>&amp;Note taker</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <source>T&amp;opic</source>
        <translation>T&amp;hema</translation>
    </message>
    <message>
        <source>&amp;End goal</source>
        <translation>&amp;Ziel</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Sales &amp; Marketing sync</source>
        <translation>Abstimmung Vertrieb &amp; Marketing</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy   HH:mm</source>
        <translation>dd.MM.yyyy   HH:mm</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>Neues Meeting</translation>
    </message>
    <message>
        <source>Meeting title</source>
        <translation>Meeting-Titel</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>Planned length in minutes</source>
        <translation>Geplante Dauer in Minuten</translation>
    </message>
    <message>
        <source>Room, or a video-call link</source>
        <translation>Raum oder Link zur Videokonferenz</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>The recurring meeting this one belongs to. Open actions and parked items of earlier meetings in the series come back automatically. Type a new name to start a new series.</source>
        <translation>Das wiederkehrende Meeting, zu dem dieses gehört. Offene Maßnahmen und zurückgestellte Punkte früherer Meetings der Serie kommen automatisch wieder. Geben Sie einen neuen Namen ein, um eine neue Serie zu beginnen.</translation>
    </message>
    <message>
        <source>Agenda template</source>
        <translation>Agenda-Vorlage</translation>
    </message>
    <message>
        <source>Empty agenda</source>
        <translation>Leere Agenda</translation>
    </message>
    <message>
        <source>Invite all active members ({count})</source>
        <translation>Alle aktiven Mitglieder einladen ({count})</translation>
    </message>
    <message>
        <source>Invite all active members (nobody yet)</source>
        <translation>Alle aktiven Mitglieder einladen (noch niemand)</translation>
    </message>
    <message>
        <source>Add your team under People &amp; teams first.</source>
        <translation>Legen Sie zuerst Ihr Team unter „Personen &amp; Teams“ an.</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Date and time</source>
        <translation>&amp;Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>Planned &amp;length</source>
        <translation>Geplante D&amp;auer</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Ort</translation>
    </message>
    <message>
        <source>&amp;Series</source>
        <translation>&amp;Serie</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>Ag&amp;enda</translation>
    </message>
    <message>
        <source>Create meeting</source>
        <translation>Meeting erstellen</translation>
    </message>
    <message>
        <source>Start with no items; add them on the Prepare page.</source>
        <translation>Ohne Punkte beginnen; fügen Sie sie auf der Seite „Vorbereiten“ hinzu.</translation>
    </message>
    <message>
        <source>Meeting title cannot be empty.</source>
        <translation>Der Meeting-Titel darf nicht leer sein.</translation>
    </message>
</context>
<context>
    <name>MeetingsView</name>
    <message>
        <source>No meetings yet. Add your team under People &amp; teams, then create a meeting.</source>
        <translation>Noch keine Meetings. Legen Sie Ihr Team unter „Personen &amp; Teams“ an und erstellen Sie dann ein Meeting.</translation>
    </message>
    <message>
        <source>Search meeting titles…</source>
        <translation>Meeting-Titel durchsuchen…</translation>
    </message>
    <message>
        <source>Search meeting titles</source>
        <translation>Meeting-Titel durchsuchen</translation>
    </message>
    <message>
        <source>New meeting…</source>
        <translation>Neues Meeting…</translation>
    </message>
    <message>
        <source>Create a meeting (Ctrl+N)</source>
        <translation>Ein Meeting erstellen (Strg+N)</translation>
    </message>
    <message>
        <source>Prepare</source>
        <translation>Vorbereiten</translation>
    </message>
    <message>
        <source>Agenda, invitees and details of the selected meeting</source>
        <translation>Agenda, Eingeladene und Details des ausgewählten Meetings</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Durchführen</translation>
    </message>
    <message>
        <source>Run the selected meeting, phase by phase</source>
        <translation>Das ausgewählte Meeting Phase für Phase durchführen</translation>
    </message>
    <message>
        <source>Create next meeting</source>
        <translation>Nächstes Meeting erstellen</translation>
    </message>
    <message>
        <source>The next meeting of the same series: same invitees and agenda; open actions and parked items come along</source>
        <translation>Das nächste Meeting derselben Serie: gleiche Eingeladene und Agenda; offene Maßnahmen und zurückgestellte Punkte kommen mit</translation>
    </message>
    <message>
        <source>Export minutes…</source>
        <translation>Protokoll exportieren…</translation>
    </message>
    <message>
        <source>Save the minutes of the selected meeting as a Word document</source>
        <translation>Das Protokoll des ausgewählten Meetings als Word-Dokument speichern</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Series…</source>
        <translation>Serien…</translation>
    </message>
    <message>
        <source>Members, cadence and default agenda of each meeting series: what “Create next meeting” starts from</source>
        <translation>Mitglieder, Rhythmus und Standard-Agenda jeder Meeting-Serie: der Ausgangspunkt für „Nächstes Meeting erstellen“</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>Meeting löschen</translation>
    </message>
    <message>
        <source>Delete the selected meeting (Delete key in the list)</source>
        <translation>Das ausgewählte Meeting löschen (Entf-Taste in der Liste)</translation>
    </message>
    <message>
        <source>Select a meeting</source>
        <translation>Wählen Sie ein Meeting</translation>
    </message>
    <message>
        <source>Double-click a meeting to open it: Prepare while it is planned, Run once it has started. Create next meeting continues the series.</source>
        <translation>Doppelklicken Sie auf ein Meeting, um es zu öffnen: „Vorbereiten“, solange es geplant ist, „Durchführen“, sobald es begonnen hat. „Nächstes Meeting erstellen“ setzt die Serie fort.</translation>
    </message>
    <message>
        <source>%A %d %B %Y, %H:%M</source>
        <translation>%d.%m.%Y, %H:%M Uhr</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>Topic: {topic}</source>
        <translation>Thema: {topic}</translation>
    </message>
    <message>
        <source>{count} invited</source>
        <translation>{count} eingeladen</translation>
    </message>
    <message>
        <source>facilitator {name}</source>
        <translation>Moderation: {name}</translation>
    </message>
    <message>
        <source>1 agenda item</source>
        <translation>1 Agendapunkt</translation>
    </message>
    <message>
        <source>{count} agenda items</source>
        <translation>{count} Agendapunkte</translation>
    </message>
    <message>
        <source>({minutes} min boxed)</source>
        <translation>({minutes} Min. im Zeitrahmen)</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Rückblick</translation>
    </message>
    <message>
        <source>No meeting title contains “{text}”.</source>
        <translation>Kein Meeting-Titel enthält „{text}“.</translation>
    </message>
    <message>
        <source>%a %d %b %Y, %H:%M</source>
        <translation>%d.%m.%Y, %H:%M</translation>
    </message>
    <message>
        <source>Delete meeting?</source>
        <translation>Meeting löschen?</translation>
    </message>
    <message>
        <source>Delete “{title}” ({when})?

Its agenda, notes, decisions, attendance and the actions agreed in it are deleted too. This cannot be undone.</source>
        <translation>„{title}“ ({when}) löschen?

Agenda, Notizen, Entscheidungen, Anwesenheit und die darin vereinbarten Maßnahmen werden ebenfalls gelöscht. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Ratings of {series}: {trend} (aim {target}+)</source>
        <translation>Bewertungen von {series}: {trend} (Ziel {target}+)</translation>
    </message>
    <message>
        <source>This meeting: {average} from {count} ratings.</source>
        <translation>Dieses Meeting: {average} aus {count} Bewertungen.</translation>
    </message>
</context>
<context>
    <name>MemberImportModel</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>MinutesPreview</name>
    <message>
        <source>Print the minutes</source>
        <translation>Protokoll drucken</translation>
    </message>
    <message>
        <source>Company template not usable</source>
        <translation>Firmenvorlage nicht verwendbar</translation>
    </message>
    <message>
        <source>{message}

Save the minutes with AlignMeet&apos;s own styles instead?</source>
        <translation>{message}

Das Protokoll stattdessen mit den eigenen Formatvorlagen von AlignMeet speichern?</translation>
    </message>
    <message>
        <source>agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>{title} {date} agenda</source>
        <translation>{title} {date} Agenda</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>{title} {date} minutes</source>
        <translation>{title} {date} Protokoll</translation>
    </message>
    <message>
        <source>Export minutes</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word-Dokument (*.docx)</translation>
    </message>
    <message>
        <source>Minutes not saved</source>
        <translation>Protokoll nicht gespeichert</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Minutes preview</source>
        <translation>Protokoll-Vorschau</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Als &amp;PDF speichern…</translation>
    </message>
    <message>
        <source>Save as &amp;Word…</source>
        <translation>Als &amp;Word speichern…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Agenda preview — {title}</source>
        <translation>Vorschau der Agenda — {title}</translation>
    </message>
    <message>
        <source>Agenda preview</source>
        <translation>Vorschau der Agenda</translation>
    </message>
    <message>
        <source>Minutes preview — {title}</source>
        <translation>Protokoll-Vorschau — {title}</translation>
    </message>
    <message>
        <source>Word: with {name}</source>
        <translation>Word: mit {name}</translation>
    </message>
    <message>
        <source>Word: AlignMeet&apos;s own styles</source>
        <translation>Word: eigene Formatvorlagen von AlignMeet</translation>
    </message>
    <message>
        <source>Choose a company template in the settings</source>
        <translation>Wählen Sie eine Firmenvorlage in den Einstellungen</translation>
    </message>
    <message>
        <source>Minutes saved as PDF to {path}</source>
        <translation>Protokoll als PDF gespeichert: {path}</translation>
    </message>
    <message>
        <source>Save the agenda as PDF</source>
        <translation>Agenda als PDF speichern</translation>
    </message>
    <message>
        <source>Save the minutes as PDF</source>
        <translation>Protokoll als PDF speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PDF not saved</source>
        <translation>PDF nicht gespeichert</translation>
    </message>
    <message>
        <source>No minutes to show</source>
        <translation>Kein Protokoll anzuzeigen</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Team name</source>
        <translation>Teamname</translation>
    </message>
    <message>
        <source>Add team</source>
        <translation>Team hinzufügen</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Rename the selected team to the name typed above</source>
        <translation>Das ausgewählte Team in den oben eingegebenen Namen umbenennen</translation>
    </message>
    <message>
        <source>Select a team to rename it.</source>
        <translation>Wählen Sie ein Team, um es umzubenennen.</translation>
    </message>
    <message>
        <source>Filter by name, team, role or e-mail…</source>
        <translation>Nach Name, Team, Rolle oder E-Mail filtern…</translation>
    </message>
    <message>
        <source>Filter members</source>
        <translation>Mitglieder filtern</translation>
    </message>
    <message>
        <source>Import from CSV…</source>
        <translation>Aus CSV importieren…</translation>
    </message>
    <message>
        <source>Add many members at once from a spreadsheet: columns Name, Team, Role, E-mail</source>
        <translation>Viele Mitglieder auf einmal aus einer Tabelle hinzufügen: Spalten Name, Team, Rolle, E-Mail</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>Neues Mitglied</translation>
    </message>
    <message>
        <source>First and last name</source>
        <translation>Vor- und Nachname</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>e.g. Account Executive</source>
        <translation>z. B. Account Executive</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>name@example.com (optional)</source>
        <translation>name@example.com (optional)</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Mitglied hinzufügen</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Inactive members stay in past meetings and minutes but are no longer invited</source>
        <translation>Inaktive Mitglieder bleiben in vergangenen Meetings und Protokollen, werden aber nicht mehr eingeladen</translation>
    </message>
    <message>
        <source>Clear form</source>
        <translation>Formular leeren</translation>
    </message>
    <message>
        <source>Stop editing and start a new member</source>
        <translation>Bearbeitung beenden und ein neues Mitglied anlegen</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>People &amp; teams</source>
        <translation>Personen &amp; Teams</translation>
    </message>
    <message>
        <source>{count} active</source>
        <translation>{count} aktiv</translation>
    </message>
    <message>
        <source>{count} inactive</source>
        <translation>{count} inaktiv</translation>
    </message>
    <message>
        <source>(none yet — add the first below)</source>
        <translation>(noch niemand — legen Sie unten das erste Mitglied an)</translation>
    </message>
    <message>
        <source>Editing {name}</source>
        <translation>{name} bearbeiten</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Reaktivieren</translation>
    </message>
    <message>
        <source>Add a team first.</source>
        <translation>Legen Sie zuerst ein Team an.</translation>
    </message>
    <message>
        <source>Added {name} to {team}.</source>
        <translation>{name} zu {team} hinzugefügt.</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} gespeichert.</translation>
    </message>
    <message>
        <source>{name} is active again.</source>
        <translation>{name} ist wieder aktiv.</translation>
    </message>
    <message>
        <source>{name} is inactive: no longer invited to new meetings.</source>
        <translation>{name} ist inaktiv: wird nicht mehr zu neuen Meetings eingeladen.</translation>
    </message>
    <message>
        <source>Imported 1 member.</source>
        <translation>1 Mitglied importiert.</translation>
    </message>
    <message>
        <source>Imported {count} members.</source>
        <translation>{count} Mitglieder importiert.</translation>
    </message>
    <message>
        <source>Select the team to rename in the list first.</source>
        <translation>Wählen Sie zuerst in der Liste das Team, das Sie umbenennen möchten.</translation>
    </message>
</context>
<context>
    <name>PrepareView</name>
    <message>
        <source>attendance ({attendance})</source>
        <translation>Anwesenheit ({attendance})</translation>
    </message>
    <message>
        <source>committed</source>
        <translation>zugesagt</translation>
    </message>
    <message>
        <source>owns 1 action</source>
        <translation>verantwortlich für 1 Maßnahme</translation>
    </message>
    <message>
        <source>owns {count} actions</source>
        <translation>verantwortlich für {count} Maßnahmen</translation>
    </message>
    <message>
        <source>Start the meeting →</source>
        <translation>Meeting starten →</translation>
    </message>
    <message>
        <source>Go to the Run page and open the meeting</source>
        <translation>Zur Seite „Meeting durchführen“ wechseln und das Meeting eröffnen</translation>
    </message>
    <message>
        <source>Prepare the meeting</source>
        <translation>Meeting vorbereiten</translation>
    </message>
    <message>
        <source>Set the details, tick who is invited and time-box the agenda. Everything is saved as you type.</source>
        <translation>Legen Sie die Details fest, haken Sie die Eingeladenen an und geben Sie den Agendapunkten Zeitrahmen. Alles wird beim Tippen gespeichert.</translation>
    </message>
    <message>
        <source>No meeting selected. Pick one on the Meetings page, or create a new one there.</source>
        <translation>Kein Meeting ausgewählt. Wählen Sie eines auf der Seite „Meetings“ oder erstellen Sie dort ein neues.</translation>
    </message>
    <message>
        <source>Go to Meetings</source>
        <translation>Zu den Meetings</translation>
    </message>
    <message>
        <source>Continue the meeting →</source>
        <translation>Meeting fortsetzen →</translation>
    </message>
    <message>
        <source>Open the meeting →</source>
        <translation>Meeting öffnen →</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Remove from this meeting?</source>
        <translation>Aus diesem Meeting entfernen?</translation>
    </message>
    <message>
        <source>Already recorded in this meeting:
{lines}

Removing deletes their attendance and commitment. Their actions stay in the meeting, listed under their name as not present.

Remove?</source>
        <translation>Bereits in diesem Meeting erfasst:
{lines}

Das Entfernen löscht ihre Anwesenheit und Zusage. Ihre Maßnahmen bleiben im Meeting und werden unter ihrem Namen als nicht anwesend geführt.

Entfernen?</translation>
    </message>
    <message>
        <source>Remove agenda item?</source>
        <translation>Agendapunkt entfernen?</translation>
    </message>
    <message>
        <source>“{title}” already has notes or time recorded. Remove it anyway?</source>
        <translation>Zu „{title}“ sind bereits Notizen oder Zeit erfasst. Trotzdem entfernen?</translation>
    </message>
    <message>
        <source>Added 1 item from “{name}”.</source>
        <translation>1 Punkt aus „{name}“ hinzugefügt.</translation>
    </message>
    <message>
        <source>Added {count} items from “{name}”.</source>
        <translation>{count} Punkte aus „{name}“ hinzugefügt.</translation>
    </message>
    <message>
        <source>Save agenda as template</source>
        <translation>Agenda als Vorlage speichern</translation>
    </message>
    <message>
        <source>Name of the new template (its items and time boxes are copied):</source>
        <translation>Name der neuen Vorlage (ihre Punkte und Zeitrahmen werden übernommen):</translation>
    </message>
    <message>
        <source>Template not saved</source>
        <translation>Vorlage nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved the agenda as template “{name}”.</source>
        <translation>Agenda als Vorlage „{name}“ gespeichert.</translation>
    </message>
</context>
<context>
    <name>SeriesDialog</name>
    <message>
        <source>— none —</source>
        <translation>— keine —</translation>
    </message>
    <message>
        <source>Meeting series</source>
        <translation>Meeting-Serien</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serien</translation>
    </message>
    <message>
        <source>Series name</source>
        <translation>Name der Serie</translation>
    </message>
    <message>
        <source>every </source>
        <translation>alle </translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Cadence in days</source>
        <translation>Rhythmus in Tagen</translation>
    </message>
    <message>
        <source>How far apart the meetings are: “Create next meeting” adds this many days unless a next meeting date was set when closing.</source>
        <translation>Wie weit die Meetings auseinanderliegen: „Nächstes Meeting erstellen“ rechnet so viele Tage hinzu, sofern beim Abschluss kein Termin für das nächste Meeting festgelegt wurde.</translation>
    </message>
    <message>
        <source>Default agenda template</source>
        <translation>Standard-Agendavorlage</translation>
    </message>
    <message>
        <source>New meetings of this series start with this agenda; with none, “Create next meeting” copies the previous agenda.</source>
        <translation>Neue Meetings dieser Serie beginnen mit dieser Agenda; ohne Vorlage übernimmt „Nächstes Meeting erstellen“ die vorige Agenda.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Cadence</source>
        <translation>&amp;Rhythmus</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>&amp;Agenda</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Mitglieder</translation>
    </message>
    <message>
        <source>No series yet: the first meeting you create starts one.</source>
        <translation>Noch keine Serie: Das erste Meeting, das Sie erstellen, beginnt eine.</translation>
    </message>
    <message>
        <source>Ticked members are invited to new meetings of this series. With nobody ticked, “Create next meeting” invites the previous meeting&apos;s participants.</source>
        <translation>Angehakte Mitglieder werden zu neuen Meetings dieser Serie eingeladen. Ist niemand angehakt, lädt „Nächstes Meeting erstellen“ die Teilnehmenden des vorigen Meetings ein.</translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation>„{name}“ gespeichert.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>There is no file {path}. Choose the template again.</source>
        <translation>Die Datei {path} gibt es nicht. Wählen Sie die Vorlage erneut.</translation>
    </message>
    <message>
        <source>{path} is a folder. Choose a Word document (.docx or .dotx) inside it.</source>
        <translation>{path} ist ein Ordner. Wählen Sie darin ein Word-Dokument (.docx oder .dotx).</translation>
    </message>
    <message>
        <source>{name} is not a Word document. Choose a .docx (or .dotx) file — in Word, “Save As” › Word Document.</source>
        <translation>{name} ist kein Word-Dokument. Wählen Sie eine .docx- (oder .dotx-)Datei — in Word mit „Speichern unter“ › Word-Dokument.</translation>
    </message>
    <message>
        <source>Company Word template</source>
        <translation>Word-Vorlage der Firma</translation>
    </message>
    <message>
        <source>Word documents and templates (*.docx *.dotx);;All files (*)</source>
        <translation>Word-Dokumente und -Vorlagen (*.docx *.dotx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>None — AlignMeet&apos;s own styles</source>
        <translation>Keine — eigene Formatvorlagen von AlignMeet</translation>
    </message>
    <message>
        <source>Company Word template (.docx)</source>
        <translation>Word-Vorlage der Firma (.docx)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the company&apos;s Word document or template</source>
        <translation>Word-Dokument oder -Vorlage der Firma wählen</translation>
    </message>
    <message>
        <source>&amp;Use none</source>
        <translation>&amp;Keine verwenden</translation>
    </message>
    <message>
        <source>Export the minutes with AlignMeet&apos;s own styles</source>
        <translation>Das Protokoll mit den eigenen Formatvorlagen von AlignMeet exportieren</translation>
    </message>
    <message>
        <source>&amp;Company Word template (.docx)</source>
        <translation>Word-Vorlage der &amp;Firma (.docx)</translation>
    </message>
    <message>
        <source>The exported minutes take this document&apos;s styles (fonts, heading colours, tables), page set-up, header and footer — with the company logo in them. Its body text is left out.</source>
        <translation>Das exportierte Protokoll übernimmt die Formatvorlagen dieses Dokuments (Schriften, Farben der Überschriften, Tabellen), die Seiteneinrichtung sowie Kopf- und Fußzeile — mit dem Firmenlogo darin. Der Text des Dokuments selbst wird weggelassen.</translation>
    </message>
    <message>
        <source>Word minutes</source>
        <translation>Word-Protokoll</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>A change applies the next time AlignMeet starts.</source>
        <translation>Eine Änderung gilt ab dem nächsten Start von AlignMeet.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Minutes will use {name}.</source>
        <translation>Das Protokoll verwendet {name}.</translation>
    </message>
    <message>
        <source>Minutes use AlignMeet&apos;s own styles.</source>
        <translation>Das Protokoll verwendet die eigenen Formatvorlagen von AlignMeet.</translation>
    </message>
</context>
</TS>
