import Type, { type Static } from 'typebox';
import { DateTime, Day, Nullable, Text, Uuid } from '../../../platform/http/schemas.ts';

// Request and response schemas of routing decisions (issue 17): the `routing` part of
// POST /decisions, re-optimisation, the routes of a decision, and the routing parts of the
// explanation endpoints. Clock times (`HH:MM`) of clients and vehicles are read as UTC on the day.

const Open = Type.Record(Type.String(), Type.Unknown());
const Feature = Text({ minLength: 1, maxLength: 50 });
const Features = Type.Array(Feature, { maxItems: 20 });
const Weight = Type.Number({ minimum: 0, maximum: 1e6 });

const LonLat = Type.Object(
  {
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
  },
  { additionalProperties: false },
);
const Polygon = Type.Array(LonLat, {
  minItems: 3,
  maxItems: 200,
  description: 'Corners of the polygon (longitude, latitude), in order',
});

export const ObjectiveSchema = Type.Object(
  {
    mode: Type.String({
      enum: ['hierarchical', 'weighted'],
      default: 'hierarchical',
      description:
        '`hierarchical`: fewest vehicles first, then the weighted cost; `weighted`: the weighted sum only (a vehicle counts through its fixed cost and the `vehicles` weight)',
    }),
    weights: Type.Optional(
      Type.Object(
        {
          distance: Type.Optional({ ...Weight, description: 'Per unit of distance cost (default 1)' }),
          time: Type.Optional({ ...Weight, description: 'Per unit of time cost (default 0)' }),
          co2: Type.Optional({ ...Weight, description: 'Per kg of CO2 (default 0)' }),
          risk: Type.Optional({ ...Weight, description: 'Per unit of risk (default 0)' }),
          vehicles: Type.Optional({ ...Weight, description: 'Per vehicle used (default 0)' }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const ForbiddenArc = Type.Object(
  {
    from: { ...Uuid, description: 'A client or warehouse id' },
    to: { ...Uuid, description: 'A client or warehouse id' },
  },
  { additionalProperties: false, description: 'No vehicle drives directly between the two (either way)' },
);
const ForbiddenZone = Type.Object(
  {
    name: Text({ minLength: 1, maxLength: 100 }),
    polygon: Polygon,
    allowedFeatures: Type.Optional({
      ...Features,
      description: 'Vehicles with one of these features may cross it (e.g. low_emission_zone)',
    }),
  },
  { additionalProperties: false, description: 'No straight arc of a vehicle may cross it' },
);
const RiskZone = Type.Object(
  {
    name: Text({ minLength: 1, maxLength: 100 }),
    polygon: Polygon,
    riskPerKm: Type.Number({ minimum: 0, maximum: 1e6 }),
  },
  { additionalProperties: false, description: 'Arcs through it add riskPerKm × km inside to the risk' },
);

export const RoutingRequestSchema = Type.Object(
  {
    date: { ...Day, description: 'The delivery day' },
    warehouseId: Type.Optional({
      ...Uuid,
      description: 'The depot (default: every warehouse with an available vehicle)',
    }),
    orderIds: Type.Optional(
      Type.Array(Uuid, {
        minItems: 1,
        maxItems: 2000,
        uniqueItems: true,
        description:
          'Customer orders to route (default: every confirmed or allocated one requested for the day from the depots)',
      }),
    ),
    vehicleIds: Type.Optional(
      Type.Array(Uuid, {
        minItems: 1,
        maxItems: 200,
        uniqueItems: true,
        description: 'Vehicles to use (default: the available vehicles based at the depots)',
      }),
    ),
    objective: Type.Optional(ObjectiveSchema),
    timeLimitSeconds: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 3600,
        default: 10,
        description: 'Search time, 1 … 300 s (the first plan is built in any case)',
      }),
    ),
    seed: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 2_147_483_647, default: 1, description: 'Same seed, same search' }),
    ),
    speedKmh: Type.Optional(
      Type.Number({ minimum: 5, maximum: 150, default: 50, description: 'Average road speed' }),
    ),
    detourFactor: Type.Optional(
      Type.Number({
        minimum: 1,
        maximum: 3,
        default: 1.3,
        description: 'Road distance = great-circle distance × this',
      }),
    ),
    fixedCostPerVehicle: Type.Optional(
      Type.Number({ minimum: 0, maximum: 1e6, default: 0, description: 'Cost of using a vehicle at all' }),
    ),
    forbiddenArcs: Type.Optional(Type.Array(ForbiddenArc, { maxItems: 500 })),
    forbiddenZones: Type.Optional(Type.Array(ForbiddenZone, { maxItems: 50 })),
    riskZones: Type.Optional(Type.Array(RiskZone, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type RoutingRequest = Static<typeof RoutingRequestSchema>;

export const ReoptimiseBody = Type.Object(
  {
    addOrderIds: Type.Optional(Type.Array(Uuid, { maxItems: 500, uniqueItems: true })),
    removeOrderIds: Type.Optional(Type.Array(Uuid, { maxItems: 500, uniqueItems: true })),
    brokenVehicleIds: Type.Optional(
      Type.Array(Uuid, {
        maxItems: 200,
        uniqueItems: true,
        description: 'Vehicles that broke down: they keep their executed stops, the rest go to others',
      }),
    ),
    executedStops: Type.Optional(
      Type.Array(
        Type.Object(
          { vehicleId: Uuid, count: Type.Integer({ minimum: 0, maximum: 1000 }) },
          { additionalProperties: false },
        ),
        {
          maxItems: 200,
          description: 'Per vehicle, how many of its first stops are done or under way (they stay)',
        },
      ),
    ),
    asOf: Type.Optional({
      ...DateTime,
      description: 'Instead of executedStops: every stop whose service started by then stays',
    }),
    timeLimitSeconds: Type.Optional(Type.Number({ minimum: 0, maximum: 3600, default: 10 })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647 })),
  },
  { additionalProperties: false },
);
export type Reoptimise = Static<typeof ReoptimiseBody>;

export const ExplanationQuery = Type.Object(
  {
    orderId: Type.Optional({
      ...Uuid,
      description:
        'Routing decisions: why this order is on its vehicle (or unserved), and its best alternative',
    }),
  },
  { additionalProperties: false },
);

const Window = Type.Object({ start: DateTime, end: DateTime });

const RouteStop = Type.Object({
  sequence: Type.Integer(),
  orderId: Uuid,
  reference: Nullable(Type.String()),
  clientId: Nullable(Uuid),
  clientName: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  windows: Type.Array(Window, { description: 'The delivery windows of the stop (empty: any time)' }),
  windowIndex: Type.Integer({ description: 'The window service starts in (-1: none)' }),
  arrival: DateTime,
  start: DateTime,
  departure: DateTime,
  waitMinutes: Type.Number(),
  slackMinutes: Nullable(Type.Number({ description: 'Minutes between service start and the window end' })),
  demandKg: Type.Number(),
  demandM3: Type.Number(),
  loadAfterKg: Type.Number(),
  loadAfterM3: Type.Number(),
  legDistanceKm: Type.Number({ description: 'Distance of the arc into this stop' }),
  fixed: Type.Boolean({ description: 'Kept from the previous plan by a re-optimisation' }),
});

export const RouteSchema = Type.Object(
  {
    id: Uuid,
    position: Type.Integer(),
    vehicleId: Nullable(Uuid),
    vehicleCode: Type.String(),
    vehicleType: Nullable(Type.String()),
    capacityKg: Nullable(Type.Number()),
    capacityM3: Nullable(Type.Number()),
    shift: Nullable(Window),
    depotId: Nullable(Uuid),
    startAt: DateTime,
    endAt: DateTime,
    distanceKm: Type.Number(),
    drivingMinutes: Type.Number(),
    durationMinutes: Type.Number(),
    loadKg: Type.Number(),
    loadM3: Type.Number(),
    utilisation: Type.Number({ description: 'Share of the binding capacity used, 0 … 1' }),
    co2Kg: Type.Number(),
    risk: Type.Number(),
    cost: Type.Number(),
    costComponents: Type.Record(Type.String(), Type.Number()),
    closed: Type.Boolean({ description: 'The vehicle broke down: only its executed stops remain' }),
    stops: Type.Array(RouteStop),
  },
  { $id: 'SupplyRoute' },
);

const Depot = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
});

