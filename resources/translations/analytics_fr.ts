<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AnalyticsCharts</name>
    <message>
        <source>Funnel</source>
        <translation>Entonnoir</translation>
    </message>
    <message>
        <source>Conversion against the control group</source>
        <translation>Conversion face au groupe témoin</translation>
    </message>
    <message>
        <source>Daily results</source>
        <translation>Résultats par jour</translation>
    </message>
    <message>
        <source>Opens by hour (recipients&apos; local time)</source>
        <translation>Ouvertures par heure (heure locale des destinataires)</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Preheader</source>
        <translation>Texte d&apos;aperçu</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>Sous-titre</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Texte brut</translation>
    </message>
    <message>
        <source>Page address</source>
        <translation>Adresse de la page</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Buttons</source>
        <translation>Boutons</translation>
    </message>
    <message>
        <source>This campaign has no content.</source>
        <translation>Cette campagne n&apos;a pas de contenu.</translation>
    </message>
    <message>
        <source>Targeted</source>
        <translation>Ciblés</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>Écartés</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouverts</translation>
    </message>
    <message>
        <source>Converted (people)</source>
        <translation>Convertis (personnes)</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Désabonnés</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>Ouvertures</translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation>Conversions</translation>
    </message>
    <message>
        <source>Opt-outs</source>
        <translation>Désabonnements</translation>
    </message>
    <message>
        <source>control group</source>
        <translation>groupe témoin</translation>
    </message>
    <message>
        <source>no push consent</source>
        <translation>pas de consentement push</translation>
    </message>
    <message>
        <source>push disabled</source>
        <translation>push désactivé</translation>
    </message>
    <message>
        <source>no token</source>
        <translation>pas de jeton</translation>
    </message>
    <message>
        <source>token invalidated</source>
        <translation>jeton invalidé</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Variant {key}</source>
        <translation>Variante {key}</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>Témoin</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>messages</translation>
    </message>
    <message>
        <source>interactions</source>
        <translation>interactions</translation>
    </message>
    <message>
        <source>gap with control (points)</source>
        <translation>écart avec le témoin (points)</translation>
    </message>
    <message>
        <source>{channel}
opens {opens}
conv. {conversions}</source>
        <translation>{channel}
