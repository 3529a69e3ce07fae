// What ERPs and people call each canonical field: per source (an ERP, or a language for hand-made
// files) the headers in use, separated by `|`. Matching is by normalized text (case, accents,
// punctuation, camelCase, common abbreviations; see suggest-text.ts), so one spelling per name is
// enough. `@min` marks a column the source writes in minutes where the field is stored in hours.
import { COST_SYNONYMS } from './synonyms-measures.ts';

export const SOURCES = {
  generic: 'common English',
  sap: 'SAP',
  sapDe: 'SAP (German)',
  oracle: 'Oracle',
  dynamics: 'Microsoft Dynamics',
  odoo: 'Odoo',
  epicor: 'Epicor',
  plex: 'Plex',
  infor: 'Infor',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
} as const;
export type Source = keyof typeof SOURCES;
/** Sources that are ERP systems (the others are languages). */
export const ERP_SOURCES: readonly Source[] = [
  'sap',
  'sapDe',
  'oracle',
  'dynamics',
  'odoo',
  'epicor',
  'plex',
  'infor',
];

export type SynonymTable = Record<string, Partial<Record<Source, string>>>;

const IDENTIFIERS: SynonymTable = {
  workOrder: {
    generic:
      'work order|work order number|work order id|wo number|job|job number|job id|production order|production order number|manufacturing order|mo number|order number|order no|order id',
    sap: 'order|aufnr|order number',
    sapDe: 'auftrag|auftragsnummer|fertigungsauftrag|prozessauftrag|auftragsnr',
    oracle: 'wip entity name|wip entity id|job name|wip job|work order name',
    dynamics: 'production order no|prod id|production id|prodid',
    odoo: 'reference|manufacturing order',
    epicor: 'job num|jobnum',
    plex: 'job no|job key',
    infor: 'mo number|job order',
    de: 'arbeitsauftrag|betriebsauftrag|fa nummer',
    fr: 'ordre de fabrication|of|numero of|ordre de production|bon de travail|ordre de travail|numero ordre',
    es: 'orden de trabajo|orden de fabricacion|orden de produccion|ot|numero de orden|orden',
  },
  operationSeq: {
    generic:
      'operation|operation number|operation seq|operation sequence|op|op no|op seq|step|routing step|sequence number|operation no',
    sap: 'vornr|activity|operation activity',
    sapDe: 'vorgang|vorgangsnummer|vorgangsnr',
    oracle: 'operation seq num|operation sequence number|op seq num',
    dynamics: 'oper no|opr num|oprnum',
    odoo: 'sequence',
    epicor: 'opr seq|oprseq',
    plex: 'operation code',
    de: 'arbeitsgang|arbeitsgangnummer|ag nummer|ag nr|arbeitsfolge',
    fr: 'numero operation|phase|sequence operation|etape',
    es: 'operacion|numero de operacion|secuencia|paso|fase',
  },
  partNumber: {
    generic:
      'part number|part no|part|part id|item|item number|item no|item code|product|product code|product number|sku|material number|pn|article',
    sap: 'material|matnr|material no',
    sapDe: 'materialnummer|materialnr|artikel',
    oracle: 'primary item|assembly|assembly item|inventory item|segment1|assembly item name',
    dynamics: 'item id|itemid',
    odoo: 'product reference|internal reference|default code',
    epicor: 'part num|partnum',
    plex: 'part key',
    infor: 'item|part',
    de: 'artikelnummer|teilenummer|sachnummer|artikel nr|produkt|teil',
    fr: 'reference article|ref article|code article|numero de piece|produit|piece',
    es: 'numero de pieza|numero de parte|articulo|codigo de articulo|producto|pieza|referencia',
  },
  partFamily: {
    generic:
      'part family|product family|family|product group|item group|product line|category|product category|item category|commodity|part group|part class|item class',
    sap: 'material group|matkl|product hierarchy',
    sapDe: 'warengruppe|materialgruppe|produkthierarchie',
    oracle: 'item type|category set',
    dynamics: 'item group id',
    epicor: 'prod code|class id',
    plex: 'part type|product type',
    de: 'produktfamilie|produktgruppe|artikelgruppe|teilefamilie',
    fr: 'famille|famille de produits|famille article|gamme de produits|categorie',
    es: 'familia|familia de producto|grupo de articulos|categoria|linea de producto',
  },
  workCenter: {
    generic:
      'work center|workcenter|cell|line|production line|work cell|department|area|work center id|resource group',
    sap: 'work ctr|arbpl',
    sapDe: 'arbeitsplatz|arbeitsplatzgruppe',
    oracle: 'department code|dept code',
    dynamics: 'work center group|production unit',
    epicor: 'resource grp id|jc dept',
    plex: 'workcenter code',
    de: 'fertigungslinie|linie|fertigungsbereich|bereich|fertigungszelle|zelle',
    fr: 'poste de travail|poste de charge|ilot|ligne|ligne de production|atelier|centre de travail',
    es: 'centro de trabajo|puesto de trabajo|linea|linea de produccion|celda|seccion|departamento',
  },
  machine: {
    generic:
      'machine|machine id|machine number|machine name|equipment|equipment id|asset|asset id|resource|resource id|press|station',
    sap: 'equipment number|equnr',
    sapDe: 'equipmentnummer|anlage|maschine|betriebsmittel',
    oracle: 'resource code|resource name|instance name|asset number',
    dynamics: 'WrkCtrId',
    odoo: 'maintenance equipment',
    epicor: 'equip id',
    plex: 'equipment key',
    de: 'maschinennummer|anlagennummer|maschinen nr',
    fr: 'equipement|moyen|ressource|numero machine',
    es: 'maquina|equipo|recurso|activo|numero de maquina',
  },
  operator: {
    generic:
      'operator|operator id|operator name|employee|employee id|employee number|employee name|worker|technician|badge|badge number|clock number|personnel number|associate',
    sap: 'pernr|personnel no',
    sapDe: 'personalnummer|werker|bediener|pers nr',
    oracle: 'employee num|person',
    dynamics: 'emplid',
    epicor: 'emp id',
    plex: 'employee no',
    de: 'mitarbeiter|mitarbeiternummer|maschinenbediener|personal',
    fr: 'operateur|employe|matricule|salarie',
    es: 'operador|operario|empleado|trabajador|numero de empleado',
  },
  shift: {
    generic: 'shift|shift id|shift code|shift name|shift number|crew',
    sap: 'shift sequence|shift definition',
    sapDe: 'schicht|schichtfolge|schichtnummer',
    oracle: 'shift num',
    de: 'schichtgruppe|schichtmodell',
    fr: 'equipe|poste|quart',
    es: 'turno',
  },
  supplier: {
    generic:
      'supplier|supplier name|supplier id|vendor|vendor name|vendor id|vendor number|supplier code|material supplier',
    sap: 'lifnr',
    sapDe: 'lieferant|kreditor|lieferantennummer|lieferantenname',
    dynamics: 'vendor account|vend account',
    epicor: 'vendor num',
    plex: 'supplier no',
    infor: 'buy from business partner',
    de: 'zulieferer',
    fr: 'fournisseur|nom fournisseur|code fournisseur',
    es: 'proveedor|nombre proveedor|codigo proveedor',
  },
  materialLot: {
    generic:
      'lot|lot number|lot no|batch|batch number|batch no|material lot|heat|heat number|lot id|raw material lot|lot serial number',
    sap: 'charg',
    sapDe: 'charge|chargennummer',
    oracle: 'lot num',
    dynamics: 'batch id|InventBatchId',
    epicor: 'lotnum',
    infor: 'lot code',
    de: 'los|losnummer',
    fr: 'numero de lot|coulee',
    es: 'lote|numero de lote',
  },
  customer: {
    generic:
      'customer|customer name|customer id|customer number|client|account|sold to|ship to|end customer|customer code',
    sap: 'sold to party|kunnr|ship to party',
    sapDe: 'auftraggeber|kunde|warenempfanger|kundennummer|debitor',
    oracle: 'party name',
    dynamics: 'customer account|cust account',
    epicor: 'cust id|sold to customer',
    plex: 'customer no',
    infor: 'sold to business partner',
    de: 'kundenname',
    fr: 'nom client|code client',
    es: 'cliente|nombre cliente|codigo cliente',
  },
  facility: {
    generic: 'facility|site|plant|location|site id|plant code|factory|warehouse|branch|organization',
    sap: 'werks',
    sapDe: 'werk|werksnummer|standort',
    oracle: 'organization code|org code|organization id|inventory organization',
    dynamics: 'InventSiteId',
    plex: 'pcn|building',
    de: 'betrieb|niederlassung|fabrik',
    fr: 'usine|etablissement',
    es: 'planta|fabrica|sede|centro',
  },
};

