// The demo tenant's distribution network in the English Midlands: three warehouses, a fleet of ten
// based at them and the industrial customers it delivers to (more are generated in routing-demo.ts). Fixed data (addresses and
// coordinates are plausible, not real businesses), so routes and maps look the same every time.
import type { TimeWindow } from '../../../platform/db/schema/supply.ts';

export interface DemoWarehouse {
  code: string;
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  /** Storage capacity, units. */
  capacity: number;
  operatingHours: TimeWindow[];
}

export const DEMO_WAREHOUSES: readonly DemoWarehouse[] = [
  {
    code: 'BHM',
    name: 'Birmingham central warehouse',
    address: 'Unit 4, Tyseley Industrial Estate, Seeleys Road, Birmingham B11 2LQ',
    latitude: 52.4594,
    longitude: -1.8392,
    capacity: 550_000,
    operatingHours: [
      { start: '06:00', end: '14:00' },
      { start: '14:00', end: '22:00' },
    ],
  },
  {
    code: 'COV',
    name: 'Coventry Ansty Park warehouse',
    address: 'Plot 12, Ansty Park, Coventry CV7 9RD',
    latitude: 52.4331,
    longitude: -1.4079,
    capacity: 600_000,
    operatingHours: [{ start: '07:00', end: '19:00' }],
  },
  {
    code: 'EMG',
    name: 'East Midlands Gateway warehouse',
    address: 'Unit 2, East Midlands Gateway, Castle Donington DE74 2BB',
    latitude: 52.8301,
    longitude: -1.3065,
    capacity: 500_000,
    operatingHours: [
      { start: '05:00', end: '13:00' },
      { start: '13:00', end: '21:00' },
    ],
  },
];

export interface DemoVehicle {
  code: string;
  type: string;
  capacityKg: number;
  capacityM3: number;
  costPerKm: number;
  costPerHour: number;
  /** kg of CO2 per km. */
  co2PerKm: number;
  depot: string;
  shiftStart: string;
  shiftEnd: string;
  maxDrivingHours: number;
  status: 'available' | 'in_service' | 'maintenance';
  features: string[];
}

