import { readPlanAddress } from '../components/plan-address.js';
import { readOutlinePreview } from './outline-preview-store.js';

// The first thing the app does at an address of a plan: start reading the plan's preview (its outline's
// words), while the rest of the app's code is evaluated and the plan screen's code arrives.
const [path, query] = location.hash.replace(/^#/, '').split('?');
const plan = readPlanAddress(path ?? '', query ?? '');
if (plan) void readOutlinePreview(plan.planId);