const QUANTITIES_AND_DATES: SynonymTable = {
  qtyPlanned: {
    generic:
      'planned quantity|order quantity|quantity ordered|target quantity|scheduled quantity|quantity required|lot size|batch size|required quantity|start quantity|quantity to produce|build quantity',
    sap: 'total order quantity|gamng|operation quantity',
    sapDe: 'auftragsmenge|gesamtauftragsmenge|sollmenge|planmenge|losgrosse|vorgangsmenge',
    oracle: 'job quantity',
    dynamics: 'qty sched|production quantity',
    odoo: 'product quantity',
    epicor: 'prod qty|run qty',
    de: 'bestellmenge',
    fr: 'quantite prevue|quantite commandee|quantite a produire|quantite lancee',
    es: 'cantidad planificada|cantidad ordenada|cantidad a producir|cantidad pedida|cantidad programada',
  },
  qtyCompleted: {
    generic:
      'good quantity|completed quantity|produced quantity|yield|good parts|good count|output|finished quantity|quantity received|good pieces|units produced',
    sap: 'confirmed yield|yield quantity|delivered quantity|gr quantity|confirmed quantity',
    sapDe: 'gutmenge|ausbeute|ruckgemeldete gutmenge|gelieferte menge|istmenge',
    dynamics: 'reported as finished|quantity reported as finished',
    odoo: 'qty producing|quantity done',
    epicor: 'complete qty',
    de: 'gutteile|produzierte menge|fertigmenge|gut stuck',
    fr: 'quantite bonne|quantite produite|quantite realisee|pieces bonnes|quantite declaree',
    es: 'cantidad buena|cantidad producida|cantidad completada|piezas buenas|cantidad terminada',
  },
  qtyScrap: {
    generic:
      'scrap|scrap quantity|scrapped|scrapped quantity|rejects|rejected|rejected quantity|scrap count|bad parts|waste|defective quantity|nok quantity',
    sap: 'confirmed scrap|xmnga',
    sapDe: 'ausschussmenge|ausschuss|ruckgemeldeter ausschuss',
    dynamics: 'error quantity|quantity error',
    de: 'schrott|nio menge|nio teile',
    fr: 'rebut|quantite rebutee|rebuts|pieces mauvaises|quantite rejetee',
    es: 'chatarra|desecho|cantidad desechada|rechazo|cantidad rechazada|merma|piezas malas',
  },
  qtyRework: {
    generic: 'rework|rework quantity|reworked quantity|repair quantity',
    sap: 'confirmed rework|rmnga',
    sapDe: 'nacharbeitsmenge|nacharbeit|ruckgemeldete nacharbeit',
    de: 'nachgearbeitete menge',
    fr: 'retouche|quantite retouchee|reprise',
    es: 'retrabajo|cantidad retrabajada|reproceso|cantidad reprocesada',
  },
  plannedStart: {
    generic:
      'planned start|planned start date|start date planned|release date|scheduled date|planned date|start planned',
    sap: 'basic start date|basic start|gstrp',
    sapDe: 'eckstarttermin|terminierter start|sollstarttermin|plan starttermin',
    oracle: 'scheduled start date|first unit start date',
    odoo: 'date planned start',
    de: 'geplanter start|planstart|starttermin',
    fr: 'debut prevu|date de debut prevue|date de lancement',
    es: 'inicio planificado|fecha de inicio planificada|fecha inicio prevista',
  },
  plannedEnd: {
    generic:
      'planned end|planned end date|planned finish|planned finish date|due date|due|end date planned|need date|required date|promise date|scheduled end date',
    sap: 'basic finish date|basic finish|gltrp|basic end date',
    sapDe: 'eckendtermin|terminiertes ende|sollendtermin|liefertermin',
    oracle: 'scheduled completion date|last unit completion date',
    dynamics: 'delivery date',
    odoo: 'deadline|date deadline',
    epicor: 'req due date|reqduedate',
    de: 'geplantes ende|endtermin|falligkeitsdatum|fertigstellungstermin',
    fr: 'fin prevue|date de fin prevue|date d echeance|echeance',
    es: 'fin planificado|fecha de fin planificada|fecha de entrega|fecha vencimiento',
  },
  actualStart: {
    generic:
      'actual start|actual start date|started|started at|start time|actual start time|start|start date',
    sap: 'gstri',
    sapDe: 'ist starttermin|iststart|tatsachlicher start|istbeginn',
    odoo: 'date start',
    de: 'startdatum|beginn|tatsachlicher beginn',
    fr: 'debut reel|date de debut reelle|debut|date debut',
    es: 'inicio real|fecha de inicio real|fecha inicio|inicio',
  },
  actualEnd: {
    generic:
      'actual end|actual end date|actual finish|actual finish date|completed|completed at|completion date|date completed|finish date|end time|end|end date|closed date',
    sap: 'getri|actual delivery date',
    sapDe: 'ist endtermin|istende|tatsachliches ende|istendtermin',
    oracle: 'actual completion date|date closed',
    odoo: 'date finished|finished',
    de: 'enddatum|ende|fertigstellungsdatum|abschlussdatum',
    fr: 'fin reelle|date de fin reelle|fin|date fin|date de cloture',
    es: 'fin real|fecha de fin real|fecha fin|fin|fecha de cierre',
  },
};

/** Per canonical field, per source, its names (`|`-separated). */
export const SYNONYMS: SynonymTable = { ...IDENTIFIERS, ...QUANTITIES_AND_DATES, ...COST_SYNONYMS };
