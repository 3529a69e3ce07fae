export interface ModuleInfo {
  path: string;
  /** Label in the navigation. */
  label: string;
  /** Page heading. */
  title: string;
  description: string;
}

export const STATUS_MODULE: ModuleInfo = {
  path: '/',
  label: 'Status',
  title: 'System status',
  description: 'Live readiness of the PlantIntel server and its database, checked every 5 seconds.',
};

export const MODULES: readonly ModuleInfo[] = [
  STATUS_MODULE,
  {
    path: '/plant',
    label: 'Plant operations',
    title: 'Plant operations',
    description:
      'Will model sites, lines and assets and track work orders, shifts and downtime across every plant.',
  },
  {
    path: '/telemetry',
    label: 'Telemetry',
    title: 'Telemetry',
    description:
      'Will ingest and browse time-series signals from machines, PLCs and sensors, including live streaming views.',
  },
  {
    path: '/analytics',
    label: 'Analytics',
    title: 'Analytics',
    description:
      'Will compute OEE, throughput, scrap and downtime trends and compare performance across lines and plants.',
  },
  {
    path: '/inspection',
    label: 'Inspection',
    title: 'Inspection',
    description:
      'Will record quality inspections, defects and non-conformances and check results against specifications.',
  },
  {
    path: '/supply',
    label: 'Supply chain',
    title: 'Supply chain',
    description:
      'Will follow suppliers, inbound materials, inventory levels and lead times that affect production.',
  },
  {
    path: '/pipelines',
    label: 'AI pipelines',
    title: 'AI pipelines',
    description:
      'Will configure and monitor AI pipelines that turn plant data into forecasts, anomaly alerts and recommendations.',
  },
  {
    path: '/admin',
    label: 'Admin',
    title: 'Admin',
    description: 'Will manage users, roles, API keys and plant-wide configuration.',
  },
];

export function findModule(path: string): ModuleInfo | undefined {
  return MODULES.find((entry) => entry.path === path);
}
