/**
 * What stands between Eiland and its data, told as it is (shared/storage.ts): a full disk, a
 * missing permission, a read-only folder or file, a second Eiland on the same folder. Part of the
 * one catalogue (nl.ts spreads it in). Every text says what is wrong, where, and what to do; and
 * that nothing was thrown away, because that is the first worry.
 */
export const nlStorage = {
  'storage.disk_full':
    'De schijf is vol. Eiland kan niets bewaren in {path}. Maak ruimte vrij op deze computer en start Eiland opnieuw. Er is niets veranderd of weggegooid.',
  'storage.no_permission':
    'Eiland mag {path} niet openen of veranderen: de computer geeft geen toestemming. Geef je eigen account toegang tot deze map en dit bestand, of kies een andere map. Er is niets veranderd of weggegooid.',
  'storage.read_only_folder':
    'In {path} kan Eiland alleen lezen, niet schrijven. Misschien is het een beveiligde USB-stick of een schijf die alleen gelezen kan worden. Kies een map waarin je kunt schrijven, of maak deze weer schrijfbaar. Er is niets veranderd of weggegooid.',
  'storage.read_only_file':
    'Het bestand {path} kan alleen gelezen worden, maar Eiland moet erin schrijven. Maak het bestand weer schrijfbaar (niet "alleen-lezen") en probeer het opnieuw. Er is niets veranderd.',
  'storage.folder_busy':
    'Een ander Eiland gebruikt de map {path} al (proces {pid}, gestart op {startedAt}). Er kan er maar één tegelijk in werken. Gebruik dat Eiland of sluit het eerst. Draait er echt geen Eiland meer, ook niet op een andere computer? Verwijder dan het bestand eiland.lock in die map.',
  'storage.newer_version':
    'Het bestand {path} is gemaakt met een nieuwere versie van Eiland. Deze versie laat het ongemoeid. Installeer de nieuwste versie van Eiland.',
  'storage.damaged':
    'Het bestand {path} is beschadigd. Start Eiland zelf: dan zet Eiland het apart en begint met een nieuw bestand. Er is niets veranderd.',
  'storage.unknown':
    'Eiland kon {path} niet openen ({detail}). Er is niets veranderd of weggegooid. Probeer het opnieuw. Blijft dit gebeuren, vraag dan hulp en noem deze melding.',
  'storage.cli_busy':
    'Eiland draait nu met de map {path} (proces {pid}, gestart op {startedAt}). De opdrachtregel schrijft daar niet tussendoor. Lees het archief in via dat Eiland (Archief importeren) of laad daar het voorbeeld, of sluit Eiland en probeer het opnieuw. Er is niets veranderd.',

  'storage.notice.set_aside':
    'Het bestand met je sessies was beschadigd. Eiland heeft het niet overschreven, maar apart gezet als {path}. Eiland gaat verder met een nieuw, leeg bestand. Bewaar het oude bestand als je het later nog wilt laten bekijken.',
  'storage.notice.orphan_log':
    'Het bestand met je sessies ontbrak of was leeg, maar het logboek met de laatste wijzigingen was er nog. Eiland heeft niets weggegooid: het logboek staat apart als {path}. Eiland gaat verder met een nieuw, leeg bestand. Heb je het sessiebestand nog ergens? Vraag dan hulp om het terug te zetten.',
  'storage.notice.log_dropped':
    'Bij het starten kon Eiland {commits} bewaarde wijziging(en) niet teruglezen: het logboek was beschadigd, misschien door een stroomstoring. Een kopie van het logboek staat in {path}. De rest van je sessies is er nog.',
  'storage.notice.log_dropped_nocopy':
    'Bij het starten kon Eiland {commits} bewaarde wijziging(en) niet teruglezen: het logboek was beschadigd, misschien door een stroomstoring. De rest van je sessies is er nog.',
  'storage.notice.read_only':
    'Het bestand {path} kan alleen gelezen worden. Je kunt alles bekijken en exporteren, maar niets veranderen. Maak het bestand weer schrijfbaar en start Eiland opnieuw om verder te werken.',
  'storage.banner.read_only':
    'Alleen lezen: Eiland kan het bestand met je sessies niet veranderen. Bekijken en exporteren gaat wel. Sluit Eiland, maak het bestand weer schrijfbaar en start opnieuw om te werken.',

  'shell.storageProblemTitle': 'Eiland kan je gegevens niet gebruiken',
  'shell.storageNoticeTitle': 'Let op: je gegevens',
} as const;