export const DEMO_VEHICLES: readonly DemoVehicle[] = [
  {
    code: 'VAN-01',
    type: 'van',
    capacityKg: 1_200,
    capacityM3: 12,
    costPerKm: 0.42,
    costPerHour: 21,
    co2PerKm: 0.21,
    depot: 'BHM',
    shiftStart: '07:00',
    shiftEnd: '16:00',
    maxDrivingHours: 9,
    status: 'available',
    features: ['tail_lift'],
  },
  {
    code: 'EV-01',
    type: 'electric van',
    capacityKg: 900,
    capacityM3: 9,
    costPerKm: 0.18,
    costPerHour: 21,
    co2PerKm: 0.04,
    depot: 'BHM',
    shiftStart: '08:00',
    shiftEnd: '16:00',
    maxDrivingHours: 8,
    status: 'available',
    features: ['electric', 'low_emission_zone'],
  },
  {
    code: 'TRK-01',
    type: '7.5 t rigid truck',
    capacityKg: 3_000,
    capacityM3: 35,
    costPerKm: 0.78,
    costPerHour: 26,
    co2PerKm: 0.52,
    depot: 'COV',
    shiftStart: '06:00',
    shiftEnd: '15:00',
    maxDrivingHours: 9,
    status: 'available',
    features: ['tail_lift', 'pallet_jack'],
  },
  {
    code: 'VAN-02',
    type: 'temperature-controlled van',
    capacityKg: 1_000,
    capacityM3: 10,
    costPerKm: 0.5,
    costPerHour: 22,
    co2PerKm: 0.26,
    depot: 'COV',
    shiftStart: '07:00',
    shiftEnd: '15:00',
    maxDrivingHours: 9,
    // Adhesives and sealant cartridges must stay between 5 and 25 °C.
    status: 'available',
    features: ['refrigerated'],
  },
  {
    code: 'TRK-02',
    type: '18 t rigid truck',
    capacityKg: 9_000,
    capacityM3: 50,
    costPerKm: 1.05,
    costPerHour: 30,
    co2PerKm: 0.74,
    depot: 'EMG',
    shiftStart: '05:30',
    shiftEnd: '15:30',
    maxDrivingHours: 9,
    status: 'available',
    features: ['tail_lift', 'curtain_sider'],
  },
  {
    code: 'TRK-03',
    type: '7.5 t rigid truck',
    capacityKg: 3_000,
    capacityM3: 35,
    costPerKm: 0.78,
    costPerHour: 26,
    co2PerKm: 0.52,
    depot: 'EMG',
    shiftStart: '06:00',
    shiftEnd: '15:00',
    maxDrivingHours: 9,
    status: 'maintenance',
    features: ['tail_lift'],
  },
  // The delivery day's fleet (issue 17): a refrigerated van at every warehouse, more vans.
  {
    code: 'VAN-03',
    type: 'temperature-controlled van',
    capacityKg: 1_000,
    capacityM3: 10,
    costPerKm: 0.5,
    costPerHour: 22,
    co2PerKm: 0.26,
    depot: 'BHM',
    shiftStart: '06:30',
    shiftEnd: '15:30',
    maxDrivingHours: 9,
    status: 'available',
    features: ['refrigerated'],
  },
  {
    code: 'EV-02',
    type: 'electric van',
    capacityKg: 900,
    capacityM3: 9,
    costPerKm: 0.18,
    costPerHour: 21,
    co2PerKm: 0.04,
    depot: 'COV',
    shiftStart: '08:00',
    shiftEnd: '17:00',
    maxDrivingHours: 8,
    status: 'available',
    features: ['electric', 'low_emission_zone'],
  },
  {
    code: 'VAN-04',
    type: 'temperature-controlled van',
    capacityKg: 1_000,
    capacityM3: 10,
    costPerKm: 0.5,
    costPerHour: 22,
    co2PerKm: 0.26,
    depot: 'EMG',
    shiftStart: '06:00',
    shiftEnd: '15:00',
    maxDrivingHours: 9,
    status: 'available',
    features: ['refrigerated'],
  },
  {
    code: 'VAN-05',
    type: 'van',
    capacityKg: 1_400,
    capacityM3: 14,
    costPerKm: 0.4,
    costPerHour: 21,
    co2PerKm: 0.2,
    depot: 'EMG',
    shiftStart: '07:00',
    shiftEnd: '17:00',
    maxDrivingHours: 9,
    status: 'available',
    features: ['tail_lift'],
  },
];

export interface DemoClient {
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  timeWindows: TimeWindow[];
  serviceMinutes: number;
  /** 1 (highest) … 5. */
  priority: number;
  slaHours: number;
  /** The warehouse that usually serves it. */
  servedFrom: string;
}

const MORNING: TimeWindow[] = [{ start: '08:00', end: '12:00' }];
const SPLIT: TimeWindow[] = [
  { start: '07:30', end: '10:30' },
  { start: '13:00', end: '16:00' },
];
const DAY: TimeWindow[] = [{ start: '08:00', end: '17:00' }];
const AFTERNOON: TimeWindow[] = [{ start: '12:30', end: '16:30' }];

