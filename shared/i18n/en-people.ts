import type { nlPeople } from './nl-people';

/** English texts about the people in a session (see nl-people.ts). */
export const enPeople: { readonly [K in keyof typeof nlPeople]: string } = {
  'rule.same_participant': 'A participant cannot be merged with themselves.',
  'rule.already_merged': 'This participant was already merged with someone else.',
  'people.counts': '{connected} connected · {voted} voted · {joined} joined',
  'people.names': 'Names: {names}',
  'people.list': 'Who takes part ({count})',
  'people.unnamed': 'Participant {number}',
  'people.online': 'connected',
  'people.offline': 'not connected',
  'people.mergeHint':
    'Someone in the list twice (a private window, another browser)? Merge them: notes and dots go along, dots over the budget fall away.',
  'people.duplicate': 'Joined twice',
  'people.sameAs': 'is the same person as',
  'people.choose': 'Choose someone…',
  'people.merge': 'Merge',
  'report.fact.tookPart': 'Took part (a note or a dot)',
  'report.fact.joined': 'Joined (by phone)',
};
