<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>App</name>
    <message>
        <source>AlignMeet cannot open the database</source>
        <translation>AlignMeet kann die Datenbank nicht öffnen</translation>
    </message>
    <message>
        <source>AlignMeet cannot use this database</source>
        <translation>AlignMeet kann diese Datenbank nicht verwenden</translation>
    </message>
    <message>
        <source>{problem}

AlignMeet stops here and changes nothing in the file. Restore a backup from the backups folder next to it, or open another database.</source>
        <translation>{problem}

AlignMeet hält hier an und ändert nichts an der Datei. Stellen Sie eine Sicherung aus dem Sicherungsordner daneben wieder her oder öffnen Sie eine andere Datenbank.</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>Nicht wiederhergestellt</translation>
    </message>
    <message>
        <source>The database is already open</source>
        <translation>Die Datenbank ist bereits geöffnet</translation>
    </message>
    <message>
        <source>{holder}

Two copies of AlignMeet writing the same file could overwrite each other&apos;s changes. You can look at it read-only here (nothing can be changed), or quit and use the other window.</source>
        <translation>{holder}

Zwei AlignMeet-Fenster, die in dieselbe Datei schreiben, könnten gegenseitig ihre Änderungen überschreiben. Sie können die Datenbank hier schreibgeschützt ansehen (nichts lässt sich ändern) oder das Programm beenden und das andere Fenster verwenden.</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>%A %d %B %Y, %H:%M</source>
        <translation>%d.%m.%Y, %H:%M Uhr</translation>
    </message>
    <message>
        <source>{problem}

The newest good backup is from {taken} ({reason}).

Restore it? The damaged file is kept next to it, renamed, so nothing is lost.</source>
        <translation>{problem}

Die neueste intakte Sicherung ist vom {taken} ({reason}).

Soll sie wiederhergestellt werden? Die beschädigte Datei bleibt umbenannt daneben erhalten, es geht also nichts verloren.</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>The backup was not restored</source>
        <translation>Die Sicherung wurde nicht wiederhergestellt</translation>
    </message>
    <message>
        <source>AlignMeet hit an unexpected problem; the step you were taking may not have been done.</source>
        <translation>AlignMeet ist auf ein unerwartetes Problem gestoßen; der letzte Schritt wurde vielleicht nicht ausgeführt.</translation>
    </message>
    <message>
        <source>Edits not saved yet: {count}. AlignMeet keeps trying to save them.</source>
        <translation>Noch nicht gespeicherte Änderungen: {count}. AlignMeet versucht weiter, sie zu speichern.</translation>
    </message>
    <message>
        <source>Everything typed into text fields so far is saved.</source>
        <translation>Alles, was bisher in Textfelder getippt wurde, ist gespeichert.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgelaufen</translation>
    </message>
</context>
<context>
    <name>AudienceJoin</name>
    <message>
        <source>Join from your phone</source>
        <translation>Mit dem Handy teilnehmen</translation>
    </message>
    <message>
        <source>QR code to join the meeting</source>
        <translation>QR-Code zur Teilnahme am Meeting</translation>
    </message>
    <message>
        <source>Scan the code, or open</source>
        <translation>Code scannen oder öffnen:</translation>
    </message>
    <message>
        <source>and type the code</source>
        <translation>und den Code eingeben</translation>
    </message>
    <message>
        <source>Then pick your name; the facilitator lets you in.</source>
        <translation>Dann den eigenen Namen wählen; die Moderation lässt Sie herein.</translation>
    </message>
    <message>
        <source>Open {address} and type the code {code}</source>
        <translation>{address} öffnen und den Code {code} eingeben</translation>
    </message>
