<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActionsPhase</name>
    <message>
        <source>Present members</source>
        <translation>Anwesende Mitglieder</translation>
    </message>
    <message>
        <source>Next member →</source>
        <translation>Nächstes Mitglied →</translation>
    </message>
    <message>
        <source>Round-robin</source>
        <translation>Reihum</translation>
    </message>
    <message>
        <source>Actions of this member</source>
        <translation>Maßnahmen dieses Mitglieds</translation>
    </message>
    <message>
        <source>Remove action</source>
        <translation>Maßnahme entfernen</translation>
    </message>
    <message>
        <source>Remove the selected action (Delete)</source>
        <translation>Die ausgewählte Maßnahme entfernen (Entf)</translation>
    </message>
    <message>
        <source>What will you do? e.g. “Call back every webinar lead within 24 h”</source>
        <translation>Was werden Sie tun? z. B. „Jeden Webinar-Lead innerhalb von 24 h zurückrufen“</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Kein Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Optional, e.g. “50 % of leads called back by 15 May”</source>
        <translation>Optional, z. B. „50 % der Leads bis 15. Mai zurückgerufen“</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Meilenstein</translation>
    </message>
    <message>
        <source>Goal it serves</source>
        <translation>Zugehöriges Ziel</translation>
    </message>
    <message>
        <source>The shared goal this action serves (optional)</source>
        <translation>Das gemeinsame Ziel, dem diese Maßnahme dient (optional)</translation>
    </message>
    <message>
        <source>The customer persona this action is for (optional)</source>
        <translation>Die Kunden-Persona, für die diese Maßnahme gedacht ist (optional)</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>Maßnahme hinzufügen</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Serves goal</source>
        <translation>Dient dem Ziel</translation>
    </message>
    <message>
        <source>New action</source>
        <translation>Neue Maßnahme</translation>
    </message>
    <message>
        <source>The next member&apos;s turn (Ctrl+PgDown)</source>
        <translation>Das nächste Mitglied ist dran (Strg+Bild ab)</translation>
    </message>
    <message>
        <source>{done} of {present} present members have a plan</source>
        <translation>{done} von {present} anwesenden Mitgliedern haben einen Plan</translation>
    </message>
    <message>
        <source>Nobody is marked present yet: take attendance in phase 1 (Open).</source>
        <translation>Noch niemand ist als anwesend markiert: Erfassen Sie die Anwesenheit in Phase 1 (Eröffnung).</translation>
    </message>
    <message>
        <source>{name} ({attendance})</source>
        <translation>{name} ({attendance})</translation>
    </message>
    <message>
        <source>Action plans</source>
        <translation>Maßnahmenpläne</translation>
    </message>
    <message>
        <source>{name}&apos;s action plan</source>
        <translation>Maßnahmenplan von {name}</translation>
    </message>
    <message>
        <source>{name}&apos;s action plan {not_present}</source>
        <translation>Maßnahmenplan von {name} {not_present}</translation>
    </message>
    <message>
        <source>(no goal)</source>
        <translation>(kein Ziel)</translation>
    </message>
    <message>
        <source>Choose who owns this action.</source>
        <translation>Wählen Sie, wer für diese Maßnahme verantwortlich ist.</translation>
    </message>
    <message>
        <source>Action added to {name}&apos;s plan.</source>
        <translation>Maßnahme zum Plan von {name} hinzugefügt.</translation>
    </message>
    <message>
        <source>Removed “{title}”.</source>
        <translation>„{title}“ entfernt.</translation>
    </message>
