/** A plan this device holds, as the plan list shows it. */
export interface DevicePlan {
  id: string;
  title: string;
  period: string;
  version: string;
  lastChange: string;
  token?: string;
}

const KEY = 'coplan:plans';

/** The plans kept on this device (their content is in IndexedDB; this is the index). */
export function listDevicePlans(): DevicePlan[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as DevicePlan[];
    return Array.isArray(list) ? list.sort((a, b) => (a.lastChange < b.lastChange ? 1 : -1)) : [];
  } catch {
    return [];
  }
}

/** Records (or refreshes) a plan in the device's list. */
export function rememberPlan(plan: DevicePlan): void {
  const others = listDevicePlans().filter((p) => p.id !== plan.id);
  localStorage.setItem(KEY, JSON.stringify([plan, ...others]));
}

/** Drops a plan from the device's list. */
export function forgetPlan(id: string): void {
  localStorage.setItem(KEY, JSON.stringify(listDevicePlans().filter((p) => p.id !== id)));
}

/**
 * Presence colours: each is used as white text's background (the people in the
 * plan) and as text on white ("… is editing this"), so each reaches 4.5:1 on
 * white and on the actions' light grey (WCAG 1.4.3).
 */
const COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#912b88', '#b1400f', '#00796b', '#4c2c92', '#85561c'];
/** Earlier colours that were too light for text, and what they became. */
const DARKER: Record<string, string> = { '#f47738': '#b1400f', '#28a197': '#00796b', '#5694ca': '#4c2c92', '#b58840': '#85561c' };

/** The person using this device: asked once, kept here. */
export function savedUser(): { name: string; colour: string } | null {
  try {
    const u = JSON.parse(localStorage.getItem('coplan:user') ?? 'null') as { name: string; colour: string } | null;
    return u && typeof u.name === 'string' && u.name.trim() ? { ...u, colour: DARKER[u.colour] ?? u.colour } : null;
  } catch {
    return null;
  }
}

export function saveUser(name: string): { name: string; colour: string } {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const user = { name: name.trim(), colour: COLOURS[h % COLOURS.length]! };
  localStorage.setItem('coplan:user', JSON.stringify(user));
  return user;
}
