/** A moment as a UK reader expects it on screen: "30 November 2026, 14:05". */
export function formatDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}, ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
}

/** What a link lets its holder do, in a few words, shown beside the plan's tools when a plan is opened with one. */
export function accessWords(role: 'owner' | 'editor' | 'viewer'): string {
  if (role === 'owner') return 'You own this plan.';
  if (role === 'editor') return 'Your link lets you edit this plan with your partners.';
  return 'Your link lets you read this plan, not change it.';
}
