import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { telemetrySettings } from '../../platform/db/schema/index.ts';

export type TelemetrySettingsRow = typeof telemetrySettings.$inferSelect;

/** The tenant's settings (defaults when it has never set any). */
export async function settingsOf(tx: Executor, tenantId: string): Promise<TelemetrySettingsRow> {
  const [row] = await tx.select().from(telemetrySettings).where(eq(telemetrySettings.tenantId, tenantId));
  return (
    row ?? {
      tenantId,
      autoCreateSensors: false,
      defaultFacilityId: null,
      mqttTopicKey: null,
      updatedAt: new Date(0),
    }
  );
}

export async function saveSettings(
  tx: Executor,
  tenantId: string,
  patch: Partial<Pick<TelemetrySettingsRow, 'autoCreateSensors' | 'defaultFacilityId' | 'mqttTopicKey'>>,
): Promise<TelemetrySettingsRow> {
  const [row] = await tx
    .insert(telemetrySettings)
    .values({ tenantId, ...patch })
    .onConflictDoUpdate({ target: telemetrySettings.tenantId, set: { ...patch, updatedAt: sql`now()` } })
    .returning();
  if (!row) throw new Error('settings not saved');
  return row;
}

/** The tenant whose MQTT topic key this is (across tenants: the bridge does not know the tenant yet). */
export async function tenantOfTopicKey(tx: Executor, key: string): Promise<TelemetrySettingsRow | undefined> {
  const [row] = await tx.select().from(telemetrySettings).where(eq(telemetrySettings.mqttTopicKey, key));
  return row;
}