</context>
<context>
    <name>AgendaPhase</name>
    <message>
        <source>−{time} over</source>
        <translation>−{time} überzogen</translation>
    </message>
    <message>
        <source>Agenda items</source>
        <translation>Agendapunkte</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>No agenda items for this meeting. Add them on the Prepare page.</source>
        <translation>Keine Agendapunkte für dieses Meeting. Fügen Sie sie auf der Seite „Vorbereiten“ hinzu.</translation>
    </message>
    <message>
        <source>Timer moved to “{title}” ({old} paused at {time}).</source>
        <translation>Timer zu „{title}“ gewechselt ({old} pausiert bei {time}).</translation>
    </message>
    <message>
        <source>Timer of “{title}” started.</source>
        <translation>Timer von „{title}“ gestartet.</translation>
    </message>
    <message>
        <source>Timer of “{title}” paused at {time}.</source>
        <translation>Timer von „{title}“ pausiert bei {time}.</translation>
    </message>
    <message>
        <source>That was the last agenda item — next: action plans.</source>
        <translation>Das war der letzte Agendapunkt – weiter mit den Maßnahmenplänen.</translation>
    </message>
    <message>
        <source>Meeting {clock} · agenda {minutes} min boxed</source>
        <translation>Meeting {clock} · Agenda: {minutes} Min. eingeplant</translation>
    </message>
    <message>
        <source>“{title}” parked — it will be on the next meeting&apos;s agenda.</source>
        <translation>„{title}“ zurückgestellt – er steht auf der Agenda des nächsten Meetings.</translation>
    </message>
    <message>
        <source>“{title}” is back on today&apos;s agenda.</source>
        <translation>„{title}“ ist wieder auf der heutigen Agenda.</translation>
    </message>
