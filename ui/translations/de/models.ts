<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActionHistoryModel</name>
    <message>
        <source>Agreed</source>
        <translation>Vereinbart</translation>
    </message>
    <message>
        <source>Due {old} → {new}</source>
        <translation>Fällig {old} → {new}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Outside a meeting</source>
        <translation>Außerhalb eines Meetings</translation>
    </message>
    <message>
        <source>by {name}</source>
        <translation>von {name}</translation>
    </message>
</context>
<context>
    <name>ActivePairsModel</name>
    <message>
        <source>None yet</source>
        <translation>Noch keiner</translation>
    </message>
    <message>
        <source>{date} ({days} d ago)</source>
        <translation>{date} (vor {days} T.)</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Overdue — 1 day</source>
        <translation>Überfällig — 1 Tag</translation>
    </message>
    <message>
        <source>Overdue — {days} days</source>
        <translation>Überfällig — {days} Tage</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Im Plan</translation>
    </message>
    <message>
        <source>Weekly check-ins: the last was 1 day ago.</source>
        <translation>Wöchentliche Check-ins: Der letzte war vor 1 Tag.</translation>
    </message>
    <message>
        <source>Weekly check-ins: the last was {days} days ago.</source>
        <translation>Wöchentliche Check-ins: Der letzte war vor {days} Tagen.</translation>
    </message>
    <message>
        <source>No check-in since the pair started 1 day ago.</source>
        <translation>Kein Check-in, seit das Paar vor 1 Tag begonnen hat.</translation>
    </message>
    <message>
        <source>No check-in since the pair started {days} days ago.</source>
        <translation>Kein Check-in, seit das Paar vor {days} Tagen begonnen hat.</translation>
    </message>
</context>
<context>
    <name>ActivityGoalsModel</name>
    <message>
        <source>works: keep doing it</source>
        <translation>funktioniert: weitermachen</translation>
    </message>
    <message>
        <source>worth doing, but change how</source>
        <translation>lohnt sich, aber anders angehen</translation>
    </message>
    <message>
        <source>stop: it does not serve the shared goal</source>
        <translation>aufhören: dient nicht dem gemeinsamen Ziel</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>{mark} from {meeting}</source>
        <translation>{mark} aus {meeting}</translation>
    </message>
    <message>
        <source>The time box is a whole number of minutes.</source>
        <translation>Der Zeitrahmen ist eine ganze Zahl von Minuten.</translation>
    </message>
    <message>
        <source>“{value}” is not a kind of agenda item.</source>
        <translation>„{value}“ ist keine Art von Agendapunkt.</translation>
    </message>
    <message>
        <source>The agenda changed meanwhile; it has been reloaded.</source>
        <translation>Die Agenda wurde zwischenzeitlich geändert und neu geladen.</translation>
    </message>
</context>
<context>
    <name>BoardEntriesModel</name>
    <message>
        <source>Between meetings</source>
        <translation>Zwischen Meetings</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
