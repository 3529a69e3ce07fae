// How a notification reads in an email (HTML and text) and in a webhook's JSON body.
import type { NotificationRow } from './deliveries.repo.ts';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function webhookBody(n: NotificationRow, deliveryId: string, test: boolean): string {
  return JSON.stringify({
    id: n.id,
    deliveryId,
    type: n.eventKind,
    test,
    tenantId: n.tenantId,
    ruleId: n.ruleId,
    severity: n.severity,
    title: n.title,
    body: n.body,
    data: n.data,
    createdAt: n.createdAt.toISOString(),
  });
}

function linkOf(n: NotificationRow, baseUrl: string | undefined): string | null {
  const link = typeof n.data.link === 'string' ? n.data.link : null;
  if (!link) return null;
  return baseUrl ? new URL(link, baseUrl).toString() : link;
}

export function emailOf(n: NotificationRow, baseUrl: string | undefined) {
  const link = linkOf(n, baseUrl);
  const text = `${n.body}\n${link ? `\nOpen: ${link}\n` : ''}\n— PlantIntel`;
  const paragraphs = n.body
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 12px">${escapeHtml(p).replaceAll('\n', '<br>')}</p>`)
    .join('');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2937">
<h2 style="font-size:18px;margin:0 0 12px">${escapeHtml(n.title)}</h2>${paragraphs}
${link ? `<p><a href="${escapeHtml(link)}">Open in PlantIntel</a></p>` : ''}
<p style="color:#6b7280;font-size:12px">PlantIntel · ${escapeHtml(n.eventKind)} · ${escapeHtml(n.createdAt.toISOString())}</p>
</body></html>`;
  return { subject: `[PlantIntel] ${n.title}`, text, html };
}

/** One email for a day's notifications of a user who asked for a digest. */
export function digestOf(items: NotificationRow[]) {
  const title = `Daily digest: ${items.length} notification${items.length === 1 ? '' : 's'}`;
  const body = items
    .map(
      (n) =>
        `• ${n.title} (${n.eventKind}, ${n.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC)\n  ${n.body.split('\n')[0]}`,
    )
    .join('\n\n');
  return { title, body };
}