</context>
<context>
    <name>ClosePhase</name>
    <message>
        <source>Save the e-mail</source>
        <translation>E-Mail speichern</translation>
    </message>
    <message>
        <source>E-mail message (*.eml)</source>
        <translation>E-Mail-Nachricht (*.eml)</translation>
    </message>
    <message>
        <source>{present} of {invited} invited</source>
        <translation>{present} von {invited} Eingeladenen</translation>
    </message>
    <message>
        <source> · {count} sent apologies</source>
        <translation> · {count} entschuldigt</translation>
    </message>
    <message>
        <source> · {count} for the other team</source>
        <translation> · {count} für das andere Team</translation>
    </message>
    <message>
        <source>{count} of {present} present</source>
        <translation>{count} von {present} Anwesenden</translation>
    </message>
    <message>
        <source> · average confidence {average} / 5</source>
        <translation> · Zuversicht im Schnitt {average} / 5</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
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
        <source>1 idea</source>
        <translation>1 Idee</translation>
    </message>
    <message>
        <source>{count} ideas</source>
        <translation>{count} Ideen</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Anwesend</translation>
    </message>
    <message>
        <source>Actions agreed</source>
        <translation>Vereinbarte Maßnahmen</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Members with a plan</source>
        <translation>Mitglieder mit Plan</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>Zusagen</translation>
    </message>
    <message>
        <source>Decisions · ideas</source>
        <translation>Entscheidungen · Ideen</translation>
    </message>
    <message>
        <source>Follow-ups reviewed</source>
        <translation>Nachverfolgung geprüft</translation>
    </message>
    <message>
        <source>{reviewed} of {total} · {open} carry on</source>
        <translation>{reviewed} von {total} · {open} laufen weiter</translation>
    </message>
    <message>
        <source>none from earlier meetings</source>
        <translation>keine aus früheren Meetings</translation>
    </message>
    <message>
        <source>Parked for next meeting</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Meeting rating</source>
        <translation>Meeting-Bewertung</translation>
    </message>
    <message>
        <source>not rated yet</source>
        <translation>noch nicht bewertet</translation>
    </message>
    <message>
        <source>{average} from {count} of {present} present · aim 8+</source>
        <translation>{average} von {count} der {present} Anwesenden · Ziel 8+</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Share the minutes</source>
        <translation>Protokoll teilen</translation>
    </message>
    <message>
        <source>Pre&amp;view &amp;&amp; print…</source>
        <translation>&amp;Vorschau &amp;&amp; Drucken…</translation>
    </message>
    <message>
        <source>The minutes as they will read — print them or save them as PDF or Word</source>
        <translation>Das Protokoll, wie es sich lesen wird – drucken oder als PDF oder Word speichern</translation>
    </message>
    <message>
        <source>&amp;Copy e-mail text</source>
        <translation>E-Mail-Text &amp;kopieren</translation>
    </message>
    <message>
        <source>Subject and summary — decisions, everyone&apos;s actions, commitments, next meeting — to paste into your mail program</source>
        <translation>Betreff und Zusammenfassung – Entscheidungen, die Maßnahmen aller, Zusagen, nächstes Meeting – zum Einfügen in Ihr E-Mail-Programm</translation>
    </message>
    <message>
        <source>Save e-&amp;mail (.eml)…</source>
        <translation>E-&amp;Mail speichern (.eml)…</translation>
    </message>
    <message>
        <source>The same e-mail as a draft addressed to the attendees; open it to send it</source>
        <translation>Dieselbe E-Mail als Entwurf an die Teilnehmenden; öffnen Sie den Entwurf, um ihn zu senden</translation>
    </message>
    <message>
        <source>Send &amp;recaps…</source>
        <translation>&amp;Zusammenfassungen senden…</translation>
    </message>
    <message>
        <source>Each attendee gets their own actions and commitment, the decisions and the minutes — once the meeting is closed</source>
        <translation>Alle Teilnehmenden erhalten ihre eigenen Aktionen und ihre Zusage, die Entscheidungen und das Protokoll — sobald das Meeting geschlossen ist</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy, HH:mm</source>
        <translation>ddd, d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>Next meeting</source>
        <translation>Nächstes Meeting</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Festlegen</translation>
    </message>
    <message>
        <source>Closing notes — saved as you type</source>
        <translation>Abschlussnotizen – werden beim Tippen gespeichert</translation>
    </message>
    <message>
        <source>Closing notes</source>
        <translation>Abschlussnotizen</translation>
    </message>
    <message>
        <source>Export minutes…</source>
        <translation>Protokoll exportieren…</translation>
    </message>
    <message>
        <source>Close meeting</source>
        <translation>Meeting abschließen</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Open the meeting again: its minutes of record are kept, and closing it again records the next revision</source>
        <translation>Das Meeting wieder öffnen: Sein festgehaltenes Protokoll bleibt erhalten, ein erneuter Abschluss hält den nächsten Stand fest</translation>
    </message>
    <message>
        <source>Meeting closed: its minutes are recorded as revision {revision}. Actions stay editable; later changes do not change these minutes. Send each attendee their recap with “Send recaps…”.</source>
        <translation>Meeting geschlossen: Sein Protokoll ist als Stand {revision} festgehalten. Maßnahmen bleiben bearbeitbar; spätere Änderungen ändern dieses Protokoll nicht. Senden Sie allen Teilnehmenden ihre Zusammenfassung mit „Zusammenfassungen senden…“.</translation>
    </message>
    <message>
        <source>dddd dd MMMM yyyy, HH:mm</source>
        <translation>dddd, d. MMMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>Next meeting: {when}</source>
        <translation>Nächstes Meeting: {when}</translation>
    </message>
    <message>
        <source>Next meeting: not set yet</source>
        <translation>Nächstes Meeting: noch nicht festgelegt</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>E-mail text not copied</source>
        <translation>E-Mail-Text nicht kopiert</translation>
    </message>
    <message>
        <source>Subject: {subject}</source>
        <translation>Betreff: {subject}</translation>
    </message>
    <message>
        <source>E-mail text copied: paste it into a new message (subject first).</source>
        <translation>E-Mail-Text kopiert: Fügen Sie ihn in eine neue Nachricht ein (zuerst den Betreff).</translation>
    </message>
    <message>
        <source>E-mail saved to {path} — open it to send it.</source>
        <translation>E-Mail gespeichert unter {path} – öffnen Sie sie, um sie zu senden.</translation>
    </message>
    <message>
        <source>No e-mail address for: {names} (add them on the People page).</source>
        <translation>Keine E-Mail-Adresse für: {names} (ergänzen Sie sie auf der Seite „Personen“).</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>{title} {date} e-mail</source>
        <translation>{title} {date} E-Mail</translation>
    </message>
    <message>
        <source>E-mail not saved</source>
        <translation>E-Mail nicht gespeichert</translation>
    </message>
    <message>
        <source>Close the meeting?</source>
        <translation>Meeting abschließen?</translation>
    </message>
    <message>
        <source>Not committed yet: {names}.