</context>
<context>
    <name>CalibrationModel</name>
    <message>
        <source>Not stated</source>
        <translation>Nicht angegeben</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Meilenstein</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Owner / presenter</source>
        <translation>Verantwortlich / Vortragend</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
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
        <source>Attends for the other team</source>
        <translation>Vertritt das andere Team</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
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
        <source>Status</source>
        <translation>Status</translation>
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
        <source>Sales</source>
        <translation>Vertrieb</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Paired since</source>
        <translation>Paar seit</translation>
    </message>
    <message>
        <source>Last check-in</source>
        <translation>Letzter Check-in</translation>
    </message>
    <message>
        <source>Latest tip</source>
        <translation>Neuester Tipp</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Tips asked</source>
        <translation>Erbetene Tipps</translation>
    </message>
    <message>
        <source>Tips given</source>
        <translation>Gegebene Tipps</translation>
    </message>
    <message>
        <source>Logged in meeting</source>
        <translation>Erfasst im Meeting</translation>
    </message>
    <message>
        <source>New pair?</source>
        <translation>Neues Paar?</translation>
    </message>
    <message>
        <source>Sales member has met</source>
        <translation>Vertrieb hat getroffen</translation>
    </message>
    <message>
        <source>Marketing member has met</source>
        <translation>Marketing hat getroffen</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Maßnahmen</translation>
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
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <source>Kept %</source>
        <translation>Gehalten %</translation>
    </message>
    <message>
        <source>Calibrated</source>
        <translation>Kalibriert</translation>
    </message>
    <message>
        <source>Data need</source>
        <translation>Datenbedarf</translation>
    </message>
    <message>
        <source>Wanted by</source>
        <translation>Gewünscht von</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Agendapunkt</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Slipped</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Last note</source>
        <translation>Letzte Notiz</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Begriff</translation>
    </message>
    <message>
        <source>Current definition</source>
        <translation>Aktuelle Definition</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Vereinbart</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>Formulierung</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Vorgeschlagen von</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>Proposed wording</source>
        <translation>Vorgeschlagene Formulierung</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Activity goal</source>
        <translation>Aktivitätsziel</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
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
        <source>Better</source>
        <translation>Besser</translation>
    </message>
    <message>
        <source>Per</source>
        <translation>Je</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Own target</source>
        <translation>Eigener Zielwert</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
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
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idee</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Erhalten</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Besprochen</translation>
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
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>What Sales says</source>
        <translation>Was der Vertrieb sagt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Noch offen</translation>
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
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Action / agenda item</source>
        <translation>Maßnahme / Agendapunkt</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>90 days</source>
        <translation>90 Tage</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Insgesamt</translation>
    </message>
    <message>
        <source>Kept (all)</source>
        <translation>Gehalten (ges.)</translation>
    </message>
    <message>
        <source>Not due yet</source>
        <translation>Noch nicht fällig</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingestellt</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Proposed item</source>
        <translation>Vorgeschlagener Punkt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>What would make it a 10?</source>
        <translation>Was würde es zu einer 10 machen?</translation>
    </message>
    <message>
        <source>Gets</source>
        <translation>Erhält</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <source>Wanted by: {teams}</source>
        <translation>Gewünscht von: {teams}</translation>
    </message>
    <message>
        <source>Both teams</source>
        <translation>Beide Teams</translation>
    </message>
    <message>
        <source>Only {team}</source>
        <translation>Nur {team}</translation>
    </message>
    <message>
        <source>Not ranked</source>
        <translation>Nicht eingestuft</translation>
    </message>
</context>
<context>
    <name>CsvPreviewModel</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Ändert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>FollowUpRowsModel</name>
    <message>
        <source>Due date: ⚠ overdue (red), ◷ due within a week (amber)</source>
        <translation>Fälligkeit: ⚠ überfällig (rot), ◷ innerhalb einer Woche fällig (gelb)</translation>
    </message>
    <message>
        <source>What was promised</source>
        <translation>Was zugesagt wurde</translation>
    </message>
    <message>
        <source>Who promised it</source>
        <translation>Wer es zugesagt hat</translation>
    </message>
    <message>
        <source>Which side it serves: Sales, Marketing or Joint</source>
        <translation>Wem es dient: Vertrieb, Marketing oder Gemeinsam</translation>
    </message>
    <message>
        <source>Open, in progress, blocked, done or dropped</source>
        <translation>Offen, in Arbeit, blockiert, erledigt oder verworfen</translation>
    </message>
    <message>
        <source>Date of the meeting where it was agreed (its title in the tooltip)</source>
        <translation>Datum des Meetings, in dem sie vereinbart wurde (Titel im Tooltip)</translation>
    </message>
    <message>
        <source>How often the due date moved later</source>
        <translation>Wie oft der Fälligkeitstermin verschoben wurde</translation>
    </message>
    <message>
        <source>The latest note in its history</source>
        <translation>Die neueste Notiz im Verlauf</translation>
    </message>
    <message>
        <source>once</source>
        <translation>einmal</translation>
    </message>
    <message>
        <source>{date}, overdue</source>
        <translation>{date}, überfällig</translation>
    </message>
    <message>
        <source>{date}, due within a week</source>
        <translation>{date}, innerhalb einer Woche fällig</translation>
    </message>
    <message>
        <source>The due date moved later once.</source>
        <translation>Der Fälligkeitstermin wurde einmal verschoben.</translation>
    </message>
    <message>
        <source>The due date moved later {count} times.</source>
        <translation>Der Fälligkeitstermin wurde {count}-mal verschoben.</translation>
    </message>
