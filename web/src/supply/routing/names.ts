// How the routing engine's codes read: reasons an order is unserved, constraints, cost components;
// a routing decision's scope in a list.
import type { Decision, Warehouse } from '../api';

const REASONS: Record<string, string> = {
  no_coordinates: 'No coordinates',
  invalid_window: 'Invalid delivery window',
  over_capacity: 'Larger than any vehicle',
  no_compatible_vehicle: 'No vehicle with the needed features',
  unreachable: 'Unreachable (forbidden arcs or zones)',
  time_window: 'No vehicle can arrive within its window',
  shift_or_driving_limit: 'Beyond shifts or driving limits',
  no_vehicles: 'No vehicles available',
  not_worth_serving: 'Costs more to serve than its penalty',
};

export const reasonName = (code: string) => REASONS[code] ?? code.replaceAll('_', ' ');

const CHECKS: Record<string, string> = {
  capacity: 'Capacity (weight and volume)',
  time_windows: 'Delivery windows',
  shifts: 'Shifts and depot hours',
  driving_limit: 'Driving-time limit',
  compatibility: 'Vehicle features',
  forbidden_arcs: 'Forbidden arcs',
  forbidden_zones: 'Forbidden zones',
  orders_accounted: 'Every order routed once or reported',
  fixed_stops: 'Executed stops kept',
  consistency: 'Times, loads and distances add up',
  vehicles: 'Vehicles used',
  distance: 'Distance',
  time: 'Time on the road',
  co2: 'CO2',
  risk: 'Risk',
  unserved: 'Unserved orders (penalty)',
};

export const routingCheckName = (name: string) => CHECKS[name] ?? name.replaceAll('_', ' ');

const BINDING: Record<string, string> = {
  time_window: 'Tight window',
  capacity: 'Nearly full',
  shift_end: 'Ends at shift end',
  driving_limit: 'Driving limit',
  detour: 'Detour',
};

export const bindingName = (kind: string) => BINDING[kind] ?? kind.replaceAll('_', ' ');

const COSTS: Record<string, string> = {
  fixed: 'Vehicles (fixed)',
  distance: 'Distance',
  time: 'Time',
  penalty: 'Unserved penalty (not spent)',
  total: 'Total operating cost',
};

export const routingCostName = (key: string) => COSTS[key] ?? key;

const CONSTRAINTS: Record<string, string> = {
  capacity: 'capacity',
  time_window: 'time windows',
  shift: 'shift or depot hours',
  driving_limit: 'driving limit',
  compatibility: 'missing features',
  depot: 'based at another warehouse',
  forbidden_arc: 'forbidden arc',
  forbidden_zone: 'forbidden zone',
  fixed_stops: 'executed stops',
};

export const constraintWords = (code: string) => CONSTRAINTS[code] ?? code.replaceAll('_', ' ');

/** "Routes for 2025-06-02 from BHM" (a routing decision in a list). */
export function routingScopeText(decision: Decision, warehouses: ReadonlyMap<string, Warehouse>): string {
  const request = decision.constraints as { date?: unknown };
  const day = typeof request.date === 'string' ? ` for ${request.date}` : '';
  const codes = (decision.scope.warehouseIds ?? []).map((id) => warehouses.get(id)?.code ?? 'a warehouse');
  return `Routes${day}${codes.length > 0 ? ` from ${codes.join(', ')}` : ''}`;
}