Close the meeting anyway?</source>
        <translation>Noch keine Zusage: {names}.

Meeting trotzdem abschließen?</translation>
    </message>
</context>
<context>
    <name>CommitmentsPhase</name>
    <message>
        <source>Everyone present has committed ✔</source>
        <translation>Alle Anwesenden haben zugesagt ✔</translation>
    </message>
    <message>
        <source>Nobody is marked present yet: take attendance in phase 1 (Open).</source>
        <translation>Noch niemand ist als anwesend markiert: Erfassen Sie die Anwesenheit in Phase 1 (Eröffnung).</translation>
    </message>
    <message>
        <source>Not committed yet: {names}</source>
        <translation>Noch keine Zusage: {names}</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>Zusagen</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Zuversicht</translation>
    </message>
    <message>
        <source>Optional, e.g. “if legal signs off by Friday”</source>
        <translation>Optional: „wenn Legal bis Freitag freigibt“</translation>
    </message>
    <message>
        <source>Commitment note</source>
        <translation>Notiz zur Zusage</translation>
    </message>
    <message>
        <source>I commit</source>
        <translation>Ich sage zu</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <source>Take this member&apos;s commitment back</source>
        <translation>Die Zusage dieses Mitglieds zurücknehmen</translation>
    </message>
    <message>
        <source>How sure are you to deliver? 1 = not very, 5 = certain. Keys 1 to 5 set it, Return commits.</source>
        <translation>Wie sicher lieferst du? 1 = kaum, 5 = sicher. Die Tasten 1 bis 5 stellen sie ein, Eingabe sagt zu.</translation>
    </message>
    <message>
        <source>Confidence (keys 1–5)</source>
        <translation>Zuversicht (Tasten 1–5)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>1 action in the plan</source>
        <translation>1 Maßnahme im Plan</translation>
    </message>
    <message>
        <source>{count} actions in the plan</source>
        <translation>{count} Maßnahmen im Plan</translation>
    </message>
    <message>
        <source>No actions yet — add them in phase 4 (Action plans).</source>
        <translation>Noch keine Maßnahmen – fügen Sie sie in Phase 4 (Maßnahmenpläne) hinzu.</translation>
    </message>
    <message>
        <source>Committed at {time}, confidence {confidence}/5 ✔</source>
        <translation>Zugesagt um {time}, Zuversicht {confidence}/5 ✔</translation>
    </message>
    <message>
        <source>Committed at {time} ✔</source>
        <translation>Zugesagt um {time} ✔</translation>
    </message>
    <message>
        <source>Commit again</source>
        <translation>Erneut zusagen</translation>
    </message>
    <message>
        <source>Not committed yet</source>
        <translation>Noch nicht zugesagt</translation>
    </message>
    <message>
        <source>{name} committed to their plan.</source>
        <translation>{name} hat die Zusage zum eigenen Plan gegeben.</translation>
    </message>