const UnservedOrder = Type.Object({
  orderId: Uuid,
  reference: Nullable(Type.String()),
  clientId: Nullable(Uuid),
  clientName: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  reason: Type.String({
    description:
      'no_coordinates, invalid_window, over_capacity, no_compatible_vehicle, unreachable, time_window, shift_or_driving_limit, no_vehicles or not_worth_serving',
  }),
  detail: Type.String(),
});

export const RoutesSchema = Type.Object(
  {
    decisionId: Uuid,
    status: Type.String(),
    date: Nullable(Day),
    depots: Type.Array(Depot),
    routes: Type.Array(Type.Ref('SupplyRoute')),
    unserved: Type.Array(UnservedOrder),
    zones: Type.Array(
      Type.Object({
        kind: Type.String({ enum: ['forbidden', 'risk'] }),
        name: Type.String(),
        polygon: Type.Array(Type.Object({ lon: Type.Number(), lat: Type.Number() })),
      }),
    ),
  },
  { $id: 'SupplyDecisionRoutes' },
);

const Alternative = Type.Object({
  vehicleId: Type.String(),
  vehicleCode: Type.String(),
  feasible: Type.Boolean(),
  extraCost: Nullable(
    Type.Number({ description: "Added to that vehicle's route cost at the best position" }),
  ),
  position: Nullable(Type.Integer()),
  constraints: Type.Array(Type.String(), {
    description:
      'When not feasible, the hard constraints that forbid it: capacity, time_window, shift, driving_limit, compatibility (a missing feature), forbidden_arc, forbidden_zone, fixed_stops; depot: the vehicle is based at another warehouse',
  }),
  sentence: Type.String(),
});

