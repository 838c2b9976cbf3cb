import type { Phase, Zone } from '../../../shared/domain';
import type { Translate } from '../ui/i18n';

/** "Notities · WIJ-kant", or just "Stemmen" for a phase about the whole session. */
export function phaseLabel(t: Translate, phase: Phase, zones: readonly Zone[]): string {
  const zone = phase.zoneId ? zones.find((candidate) => candidate.id === phase.zoneId) : undefined;
  const kind = t(`phase.${phase.kind}`);
  return zone ? `${kind} · ${zone.name}` : kind;
}

export function zoneOf(phase: Phase | null, zones: readonly Zone[]): Zone | undefined {
  return phase?.zoneId ? zones.find((zone) => zone.id === phase.zoneId) : undefined;
}