</context>
<context>
    <name>Discussion</name>
    <message>
        <source>Notes on this item — saved as you type</source>
        <translation>Notizen zu diesem Punkt – werden beim Tippen gespeichert</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Ideas</source>
        <translation>Ideen</translation>
    </message>
    <message>
        <source>An idea…</source>
        <translation>Eine Idee…</translation>
    </message>
    <message>
        <source>Add idea</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>A decision…</source>
        <translation>Eine Entscheidung…</translation>
    </message>
    <message>
        <source>Add decision</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>— who said it? —</source>
        <translation>— von wem? —</translation>
    </message>
    <message>
        <source>That agenda item was removed meanwhile; its notes were not kept.</source>
        <translation>Dieser Agendapunkt wurde inzwischen entfernt; seine Notizen wurden nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>ItemHeader</name>
    <message>
        <source>Time left in this item</source>
        <translation>Verbleibende Zeit für diesen Punkt</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start or pause this item&apos;s timer ({key})</source>
        <translation>Timer dieses Punkts starten oder pausieren ({key})</translation>
    </message>
    <message>
        <source>Start or pause the item timer</source>
        <translation>Timer des Punkts starten oder pausieren</translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation>+1 Min.</translation>
    </message>
    <message>
        <source>Extend this item&apos;s time box by one minute</source>
        <translation>Den Zeitrahmen dieses Punkts um eine Minute verlängern</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>Nächster Punkt</translation>
    </message>
    <message>
        <source>Go to the next item ({key}); a running timer goes with you</source>
        <translation>Zum nächsten Punkt ({key}); ein laufender Timer geht mit</translation>
    </message>
    <message>
        <source>Show persona</source>
        <translation>Persona zeigen</translation>
    </message>
    <message>
        <source>Put the customer persona this item discusses on screen for everyone</source>
        <translation>Die Kunden-Persona, um die es in diesem Punkt geht, für alle auf den Bildschirm bringen</translation>
    </message>
    <message>
        <source>Park for next meeting</source>
        <translation>Für nächstes Meeting zurückstellen</translation>
    </message>
    <message>
        <source>Move this item to the next meeting&apos;s agenda</source>
        <translation>Diesen Punkt auf die Agenda des nächsten Meetings verschieben</translation>
    </message>
    <message>
        <source>The timer follows the item on screen · {timer} starts or pauses it · {next} next item</source>
        <translation>Der Timer folgt dem Punkt auf dem Bildschirm · {timer} startet oder pausiert ihn · {next} nächster Punkt</translation>
    </message>
    <message>
        <source>Presenter: {name}</source>
        <translation>Präsentiert von: {name}</translation>
    </message>
    <message>
        <source>No presenter set</source>
        <translation>Niemand zum Präsentieren festgelegt</translation>
    </message>
    <message>
        <source>{minutes} min box (+{extra} min)</source>
        <translation>Zeitrahmen {minutes} Min. (+{extra} Min.)</translation>
    </message>
    <message>
        <source>{minutes} min box</source>
        <translation>Zeitrahmen {minutes} Min.</translation>
    </message>
    <message>
        <source>parked in {meeting}</source>
        <translation>zurückgestellt in {meeting}</translation>
    </message>
    <message>
        <source>Persona: {name}</source>
        <translation>Persona: {name}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>over the {minutes} min box</source>
        <translation>über dem Zeitrahmen von {minutes} Min.</translation>
    </message>
    <message>
        <source>left of the {minutes} min box</source>
        <translation>übrig vom Zeitrahmen von {minutes} Min.</translation>
    </message>
    <message>
        <source>used {time}</source>
        <translation>{time} verbraucht</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected entry (Delete)</source>
        <translation>Den ausgewählten Eintrag entfernen (Entf)</translation>
    </message>
    <message>
        <source>Who said it</source>
        <translation>Wer hat es gesagt</translation>
    </message>
</context>
<context>
    <name>MeetingClock</name>
    <message>
        <source>{used} of {planned}</source>
        <translation>{used} von {planned}</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Put it back as it was</source>
        <translation>Wiederherstellen, wie es war</translation>
    </message>
</context>
<context>
    <name>OpenPhase</name>
    <message>
        <source>Every member leaves with their own action plan and a commitment to it.</source>
        <translation>Jedes Mitglied geht mit einem eigenen Maßnahmenplan und einer Zusage dazu.</translation>
    </message>
    <message>
        <source>{count} present</source>
        <translation>{count} anwesend</translation>
    </message>
    <message>
        <source>{count} apologies</source>
        <translation>{count} entschuldigt</translation>
    </message>
    <message>
        <source>{count} not marked</source>
        <translation>{count} nicht erfasst</translation>
    </message>
    <message>
        <source>{count} absent</source>
        <translation>{count} abwesend</translation>
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
        <source>Attendance</source>
        <translation>Anwesenheit</translation>
    </message>
    <message>
        <source>All present</source>
        <translation>Alle anwesend</translation>
    </message>
    <message>
        <source>Mark everyone present who has not sent apologies</source>
        <translation>Alle als anwesend markieren, die sich nicht entschuldigt haben</translation>
    </message>
