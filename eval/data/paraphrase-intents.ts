// The intents behind eval/data/paraphrases.json (see make-paraphrases.ts): each a question written
// several ways, with the slot whose value changes the answer, its antonym or sibling intent, and
// hand-written hard pairs.

export const SLOTS = {
  line: [1, 2, 3, 4, 5, 6],
  line2: [1, 2, 3, 4, 5, 6],
  pump: ['P-101', 'P-102', 'P-205', 'P-310'],
  valve: ['V-12', 'V-7', 'V-31'],
  n: [2, 3, 4, 7, 9],
  temp: [180, 200, 220, 250],
  sku: ['SKU-4410', 'SKU-5521', 'SKU-7702', 'BRK-220'],
  supplier: ['Acme Metals', 'Bolt Ltd', 'Nordic Polymers', 'Sino Parts'],
  month: ['January', 'March', 'April', 'June', 'September', 'November'],
  wh: ['North', 'South', 'East', 'Central'],
  pct: [5, 10, 50, 85],
  days: [7, 14, 30, 90],
  shift: ['A', 'B', 'C'],
  customer: ['Hansa Foods', 'Delta Motors', 'Orion Pharma'],
  sensor: ['PT-401', 'TT-220', 'FT-118'],
  hours: [4, 12, 24, 48],
} as const;

export type Slots = { -readonly [K in keyof typeof SLOTS]: (typeof SLOTS)[K][number] };

export interface Intent {
  id: string;
  phrasings: string[];
  numberSlot?: keyof Slots;
  entitySlot?: keyof Slots;
  antonym?: string;
  sibling?: string;
  negations?: [string, string][];
  hardParaphrases?: [string, string][];
}

