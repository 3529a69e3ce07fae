// Every page a browser test opens is checked with axe-core against WCAG 2.0/2.1 A and AA: when it
// loads and when the app moves to another route, again once it has stopped changing (its data in),
// and once more in its final state when the suite ends (a document of the same shape as one already
// audited is not audited again). A violation anywhere fails the suite, so every new page is held to
// it. axe-core ships the script it injects; nothing is downloaded.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// The API reference at /docs is Swagger UI as its project ships it (its own contrast, labels and
// nested controls: upstream's to fix); every page of the dashboard is audited.
const NOT_OURS = /^\/docs(\/|$)/;
const SETTLE_POLL_MS = 300;
const SETTLE_MAX_MS = 5_000;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

interface Axe {
  run(context: unknown, options: unknown): Promise<unknown>;
}

export class AccessibilityAudit {
  /** "url: rule (impact) — help: selectors", one per violation found. */
  readonly violations = new Set<string>();
  /** Audits that failed for a reason other than the page moving on; the suite fails on them too. */
  readonly failures: string[] = [];
  private readonly queues = new WeakMap<Page, Promise<void>>();
  /**
   * The documents audited so far, by shape: every element with all its attributes, and which of
   * its text is non-blank (the words themselves do not change what axe-core checks). A document of
   * the same shape again (the login page at each sign-in, a page back from a dialog, the loading
   * state every route passes through) has the same answer and is not audited twice.
   */
  private readonly audited = new Set<string>();

  /** How many times axe-core ran (once per shape). */
  get runs(): number {
    return this.audited.size;
  }

  /**
   * Audits `page` whenever its main frame navigates (full loads and client-side routes): as it first
   * shows (often a loading state), and again once it has stopped changing (its data in and drawn),
   * unless it has navigated again by then.
   */
  watch(page: Page) {
    let navigations = 0;
    // An event handler has no caller to reject to: its failures are kept and reported at the end.
    const failed = (err: unknown) => this.failures.push(`${page.url()}: ${String(err)}`);
    const queued = () => {
      const navigation = ++navigations;
      // A newer navigation (a full load fires both events below) takes over the watching.
      const current = () => navigation === navigations;
      this.queue(page).catch(failed);
      settle(page, current).then(
        (settled) => {
          if (settled && current()) this.queue(page).catch(failed);
        },
        () => {}, // the page moved on or closed: its next state is audited in turn
      );
    };
    page.on('load', queued);
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) queued();
    });
  }

  /** Audits `page` in its current state; waits for the audits already queued for it. */
  check(page: Page): Promise<void> {
    return this.queue(page);
  }

  private queue(page: Page): Promise<void> {
    const next = (this.queues.get(page) ?? Promise.resolve()).then(() => this.audit(page));
    this.queues.set(page, next);
    return next;
  }

  private async audit(page: Page) {
    if (page.isClosed()) return;
    try {
      await page.waitForLoadState('domcontentloaded');
      const url = new URL(page.url());
      if (url.protocol === 'about:' || NOT_OURS.test(url.pathname)) return;
      const shape = await page.evaluate(documentShape);
      const key = createHash('sha256').update(shape).digest('base64');
      if (this.audited.has(key)) return;
      // Evaluated through the DevTools protocol, which the app's strict CSP does not apply to.
      if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
      const found = await page.evaluate(async (tags) => {
        const page = globalThis as unknown as { axe?: Axe; document: unknown };
        // A new document replaced the one axe was injected into: the navigation queued its audit.
        if (!page.axe) return null;
        const result = (await page.axe.run(page.document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        })) as { violations: Violation[] };
        return result.violations;
      }, WCAG_A_AA);
      if (!found) return;
      this.audited.add(key);
      for (const v of found) {
        const nodes = v.nodes.map((n) => n.target.join(' '));
        const where =
          nodes.slice(0, 5).join(', ') + (nodes.length > 5 ? ` and ${nodes.length - 5} more` : '');
        this.violations.add(`${url.pathname}: ${v.id} (${v.impact}) — ${v.help}: ${where}`);
      }
    } catch (err) {
      // The page moved on or closed while it was audited: its next state is audited in turn.
      if (!/closed|destroyed|navigat|Target/i.test(String(err))) throw err;
    }
  }
}

/**
 * Resolves true once the document stops changing — the same shape twice, SETTLE_POLL_MS apart —
 * or false after SETTLE_MAX_MS (a live page may never stop), when the page closed, or as soon as
 * `current()` says a newer navigation is being watched instead.
 */
async function settle(page: Page, current: () => boolean): Promise<boolean> {
  const deadline = Date.now() + SETTLE_MAX_MS;
  await page.waitForLoadState('domcontentloaded');
  if (!current()) return false;
  let previous = await page.evaluate(documentShape);
  while (Date.now() < deadline && !page.isClosed()) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    if (!current()) return false;
    const shape = await page.evaluate(documentShape);
    if (shape === previous) return true;
    previous = shape;
  }
  return false;
}

interface DomNode {
  nodeType: number;
  textContent: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  tagName?: string;
  attributes?: Iterable<{ name: string; value: string }>;
}

/** Runs in the page: the document's elements and attributes in order, and where it has text. */
function documentShape(): string {
  const parts: string[] = [];
  const walk = (node: DomNode) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (child.textContent?.trim()) parts.push('#text');
      } else if (child.nodeType === 1) {
        let entry = `<${child.tagName}`;
        for (const { name, value } of child.attributes ?? []) entry += ` ${name}=${JSON.stringify(value)}`;
        parts.push(entry);
        walk(child);
        parts.push('>');
      }
    }
  };
  walk((globalThis as unknown as { document: DomNode }).document);
  return parts.join('');
}