</context>
<context>
    <name>Phases</name>
    <message>
        <source>Announce the end goal and take attendance.</source>
        <translation>Nennen Sie das Endziel und erfassen Sie die Anwesenheit.</translation>
    </message>
    <message>
        <source>Last time&apos;s actions: done, in progress, blocked or dropped — each with a short note.</source>
        <translation>Die Maßnahmen vom letzten Mal: erledigt, in Arbeit, blockiert oder verworfen – jeweils mit einer kurzen Notiz.</translation>
    </message>
    <message>
        <source>Keep to the time boxes; capture ideas (who said it), notes and decisions.</source>
        <translation>Halten Sie die Zeitrahmen ein; erfassen Sie Ideen (wer sie hatte), Notizen und Entscheidungen.</translation>
    </message>
    <message>
        <source>Round-robin: each present member states their own actions, with a due date.</source>
        <translation>Reihum: Jedes anwesende Mitglied nennt seine eigenen Maßnahmen, mit Fälligkeitsdatum.</translation>
    </message>
    <message>
        <source>Each member confirms their plan — “I commit” — with a confidence from 1 to 5.</source>
        <translation>Jedes Mitglied bestätigt seinen Plan – „Ich sage zu“ – mit einer Zuversicht von 1 bis 5.</translation>
    </message>
    <message>
        <source>Summarise, set the next meeting, export the minutes and close.</source>
        <translation>Zusammenfassen, nächstes Meeting festlegen, Protokoll exportieren und abschließen.</translation>
    </message>
</context>
<context>
    <name>PreviousMinutesRow</name>
    <message>
        <source>Revision to approve</source>
        <translation>Zu genehmigender Stand</translation>
    </message>
    <message>
        <source>Previous minutes approved (kept outside AlignMeet)</source>
        <translation>Voriges Protokoll genehmigt (außerhalb von AlignMeet geführt)</translation>
    </message>
    <message>
        <source>Approve the minutes of {meeting}, {date}</source>
        <translation>Protokoll von {meeting}, {date} genehmigen</translation>
    </message>
    <message>
        <source>Not closed yet: its minutes have no revision to approve.</source>
        <translation>Noch nicht abgeschlossen: Ihr Protokoll hat noch keinen Stand zum Genehmigen.</translation>
    </message>
    <message>
        <source>Approve the minutes of {meeting}, {date}, revision {revision}</source>
        <translation>Protokoll von {meeting}, {date}, Stand {revision} genehmigen</translation>
    </message>
    <message>
        <source>revision {revision} — closed on {date}</source>
        <translation>Stand {revision} — abgeschlossen am {date}</translation>
    </message>
    <message>
        <source>d MMM yyyy, HH:mm</source>
        <translation>d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>Approved without naming a revision (before minutes of record).</source>
        <translation>Ohne Angabe eines Stands genehmigt (vor den festgehaltenen Protokollen).</translation>
    </message>
    <message>
        <source>Revision {revision} is newer than the one approved.</source>
        <translation>Stand {revision} ist neuer als der genehmigte.</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