</context>
<context>
    <name>FollowUpsModel</name>
    <message>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
</context>
<context>
    <name>GlossaryTermsModel</name>
    <message>
        <source>Not agreed yet — 1 proposal to decide</source>
        <translation>Noch nicht vereinbart — 1 Vorschlag zu entscheiden</translation>
    </message>
    <message>
        <source>Not agreed yet — {count} proposals to decide</source>
        <translation>Noch nicht vereinbart — {count} Vorschläge zu entscheiden</translation>
    </message>
    <message>
        <source>Not agreed yet</source>
        <translation>Noch nicht vereinbart</translation>
    </message>
    <message>
        <source>(+{count} proposed)</source>
        <translation>(+{count} vorgeschlagen)</translation>
    </message>
    <message>
        <source>Agreed in {meeting}</source>
        <translation>Vereinbart in {meeting}</translation>
    </message>
</context>
<context>
    <name>GlossaryVersionsModel</name>
    <message>
        <source>(decision deleted)</source>
        <translation>(Entscheidung gelöscht)</translation>
    </message>
    <message>
        <source>on the table: {meeting}</source>
        <translation>zur Entscheidung: {meeting}</translation>
    </message>
    <message>
        <source>no meeting chosen yet</source>
        <translation>noch kein Meeting gewählt</translation>
    </message>
    <message>
        <source>{date} in {meeting}</source>
        <translation>{date} in {meeting}</translation>
    </message>
</context>
<context>
    <name>InviteesModel</name>
    <message>
        <source>(inactive)</source>
        <translation>(inaktiv)</translation>
    </message>
    <message>
        <source>Nobody invited yet — tick who should come.</source>
        <translation>Noch niemand eingeladen — haken Sie an, wer kommen soll.</translation>
    </message>
    <message>
        <source>{total} invited ({teams})</source>
        <translation>{total} eingeladen ({teams})</translation>
    </message>
</context>
<context>
    <name>KpiStatusModel</name>
    <message>
        <source>Near</source>
        <translation>Knapp</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Verfehlt</translation>
    </message>
    <message>
        <source>better</source>
        <translation>besser</translation>
    </message>
    <message>
        <source>worse</source>
        <translation>schlechter</translation>
    </message>
    <message>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>pts</source>
        <translation>Pp.</translation>
    </message>
</context>
<context>
    <name>KpisModel</name>
    <message>
        <source>Higher</source>
        <translation>Höher</translation>
    </message>
    <message>
        <source>Lower</source>
        <translation>Niedriger</translation>
    </message>
</context>
<context>
    <name>LeadBatchesModel</name>
    <message>
        <source>Not yet reviewed</source>
        <translation>Noch nicht besprochen</translation>
    </message>
    <message>
        <source>Meeting of {date}</source>
        <translation>Meeting {date}</translation>
    </message>
</context>
<context>
    <name>MeasurementsModel</name>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>Eingegeben</translation>
    </message>
</context>
<context>
    <name>MeetingsModel</name>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht begonnen</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>{number} of 6 · {phase}</source>
        <translation>{number} von 6 · {phase}</translation>
    </message>
</context>
<context>
    <name>MemberSayDoModel</name>
    <message>
        <source>{kept} of {made}</source>
        <translation>{kept} von {made}</translation>
    </message>
    <message>
        <source>{name} (left)</source>
        <translation>{name} (ausgeschieden)</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Accepted by the server {when}</source>
        <translation>Vom Server angenommen {when}</translation>
    </message>
    <message>
        <source>Not tried yet</source>
        <translation>Noch nicht versucht</translation>
    </message>
    <message>
        <source>(not retried on its own: use Retry now)</source>
        <translation>(wird nicht von selbst wiederholt: „Jetzt erneut versuchen“ nutzen)</translation>
    </message>
