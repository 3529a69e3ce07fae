// The comparison page as the navigation lists it (modules.ts puts it among the analytics pages);
// the page itself loads with the other analytics pages.
import type { GuardedPageInfo } from '../../modules';

export const ANALYTICS_COMPARE_PAGE: GuardedPageInfo = {
  path: '/analytics/compare',
  label: 'Compare facilities',
  title: 'Compare facilities',
  description:
    'Your facilities side by side over the same days: OEE and its factors, scrap, rework and cost variance from the imported work orders, downtime by reason, open alarms and the inspection reject rate — best and worst marked, with the analyses behind the numbers.',
  allowed: (p) => p.plant && p.workOrders,
};
