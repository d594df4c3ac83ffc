import { describe, expect, it } from 'vitest';
import { ProgressDrafts, type DraftStorage } from '../src/state/progress-drafts.js';

/** localStorage as a map: what two tabs of one device share. */
function deviceStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

const KEY = 'coplan-progress-drafts:lscp';

describe('ProgressDrafts kept on the device', () => {
  it('keeps what was chosen and typed (not where focus was), and a new page opens it again, marked as shown', () => {
    const storage = deviceStorage();
    const tab = new ProgressDrafts(storage, KEY);
    Object.assign(tab.open('a1'), { rag: 'amber', narrative: 'Audit booked', focus: { field: 'narrative', start: 3, end: 3 }, shown: true });
    tab.open('a2'); // opened, nothing typed: not worth keeping
    tab.keep();
    expect(JSON.parse(storage.items.get(KEY)!)).toEqual({ a1: { rag: 'amber', narrative: 'Audit booked' } });

    const next = new ProgressDrafts(storage, KEY);
    expect(next.restore()).toEqual(['a1']);
    expect(next.get('a1')).toEqual({ rag: 'amber', narrative: 'Audit booked', shown: true });
    expect(next.get('a2')).toBeUndefined();
  });

  it('forgets a draft once it is saved or cancelled, and leaves another tab’s drafts as they are', () => {
    const storage = deviceStorage();
    const one = new ProgressDrafts(storage, KEY);
    const two = new ProgressDrafts(storage, KEY);
    one.open('a1').narrative = 'From tab one';
    one.keep();
    two.open('a2').narrative = 'From tab two';
    two.keep();
    expect(Object.keys(JSON.parse(storage.items.get(KEY)!)).sort()).toEqual(['a1', 'a2']);
    one.close('a1');
    expect(JSON.parse(storage.items.get(KEY)!)).toEqual({ a2: { narrative: 'From tab two' } });
    two.close('a2');
    expect(storage.items.has(KEY)).toBe(false);
  });

  it('reads a damaged or foreign entry as nothing, and takes only the fields a form holds, of their types', () => {
    const storage = deviceStorage();
    storage.setItem(KEY, '{not json');
    expect(new ProgressDrafts(storage, KEY).restore()).toEqual([]);
    storage.setItem(KEY, JSON.stringify({ a1: { narrative: 'Kept', rag: 7, statusChosen: 'yes', script: '<b>' }, a2: 'nonsense' }));
    const drafts = new ProgressDrafts(storage, KEY);
    expect(drafts.restore()).toEqual(['a1']);
    expect(drafts.get('a1')).toEqual({ narrative: 'Kept', shown: true });
  });
});