type ClientRow = [string, string, number, number, TimeWindow[], number, number, number, string];
const CLIENT_ROWS: readonly ClientRow[] = [
  [
    'Black Country Pumps Ltd',
    'Bilston Road, Wolverhampton WV2 2JH',
    52.5783,
    -2.1121,
    SPLIT,
    20,
    1,
    24,
    'BHM',
  ],
  ['Walsall Gearboxes', 'Bloxwich Lane, Walsall WS2 8TF', 52.5965, -2.0021, MORNING, 15, 2, 48, 'BHM'],
  [
    'Solihull Precision Engineering',
    'Cranmore Boulevard, Solihull B90 4LE',
    52.3961,
    -1.7896,
    DAY,
    10,
    3,
    48,
    'BHM',
  ],
  [
    'Redditch Spring Works',
    'Moons Moat Drive, Redditch B98 9HF',
    52.3187,
    -1.9097,
    MORNING,
    15,
    3,
    72,
    'BHM',
  ],
  [
    'Dudley Castings Finishing',
    'Pensnett Trading Estate, Kingswinford DY6 7PP',
    52.5043,
    -2.1427,
    AFTERNOON,
    25,
    2,
    48,
    'BHM',
  ],
  ['West Bromwich Conveyors', 'Kelvin Way, West Bromwich B70 7JW', 52.5214, -1.9803, SPLIT, 20, 2, 24, 'BHM'],
  ['Tamworth Hydraulics', 'Relay Drive, Tamworth B77 5PA', 52.6311, -1.6572, DAY, 10, 4, 72, 'BHM'],
  [
    'Kidderminster Packaging Co',
    'Firs Industrial Estate, Kidderminster DY11 7QN',
    52.3753,
    -2.2703,
    MORNING,
    30,
    3,
    48,
    'BHM',
  ],
  [
    'Coventry Motor Components',
    'Torrington Avenue, Coventry CV4 9AJ',
    52.4103,
    -1.5721,
    SPLIT,
    20,
    1,
    24,
    'COV',
  ],
  ['Rugby Cement Machinery', 'Central Park Drive, Rugby CV23 0WE', 52.3917, -1.2367, DAY, 15, 3, 48, 'COV'],
  [
    'Leamington Robotics',
    'Sydenham Industrial Estate, Leamington Spa CV31 1NB',
    52.2841,
    -1.5129,
    MORNING,
    10,
    2,
    48,
    'COV',
  ],
  [
    'Nuneaton Valves',
    'Attleborough Fields, Nuneaton CV11 6RH',
    52.5171,
    -1.4515,
    AFTERNOON,
    15,
    4,
    72,
    'COV',
  ],
  [
    'Hinckley Knitting Machines',
    'Harrowbrook Industrial Estate, Hinckley LE10 3DJ',
    52.5296,
    -1.3932,
    DAY,
    20,
    5,
    96,
    'COV',
  ],
  [
    'Warwick Fluid Power',
    'Heathcote Industrial Estate, Warwick CV34 6TJ',
    52.2735,
    -1.5573,
    SPLIT,
    15,
    3,
    48,
    'COV',
  ],
  ['Derby Rail Bogies', 'Osmaston Park Road, Derby DE24 8BJ', 52.8995, -1.4631, SPLIT, 30, 1, 24, 'EMG'],
  ['Nottingham Lift Systems', 'Lenton Lane, Nottingham NG7 2NR', 52.9396, -1.1769, MORNING, 15, 2, 48, 'EMG'],
  [
    'Loughborough Turbines',
    'Charnwood Business Park, Loughborough LE11 1LE',
    52.7781,
    -1.2214,
    DAY,
    20,
    2,
    48,
    'EMG',
  ],
  [
    'Leicester Printing Presses',
    'Troon Way, Leicester LE4 9HA',
    52.6667,
    -1.0898,
    AFTERNOON,
    15,
    3,
    72,
    'EMG',
  ],
  [
    'Burton Brewing Equipment',
    'Centrum 100, Burton upon Trent DE14 2WG',
    52.7863,
    -1.6565,
    MORNING,
    25,
    3,
    48,
    'EMG',
  ],
  ['Mansfield Mining Spares', 'Crown Farm Way, Mansfield NG19 0FT', 53.1299, -1.1752, DAY, 20, 4, 72, 'EMG'],
  [
    'Ilkeston Foundry Services',
    'Quarry Hill Industrial Estate, Ilkeston DE7 4RD',
    52.9594,
    -1.3004,
    SPLIT,
    15,
    3,
    48,
    'EMG',
  ],
];

export const DEMO_CLIENTS: readonly DemoClient[] = CLIENT_ROWS.map(
  ([name, address, latitude, longitude, timeWindows, serviceMinutes, priority, slaHours, servedFrom]) => ({
    name,
    address,
    latitude,
    longitude,
    timeWindows,
    serviceMinutes,
    priority,
    slaHours,
    servedFrom,
  }),
);