ouv. {opens}
conv. {conversions}</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>heure</translation>
    </message>
    <message>
        <source>Conversion of each variant against {reference}</source>
        <translation>Conversion de chaque variante face à la {reference}</translation>
    </message>
    <message>
        <source>HTML (as text)</source>
        <translation>HTML (en texte)</translation>
    </message>
    <message>
        <source>gap with {reference} (points)</source>
        <translation>écart avec la {reference} (points)</translation>
    </message>
    <message>
        <source>Best hour: {hour} h</source>
        <translation>Meilleure heure : {hour} h</translation>
    </message>
    <message>
        <source>{value} %</source>
        <translation>{value} %</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label} : {value}</translation>
    </message>
    <message>
        <source>{difference} points (95 % CI {low} to {high})</source>
        <translation>{difference} points (IC à 95 % de {low} à {high})</translation>
    </message>
    <message>
        <source>{weekday} {hour} h — opens</source>
        <translation>{weekday} {hour} h — ouvertures</translation>
    </message>
    <message>
        <source>Channels compared</source>
        <translation>Canaux comparés</translation>
    </message>
    <message>
        <source>Fatigue: opt-outs by messages received per week</source>
        <translation>Lassitude : désabonnements selon les messages reçus par semaine</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>In-app</source>
        <translation>In-app</translation>
    </message>
    <message>
        <source>Rich push</source>
        <translation>Push enrichi</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>messages received in the week</source>
        <translation>messages reçus dans la semaine</translation>
    </message>
    <message>
        <source>opt-out rate</source>
        <translation>taux de désabonnement</translation>
    </message>
    <message>
        <source>Received in the week: {count} — {rate} opted out ({opted} of {weeks} person-weeks)</source>
        <translation>Reçus dans la semaine : {count} — {rate} de désabonnés ({opted} sur {weeks} semaines-personnes)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Jour de la semaine</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Convertis</translation>
    </message>
    <message>
        <source>Conversion rate</source>
        <translation>Taux de conversion</translation>
    </message>
    <message>
        <source>Control rate</source>
        <translation>Taux du témoin</translation>
    </message>
    <message>
        <source>Rate of {reference}</source>
        <translation>Taux de la {reference}</translation>
    </message>
    <message>
        <source>Difference (points)</source>
        <translation>Écart (points)</translation>
    </message>
    <message>
        <source>95 % CI low</source>
        <translation>IC 95 % bas</translation>
    </message>
    <message>
        <source>95 % CI high</source>
        <translation>IC 95 % haut</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>valeur p</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Open rate</source>
        <translation>Taux d&apos;ouverture</translation>
    </message>
    <message>
        <source>Messages received per week</source>
        <translation>Messages reçus par semaine</translation>
    </message>
    <message>
        <source>Person-weeks</source>
        <translation>Semaines-personnes</translation>
    </message>
    <message>
        <source>Opt-out rate</source>
        <translation>Taux de désabonnement</translation>
    </message>
    <message>
        <source>Pick a campaign that has been sent to see its results.</source>
        <translation>Choisissez une campagne envoyée pour voir ses résultats.</translation>
    </message>
    <message>
        <source>This campaign has no messages yet.</source>
        <translation>Cette campagne n&apos;a encore aucun message.</translation>
    </message>
    <message>
        <source>{variant} has no messages: nobody was sent it.</source>
        <translation>La {variant} n&apos;a aucun message : personne ne l&apos;a reçue.</translation>
    </message>
    <message>
        <source>This campaign has no control group: there is no uplift to measure.</source>
        <translation>Cette campagne n&apos;a pas de groupe témoin : aucun gain à mesurer.</translation>
    </message>
    <message>
        <source>The date range is empty: its end is before its start.</source>
        <translation>La période est vide : sa fin précède son début.</translation>
    </message>
    <message>
        <source>Nothing was sent, opened or converted from {first} to {last}.</source>
        <translation>Rien n&apos;a été envoyé, ouvert ni converti du {first} au {last}.</translation>
    </message>
    <message>
        <source>No opens recorded yet.</source>
        <translation>Aucune ouverture enregistrée pour l&apos;instant.</translation>
    </message>
    <message>
        <source>No opens recorded from {first} to {last}.</source>
        <translation>Aucune ouverture enregistrée du {first} au {last}.</translation>
    </message>
    <message>
        <source>No control group: {variant} is the reference the other variants are compared with.</source>
        <translation>Pas de groupe témoin : la {variant} sert de référence aux autres variantes.</translation>
    </message>
    <message>
        <source>{variant} converts better than {reference}: {difference} points (95 % CI {low} to {high}), p = {p}.</source>
        <translation>La {variant} convertit mieux que la {reference} : {difference} points (IC 95 % de {low} à {high}), p = {p}.</translation>
    </message>
    <message>
        <source>{variant} converts worse than {reference}: {difference} points (95 % CI {low} to {high}), p = {p}.</source>
        <translation>La {variant} convertit moins bien que la {reference} : {difference} points (IC 95 % de {low} à {high}), p = {p}.</translation>
    </message>
    <message>
        <source>No significant difference between {variant} and {reference} ({difference} points, 95 % CI {low} to {high}, p = {p}).</source>
        <translation>Pas d&apos;écart significatif entre la {variant} et la {reference} ({difference} points, IC 95 % de {low} à {high}, p = {p}).</translation>
    </message>
    <message>
        <source>Too few conversions to conclude for {variant} ({converted} of {recipients} against {control_converted} of {control_recipients} in {reference}).</source>
        <translation>Trop peu de conversions pour conclure sur la {variant} ({converted} sur {recipients} contre {control_converted} sur {control_recipients} dans la {reference}).</translation>
    </message>
    <message>
        <source>Nobody converted, in {variant} or in {reference}: does the conversion event happen in this app?</source>
        <translation>Personne n&apos;a converti, ni dans la {variant} ni dans la {reference} : cet événement de conversion existe-t-il dans cette app ?</translation>
    </message>
    <message>
        <source>{variant} converts better than control: {difference} points (95 % CI {low} to {high}), p = {p}.</source>
        <translation>La {variant} convertit mieux que le témoin : {difference} points (IC 95 % de {low} à {high}), p = {p}.</translation>
    </message>
    <message>
        <source>{variant} converts worse than control: {difference} points (95 % CI {low} to {high}), p = {p}.</source>
        <translation>La {variant} convertit moins bien que le témoin : {difference} points (IC 95 % de {low} à {high}), p = {p}.</translation>
    </message>
    <message>
        <source>No significant difference between {variant} and control ({difference} points, 95 % CI {low} to {high}, p = {p}).</source>
        <translation>Pas d&apos;écart significatif entre la {variant} et le témoin ({difference} points, IC 95 % de {low} à {high}, p = {p}).</translation>
    </message>
    <message>
        <source>Too few conversions to conclude for {variant} ({converted} of {recipients} against {control_converted} of {control_recipients} in control).</source>
        <translation>Trop peu de conversions pour conclure sur la {variant} ({converted} sur {recipients} contre {control_converted} sur {control_recipients} dans le témoin).</translation>
    </message>
    <message>
        <source>Nobody converted, in {variant} or in control: does the conversion event happen in this app?</source>
        <translation>Personne n&apos;a converti, ni dans la {variant} ni dans le témoin : cet événement de conversion existe-t-il dans cette app ?</translation>
    </message>
    <message>
        <source>{variant} has no recipients yet.</source>
        <translation>La {variant} n&apos;a encore aucun destinataire.</translation>
    </message>