export const INTENTS: Intent[] = [
  // Plant operations
  {
    id: 'oee',
    phrasings: [
      'What was the OEE of line {line} yesterday?',
      "Can you tell me yesterday's OEE for line {line}?",
      'Show me line {line} OEE for yesterday',
      'OEE on line {line} yesterday?',
    ],
    numberSlot: 'line',
    sibling: 'availability',
    hardParaphrases: [
      ['What was the OEE of line {line} yesterday?', 'OEE of line {line} over the last 24 hours?'],
    ],
  },
  {
    id: 'availability',
    phrasings: [
      'What was the availability of line {line} yesterday?',
      "Can you tell me yesterday's availability for line {line}?",
      'Show me line {line} availability for yesterday',
      'Availability on line {line} yesterday?',
    ],
    numberSlot: 'line',
  },
  {
    id: 'start-line',
    phrasings: [
      'Start line {line}',
      'Please start line {line} now',
      'Begin production on line {line}',
      'Start up line {line}',
    ],
    numberSlot: 'line',
    antonym: 'stop-line',
  },
  {
    id: 'stop-line',
    phrasings: [
      'Stop line {line}',
      'Please stop line {line} now',
      'Halt production on line {line}',
      'Shut down line {line}',
    ],
    numberSlot: 'line',
    antonym: 'start-line',
  },
  {
    id: 'pump-stop',
    phrasings: [
      'Why did pump {pump} stop?',
      'What caused pump {pump} to stop?',
      'What is the reason pump {pump} stopped?',
      'Why has pump {pump} stopped running?',
    ],
    entitySlot: 'pump',
    negations: [['Why did pump {pump} stop?', "Why didn't pump {pump} stop?"]],
    hardParaphrases: [['Why did pump {pump} stop?', 'Why did pump {pump} halt?']],
  },
  {
    id: 'open-valve',
    phrasings: [
      'Open valve {valve} on tank {n}',
      'Please open valve {valve} on tank {n}',
      'Can you open tank {n} valve {valve}?',
      'Open tank {n} valve {valve} now',
    ],
    entitySlot: 'valve',
    numberSlot: 'n',
    antonym: 'close-valve',
  },
  {
    id: 'close-valve',
    phrasings: [
      'Close valve {valve} on tank {n}',
      'Please close valve {valve} on tank {n}',
      'Can you close tank {n} valve {valve}?',
      'Close tank {n} valve {valve} now',
    ],
    entitySlot: 'valve',
    numberSlot: 'n',
    antonym: 'open-valve',
  },
  {
    id: 'oven-above',
    phrasings: [
      'Which ovens ran above {temp} °C today?',
      'List the ovens running above {temp} degrees today',
      'Ovens over {temp} °C today?',
      'Which ovens exceeded {temp} °C today?',
    ],
    numberSlot: 'temp',
    antonym: 'oven-below',
  },
  {
    id: 'oven-below',
    phrasings: [
      'Which ovens ran below {temp} °C today?',
      'List the ovens running below {temp} degrees today',
      'Ovens under {temp} °C today?',
      'Which ovens stayed beneath {temp} °C today?',
    ],
    numberSlot: 'temp',
    antonym: 'oven-above',
  },
  {
    id: 'downtime',
    phrasings: [
      'How much downtime did line {line} have last week?',
      'Total downtime on line {line} last week?',
      'Line {line} downtime for last week',
      'What was the total stoppage time of line {line} last week?',
    ],
    numberSlot: 'line',
    sibling: 'runtime',
  },
  {
    id: 'runtime',
    phrasings: [
      'How much runtime did line {line} have last week?',
      'Total runtime on line {line} last week?',
      'Line {line} runtime for last week',
      'What was the total running time of line {line} last week?',
    ],
    numberSlot: 'line',
  },
  {
    id: 'alarms',
    phrasings: [
      'Show the alarms on line {line} today',
      "List today's alarms for line {line}",
      'Which alarms went off on line {line} today?',
      'Alarms of line {line} today',
    ],
    numberSlot: 'line',
    negations: [
      [
        'Show the alarms on line {line} today that were acknowledged',
        'Show the alarms on line {line} today that were not acknowledged',
      ],
    ],
    sibling: 'alarms-yesterday',
  },
  {
    id: 'alarms-yesterday',
    phrasings: [
      'Show the alarms on line {line} yesterday',
      "List yesterday's alarms for line {line}",
      'Which alarms went off on line {line} yesterday?',
      'Alarms of line {line} yesterday',
    ],
    numberSlot: 'line',
  },
  {
    id: 'compressor-energy',
    phrasings: [
      'What is the energy use of compressor {n} this month?',
      'How much energy did compressor {n} use this month?',
      'Compressor {n} energy consumption this month',
      'Energy consumed by compressor {n} so far this month?',
    ],
    numberSlot: 'n',
    sibling: 'compressor-air',
  },
  {
    id: 'compressor-air',
    phrasings: [
      'What is the air output of compressor {n} this month?',
      'How much air did compressor {n} deliver this month?',
      'Compressor {n} air output this month',
      'Air delivered by compressor {n} so far this month?',
    ],
    numberSlot: 'n',
  },
  {
    id: 'press-maintenance',
    phrasings: [
      'When is maintenance due for press {n}?',
      'When is the next maintenance on press {n}?',
      'Next service date for press {n}?',
      'When does press {n} need its next maintenance?',
    ],
    numberSlot: 'n',
  },
  {
    id: 'shift-output',
    phrasings: [
      'How many units did shift {shift} produce on line {line}?',
      'What was the output of shift {shift} on line {line}?',
      'Units produced by shift {shift} on line {line}',
      'Line {line}, shift {shift}: how many units were made?',
    ],
    entitySlot: 'shift',
    numberSlot: 'line',
  },
  {
    id: 'scrap-up',
    phrasings: [
      'Why did scrap increase on line {line} this week?',
      'What made scrap go up on line {line} this week?',
      'Why is scrap rising on line {line} this week?',
      'Reason for the scrap increase on line {line} this week?',
    ],
    numberSlot: 'line',
    antonym: 'scrap-down',
  },
  {
    id: 'scrap-down',
    phrasings: [
      'Why did scrap decrease on line {line} this week?',
      'What made scrap go down on line {line} this week?',
      'Why is scrap falling on line {line} this week?',
      'Reason for the scrap decrease on line {line} this week?',
    ],
    numberSlot: 'line',
    antonym: 'scrap-up',
  },
  {
    id: 'alarm-enable',
    phrasings: [
      'Enable the high-temperature alarm on tank {n}',
      'Turn on the high temperature alarm for tank {n}',
      "Please activate tank {n}'s high-temperature alarm",
      'Switch the tank {n} high-temperature alarm on',
    ],
    numberSlot: 'n',
    antonym: 'alarm-disable',
  },
  {
    id: 'alarm-disable',
    phrasings: [
      'Disable the high-temperature alarm on tank {n}',
      'Turn off the high temperature alarm for tank {n}',
      "Please deactivate tank {n}'s high-temperature alarm",
      'Switch the tank {n} high-temperature alarm off',
    ],
    numberSlot: 'n',
    antonym: 'alarm-enable',
  },
  // Quality
  {
    id: 'scrap-rate',
    phrasings: [
      'What is the scrap rate of line {line} last week?',
      "Show last week's scrap rate for line {line}",
      'Scrap percentage on line {line} last week?',
      'How high was the scrap rate on line {line} last week?',
    ],
    numberSlot: 'line',
    sibling: 'scrap-cost',
  },
  {
    id: 'scrap-cost',
    phrasings: [
      'What is the scrap cost of line {line} last week?',
      "Show last week's scrap cost for line {line}",
      'Scrap cost on line {line} last week?',
      'How high was the scrap cost on line {line} last week?',
    ],
    numberSlot: 'line',
  },
  {
    id: 'defects-sku',
    phrasings: [
      'Which defects were found on {sku} this month?',
      'List the defects on {sku} this month',
      'What defects did {sku} have this month?',
      '{sku}: defects found this month?',
    ],
    entitySlot: 'sku',
    sibling: 'complaints-sku',
  },
  {
    id: 'complaints-sku',
    phrasings: [
      'Which complaints were received about {sku} this month?',
      'List the complaints about {sku} this month',
      'What complaints did {sku} get this month?',
      '{sku}: complaints received this month?',
    ],
    entitySlot: 'sku',
  },
  {
    id: 'lots-accepted',
    phrasings: [
      'How many lots of {sku} were accepted in {month}?',
      'Number of {sku} lots accepted in {month}?',
      'Count of accepted {sku} lots in {month}',
      'In {month}, how many {sku} lots did we accept?',
    ],
    entitySlot: 'month',
    antonym: 'lots-rejected',
  },
  {
    id: 'lots-rejected',
    phrasings: [
      'How many lots of {sku} were rejected in {month}?',
      'Number of {sku} lots rejected in {month}?',
      'Count of rejected {sku} lots in {month}',
      'In {month}, how many {sku} lots did we reject?',
    ],
    entitySlot: 'month',
    antonym: 'lots-accepted',
  },
  {
    id: 'spc',
    phrasings: [
      'Which SPC charts on line {line} are out of control?',
      'Show the out-of-control SPC charts for line {line}',
      'Line {line}: which SPC charts are out of control?',
      'List SPC charts out of control on line {line}',
    ],
    numberSlot: 'line',
    negations: [
      [
        'Which SPC charts on line {line} are in control?',
        'Which SPC charts on line {line} are not in control?',
      ],
    ],
  },
  {
    id: 'tests-passed',
    phrasings: [
      'Which batches passed the final test yesterday?',
      'List the batches that passed final testing yesterday',
      "Yesterday's batches that passed the final test?",
      'What batches passed the final inspection test yesterday?',
    ],
    antonym: 'tests-failed',
  },
  {
    id: 'tests-failed',
    phrasings: [
      'Which batches failed the final test yesterday?',
      'List the batches that failed final testing yesterday',
      "Yesterday's batches that failed the final test?",
      'What batches failed the final inspection test yesterday?',
    ],
    antonym: 'tests-passed',
  },
  {
    id: 'cpk-diameter',
    phrasings: [
      'What is the Cpk of the diameter on {sku}?',
      'Show the diameter Cpk for {sku}',
      '{sku} diameter process capability (Cpk)?',
      'How capable is the {sku} diameter (Cpk)?',
    ],
    entitySlot: 'sku',
    sibling: 'cpk-length',
  },
  {
    id: 'cpk-length',
    phrasings: [
      'What is the Cpk of the length on {sku}?',
      'Show the length Cpk for {sku}',
      '{sku} length process capability (Cpk)?',
      'How capable is the {sku} length (Cpk)?',
    ],
    entitySlot: 'sku',
  },
  {
    id: 'ncr-open',
    phrasings: [
      'How many non-conformance reports are open for {supplier}?',
      'Open NCRs for {supplier}?',
      'Count of open non-conformance reports with {supplier}',
      'How many NCRs does {supplier} still have open?',
    ],
    entitySlot: 'supplier',
    hardParaphrases: [
      [
        'How many non-conformance reports are open for {supplier}?',
        'How many non-conformance reports are still unresolved for {supplier}?',
      ],
    ],
  },
  // Supply
  {
    id: 'late-suppliers',
    phrasings: [
      'Which suppliers delivered late in {month}?',
      'Which vendors were late delivering in {month}?',
      'List suppliers with late deliveries in {month}',
      'Who delivered late in {month} among our suppliers?',
    ],
    entitySlot: 'month',
    antonym: 'early-suppliers',
  },
  {
    id: 'early-suppliers',
    phrasings: [
      'Which suppliers delivered early in {month}?',
      'Which vendors were early delivering in {month}?',
      'List suppliers with early deliveries in {month}',
      'Who delivered early in {month} among our suppliers?',
    ],
    entitySlot: 'month',
    antonym: 'late-suppliers',
  },
  {
    id: 'stock',
    phrasings: [
      'How much stock of {sku} is in the {wh} warehouse?',
      'What is the inventory of {sku} at the {wh} warehouse?',
      'Stock level for {sku} in the {wh} warehouse?',
      '{wh} warehouse: how much {sku} do we have in stock?',
    ],
    entitySlot: 'wh',
    sibling: 'on-order',
  },
  {
    id: 'on-order',
    phrasings: [
      'How much of {sku} is on order for the {wh} warehouse?',
      'What is the open order quantity of {sku} for the {wh} warehouse?',
      'Quantity on order for {sku} in the {wh} warehouse?',
      '{wh} warehouse: how much {sku} do we have on order?',
    ],
    entitySlot: 'wh',
  },
  {
    id: 'reorder',
    phrasings: [
      'When should we reorder {sku}?',
      'What is the reorder date for {sku}?',
      'When do we need to place the next order of {sku}?',
      'Reorder date of {sku}?',
    ],
    entitySlot: 'sku',
  },
  {
    id: 'lead-time',
    phrasings: [
      'What is the average lead time of {supplier}?',
      'How long does {supplier} take to deliver on average?',
      '{supplier} average lead time?',
      'Average delivery lead time for {supplier}?',
    ],
    entitySlot: 'supplier',
    sibling: 'lead-time-max',
  },
  {
    id: 'lead-time-max',
    phrasings: [
      'What is the longest lead time of {supplier}?',
      'How long does {supplier} take to deliver at most?',
      '{supplier} longest lead time?',
      'Longest delivery lead time for {supplier}?',
    ],
    entitySlot: 'supplier',
  },
  {
    id: 'inbound',
    phrasings: [
      'How many inbound shipments arrive at the {wh} warehouse this week?',
      'Number of inbound shipments for the {wh} warehouse this week?',
      'Inbound shipments at the {wh} warehouse this week',
      'How many incoming shipments does the {wh} warehouse get this week?',
    ],
    entitySlot: 'wh',
    antonym: 'outbound',
  },
  {
    id: 'outbound',
    phrasings: [
      'How many outbound shipments leave the {wh} warehouse this week?',
      'Number of outbound shipments for the {wh} warehouse this week?',
      'Outbound shipments at the {wh} warehouse this week',
      'How many outgoing shipments does the {wh} warehouse send this week?',
    ],
    entitySlot: 'wh',
    antonym: 'inbound',
  },
  {
    id: 'orders-over',
    phrasings: [
      'Show orders above {n}00 units for {customer}',
      'List {customer} orders over {n}00 units',
      'Which orders from {customer} are above {n}00 units?',
      'Orders of {customer} exceeding {n}00 units',
    ],
    numberSlot: 'n',
    entitySlot: 'customer',
  },
  {
    id: 'forecast',
    phrasings: [
      'What is the demand forecast for {sku} next month?',
      'Forecast {sku} demand for next month',
      'How much {sku} will customers order next month?',
      'Next month demand forecast of {sku}?',
    ],
    entitySlot: 'sku',
    sibling: 'actual-demand',
  },
  {
    id: 'actual-demand',
    phrasings: [
      'What was the actual demand for {sku} last month?',
      'Actual {sku} demand for last month',
      'How much {sku} did customers order last month?',
      'Last month actual demand of {sku}?',
    ],
    entitySlot: 'sku',
  },
  // Analytics
  {
    id: 'top-suppliers',
    phrasings: [
      'Top {n} suppliers by delay this quarter',
      'Which {n} suppliers had the most delays this quarter?',
      'Show the {n} suppliers with the most delay this quarter',
      'The {n} most delayed suppliers this quarter?',
    ],
    numberSlot: 'n',
    hardParaphrases: [
      [
        'Which {n} suppliers had the most delays this quarter?',
        'Which {n} suppliers were the worst for delays this quarter?',
      ],
    ],
  },
  {
    id: 'oee-trend',
    phrasings: [
      'Show the OEE trend of line {line} over the last {days} days',
      'How has OEE on line {line} evolved over the last {days} days?',
      'Line {line} OEE trend, last {days} days',
      'OEE of line {line} over the past {days} days as a trend',
    ],
    numberSlot: 'days',
  },
  {
    id: 'compare-lines',
    phrasings: [
      'Compare the scrap of line {line} and line {line2}',
      'How does line {line} scrap compare with line {line2}?',
      'Scrap: line {line} vs line {line2}',
      'Compare line {line2} and line {line} on scrap',
    ],
    numberSlot: 'line2',
  },
  {
    id: 'availability-below',
    phrasings: [
      'Which machines have availability below {pct} %?',
      'List machines with availability under {pct}%',
      'Machines whose availability is below {pct} percent',
      'What machines are below {pct} % availability?',
    ],
    numberSlot: 'pct',
    antonym: 'availability-above',
  },
  {
    id: 'availability-above',
    phrasings: [
      'Which machines have availability above {pct} %?',
      'List machines with availability over {pct}%',
      'Machines whose availability is above {pct} percent',
      'What machines are above {pct} % availability?',
    ],
    numberSlot: 'pct',
    antonym: 'availability-below',
  },
  {
    id: 'maintenance-cost',
    phrasings: [
      'What did maintenance cost in {month}?',
      'Total maintenance cost for {month}?',
      'How much did we spend on maintenance in {month}?',
      'Maintenance spending in {month}?',
    ],
    entitySlot: 'month',
    sibling: 'energy-cost',
  },
  {
    id: 'energy-cost',
    phrasings: [
      'What did energy cost in {month}?',
      'Total energy cost for {month}?',
      'How much did we spend on energy in {month}?',
      'Energy spending in {month}?',
    ],
    entitySlot: 'month',
  },
  {
    id: 'mtbf',
    phrasings: [
      'What is the MTBF of pump {pump}?',
      'Mean time between failures for pump {pump}?',
      'How long does pump {pump} run between failures on average?',
      'Pump {pump} MTBF?',
    ],
    entitySlot: 'pump',
    sibling: 'mttr',
  },
  {
    id: 'mttr',
    phrasings: [
      'What is the MTTR of pump {pump}?',
      'Mean time to repair for pump {pump}?',
      'How long does pump {pump} take to repair on average?',
      'Pump {pump} MTTR?',
    ],
    entitySlot: 'pump',
  },
  {
    id: 'sensor-pressure',
    phrasings: [
      'Show the pressure readings of sensor {sensor} for the last {hours} hours',
      'Pressure values from sensor {sensor}, last {hours} hours',
      'What did sensor {sensor} read for pressure in the past {hours} hours?',
      'Sensor {sensor} pressure over the last {hours} hours',
    ],
    numberSlot: 'hours',
    entitySlot: 'sensor',
    sibling: 'sensor-temperature',
  },
  {
    id: 'sensor-temperature',
    phrasings: [
      'Show the temperature readings of sensor {sensor} for the last {hours} hours',
      'Temperature values from sensor {sensor}, last {hours} hours',
      'What did sensor {sensor} read for temperature in the past {hours} hours?',
      'Sensor {sensor} temperature over the last {hours} hours',
    ],
    numberSlot: 'hours',
    entitySlot: 'sensor',
  },
];