export const OrderExplanationSchema = Type.Object(
  {
    orderId: Uuid,
    reference: Nullable(Type.String()),
    clientName: Nullable(Type.String()),
    served: Type.Boolean(),
    vehicleId: Nullable(Type.String()),
    vehicleCode: Nullable(Type.String()),
    sequence: Nullable(Type.Integer()),
    marginalCost: Nullable(Type.Number({ description: 'Saved if the order were taken off its route' })),
    unservedReason: Nullable(Type.String()),
    bestAlternative: Nullable(Alternative),
    alternatives: Type.Array(Alternative),
    sentences: Type.Array(Type.String()),
  },
  { $id: 'SupplyRoutingOrderExplanation' },
);

export const RoutingExplanationSchema = Type.Object(
  {
    objective: Open,
    routes: Type.Array(
      Type.Object({
        routeId: Uuid,
        vehicleCode: Type.String(),
        cost: Type.Number(),
        components: Type.Record(Type.String(), Type.Number()),
        sentences: Type.Array(Type.String()),
      }),
    ),
    marginalCosts: Type.Array(
      Type.Object({
        orderId: Uuid,
        reference: Nullable(Type.String()),
        vehicleCode: Type.String(),
        marginalCost: Type.Number(),
      }),
      { description: 'Per served order, the saving if it were removed, largest first' },
    ),
    unserved: Type.Array(UnservedOrder),
    order: Type.Optional(Type.Ref('SupplyRoutingOrderExplanation')),
  },
  { $id: 'SupplyRoutingExplanation' },
);

export const RoutingHypotheticalBody = Type.Object(
  {
    decisionId: Uuid,
    orderId: Uuid,
    vehicleId: Type.Optional({ ...Uuid, description: 'Only this vehicle (default: every vehicle)' }),
  },
  {
    additionalProperties: false,
    description: 'Routing: what putting the order on another vehicle would cost, or what forbids it',
  },
);

export const RoutingHypotheticalSchema = Type.Object(
  {
    decisionId: Uuid,
    order: Type.Ref('SupplyRoutingOrderExplanation'),
  },
  { $id: 'SupplyRoutingHypothetical' },
);

export const ROUTING_SCHEMAS = [
  RouteSchema,
  RoutesSchema,
  OrderExplanationSchema,
  RoutingExplanationSchema,
  RoutingHypotheticalSchema,
];
