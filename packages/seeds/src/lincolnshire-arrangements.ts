import type { Arrangements, Seat } from '@coplan/core/governance';

/**
 * Lincolnshire Safeguarding Children Partnership's arrangements, transcribed
 * from its published arrangements (seed `001_24b62c69f27e8151`): the
 * Strategic Management Group (quarterly) and the Operational Delivery Group
 * (bi-monthly) with their seats per agency, both quorate only with the local
 * authority, the police and the ICB plus three other agencies; sub-groups
 * quorate with their chair and three agencies; every agency at 75% of
 * meetings; decisions by consensus, else the chair after consulting, but
 * financial contributions only by consensus; sub-groups escalate to the
 * Independent Chair. The Designated Doctor and the chairs of sub-groups are
 * listed without seats and are left out; the Lead Member (participating
 * observer) and lay members (in attendance) sit without a vote.
 */
export const lincolnshireArrangements: Arrangements = {
  partnership: 'Lincolnshire Safeguarding Children Partnership',
  agencies: [
    { id: 'la', name: 'Lincolnshire County Council', statutoryPartner: true },
    { id: 'police', name: 'Lincolnshire Police', statutoryPartner: true },
    { id: 'icb', name: 'NHS Lincolnshire Integrated Care Board', statutoryPartner: true },
    { id: 'districts', name: 'District Councils' },
    { id: 'safer-lincs', name: 'Safer Lincolnshire Partnership' },
    { id: 'probation', name: 'Probation Service' },
    { id: 'ulht', name: 'United Lincolnshire Hospitals Trust' },
    { id: 'lchs', name: 'Lincolnshire Community Health Services' },
    { id: 'lpft', name: 'Lincolnshire Partnership Foundation NHS Trust' },
    { id: 'cafcass', name: 'CAFCASS' },
    { id: 'schools', name: 'Schools and Further Education' },
    { id: 'prisons', name: 'Prisons' },
    { id: 'yos', name: 'Youth Offending Service' },
    { id: 'fire', name: 'Lincolnshire Fire and Rescue' },
    { id: 'vcs', name: 'Voluntary and Community Sector' },
    { id: 'emas', name: 'East Midlands Ambulance Service' },
    { id: 'lay', name: 'Lay members' },
  ],
  groups: [
    {
      id: 'smg',
      name: 'Strategic Management Group',
      kind: 'strategic',
      chair: 'Independent Chair',
      meets: 'quarterly',
      seats: [
        ...seats('la', 2, "Children's Services"),
        ...seats('la', 1, 'Adult Services'),
        ...seats('la', 1, 'Lead Member (participating observer)', false),
        ...seats('districts', 1),
        ...seats('police', 1, 'Chief Officer of Police'),
        ...seats('safer-lincs', 1),
        ...seats('probation', 1),
        ...seats('icb', 1),
        ...seats('ulht', 1),
        ...seats('lchs', 1),
        ...seats('lpft', 1),
        ...seats('cafcass', 1),
        ...seats('schools', 4, 'Schools/Further Education'),
        ...seats('prisons', 1, 'Governor'),
        ...seats('lay', 2, 'Lay member (in attendance)', false),
      ].map(numbered('smg')),
      quorum: { kind: 'agencies', required: ['la', 'police', 'icb'], others: 3 },
      attendanceThreshold: 0.75,
      decisions: { otherwise: 'chair-decides', consensusOnly: ['financial contributions'] },
    },
    {
      id: 'odg',
      name: 'Operational Delivery Group',
      kind: 'operational',
      chair: 'Independent Chair',
      meets: 'bi-monthly',
      seats: [
        ...seats('la', 1, "Children's Social Care"),
        ...seats('la', 1, 'Conference Chairs'),
        ...seats('la', 1, 'Secure Unit'),
        ...seats('la', 1, 'Education'),
        ...seats('la', 1, 'Adult Services'),
        ...seats('la', 1, 'Principal Child and Family Social Worker'),
        ...seats('districts', 1),
        ...seats('police', 1),
        ...seats('probation', 1),
        ...seats('yos', 1),
        ...seats('icb', 1),
        ...seats('ulht', 1),
        ...seats('lchs', 1),
        ...seats('lpft', 1),
        ...seats('cafcass', 1),
        ...seats('fire', 1),
        ...seats('schools', 4, 'Schools/Further Education'),
        ...seats('lay', 2, 'Lay member', false),
        ...seats('vcs', 1),
        ...seats('emas', 1),
        ...seats('prisons', 1),
      ].map(numbered('odg')),
      quorum: { kind: 'agencies', required: ['la', 'police', 'icb'], others: 3 },
      attendanceThreshold: 0.75,
      decisions: { otherwise: 'chair-decides', consensusOnly: ['financial contributions'] },
    },
    {
      // Sub-groups draw on the Operational Delivery Group's agencies; the arrangements name the Education Sub-Group.
      id: 'education',
      name: 'Education Sub-Group',
      kind: 'sub-group',
      chair: 'Sub-group chair',
      meets: 'as the sub-group sets',
      seats: [...seats('la', 1, 'Education'), ...seats('schools', 4), ...seats('police', 1), ...seats('icb', 1), ...seats('lchs', 1)].map(numbered('education')),
      quorum: { kind: 'chair-and-agencies', agencies: 3 },
      attendanceThreshold: 0.75,
      decisions: { otherwise: 'escalate', escalateTo: 'the Independent Chair of the LSCP', consensusOnly: [] },
    },
  ],
};

function seats(agencyId: string, count: number, role?: string, voting = true): Array<Omit<Seat, 'id'>> {
  return Array.from({ length: count }, () => ({ agencyId, ...(role ? { role } : {}), ...(voting ? {} : { voting: false }) }));
}

function numbered(groupId: string) {
  return (seat: Omit<Seat, 'id'>, i: number): Seat => ({ id: `${groupId}-${i + 1}`, ...seat });
}
