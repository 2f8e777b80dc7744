<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>RoomIndicator</name>
    <message>
        <source>Room Link: {inside} in, {waiting} waiting</source>
        <translation>Room Link: {inside} drin, {waiting} warten</translation>
    </message>
    <message>
        <source>Room Link is open at {address}</source>
        <translation>Room Link ist offen unter {address}</translation>
    </message>
</context>
<context>
    <name>RoomLink</name>
    <message>
        <source>Room Link closed: the meeting was closed.</source>
        <translation>Room Link geschlossen: Das Meeting wurde abgeschlossen.</translation>
    </message>
</context>
<context>
    <name>RoomPanel</name>
    <message>
        <source>Room Link</source>
        <translation>Room Link</translation>
    </message>
    <message>
        <source>People in the room open the meeting on their phones: they scan the QR code or type the address and the code, pick their name, and you let each phone in. What they write appears here at once. Nothing leaves this network; the room closes when you close it, close the meeting or quit.</source>
        <translation>Die Anwesenden öffnen das Meeting auf ihren Telefonen: Sie scannen den QR-Code oder tippen Adresse und Code ein, wählen ihren Namen, und Sie lassen jedes Telefon herein. Was sie schreiben, erscheint sofort hier. Nichts verlässt dieses Netzwerk; der Raum schließt, wenn Sie ihn schließen, die Besprechung abschließen oder das Programm beenden.</translation>
    </message>
    <message>
        <source>Network address to serve on</source>
        <translation>Netzwerkadresse für den Raum</translation>
    </message>
    <message>
        <source>Phones must be on this network. 127.0.0.1 reaches this computer only.</source>
        <translation>Die Telefone müssen in diesem Netzwerk sein. 127.0.0.1 erreicht nur diesen Computer.</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Serve on</source>
        <translation>Bereitstellen auf</translation>
    </message>
    <message>
        <source>Open the room</source>
        <translation>Raum öffnen</translation>
    </message>
    <message>
        <source>QR code of the room&apos;s address</source>
        <translation>QR-Code der Adresse des Raums</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Devices in the room</source>
        <translation>Geräte im Raum</translation>
    </message>
    <message>
        <source>Let in</source>
        <translation>Hereinlassen</translation>
    </message>
    <message>
        <source>Let everyone in</source>
        <translation>Alle hereinlassen</translation>
    </message>
    <message>
        <source>Let in every phone waiting now (for a room where you know everyone)</source>
        <translation>Jedes jetzt wartende Telefon hereinlassen (für einen Raum, in dem Sie alle kennen)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Take this phone out of the room</source>
        <translation>Dieses Telefon aus dem Raum nehmen</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>Neuer Code</translation>
    </message>
    <message>
        <source>The old code stops working; phones already in stay in</source>
        <translation>Der alte Code gilt nicht mehr; Telefone, die schon drin sind, bleiben drin</translation>
    </message>
    <message>
        <source>Close the room</source>
        <translation>Raum schließen</translation>
    </message>
    <message>
        <source>{address} (this computer only)</source>
        <translation>{address} (nur dieser Computer)</translation>
    </message>
    <message>
        <source>Open the room for “{meeting}”</source>
        <translation>Den Raum für „{meeting}“ öffnen</translation>
    </message>
    <message>
        <source>Choose a meeting first.</source>
        <translation>Wählen Sie zuerst ein Meeting.</translation>
    </message>
    <message>
        <source>Serving “{meeting}” on {address} (port {port}): reachable from this computer only, not from phones.</source>
        <translation>„{meeting}“ auf {address} (Port {port}): nur von diesem Computer erreichbar, nicht von Telefonen.</translation>
    </message>
    <message>
        <source>Serving “{meeting}” on {address} only (port {port}). Phones must be on the same network.</source>
        <translation>„{meeting}“ nur auf {address} (Port {port}). Die Telefone müssen im selben Netzwerk sein.</translation>
    </message>
    <message>
        <source>{inside} in, {waiting} waiting</source>
        <translation>{inside} drin, {waiting} warten</translation>
    </message>
</context>
</TS>
