import { html } from 'lit';
import { formatUkDate } from '@coplan/core';

/** When this statement was last checked against the app: it says so, as the accessibility regulations ask. */
const REVIEWED = '2026-12-02';

/**
 * The app's accessibility statement, in the shape the Public Sector Bodies
 * (Websites and Mobile Applications) Accessibility Regulations 2018 ask of a
 * public body's statement: what works, what does not yet, how to ask for
 * help, how to complain, and how it was checked.
 */
export function accessibilityStatement() {
  return html`<article>
    <h1>Accessibility statement</h1>
    <p>This statement is for Coplan, the app your safeguarding partnership uses to write and follow its business plan and its arrangements. The council that hosts Coplan for your partnership is responsible for it.</p>
    <h2>How accessible Coplan is</h2>
    <p>Coplan aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA, as UK public sector bodies must. You should be able to:</p>
    <ul>
      <li>do everything with a keyboard, with focus always visible (a yellow ring with a black edge) and never hidden behind the plan's tools at the top or a message at the foot of the window;</li>
      <li>zoom to 400% and use a narrow screen without losing words or controls;</li>
      <li>use a screen reader: every control says what it acts on ("Actions for action 1.2.3"), changes are announced (what was added, moved, deleted or undone, a partner deleting what you are in, the sync status), and each screen has its own title;</li>
      <li>read RAG status in words as well as in colour;</li>
      <li>reorder items without dragging, from each item's menu;</li>
      <li>use touch targets of at least 24 pixels, most of them 44.</li>
    </ul>
    <h2>Moving around a plan with the keyboard</h2>
    <p>Each list in the plan (the priorities, a priority's objectives, an objective's actions) is one Tab stop: the up and down arrow keys move between its items, Home and End go to the first and last, and Tab goes into the item you are on. The item you are on says so under its first line; a screen reader reads it as the item's description. The lists of governance (agencies, groups, seats, meetings) and of the scorecard (indicators, their figures) work the same way. Ctrl+Z undoes your own last change and Ctrl+Shift+Z (or Ctrl+Y) redoes it.</p>
    <h2>What is not accessible yet</h2>
    <ul>
      <li>The page does not scroll by itself while you drag an item: use the item's menu (Move up, Move down, Move to another …) or the keyboard instead.</li>
      <li>On a screen 320 pixels wide, the register (a grid, like a spreadsheet) is wider than the screen and scrolls sideways.</li>
      <li>A plan with many hundreds of actions makes a long page.</li>
    </ul>
    <h2>Feedback and contact information</h2>
    <p>If you meet a barrier in Coplan, or need the plan in another format (large print, easy read, audio), tell your partnership's business office: they will pass it to the council that hosts Coplan and reply to you. The plan can also be saved as a Word document, an Excel register or a PDF from the Files menu.</p>
    <h2>Enforcement procedure</h2>
    <p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the accessibility regulations). If you are not happy with how your complaint is answered, contact the Equality Advisory and Support Service (EASS).</p>
    <h2>Compliance status</h2>
    <p>Coplan is partially compliant with WCAG 2.2 AA, because of the gaps listed above.</p>
    <h2>How Coplan was tested</h2>
    <p>Every view, open menu, dialog, form error and report is checked with an automated tester (axe) against WCAG 2.2 A and AA on each change to Coplan, and keyboard use, focus and announcements are tested in a real browser. Published Word documents and PDFs have real headings, table header rows that repeat on each page, and RAG written in words. Coplan has not yet been tested by disabled people using their own assistive technology.</p>
    <p>This statement was prepared on ${formatUkDate(REVIEWED)}.</p>
  </article>`;
}