</context>
<context>
    <name>AnalyticsPage</name>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Campaign report (PDF)…</source>
        <translation>Rapport de campagne (PDF)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Refreshing figures…</source>
        <translation>Recalcul des chiffres…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation>Dessin des graphiques…</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>Chiffres au %1</translation>
    </message>
    <message>
        <source>Figures from the local cache; Refresh recomputes them.</source>
        <translation>Chiffres du cache local ; Actualiser les recalcule.</translation>
    </message>
    <message>
        <source>Figures computed just now.</source>
        <translation>Chiffres calculés à l&apos;instant.</translation>
    </message>
    <message>
        <source>Kept up to date</source>
        <translation>Tenues à jour</translation>
    </message>
    <message>
        <source>The sending service refreshes these figures when it has nothing to send.</source>
        <translation>Le service d’envoi recalcule ces chiffres quand il n’a rien à envoyer.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>No sending service is running: these figures stay as of the date shown until you press Refresh.</source>
        <translation>Aucun service d’envoi ne tourne : ces chiffres restent à la date indiquée jusqu’à ce que vous cliquiez sur Actualiser.</translation>
    </message>
    <message>
        <source>Cancelled: the charts show the figures loaded before.</source>
        <translation>Annulé : les graphiques montrent les chiffres chargés auparavant.</translation>
    </message>
    <message>
        <source>All variants</source>
        <translation>Toutes les variantes</translation>
    </message>
    <message>
        <source>Variant %1</source>
        <translation>Variante %1</translation>
    </message>
    <message>
        <source>Campaign conversion</source>
        <translation>Conversion de la campagne</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <source>Campaign report</source>
        <translation>Rapport de campagne</translation>
    </message>
    <message>
        <source>report.pdf</source>
        <translation>rapport.pdf</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <source>%1: this format cannot be exported; use %2.</source>
        <translation>%1 : ce format ne peut pas être exporté ; utilisez %2.</translation>
    </message>
    <message>
        <source>%1: the folder cannot be written to (%2).</source>
        <translation>%1 : impossible d&apos;écrire dans ce dossier (%2).</translation>
    </message>
    <message>
        <source>%1: the disk is full (%2).</source>
        <translation>%1 : le disque est plein (%2).</translation>
    </message>
    <message>
        <source>%1: the export failed (%2).</source>
        <translation>%1 : l&apos;export a échoué (%2).</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Image (PNG)…</source>
        <translation>Image (PNG)…</translation>
    </message>
    <message>
        <source>Vector image (SVG)…</source>
        <translation>Image vectorielle (SVG)…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Table (CSV for Excel)…</source>
        <translation>Tableau (CSV pour Excel)…</translation>
    </message>
    <message>
        <source>Table (Excel workbook)…</source>
        <translation>Tableau (classeur Excel)…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All channels</source>
        <translation>Tous les canaux</translation>
    </message>
    <message>
        <source> d</source>
        <translation> j</translation>
    </message>
    <message>
        <source>Attribution window: days after the message</source>
        <translation>Fenêtre d&apos;attribution : jours après le message</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Conversion</translation>
    </message>
    <message>
        <source>within</source>
        <translation>sous</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>In-app</source>
        <translation>In-app</translation>
    </message>
    <message>
        <source>Rich push</source>
        <translation>Push enrichi</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
</context>
</TS>