</context>
<context>
    <name>PersonaReferencesModel</name>
    <message>
        <source>Agenda item</source>
        <translation>Agendapunkt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Maßnahme</translation>
    </message>
</context>
<context>
    <name>PersonasModel</name>
    <message>
        <source>(archived)</source>
        <translation>(archiviert)</translation>
    </message>
</context>
<context>
    <name>ProposalsModel</name>
    <message>
        <source>Proposed</source>
        <translation>Vorgeschlagen</translation>
    </message>
    <message>
        <source>On the agenda</source>
        <translation>Auf der Agenda</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Verworfen</translation>
    </message>
</context>
<context>
    <name>RatingsModel</name>
    <message>
        <source>Next anonymous rating…</source>
        <translation>Nächste anonyme Bewertung…</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonym</translation>
    </message>
</context>
<context>
    <name>RecipientsModel</name>
    <message>
        <source>No e-mail address — not sent</source>
        <translation>Keine E-Mail-Adresse — nicht gesendet</translation>
    </message>
    <message>
        <source>Sent: the server accepted it</source>
        <translation>Gesendet: Der Server hat sie angenommen</translation>
    </message>
    <message>
        <source>Unconfirmed: {detail}</source>
        <translation>Unbestätigt: {detail}</translation>
    </message>
    <message>
        <source>Waiting in the outbox: {detail}</source>
        <translation>Wartet im Postausgang: {detail}</translation>
    </message>
</context>
<context>
    <name>RejectionLinesModel</name>
    <message>
        <source>Outside the ideal customer profile: size, industry, role, student…</source>
        <translation>Außerhalb des idealen Kundenprofils: Größe, Branche, Rolle, Studierende…</translation>
    </message>
    <message>
        <source>A real prospect, but not buying now</source>
        <translation>Echter Interessent, kauft aber jetzt nicht</translation>
    </message>
    <message>
        <source>No budget for a purchase</source>
        <translation>Kein Budget für einen Kauf</translation>
    </message>
    <message>
        <source>Not the person who buys, or unreachable details</source>
        <translation>Nicht die kaufende Person, oder Kontaktdaten nicht erreichbar</translation>
    </message>
    <message>
        <source>Already a lead, an open opportunity or a customer</source>
        <translation>Bereits Lead, offene Verkaufschance oder Kunde</translation>
    </message>
    <message>
        <source>Anything else — the note says what</source>
        <translation>Alles andere — die Notiz sagt, was</translation>
    </message>
</context>
<context>
    <name>RoomDevicesModel</name>
    <message>
        <source>Waiting for you</source>
        <translation>Wartet auf Sie</translation>
    </message>
    <message>
        <source>Let in</source>
        <translation>Hereingelassen</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>{n} s ago</source>
        <translation>vor {n} s</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>vor {n} min</translation>
    </message>
</context>
<context>
    <name>RoundRobinModel</name>
    <message>
        <source>(not present)</source>
        <translation>(nicht anwesend)</translation>
    </message>
</context>
<context>
    <name>RunAgendaModel</name>
    <message>
        <source>{used} / {box} min</source>
        <translation>{used} / {box} Min.</translation>
    </message>
</context>
<context>
    <name>SearchHitsModel</name>
    <message>
        <source>Action</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idee</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>SuggestedPairsModel</name>
    <message>
        <source>Nobody yet</source>
        <translation>Noch niemanden</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Met {times}× before</source>
        <translation>Schon {times}× getroffen</translation>
    </message>
</context>
<context>
    <name>TeamsModel</name>
    <message>
        <source>1 member</source>
        <translation>1 Mitglied</translation>
    </message>
    <message>
        <source>{count} members</source>
        <translation>{count} Mitglieder</translation>
    </message>
</context>
<context>
    <name>TemplatesModel</name>
    <message>
        <source>1 item</source>
        <translation>1 Punkt</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} Punkte</translation>
    </message>
    <message>
        <source>{name} — {items}, {minutes} min</source>
        <translation>{name} — {items}, {minutes} Min.</translation>
    </message>
    <message>
        <source>• {title} ({minutes} min)</source>
        <translation>• {title} ({minutes} Min.)</translation>
    </message>
</context>
</TS>