</context>
<context>
    <name>AudienceWindow</name>
    <message>
        <source>AlignMeet — audience</source>
        <translation>AlignMeet — Publikum</translation>
    </message>
    <message>
        <source>Audience screen</source>
        <translation>Publikumsbildschirm</translation>
    </message>
    <message>
        <source>No meeting is open</source>
        <translation>Kein Meeting geöffnet</translation>
    </message>
    <message>
        <source>… and {count} earlier</source>
        <translation>… und {count} frühere</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling… (at the next safe point; nothing is half-written)</source>
        <translation>Wird abgebrochen … (am nächsten sicheren Punkt; nichts wird nur halb geschrieben)</translation>
    </message>
    <message>
        <source>The work stopped before it was done ({reason}); it may not have been saved. Try again.</source>
        <translation>Der Vorgang wurde vor seinem Ende abgebrochen ({reason}); das Ergebnis ist möglicherweise nicht gespeichert. Bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>{what} cancelled: no file was written.</source>
        <translation>{what} abgebrochen: Es wurde keine Datei geschrieben.</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Not saved yet: {cause} AlignMeet keeps trying.</source>
        <translation>Noch nicht gespeichert: {cause} AlignMeet versucht es weiter.</translation>
    </message>
    <message>
        <source>Not saved: {cause} It is kept for later.</source>
        <translation>Nicht gespeichert: {cause} Der Text wird für später aufbewahrt.</translation>
    </message>
    <message>
        <source>Not saved: {cause} What you typed is still here; try again later.</source>
        <translation>Nicht gespeichert: {cause} Was Sie getippt haben, steht noch hier; versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <source>Kept the other version of {what}.</source>
        <translation>Die andere Fassung von {what} wurde übernommen.</translation>
    </message>
    <message>
        <source>Kept both versions of {what}: theirs first, then yours.</source>
        <translation>Beide Fassungen von {what} behalten: zuerst die andere, dann Ihre.</translation>
    </message>
    <message>
        <source>Could not undo {what}: {error}</source>
        <translation>Rückgängig machen nicht möglich ({what}): {error}</translation>
    </message>
    <message>
        <source>Could not redo {what}: {error}</source>
        <translation>Wiederholen nicht möglich ({what}): {error}</translation>
    </message>
    <message>
        <source>Someone else kept both versions of {what}: yours first, then theirs.</source>
        <translation>Jemand anderes hat beide Fassungen von {what} behalten: zuerst Ihre, dann die andere.</translation>
    </message>
    <message>
        <source>the notes on “{title}”</source>
        <translation>den Notizen zu „{title}“</translation>
    </message>
    <message>
        <source>the details of “{title}”</source>
        <translation>den Angaben zu „{title}“</translation>
    </message>
    <message>
        <source>a text you wrote</source>
        <translation>einem Text von Ihnen</translation>
    </message>
    <message>
        <source>Not saved: {cause} What you typed is still here; this window cannot save it.</source>
        <translation>Nicht gespeichert: {cause} Was Sie getippt haben, steht noch hier; dieses Fenster kann es nicht speichern.</translation>
    </message>
    <message>
        <source>new team {name}</source>
        <translation>Neues Team {name}</translation>
    </message>
    <message>
        <source>renaming a team</source>
        <translation>Umbenennen eines Teams</translation>
    </message>
    <message>
        <source>new member {name}</source>
        <translation>Neues Mitglied {name}</translation>
    </message>
    <message>
        <source>member import</source>
        <translation>Mitglieder-Import</translation>
    </message>
    <message>
        <source>change to {name}</source>
        <translation>Änderung an {name}</translation>
    </message>
    <message>
        <source>new meeting “{title}”</source>
        <translation>Neues Meeting „{title}“</translation>
    </message>
    <message>
        <source>next meeting</source>
        <translation>Nächstes Meeting</translation>
    </message>
    <message>
        <source>series settings</source>
        <translation>Einstellungen der Serie</translation>
    </message>
    <message>
        <source>series members</source>
        <translation>Mitglieder der Serie</translation>
    </message>
    <message>
        <source>meeting details</source>
        <translation>Meeting-Details</translation>
    </message>
    <message>
        <source>deleting “{title}”</source>
        <translation>Löschen von „{title}“</translation>
    </message>
    <message>
        <source>invitations</source>
        <translation>Einladungen</translation>
    </message>
    <message>
        <source>attendance of {name}</source>
        <translation>Anwesenheit von {name}</translation>
    </message>
    <message>
        <source>all present</source>
        <translation>alle anwesend</translation>
    </message>
    <message>
        <source>commitment of {name}</source>
        <translation>Zusage von {name}</translation>
    </message>
    <message>
        <source>withdrawn commitment of {name}</source>
        <translation>Zurückgezogene Zusage von {name}</translation>
    </message>
    <message>
        <source>approving the previous minutes</source>
        <translation>Genehmigung des vorigen Protokolls</translation>
    </message>
    <message>
        <source>new agenda item “{title}”</source>
        <translation>Neuer Agendapunkt „{title}“</translation>
    </message>
    <message>
        <source>change to “{title}”</source>
        <translation>Änderung an „{title}“</translation>
    </message>
    <message>
        <source>removal of “{title}”</source>
        <translation>Entfernen von „{title}“</translation>
    </message>
    <message>
        <source>agenda order</source>
        <translation>Reihenfolge der Agenda</translation>
    </message>
    <message>
        <source>parking “{title}”</source>
        <translation>Zurückstellen von „{title}“</translation>
    </message>
    <message>
        <source>unparking “{title}”</source>
        <translation>Wiederaufnahme von „{title}“</translation>
    </message>
    <message>
        <source>agenda from a template</source>
        <translation>Agenda aus einer Vorlage</translation>
    </message>
    <message>
        <source>new template “{name}”</source>
        <translation>Neue Vorlage „{name}“</translation>
    </message>
    <message>
        <source>new idea</source>
        <translation>Neue Idee</translation>
    </message>
    <message>
        <source>removal of an idea</source>
        <translation>Entfernen einer Idee</translation>
    </message>
    <message>
        <source>new decision</source>
        <translation>Neue Entscheidung</translation>
    </message>
    <message>
        <source>removal of a decision</source>
        <translation>Entfernen einer Entscheidung</translation>
    </message>
    <message>
        <source>new action “{title}”</source>
        <translation>Neue Maßnahme „{title}“</translation>
    </message>
    <message>
        <source>status of “{title}”</source>
        <translation>Status von „{title}“</translation>
    </message>
    <message>
        <source>Saved {count} actions to {path}</source>
        <translation>{count} Maßnahmen in {path} gespeichert</translation>
    </message>
    <message>
        <source>{count} edits are not saved yet ({cause}); the minutes would miss them. Export again once they are saved.</source>
        <translation>{count} Änderungen sind noch nicht gespeichert ({cause}); sie würden im Protokoll fehlen. Exportieren Sie erneut, sobald sie gespeichert sind.</translation>
    </message>
    <message>
        <source>Minutes saved to {path}</source>
        <translation>Protokoll in {path} gespeichert</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
    <message>
        <source>new goal</source>
        <translation>Neues Ziel</translation>
    </message>
    <message>
        <source>change to a goal</source>
        <translation>Änderung an einem Ziel</translation>
    </message>
    <message>
        <source>archiving a goal</source>
        <translation>Archivieren eines Ziels</translation>
    </message>
    <message>
        <source>deleting a goal</source>
        <translation>Löschen eines Ziels</translation>
    </message>
    <message>
        <source>new KPI</source>
        <translation>Neue Kennzahl</translation>
    </message>
    <message>
        <source>change to a KPI</source>
        <translation>Änderung an einer Kennzahl</translation>
    </message>
    <message>
        <source>archiving a KPI</source>
        <translation>Archivieren einer Kennzahl</translation>
    </message>
    <message>
        <source>KPI order</source>
        <translation>Reihenfolge der Kennzahlen</translation>
    </message>
    <message>
        <source>KPI measurement</source>
        <translation>Kennzahl-Messwert</translation>
    </message>
    <message>
        <source>deleting a measurement</source>
        <translation>Löschen eines Messwerts</translation>
    </message>
    <message>
        <source>KPI import</source>
        <translation>Kennzahl-Import</translation>
    </message>
    <message>
        <source>change to goals and KPIs</source>
        <translation>Änderung an Zielen und Kennzahlen</translation>
    </message>
    <message>
        <source>glossary proposal</source>
        <translation>Glossar-Vorschlag</translation>
    </message>
    <message>
        <source>approving a definition</source>
        <translation>Annahme einer Definition</translation>
    </message>
    <message>
        <source>rejecting a definition</source>
        <translation>Ablehnung einer Definition</translation>
    </message>
    <message>
        <source>withdrawing a proposal</source>
        <translation>Zurückziehen eines Vorschlags</translation>
    </message>
    <message>
        <source>change to the glossary</source>
        <translation>Änderung am Glossar</translation>
    </message>
    <message>
        <source>new persona</source>
        <translation>Neue Persona</translation>
    </message>
    <message>
        <source>change to a persona</source>
        <translation>Änderung an einer Persona</translation>
    </message>
    <message>
        <source>archiving a persona</source>
        <translation>Archivieren einer Persona</translation>
    </message>
    <message>
        <source>restoring a persona</source>
        <translation>Wiederherstellen einer Persona</translation>
    </message>
    <message>
        <source>new data need</source>
        <translation>Neuer Datenbedarf</translation>
    </message>
    <message>
        <source>data-needs ranking</source>
        <translation>Rangfolge des Datenbedarfs</translation>
    </message>
    <message>
        <source>joint Top 10</source>
        <translation>Gemeinsame Top 10</translation>
    </message>
    <message>
        <source>change to data needs</source>
        <translation>Änderung am Datenbedarf</translation>
    </message>
    <message>
        <source>change to lead feedback</source>
        <translation>Änderung am Lead-Feedback</translation>
    </message>
    <message>
        <source>coaching rotation</source>
        <translation>Coaching-Rotation</translation>
    </message>
    <message>
        <source>ending a coaching pair</source>
        <translation>Beenden eines Coaching-Paars</translation>
    </message>
    <message>
        <source>coaching check-in</source>
        <translation>Coaching-Check-in</translation>
    </message>
    <message>
        <source>change to coaching</source>
        <translation>Änderung am Coaching</translation>
    </message>
    <message>
        <source>new board entry</source>
        <translation>Neuer Eintrag (Erfolge &amp; Lektionen)</translation>
    </message>
    <message>
        <source>solving a lesson</source>
        <translation>Lösen einer Lektion</translation>
    </message>
    <message>
        <source>reopening a lesson</source>
        <translation>Wiedereröffnen einer Lektion</translation>
    </message>
    <message>
        <source>deleting a board entry</source>
        <translation>Löschen eines Eintrags (Erfolge &amp; Lektionen)</translation>
    </message>
    <message>
        <source>change to wins and lessons</source>
        <translation>Änderung an Erfolgen &amp; Lektionen</translation>
    </message>
    <message>
        <source>new channel rule</source>
        <translation>Neue Kanalregel</translation>
    </message>
    <message>
        <source>channel order</source>
        <translation>Reihenfolge der Kanäle</translation>
    </message>
    <message>
        <source>removing a channel rule</source>
        <translation>Entfernen einer Kanalregel</translation>
    </message>
    <message>
        <source>change to channels</source>
        <translation>Änderung an Kanälen</translation>
    </message>
    <message>
        <source>meeting rating</source>
        <translation>Meeting-Bewertung</translation>
    </message>
    <message>
        <source>removing a rating</source>
        <translation>Entfernen einer Bewertung</translation>
    </message>
    <message>
        <source>accepting a proposed item</source>
        <translation>Annehmen eines vorgeschlagenen Punkts</translation>
    </message>
    <message>
        <source>dismissing a proposed item</source>
        <translation>Verwerfen eines vorgeschlagenen Punkts</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>{database} is open in another AlignMeet.</source>
        <translation>{database} ist in einem anderen AlignMeet geöffnet.</translation>
    </message>
    <message>
        <source>{database} is open in another AlignMeet (process {pid} on {host}).</source>
        <translation>{database} ist in einem anderen AlignMeet geöffnet (Prozess {pid} auf {host}).</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>diesem Computer</translation>
    </message>
