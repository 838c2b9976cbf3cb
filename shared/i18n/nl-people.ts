/**
 * Dutch texts about the people in a session: how many are connected, voted and joined, and merging
 * one person's two joins. Part of the one catalogue (spread into `nl` in nl.ts).
 */
export const nlPeople = {
  'rule.same_participant': 'Een deelnemer kan niet met zichzelf worden samengevoegd.',
  'rule.already_merged': 'Deze deelnemer is al samengevoegd met iemand anders.',
  'people.counts': '{connected} verbonden · {voted} gestemd · {joined} aangemeld',
  'people.names': 'Namen: {names}',
  'people.list': 'Wie doet mee ({count})',
  'people.unnamed': 'Deelnemer {number}',
  'people.online': 'verbonden',
  'people.offline': 'niet verbonden',
  'people.mergeHint':
    'Iemand twee keer in de lijst (een privévenster, een andere browser)? Voeg die samen: notities en stippen gaan mee, stippen boven het budget vervallen.',
  'people.duplicate': 'Dubbel aangemeld',
  'people.sameAs': 'is dezelfde persoon als',
  'people.choose': 'Kies iemand…',
  'people.merge': 'Samenvoegen',
  'report.fact.tookPart': 'Deden mee (notitie of stip)',
  'report.fact.joined': 'Aangemeld (met telefoon)',
} as const;
