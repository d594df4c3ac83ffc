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
    expect(next.restore()).toEqual([{ actionId: 'a1' }]);
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
    expect(drafts.restore()).toEqual([{ actionId: 'a1' }]);
    expect(drafts.get('a1')).toEqual({ narrative: 'Kept', shown: true });
  });

  it('keeps a correction of an existing update by the update, with its action, beside a new update on the same action', () => {
    const storage = deviceStorage();
    const tab = new ProgressDrafts(storage, KEY);
    tab.open('a1').narrative = 'New words';
    Object.assign(tab.openEdit('a1', 'p7'), { rag: 'green', narrative: 'Audit held on 3 May' });
    tab.openEdit('a2', 'p9'); // opened, nothing changed: not worth keeping
    expect(tab.editsOn('a1')).toEqual(['p7']);
    expect(tab.drafting('a2')).toBe(true);
    expect(tab.drafting('a3')).toBe(false);
    tab.keep();

    const next = new ProgressDrafts(storage, KEY);
    expect(next.restore()).toEqual([{ actionId: 'a1' }, { actionId: 'a1', progressId: 'p7' }]);
    expect(next.get('a1')).toEqual({ narrative: 'New words', shown: true });
    expect(next.getEdit('p7')).toEqual({ actionId: 'a1', rag: 'green', narrative: 'Audit held on 3 May', shown: true });
    expect(next.editsOn('a1')).toEqual(['p7']);
    expect(next.getEdit('p9')).toBeUndefined();

    // Saved: gone from the device, and the new update's draft stays.
    next.closeEdit('p7');
    expect(next.getEdit('p7')).toBeUndefined();
    expect(JSON.parse(storage.items.get(KEY)!)).toEqual({ a1: { narrative: 'New words' } });
  });

  it('leaves out a kept correction that does not name its action (damaged), keeping the rest', () => {
    const storage = deviceStorage();
    storage.setItem(KEY, JSON.stringify({ 'edit:p1': { narrative: 'Lost its action' }, 'edit:p2': { actionId: 'a2', narrative: 'Fine' } }));
    const drafts = new ProgressDrafts(storage, KEY);
    expect(drafts.restore()).toEqual([{ actionId: 'a2', progressId: 'p2' }]);
    expect(drafts.getEdit('p1')).toBeUndefined();
  });

  it('keeps what a correction began from with what was changed (not alone), and reads back only a whole one', () => {
    const storage = deviceStorage();
    const tab = new ProgressDrafts(storage, KEY);
    const seen = { date: '2026-05-03', rag: 'amber', narrative: 'Audit booked.', evidence: '' } as const;
    Object.assign(tab.openEdit('a1', 'p7'), { seen, narrative: 'Audit booked. Held on 3 May.' });
    tab.openEdit('a2', 'p9').seen = { ...seen }; // opened, nothing changed: what it began from is no reason to keep it
    tab.keep();
    expect(Object.keys(JSON.parse(storage.items.get(KEY)!))).toEqual(['edit:p7']);

    const next = new ProgressDrafts(storage, KEY);
    next.restore();
    expect(next.getEdit('p7')).toEqual({ actionId: 'a1', seen, narrative: 'Audit booked. Held on 3 May.', shown: true });
    // A damaged record of what it began from is left out; the words typed are kept.
    storage.setItem(KEY, JSON.stringify({ 'edit:p8': { actionId: 'a3', narrative: 'Mine', seen: { date: '2026-05-03', rag: 3 } } }));
    const damaged = new ProgressDrafts(storage, KEY);
    damaged.restore();
    expect(damaged.getEdit('p8')).toEqual({ actionId: 'a3', narrative: 'Mine', shown: true });
  });
});
