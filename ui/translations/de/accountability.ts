<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountabilityCharts</name>
    <message>
        <source>Kept per member, last {days} days</source>
        <translation>Gehalten je Mitglied, letzte {days} Tage</translation>
    </message>
    <message>
        <source>Kept %</source>
        <translation>Gehalten %</translation>
    </message>
    <message>
        <source>Below {target} %</source>
        <translation>Unter {target} %</translation>
    </message>
    <message>
        <source>Calibration: kept per confidence stated</source>
        <translation>Kalibrierung: gehalten je angegebener Zuversicht</translation>
    </message>
    <message>
        <source>Calibrated (n × 20 %)</source>
        <translation>Kalibriert (n × 20 %)</translation>
    </message>
    <message>
        <source>{level}/5 ({made})</source>
        <translation>{level}/5 ({made})</translation>
    </message>
    <message>
        <source>Meeting rating per series (aim: 8+)</source>
        <translation>Meeting-Bewertung je Reihe (Ziel: 8+)</translation>
    </message>
    <message>
        <source>Aim ({target})</source>
        <translation>Ziel ({target})</translation>
    </message>
</context>
<context>
    <name>AccountabilityView</name>
    <message>
        <source>Export say/do</source>
        <translation>Sagen/Tun exportieren</translation>
    </message>
    <message>
        <source>Word document (*.docx);;CSV (*.csv)</source>
        <translation>Word-Dokument (*.docx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>{figures} kept in {days} days</source>
        <translation>{figures} gehalten in {days} Tagen</translation>
    </message>
    <message>
        <source>nothing counted in {days} days</source>
        <translation>in {days} Tagen nichts gezählt</translation>
    </message>
    <message>
        <source>below {target}</source>
        <translation>unter {target}</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Report (Word)…</source>
        <translation>Bericht (Word)…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Send &amp;reminders…</source>
        <translation>E&amp;rinnerungen senden…</translation>
    </message>
    <message>
        <source>Each owner&apos;s open actions that are overdue or due in the next 7 days</source>
        <translation>Die offenen Aktionen jeder Person, die überfällig oder in den nächsten 7 Tagen fällig sind</translation>
    </message>
    <message>
        <source>O&amp;utbox…</source>
        <translation>Postausgan&amp;g…</translation>
    </message>
    <message>
        <source>Series:</source>
        <translation>Reihe:</translation>
    </message>
    <message>
        <source>Say/do per member</source>
        <translation>Sagen/Tun je Mitglied</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Kept per confidence stated when committing; calibrated: n × 20 %.</source>
        <translation>Gehalten je bei der Zusage angegebener Zuversicht; kalibriert: n × 20 %.</translation>
    </message>
    <message>
        <source>A commitment is an action whose owner said “I commit” in the meeting that agreed it. Kept: done by the first promised due date, or by the start of the next meeting of the series. Dropped, late or still open after that: not kept.</source>
        <translation>Eine Zusage ist eine Aktion, deren Verantwortliche im Meeting, das sie beschloss, „Ich sage zu“ gesagt haben. Gehalten: bis zum zuerst zugesagten Datum erledigt oder bis zum Beginn des nächsten Meetings der Reihe. Verworfen, zu spät oder danach noch offen: nicht gehalten.</translation>
    </message>
    <message>
        <source>All series</source>
        <translation>Alle Reihen</translation>
    </message>
    <message>
        <source>No commitments yet: they count once members say “I commit” to their actions.</source>
        <translation>Noch keine Zusagen: Sie zählen, sobald Mitglieder zu ihren Aktionen „Ich sage zu“ sagen.</translation>
    </message>
    <message>
        <source>Meeting rating, {series}: {trend}</source>
        <translation>Meeting-Bewertung, {series}: {trend}</translation>
    </message>
    <message>
        <source>(aim: {target} or more)</source>
        <translation>(Ziel: {target} oder mehr)</translation>
    </message>
    <message>
        <source>No meeting has been rated yet.</source>
        <translation>Noch kein Meeting wurde bewertet.</translation>
    </message>
    <message>
        <source>Say-do {date}</source>
        <translation>Sagen-Tun {date}</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>Bericht nicht gespeichert</translation>
    </message>
    <message>
        <source>Say/do report saved to {path}</source>
        <translation>Sagen/Tun-Bericht gespeichert unter {path}</translation>
    </message>
</context>
<context>
    <name>MailRunDialog</name>
    <message>
        <source>Save the e-mails in a folder</source>
        <translation>E-Mails in einem Ordner speichern</translation>
    </message>
    <message>
        <source>1 action</source>
        <translation>1 Aktion</translation>
    </message>
    <message>
        <source>{count} actions</source>
        <translation>{count} Aktionen</translation>
    </message>
    <message>
        <source>Send the recaps</source>
        <translation>Zusammenfassungen senden</translation>
    </message>
    <message>
        <source>Recaps of “{title}”</source>
        <translation>Zusammenfassungen von „{title}“</translation>
    </message>
    <message>
        <source>Each person gets their own actions and commitment, the decisions and the minutes as a Word file.</source>
        <translation>Jede Person erhält ihre eigenen Aktionen und ihre Zusage, die Entscheidungen und das Protokoll als Word-Datei.</translation>
    </message>
    <message>
        <source>Send reminders</source>
        <translation>Erinnerungen senden</translation>
    </message>
    <message>
        <source>Reminders: due this week</source>
        <translation>Erinnerungen: diese Woche fällig</translation>
    </message>
    <message>
        <source>Each owner gets their open actions that are overdue or due by {date}.</source>
        <translation>Jede verantwortliche Person erhält ihre offenen Aktionen, die überfällig oder bis {date} fällig sind.</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Save as .&amp;eml files…</source>
        <translation>Als .&amp;eml-Dateien speichern…</translation>
    </message>
    <message>
        <source>One message per person, to open and send from your mail program</source>
        <translation>Eine Nachricht pro Person, zum Öffnen und Senden aus Ihrem Mailprogramm</translation>
    </message>
    <message>
        <source>&amp;Outbox…</source>
        <translation>&amp;Postausgang…</translation>
    </message>
    <message>
        <source>Through {server} ({security}) from {sender}.</source>
        <translation>Über {server} ({security}) von {sender}.</translation>
    </message>
    <message>
        <source>no encryption</source>
        <translation>keine Verschlüsselung</translation>
    </message>
    <message>
        <source>No e-mail server is set (Edit › Settings › E-mail): save the messages as .eml files and send them from your mail program.</source>
        <translation>Es ist kein E-Mail-Server eingestellt (Bearbeiten › Einstellungen › E-Mail): Speichern Sie die Nachrichten als .eml-Dateien und senden Sie sie aus Ihrem Mailprogramm.</translation>
    </message>
    <message>
        <source>not tried, the run stopped before it. {reason}</source>
        <translation>nicht versucht, der Durchlauf brach vorher ab. {reason}</translation>
    </message>
    <message>
        <source>not tried yet</source>
        <translation>noch nicht versucht</translation>
    </message>
    <message>
        <source>Nobody to write to.</source>
        <translation>Niemand, an den geschrieben werden kann.</translation>
    </message>
    <message>
        <source>No open actions are overdue or due this week.</source>
        <translation>Keine offenen Aktionen sind überfällig oder diese Woche fällig.</translation>
    </message>
    <message>
        <source>Nothing was sent</source>
        <translation>Nichts wurde gesendet</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Sending {count} message(s)…</source>
        <translation>{count} Nachricht(en) werden gesendet…</translation>
    </message>
    <message>
        <source>{count} sent (accepted by the server)</source>
        <translation>{count} gesendet (vom Server angenommen)</translation>
    </message>
    <message>
        <source>{count} waiting in the outbox, tried again later</source>
        <translation>{count} warten im Postausgang und werden später erneut versucht</translation>
    </message>
    <message>
        <source>{count} waiting in the outbox, not tried again until the cause shown is fixed and you press Send</source>
        <translation>{count} warten im Postausgang und werden erst wieder versucht, wenn die angezeigte Ursache behoben ist und Sie auf „Senden“ klicken</translation>
    </message>
    <message>
        <source>{count} unconfirmed: decide in the outbox</source>
        <translation>{count} unbestätigt: im Postausgang entscheiden</translation>
    </message>
    <message>
        <source>no address for {names}</source>
        <translation>keine Adresse für {names}</translation>
    </message>
    <message>
        <source>Not all e-mails were saved</source>
        <translation>Nicht alle E-Mails wurden gespeichert</translation>
    </message>
    <message>
        <source>{count} e-mail(s) saved to {folder}: open each one to send it.</source>
        <translation>{count} E-Mail(s) in {folder} gespeichert: Öffnen Sie jede, um sie zu senden.</translation>
    </message>
    <message>
        <source>No e-mail address for: {names}.</source>
        <translation>Keine E-Mail-Adresse für: {names}.</translation>
    </message>
</context>
<context>
    <name>MailSettingsGroup</name>
    <message>
        <source>E-mail (recaps and reminders)</source>
        <translation>E-Mail (Zusammenfassungen und Erinnerungen)</translation>
    </message>
    <message>
        <source>smtp.example.com — empty: save .eml files</source>
        <translation>smtp.example.com — leer: .eml-Dateien speichern</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP-Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (Port 587)</translation>
    </message>
    <message>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS (Port 465)</translation>
    </message>
    <message>
        <source>None (a local relay only)</source>
        <translation>Keine (nur für ein lokales Relay)</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Stored in the system&apos;s password store</source>
        <translation>Im Passwortspeicher des Systems abgelegt</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Absenderadresse</translation>
    </message>
    <message>
        <source>facilitator@example.com</source>
        <translation>moderation@example.com</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>Absendername</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Connect and log in, without sending anything</source>
        <translation>Verbinden und anmelden, ohne etwas zu senden</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>Se&amp;curity</source>
        <translation>Si&amp;cherheit</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Benutzername</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>Sender add&amp;ress</source>
        <translation>Absender&amp;adresse</translation>
    </message>
    <message>
        <source>Sender &amp;name</source>
        <translation>Absender&amp;name</translation>
    </message>
    <message>
        <source>No server: recaps and reminders are saved as .eml files to send from your mail program. The command line (alignmeet-cli send) uses these settings too; for scheduled runs set ALIGNMEET_SMTP_PASSWORD.</source>
        <translation>Kein Server: Zusammenfassungen und Erinnerungen werden als .eml-Dateien gespeichert, um sie aus Ihrem Mailprogramm zu senden. Die Kommandozeile (alignmeet-cli send) nutzt diese Einstellungen auch; für geplante Läufe setzen Sie ALIGNMEET_SMTP_PASSWORD.</translation>
    </message>
    <message>
        <source>The password is kept in the system&apos;s password store, never in a file. For scheduled runs (cron, Task Scheduler) set ALIGNMEET_SMTP_PASSWORD.</source>
        <translation>Das Passwort liegt im Passwortspeicher des Systems, nie in einer Datei. Für geplante Läufe (cron, Aufgabenplanung) setzen Sie ALIGNMEET_SMTP_PASSWORD.</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Connecting to {server}…</source>
        <translation>Verbindung zu {server}…</translation>
    </message>
    <message>
        <source>Connected and logged in: the settings work.</source>
        <translation>Verbunden und angemeldet: Die Einstellungen funktionieren.</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Show &amp;sent messages</source>
        <translation>&amp;Gesendete Nachrichten zeigen</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>&amp;Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Send the selected waiting message now — or every waiting one if none is selected</source>
        <translation>Die ausgewählte wartende Nachricht jetzt senden — oder alle wartenden, wenn keine ausgewählt ist</translation>
    </message>
    <message>
        <source>Send &amp;again</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <source>Send an unconfirmed message again, under the same Message-ID</source>
        <translation>Eine unbestätigte Nachricht erneut senden, mit derselben Message-ID</translation>
    </message>
    <message>
        <source>Mark as re&amp;ceived</source>
        <translation>Als &amp;erhalten markieren</translation>
    </message>
    <message>
        <source>The recipient has it: settle an unconfirmed message</source>
        <translation>Der Empfänger hat sie: eine unbestätigte Nachricht abschließen</translation>
    </message>
    <message>
        <source>&amp;Cancel message</source>
        <translation>Nachricht &amp;abbrechen</translation>
    </message>
    <message>
        <source>A message stays here until the server accepts it. One that failed for a passing reason is tried again later while AlignMeet is open; one refused for good waits until you fix the cause and press Retry now; one whose delivery is unknown waits for your decision.</source>
        <translation>Eine Nachricht bleibt hier, bis der Server sie annimmt. Eine, die aus einem vorübergehenden Grund fehlschlug, wird später erneut versucht, solange AlignMeet geöffnet ist; eine endgültig abgelehnte wartet, bis Sie die Ursache beheben und „Jetzt erneut versuchen“ drücken; eine, deren Zustellung unbekannt ist, wartet auf Ihre Entscheidung.</translation>
    </message>
    <message>
        <source>The outbox is empty.</source>
        <translation>Der Postausgang ist leer.</translation>
    </message>
    <message>
        <source>{waiting} waiting · {unsure} unconfirmed · {sent} sent</source>
        <translation>{waiting} wartend · {unsure} unbestätigt · {sent} gesendet</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Sending what waits in the outbox…</source>
        <translation>Was im Postausgang wartet, wird gesendet…</translation>
    </message>
    <message>
        <source>Nothing was sent</source>
        <translation>Nichts wurde gesendet</translation>
    </message>
    <message>
        <source>{sent} sent (accepted by the server), {failed} still waiting.</source>
        <translation>{sent} gesendet (vom Server angenommen), {failed} warten noch.</translation>
    </message>
    <message>
        <source>Send again?</source>
        <translation>Erneut senden?</translation>
    </message>
    <message>
        <source>It is not known whether {name} received this message. Send it again? If they did, they will have it twice (with the same Message-ID).</source>
        <translation>Es ist nicht bekannt, ob {name} diese Nachricht erhalten hat. Erneut senden? Falls ja, liegt sie dort zweimal (mit derselben Message-ID).</translation>
    </message>
    <message>
        <source>Nothing changed</source>
        <translation>Nichts geändert</translation>
    </message>
</context>
<context>
    <name>OutboxRetrier</name>
    <message>
        <source>{count} message(s) from the outbox sent (accepted by the server).</source>
        <translation>{count} Nachricht(en) aus dem Postausgang gesendet (vom Server angenommen).</translation>
    </message>
</context>
<context>
    <name>ProposalsPanel</name>
    <message>
        <source>Proposed agenda items</source>
        <translation>Vorgeschlagene Agendapunkte</translation>
    </message>
    <message>
        <source>&amp;Put on the agenda</source>
        <translation>Auf die &amp;Agenda</translation>
    </message>
    <message>
        <source>Add the selected item at the end of the agenda</source>
        <translation>Den ausgewählten Punkt ans Ende der Agenda setzen</translation>
    </message>
    <message>
        <source>Dis&amp;miss</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Proposed for this agenda</source>
        <translation>Vorschläge für die Agenda</translation>
    </message>
    <message>
        <source>{count} to decide: put on the agenda, or dismiss.</source>
        <translation>{count} zu entscheiden: auf die Agenda oder verwerfen.</translation>
    </message>
    <message>
        <source>All decided.</source>
        <translation>Alles entschieden.</translation>
    </message>
    <message>
        <source>“{title}” is on the agenda.</source>
        <translation>„{title}“ steht auf der Agenda.</translation>
    </message>
</context>
<context>
    <name>RatingPanel</name>
    <message>
        <source>Rate the meeting</source>
        <translation>Das Meeting bewerten</translation>
    </message>
    <message>
        <source>&amp;Anonymous</source>
        <translation>&amp;Anonym</translation>
    </message>
    <message>
        <source>Keep the ratings without names: only the average and the answers show</source>
        <translation>Bewertungen ohne Namen speichern: Nur der Durchschnitt und die Antworten sind zu sehen</translation>
    </message>
    <message>
        <source>Select a member and press 1–9, or 0 for 10. Aim for {target} or more.</source>
        <translation>Mitglied auswählen und 1–9 drücken, 0 für 10. Ziel: {target} oder mehr.</translation>
    </message>
    <message>
        <source>Meeting ratings</source>
        <translation>Meeting-Bewertungen</translation>
    </message>
    <message>
        <source>What would make it a 10?</source>
        <translation>Was würde es zu einer 10 machen?</translation>
    </message>
    <message>
        <source>What would make it a 10? — Enter saves</source>
        <translation>Was würde es zu einer 10 machen? — Eingabe speichert</translation>
    </message>
    <message>
        <source>Remove rating</source>
        <translation>Bewertung entfernen</translation>
    </message>
    <message>
        <source>Mark who is present (phase 1) to rate the meeting.</source>
        <translation>Erfassen Sie die Anwesenden (Phase 1), um das Meeting zu bewerten.</translation>
    </message>
    <message>
        <source>Not rated yet — {present} present.</source>
        <translation>Noch nicht bewertet — {present} anwesend.</translation>
    </message>
    <message>
        <source>Average {average} from {count} of {present} present · aim {target}+</source>
        <translation>Durchschnitt {average} von {count} der {present} Anwesenden · Ziel {target}+</translation>
    </message>
    <message>
        <source>this anonymous rating</source>
        <translation>diese anonyme Bewertung</translation>
    </message>
    <message>
        <source>{score} for {who}: what would make it a 10?</source>
        <translation>{score} von {who}: Was würde es zu einer 10 machen?</translation>
    </message>
</context>
<context>
    <name>ReminderBar</name>
    <message>
        <source>Send reminders…</source>
        <translation>Erinnerungen senden…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>{people} members have {actions} open actions overdue or due this week, and no reminder went out in the last six days.</source>
        <translation>{people} Mitglieder haben {actions} offene Aktionen, die überfällig oder diese Woche fällig sind, und in den letzten sechs Tagen ging keine Erinnerung hinaus.</translation>
    </message>
</context>
</TS>