</context>
<context>
    <name>ReviewPhase</name>
    <message>
        <source>No open actions from earlier meetings of this series.</source>
        <translation>Keine offenen Maßnahmen aus früheren Meetings dieser Serie.</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Erledigt</translation>
    </message>
    <message>
        <source>&amp;In progress</source>
        <translation>&amp;In Arbeit</translation>
    </message>
    <message>
        <source>&amp;Blocked</source>
        <translation>B&amp;lockiert</translation>
    </message>
    <message>
        <source>D&amp;ropped</source>
        <translation>&amp;Verworfen</translation>
    </message>
    <message>
        <source>&amp;Still open</source>
        <translation>&amp;Noch offen</translation>
    </message>
    <message>
        <source>Mark as done (with the note) and go to the next one</source>
        <translation>Als erledigt markieren (mit der Notiz) und zur nächsten wechseln</translation>
    </message>
    <message>
        <source>Mark as in progress (with the note) and go to the next one</source>
        <translation>Als in Arbeit markieren (mit der Notiz) und zur nächsten wechseln</translation>
    </message>
    <message>
        <source>Mark as blocked (with the note) and go to the next one</source>
        <translation>Als blockiert markieren (mit der Notiz) und zur nächsten wechseln</translation>
    </message>
    <message>
        <source>Mark as dropped (with the note) and go to the next one</source>
        <translation>Als verworfen markieren (mit der Notiz) und zur nächsten wechseln</translation>
    </message>
    <message>
        <source>Mark as open (with the note) and go to the next one</source>
        <translation>Als offen markieren (mit der Notiz) und zur nächsten wechseln</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Nachverfolgung</translation>
    </message>
    <message>
        <source>Short note, e.g. “Sent on 3 March” — Enter applies</source>
        <translation>Kurze Notiz, z. B. „Am 3. März verschickt“ – Eingabetaste übernimmt</translation>
    </message>
    <message>
        <source>Review note</source>
        <translation>Notiz zum Rückblick</translation>
    </message>
    <message>
        <source>{reviewed} of {total} reviewed in this meeting</source>
        <translation>{reviewed} von {total} in diesem Meeting besprochen</translation>
    </message>
    <message>
        <source>Say/do of {name}: no commitment counted yet.</source>
        <translation>Sagen/Tun von {name}: noch keine Zusage gezählt.</translation>
    </message>
    <message>
        <source>Say/do of {name}: kept {kept} of {made} ({percent}) in the last {days} days</source>
        <translation>Sagen/Tun von {name}: {kept} von {made} gehalten ({percent}) in den letzten {days} Tagen</translation>
    </message>
    <message>
        <source>Say/do of {name}: nothing counted in the last {days} days</source>
        <translation>Sagen/Tun von {name}: in den letzten {days} Tagen nichts gezählt</translation>
    </message>
    <message>
        <source>all time {kept} of {made} ({percent})</source>
        <translation>insgesamt {kept} von {made} ({percent})</translation>
    </message>
    <message>
        <source>at confidence {level}/5: {kept} of {made}</source>
        <translation>bei Zuversicht {level}/5: {kept} von {made}</translation>
    </message>
    <message>
        <source>Note on “{action}” not saved: {problem}</source>
        <translation>Notiz zu „{action}“ nicht gespeichert: {problem}</translation>
    </message>
    <message>
        <source>Note kept on “{action}”.</source>
        <translation>Notiz zu „{action}“ gespeichert.</translation>
    </message>
</context>
<context>
    <name>RunView</name>
    <message>
        <source>{number} {phase}</source>
        <translation>{number} {phase}</translation>
    </message>
    <message>
        <source>Meeting time used of the planned length</source>
        <translation>Verbrauchte Meetingzeit von der geplanten Dauer</translation>
    </message>
    <message>
        <source>Start or pause the meeting clock</source>
        <translation>Meeting-Uhr starten oder pausieren</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Zurück</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>Weiter →</translation>
    </message>
    <message>
        <source>Choose or create a meeting on the Meetings page first.</source>
        <translation>Wählen oder erstellen Sie zuerst ein Meeting auf der Seite „Meetings“.</translation>
    </message>
    <message>
        <source>ddd dd MMM yyyy, HH:mm</source>
        <translation>ddd, d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>Closed on {when}. Everything stays editable, and changes keep their history.</source>
        <translation>Abgeschlossen am {when}. Alles bleibt bearbeitbar, und Änderungen behalten ihren Verlauf.</translation>
    </message>
    <message>
        <source>Someone else moved the meeting to {phase}.</source>
        <translation>Jemand anderes hat das Meeting zu {phase} weitergeführt.</translation>
    </message>
    <message>
        <source>Go to {phase}</source>
        <translation>Zu {phase} wechseln</translation>
    </message>
    <message>
        <source>Back to {number} {phase} (Alt+Left)</source>
        <translation>Zurück zu {number} {phase} (Alt+Links)</translation>
    </message>
    <message>
        <source>On to {number} {phase} (Alt+Right)</source>
        <translation>Weiter zu {number} {phase} (Alt+Rechts)</translation>
    </message>
    <message>
        <source>Pause the meeting clock</source>
        <translation>Meeting-Uhr pausieren</translation>
    </message>
    <message>
        <source>Start the meeting clock</source>
        <translation>Meeting-Uhr starten</translation>
    </message>
</context>
</TS>