</context>
<context>
    <name>LengthCounter</name>
    <message>
        <source>At most {limit} characters.</source>
        <translation>Höchstens {limit} Zeichen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Prepare</source>
        <translation>Vorbereiten</translation>
    </message>
    <message>
        <source>Run meeting</source>
        <translation>Meeting durchführen</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Nachverfolgung</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>Abstimmung</translation>
    </message>
    <message>
        <source>People &amp; teams</source>
        <translation>Personen &amp; Teams</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>What the room sees</source>
        <translation>Was der Raum sieht</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New meeting…</source>
        <translation>&amp;Neues Meeting…</translation>
    </message>
    <message>
        <source>&amp;Export minutes…</source>
        <translation>Protokoll &amp;exportieren…</translation>
    </message>
    <message>
        <source>Pre&amp;view minutes…</source>
        <translation>Protokoll-&amp;Vorschau…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>Si&amp;cherungen…</translation>
    </message>
    <message>
        <source>Out&amp;box…</source>
        <translation>Post&amp;ausgang…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Glossary…</source>
        <translation>&amp;Glossar…</translation>
    </message>
    <message>
        <source>Look up the current agreed definitions</source>
        <translation>Die aktuell vereinbarten Definitionen nachschlagen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>Show the meeting to the room on a second screen (Esc leaves, B blanks it)</source>
        <translation>Das Meeting dem Raum auf einem zweiten Bildschirm zeigen (Esc beendet, B blendet aus)</translation>
    </message>
    <message>
        <source>&amp;Swap screens</source>
        <translation>Bildschirme &amp;tauschen</translation>
    </message>
    <message>
        <source>&amp;Blank the room&apos;s screen</source>
        <translation>Bildschirm des Raums &amp;ausblenden</translation>
    </message>
    <message>
        <source>Black out the audience screen, and show it again (B, or Ctrl+B anywhere)</source>
        <translation>Den Publikumsbildschirm schwarz schalten und wieder zeigen (B, oder überall Strg+B)</translation>
    </message>
    <message>
        <source>Room &amp;Link…</source>
        <translation>Room &amp;Link…</translation>
    </message>
    <message>
        <source>Let people in the room write their own ideas, actions and commitments</source>
        <translation>Die Anwesenden schreiben ihre Ideen, Maßnahmen und Zusagen selbst</translation>
    </message>
    <message>
        <source>Show how to &amp;join</source>
        <translation>&amp;Teilnahme zeigen</translation>
    </message>
    <message>
        <source>Room Link&apos;s QR code, address and code on the room&apos;s screen (J presenting)</source>
        <translation>QR-Code, Adresse und Code von Room Link auf dem Bildschirm des Raums (J beim Präsentieren)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About AlignMeet</source>
        <translation>Ü&amp;ber AlignMeet</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glossar</translation>
    </message>
    <message>
        <source>Open the glossary</source>
        <translation>Glossar öffnen</translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Rückgängig: {what}</translation>
    </message>
    <message>
        <source>&amp;Redo {what}</source>
        <translation>&amp;Wiederholen: {what}</translation>
    </message>
    <message>
        <source>Choose a meeting to present first.</source>
        <translation>Wählen Sie zuerst ein Meeting zum Präsentieren.</translation>
    </message>
    <message>
        <source>Presenter mode: Page Down / Page Up move on and back, B blanks the audience screen, Esc leaves.</source>
        <translation>Präsentationsmodus: Bild ab / Bild auf blättern vor und zurück, B blendet den Publikumsbildschirm aus, Esc beendet.</translation>
    </message>
    <message>
        <source>The room&apos;s screen is blank. B (or Ctrl+B) shows it again.</source>
        <translation>Der Bildschirm des Raums ist ausgeblendet. B (oder Strg+B) zeigt ihn wieder.</translation>
    </message>
    <message>
        <source>The room sees the meeting again.</source>
        <translation>Der Raum sieht das Meeting wieder.</translation>
    </message>
    <message>
        <source>■ Room screen blanked — B shows it</source>
        <translation>■ Bildschirm des Raums ausgeblendet – B zeigt ihn</translation>
    </message>
    <message>
        <source>▶ Presenting to the room</source>
        <translation>▶ Präsentation für den Raum</translation>
    </message>
    <message>
        <source>Choose or create a meeting first.</source>
        <translation>Wählen oder erstellen Sie zuerst ein Meeting.</translation>
    </message>
    <message>
        <source>another AlignMeet has this database open.</source>
        <translation>ein anderes AlignMeet hat diese Datenbank geöffnet.</translation>
    </message>
    <message>
        <source>Read-only: {reason} Changes are not saved.</source>
        <translation>Schreibgeschützt: {reason} Änderungen werden nicht gespeichert.</translation>
    </message>
    <message>
        <source>Read-only: another AlignMeet has this database open; changes are not saved.</source>
        <translation>Schreibgeschützt: Ein anderes AlignMeet hat diese Datenbank geöffnet; Änderungen werden nicht gespeichert.</translation>
    </message>
    <message>
        <source> (read-only: {why})</source>
        <translation> (schreibgeschützt: {why})</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (schreibgeschützt)</translation>
    </message>
    <message>
        <source>No meeting selected</source>
        <translation>Kein Meeting ausgewählt</translation>
    </message>
    <message>
        <source>%a %d %b %Y, %H:%M</source>
        <translation>%d.%m.%Y, %H:%M</translation>
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
        <source>About AlignMeet</source>
        <translation>Über AlignMeet</translation>
    </message>
    <message>
        <source>AlignMeet {version}

