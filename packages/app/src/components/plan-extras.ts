/**
 * What the Plan tab adds once its outline is on screen, loaded as one piece just after it:
 * About this plan, search, the action filters and the work-in-the-bin notice. A person can
 * read and edit the plan before these arrive. The item menus ("Actions for …") come with them,
 * and the Files menu (its save and merge tools with it), so that a plan opened online can
 * still be saved as a .coplan file when the network goes, the bin, and who is in the plan.
 */
import './plan-details.js';
import './plan-search.js';
import './action-filters.js';
import './work-in-the-bin-notice.js';
import '../items/item-menu.js';
import './files-menu.js';
import './people-here.js';
import './plan-bin.js';

/** The queries that narrow the outline to the actions a filter keeps. */
export { filterActions, listActions } from '@coplan/core';