Joint Sales &amp; Marketing meetings that end with an action plan per person and a commitment to it.

Database: {database}</source>
        <translation>AlignMeet {version}

Gemeinsame Meetings von Vertrieb &amp; Marketing, die mit einem Maßnahmenplan pro Person und einer Zusage dazu enden.

Datenbank: {database}</translation>
    </message>
    <message>
        <source>Open an AlignMeet database</source>
        <translation>AlignMeet-Datenbank öffnen</translation>
    </message>
    <message>
        <source>AlignMeet database (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>AlignMeet-Datenbank (*.sqlite3 *.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>No other database opened yet</source>
        <translation>Noch keine andere Datenbank geöffnet</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <source>%d %b %Y</source>
        <translation>%d.%m.%Y</translation>
    </message>
    <message>
        <source>{present} of {count} present</source>
        <translation>{present} von {count} anwesend</translation>
    </message>
    <message>
        <source>Review of follow-ups</source>
        <translation>Rückblick: Nachverfolgung</translation>
    </message>
    <message>
        <source>{done} of {count} reviewed</source>
        <translation>{done} von {count} besprochen</translation>
    </message>
    <message>
        <source>Nothing open</source>
        <translation>Nichts offen</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>fällig am {date}</translation>
    </message>
    <message>
        <source>1 action so far</source>
        <translation>bisher 1 Maßnahme</translation>
    </message>
    <message>
        <source>{n} actions so far</source>
        <translation>bisher {n} Maßnahmen</translation>
    </message>
    <message>
        <source>I commit</source>
        <translation>Ich sage zu</translation>
    </message>
    <message>
        <source>confidence {confidence}/5</source>
        <translation>Zuversicht {confidence}/5</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>{done} of {count} committed</source>
        <translation>{done} von {count} haben zugesagt</translation>
    </message>
    <message>
        <source>%A %d %B %Y, %H:%M</source>
        <translation>%d.%m.%Y, %H:%M Uhr</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Vielen Dank</translation>
    </message>
    <message>
        <source>1 action agreed</source>
        <translation>1 Maßnahme vereinbart</translation>
    </message>
    <message>
        <source>{n} actions agreed</source>
        <translation>{n} Maßnahmen vereinbart</translation>
    </message>
    <message>
        <source>Next meeting: {when}</source>
        <translation>Nächstes Meeting: {when}</translation>
    </message>
    <message>
        <source>Next meeting: to be set</source>
        <translation>Nächstes Meeting: noch offen</translation>
    </message>
    <message>
        <source>Still to come: {names}</source>
        <translation>Noch an der Reihe: {names}</translation>
    </message>
    <message>
        <source>No agenda items</source>
        <translation>Keine Agendapunkte</translation>
    </message>
    <message>
        <source>Item {number} of {count}</source>
        <translation>Punkt {number} von {count}</translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation>Als Nächstes: {title}</translation>
    </message>
</context>
<context>
    <name>RecoveredEditsModel</name>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>Getippt</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Edits not saved in the database: {count}.</source>
        <translation>Nicht in der Datenbank gespeicherte Änderungen: {count}.</translation>
    </message>
    <message>
        <source>Not everything is saved</source>
        <translation>Nicht alles ist gespeichert</translation>
    </message>
    <message>
        <source>Keep trying</source>
        <translation>Weiter versuchen</translation>
    </message>
    <message>
        <source>Keep trying: AlignMeet stays open and saves them as soon as it can.</source>
        <translation>Weiter versuchen: AlignMeet bleibt offen und speichert sie, sobald es geht.</translation>
    </message>
    <message>
        <source>Stay open</source>
        <translation>Offen lassen</translation>
    </message>
    <message>
        <source>Stay open: the window stays, with what you typed in its fields.</source>
        <translation>Offen lassen: Das Fenster bleibt, mit dem Getippten in seinen Feldern.</translation>
    </message>
    <message>
        <source>Keep for later: they stay on this computer; AlignMeet offers them again the next time it opens this database.</source>
        <translation>Für später aufbewahren: Sie bleiben auf diesem Computer; AlignMeet bietet sie beim nächsten Öffnen dieser Datenbank wieder an.</translation>
    </message>
    <message>
        <source>They could not be kept on this computer either ({error}): closing now loses them.</source>
        <translation>Sie konnten auch auf diesem Computer nicht aufbewahrt werden ({error}): Beim Schließen gehen sie verloren.</translation>
    </message>
    <message>
        <source>Discard them: they are lost.</source>
        <translation>Verwerfen: Sie gehen verloren.</translation>
    </message>
    <message>
        <source>Keep for later</source>
        <translation>Für später aufbewahren</translation>
    </message>
    <message>
        <source>Discard them</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>{field} on “{item}”</source>
        <translation>{field} zu „{item}“</translation>
    </message>
    <message>
        <source>(deleted since)</source>
        <translation>(inzwischen gelöscht)</translation>
    </message>
    <message>
        <source>(cannot be looked up now)</source>
        <translation>(gerade nicht abrufbar)</translation>
    </message>
    <message>
        <source>Edits that were not saved</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message numerus="yes">
        <source>When AlignMeet last ran on this database, %n edit(s) did not reach it. They were kept on this computer.</source>
        <translation>
            <numerusform>Als AlignMeet zuletzt mit dieser Datenbank lief, hat %n Änderung sie nicht erreicht. Sie wurde auf diesem Computer aufbewahrt.</numerusform>
            <numerusform>Als AlignMeet zuletzt mit dieser Datenbank lief, haben %n Änderungen sie nicht erreicht. Sie wurden auf diesem Computer aufbewahrt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore writes them now; if someone changed the same field since, you choose which version to keep. Later asks again the next time.</source>
        <translation>„Wiederherstellen“ schreibt sie jetzt; hat inzwischen jemand dasselbe Feld geändert, wählen Sie, welche Fassung bleibt. „Später“ fragt beim nächsten Mal wieder.</translation>
    </message>
    <message>
        <source>The text of the chosen edit</source>
        <translation>Der Text der gewählten Änderung</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Discard the kept edits?</source>
        <translation>Die aufbewahrten Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>They are deleted from this computer and cannot be brought back.</source>
        <translation>Sie werden von diesem Computer gelöscht und lassen sich nicht zurückholen.</translation>
    </message>
    <message>
        <source>Edits restored: {count}.</source>
        <translation>Wiederhergestellte Änderungen: {count}.</translation>
    </message>
</context>
<context>
    <name>Room</name>
    <message>
        <source>Shared revenue goal, {period}: {goal}</source>
        <translation>Gemeinsames Umsatzziel, {period}: {goal}</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
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
        <source>vs target</source>
        <translation>vs. Zielwert</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>target {target}</source>
        <translation>Ziel {target}</translation>
    </message>
    <message>
        <source>No KPIs defined yet.</source>
        <translation>Noch keine KPIs festgelegt.</translation>
    </message>
    <message>
        <source>No lead batches to review.</source>
        <translation>Keine Lead-Stapel zu besprechen.</translation>
    </message>
    <message>
        <source>Nothing on the table: the agreed definitions.</source>
        <translation>Nichts zur Entscheidung: die vereinbarten Definitionen.</translation>
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
        <source>Current ({version})</source>
        <translation>Aktuell ({version})</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>No agreed definition yet</source>
        <translation>Noch keine vereinbarte Definition</translation>
    </message>
    <message>
        <source>Proposed ({version})</source>
        <translation>Vorgeschlagen ({version})</translation>
    </message>
    <message>
        <source>Our joint Top 10</source>
        <translation>Unsere gemeinsamen Top 10</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Vereinbart</translation>
    </message>
    <message>
        <source>★ Wanted by both</source>
        <translation>★ Von beiden gewünscht</translation>
    </message>
    <message>
        <source>Only {team}</source>
        <translation>Nur {team}</translation>
    </message>
    <message>
        <source>Wins</source>
        <translation>Erfolge</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Noch keine</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lektionen</translation>
    </message>
    <message>
        <source>Still open from before: {titles}</source>
        <translation>Noch offen von früher: {titles}</translation>
    </message>
</context>
<context>
    <name>SaveBanner</name>
    <message>
        <source>Try now</source>
        <translation>Jetzt versuchen</translation>
    </message>
    <message>
        <source>Try to save the waiting edits now</source>
        <translation>Die wartenden Änderungen jetzt zu speichern versuchen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>What you typed is still in its field; this window cannot save it.</source>
        <translation>Was Sie getippt haben, steht noch im Feld; dieses Fenster kann es nicht speichern.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Nicht gespeichert.</translation>
    </message>
    <message>
        <source>What you typed is still in its field; try again later.</source>
        <translation>Was Sie getippt haben, steht noch im Feld; versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <source>AlignMeet keeps checking.</source>
        <translation>AlignMeet prüft weiter.</translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved edit(s).</source>
        <translation>
            <numerusform>%n nicht gespeicherte Änderung.</numerusform>
            <numerusform>%n nicht gespeicherte Änderungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>They could not be written to the recovery file either ({error}): keep AlignMeet open until they are saved.</source>
        <translation>Sie konnten auch nicht in die Wiederherstellungsdatei geschrieben werden ({error}): Lassen Sie AlignMeet offen, bis sie gespeichert sind.</translation>
    </message>
    <message>
        <source>They are kept on this computer for later.</source>
        <translation>Sie werden für später auf diesem Computer aufbewahrt.</translation>
    </message>
    <message>
        <source>Not saved — retrying…</source>
        <translation>Nicht gespeichert – neuer Versuch folgt …</translation>
    </message>
</context>
<context>
    <name>UnsavedEdits</name>
    <message>
        <source>AlignMeet cannot reach the database server.</source>
        <translation>AlignMeet erreicht den Datenbankserver nicht.</translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation>Der Datenträger ist voll.</translation>
    </message>
    <message>
        <source>The database accepts no changes.</source>
        <translation>Die Datenbank nimmt keine Änderungen an.</translation>
    </message>
    <message>
        <source>The database file is read-only.</source>
        <translation>Die Datenbankdatei ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>The folder of the database file is read-only.</source>
        <translation>Der Ordner der Datenbankdatei ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>This window has the database open read-only.</source>
        <translation>Dieses Fenster hat die Datenbank schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <source>The database is locked by another program.</source>
        <translation>Die Datenbank ist von einem anderen Programm gesperrt.</translation>
    </message>
    <message>
        <source>The disk reported an error reading or writing the database.</source>
        <translation>Der Datenträger hat beim Lesen oder Schreiben der Datenbank einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>An edit could not be saved: what it belonged to was deleted meanwhile.</source>
        <translation>Eine Änderung konnte nicht gespeichert werden: Wozu sie gehörte, wurde inzwischen gelöscht.</translation>
    </message>
    <message>
        <source>An edit was not saved: {problem}</source>
        <translation>Eine Änderung wurde nicht gespeichert: {problem}</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>AlignMeet guides you through joint Sales &amp; Marketing meetings: a shared agenda with time boxes, every member&apos;s own action plan and commitment, and last meeting&apos;s promises back for review. Minutes come out as a Word document.</source>
        <translation>AlignMeet führt Sie durch gemeinsame Meetings von Vertrieb &amp; Marketing: eine gemeinsame Agenda mit Zeitrahmen, für jedes Mitglied ein eigener Maßnahmenplan mit Zusage, und die Versprechen des letzten Meetings kommen zum Rückblick wieder auf den Tisch. Das Protokoll entsteht als Word-Dokument.</translation>
    </message>
    <message>
        <source>Try it with sample data: ten members of both teams, two past monthly meetings with their minutes, and the next one ready to run — plus goals, KPIs, a glossary and the rest of the alignment toolkit filled in.</source>
        <translation>Probieren Sie es mit Beispieldaten aus: zehn Mitglieder beider Teams, zwei vergangene Monatsmeetings mit Protokoll und das nächste, bereit zum Durchführen — dazu Ziele, KPIs, ein Glossar und der übrige Werkzeugkasten zur Abstimmung, bereits ausgefüllt.</translation>
    </message>
    <message>
        <source>Or start empty: add the members of both teams on People &amp; teams, then create your first meeting on the Meetings page (Ctrl+N).</source>
        <translation>Oder starten Sie leer: Legen Sie unter „Personen &amp; Teams“ die Mitglieder beider Teams an und erstellen Sie dann auf der Seite „Meetings“ Ihr erstes Meeting (Strg+N).</translation>
    </message>
    <message>
        <source>Welcome to AlignMeet</source>
        <translation>Willkommen bei AlignMeet</translation>
    </message>
    <message>
        <source>Start with &amp;sample data</source>
        <translation>Mit &amp;Beispieldaten starten</translation>
    </message>
    <message>
        <source>Start &amp;empty</source>
        <translation>&amp;Leer starten</translation>
    </message>
    <message>
        <source>No sample data added</source>
        <translation>Keine Beispieldaten hinzugefügt</translation>
    </message>
    <message>
        <source>Sample data added: the next meeting is selected — open Prepare or Run meeting.</source>
        <translation>Beispieldaten hinzugefügt: Das nächste Meeting ist ausgewählt — öffnen Sie „Vorbereiten“ oder „Meeting durchführen“.</translation>
    </message>
    <message>
        <source>First step: add the members of both teams, then create a meeting (Ctrl+N).</source>
        <translation>Erster Schritt: Legen Sie die Mitglieder beider Teams an und erstellen Sie dann ein Meeting (Strg+N).</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>Please check</source>
        <translation>Bitte prüfen</translation>
    </message>
</context>
</TS>
