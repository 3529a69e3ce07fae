// Names of the hours, cost, quality and equipment fields (see synonyms.ts for the format).
import type { SynonymTable } from './synonyms.ts';

const HOURS: SynonymTable = {
  laborHoursPlanned: {
    generic:
      'planned labor hours|standard labor hours|planned hours|labor hours planned|expected hours|planned labor|standard time|budget hours',
    sap: 'standard value labor|planned activity|target labor hours',
    sapDe: 'vorgabezeit personal|sollzeit personal|sollstunden|planstunden|soll personalzeit',
    oracle: 'usage rate hours|planned resource hours|required hours',
    odoo: 'expected duration@min|duration expected@min|planned duration@min',
    epicor: 'est prod hours|est labor hours|prod standard',
    de: 'sollzeit|planzeit|vorgabezeit|vorgabestunden|geplante stunden',
    fr: 'heures prevues|heures standard|temps prevu|temps standard|temps alloue',
    es: 'horas planificadas|horas estandar|horas previstas|tiempo estandar|tiempo planificado',
  },
  laborHoursActual: {
    generic:
      'actual labor hours|labor hours|actual hours|hours worked|worked hours|booked hours|hours|clocked hours|direct labor hours|actual labor',
    sap: 'confirmed labor|actual activity|labor confirmed',
    sapDe: 'ist personalzeit|istzeit personal|iststunden|ruckgemeldete zeit|arbeitszeit ist',
    oracle: 'applied resource hours|actual resource hours|transaction hours',
    odoo: 'real duration@min|duration@min|actual duration@min',
    epicor: 'labor hrs|clock hours',
    de: 'istzeit|arbeitsstunden|gearbeitete stunden|personalstunden|ist zeit',
    fr: 'heures reelles|heures travaillees|temps reel|heures pointees|heures main d oeuvre',
    es: 'horas reales|horas trabajadas|tiempo real|horas de mano de obra',
  },
  setupHours: {
    generic:
      'setup hours|setup time|setup|changeover|changeover time|changeover hours|set up hours|set up time|make ready|actual setup',
    sapDe: 'rustzeit|rusten|ruststunden|ist rustzeit',
    odoo: 'setup time@min|time start@min',
    epicor: 'est setup hours',
    de: 'umrustzeit|einrichtzeit',
    fr: 'temps de reglage|reglage|temps de changement|changement de serie|heures de reglage',
    es: 'tiempo de preparacion|preparacion|tiempo de cambio|cambio de formato|horas de preparacion',
  },
  runHours: {
    generic:
      'run hours|run time|machine hours|machine time|processing time|cycle hours|production hours|runtime|operating hours',
    sap: 'actual machine time',
    sapDe: 'maschinenzeit|bearbeitungszeit|maschinenstunden|laufzeit|ausfuhrungszeit',
    dynamics: 'process time',
    epicor: 'prod hrs',
    de: 'maschinenlaufzeit|fertigungszeit',
    fr: 'temps machine|temps de fonctionnement|heures machine|temps d execution|temps de cycle',
    es: 'tiempo de maquina|horas maquina|tiempo de ejecucion|tiempo de funcionamiento|tiempo de ciclo',
  },
  downtimeMinutes: {
    generic:
      'downtime|downtime minutes|down time|stoppage|stoppage time|idle time|breakdown time|lost time|unplanned downtime|stop time|machine downtime',
    sap: 'breakdown duration',
    sapDe: 'stillstandszeit|stillstand|ausfallzeit|storzeit|stillstandsdauer',
    oracle: 'shutdown time',
    odoo: 'blocked time|productivity loss|loss duration',
    de: 'stillstandsminuten|storungsdauer',
    fr: 'temps d arret|arret|arrets|duree d arret|temps d immobilisation',
    es: 'tiempo de parada|parada|paro|tiempo muerto|tiempo de inactividad',
  },
  downtimeReason: {
    generic:
      'downtime reason|reason|stop reason|downtime cause|loss reason|reason code|downtime code|cause|delay reason|variance reason|stoppage reason',
    sap: 'reason for variance|cause of variance',
    sapDe: 'abweichungsursache|abweichungsgrund|stillstandsgrund|storgrund|ursache',
    oracle: 'downtime reason code|reason name',
    odoo: 'loss|productivity loss reason',
    epicor: 'indirect code',
    de: 'grund|ausfallgrund|storursache',
    fr: 'motif|cause d arret|motif d arret|raison',
    es: 'motivo|causa|motivo de parada|causa de parada|razon',
  },
};

export const COSTS: SynonymTable = {
  materialCostPlanned: {
    generic:
      'planned material cost|material cost planned|material standard|planned material|material plan costs',
    sap: 'plan costs material|target costs material',
    sapDe: 'plankosten material|sollkosten material|materialkosten plan|materialplankosten',
    odoo: 'expected component cost',
    epicor: 'est mtl cost',
    fr: 'cout matiere prevu|cout matiere standard|cout standard matiere|cout matiere previsionnel',
    es: 'costo de material planificado|coste de material previsto|costo estandar de material',
  },
  materialCostActual: {
    generic: 'actual material cost|material cost|material costs|mat cost|actual material',
    sap: 'act costs material|actual costs material|material actual costs',
    sapDe: 'istkosten material|materialkosten ist|materialistkosten',
    oracle: 'applied material cost',
    odoo: 'real component cost|component cost',
    epicor: 'act mtl cost|mtl cost',
    de: 'materialkosten|tatsachliche materialkosten',
    fr: 'cout matiere reel|cout matiere|cout des matieres',
    es: 'costo de material real|coste de material|costo de material',
  },
  laborCostPlanned: {
    generic: 'planned labor cost|labor cost planned|labor standard cost',
    sap: 'plan costs labor|target costs labor|plan costs internal activities',
    sapDe:
      'plankosten fertigung|plankosten personal|sollkosten fertigung|lohnkosten plan|fertigungskosten plan',
    oracle: 'std resource cost|standard resource cost',
    dynamics: 'estimated route cost',
    odoo: 'expected operation cost',
    epicor: 'est lbr cost',
    de: 'lohnkosten soll|geplante lohnkosten|personalkosten soll',
    fr: 'cout main d oeuvre prevu|cout mo prevu|cout standard main d oeuvre',
    es: 'costo de mano de obra planificado|coste mano de obra previsto|costo estandar mano de obra',
  },
  laborCostActual: {
    generic: 'actual labor cost|labor cost|labor costs|direct labor cost',
    sap: 'act costs labor|actual costs labor|actual costs internal activities',
    sapDe: 'istkosten fertigung|istkosten personal|lohnkosten ist|fertigungskosten ist|fertigungskosten',
    oracle: 'actual resource cost|resource cost|applied resource cost',
    dynamics: 'realized route cost|route cost',
    odoo: 'real operation cost|operation cost|workorder cost',
    epicor: 'act lbr cost|lbr cost',
    de: 'lohnkosten|personalkosten|fertigungslohn|arbeitskosten',
    fr: 'cout main d oeuvre|cout main d oeuvre reel|cout mo reel',
    es: 'costo de mano de obra|coste de mano de obra real|costo mano de obra real',
  },
  overheadCostPlanned: {
    generic: 'planned overhead|overhead planned|planned overhead cost|overhead standard',
    sap: 'plan costs overhead|target costs overhead',
    sapDe: 'plankosten gemeinkosten|gemeinkosten plan|sollgemeinkosten|plangemeinkosten',
    dynamics: 'estimated indirect cost',
    epicor: 'est burden cost|est burden',
    plex: 'standard burden',
    de: 'gemeinkosten soll|geplante gemeinkosten',
    fr: 'frais generaux prevus|frais indirects prevus|cout indirect standard',
    es: 'gastos generales planificados|costos indirectos previstos|costo indirecto estandar',
  },
  overheadCostActual: {
    generic: 'actual overhead|overhead|overhead cost|actual overhead cost|burden|burden cost|indirect cost',
    sap: 'act costs overhead|actual costs overhead|overhead costs',
    sapDe: 'istkosten gemeinkosten|gemeinkosten ist|istgemeinkosten|gemeinkosten',
    oracle: 'applied overhead cost',
    dynamics: 'realized indirect cost',
    epicor: 'act burden cost',
    fr: 'frais generaux|frais indirects|frais generaux reels|cout indirect',
    es: 'gastos generales|costos indirectos|gastos generales reales|costo indirecto',
  },
  standardCostTotal: {
    generic:
      'standard cost|total standard cost|planned cost|total planned cost|planned total cost|planned costs|standard cost total|item cost',
    sap: 'total plan costs|plan costs|target costs|total target costs',
    sapDe: 'plankosten gesamt|plankosten|sollkosten|sollkosten gesamt|gesamtplankosten',
    dynamics: 'cost estimate',
    odoo: 'bom cost',
    epicor: 'total est cost|est cost',
    de: 'standardkosten|herstellkosten plan',
    fr: 'cout standard|cout prevu|cout total prevu|cout previsionnel',
    es: 'costo estandar|coste estandar|costo planificado|costo total previsto|coste previsto',
  },
  actualCostTotal: {
    generic:
      'actual cost|total actual cost|total cost|actual total cost|cost|total costs|actual costs|cost total',
    sap: 'total act costs|act costs',
    sapDe: 'istkosten gesamt|istkosten|gesamtistkosten|gesamtkosten',
    dynamics: 'realized cost',
    odoo: 'real cost',
    epicor: 'total act cost',
    de: 'tatsachliche kosten|kosten',
    fr: 'cout reel|cout total|cout total reel|couts reels|cout',
    es: 'costo real|coste real|costo total|coste total|costo total real|costo',
  },
};

const QUALITY_AND_EQUIPMENT: SynonymTable = {
  defectCount: {
    generic:
      'defects|defect count|defect quantity|number of defects|nonconformities|nonconformance count|ncr count|qc fails|quality issues|defective parts|faults',
    sap: 'no of defects',
    sapDe: 'fehleranzahl|anzahl fehler|fehlermenge|fehlerzahl|mangel',
    odoo: 'quality alerts|quality alert count',
    epicor: 'nonconformance qty|ncr qty',
    de: 'fehler|mangelanzahl|fehlerteile',
    fr: 'defauts|nombre de defauts|non conformites|nombre de non conformites|quantite defectueuse',
    es: 'defectos|numero de defectos|no conformidades|cantidad defectuosa|cantidad de defectos',
  },
  defectType: {
    generic:
      'defect type|defect code|defect|defect reason|failure mode|defect category|nonconformance type|defect description|scrap reason|reject reason|scrap code|reject code',
    sap: 'code group|damage code',
    sapDe: 'fehlerart|fehlercode|fehlerschlussel|ausschussgrund|fehlerbild',
    oracle: 'scrap reason code',
    dynamics: 'error cause|scrap cause',
    odoo: 'quality alert type|root cause',
    epicor: 'nonconformance reason',
    de: 'fehlertyp|fehlerkategorie|ausschussursache',
    fr: 'type de defaut|code defaut|nature du defaut|motif de rebut',
    es: 'tipo de defecto|codigo de defecto|causa de rechazo|motivo de rechazo',
  },
  machineFailure: {
    generic:
      'machine failure|failure|breakdown|failed|machine breakdown|failure flag|breakdown flag|equipment failure|machine down|fault|failure indicator',
    sap: 'breakdown indicator|malfunction',
    sapDe: 'storung|ausfall|maschinenausfall|storungskennzeichen',
    oracle: 'machine failure flag',
    odoo: 'maintenance request',
    de: 'defekt|ausgefallen',
    fr: 'panne|defaillance|panne machine|machine en panne',
    es: 'averia|falla|fallo|falla de maquina|averia de maquina',
  },
  toolWearMinutes: {
    generic:
      'tool wear|tool wear minutes|tool life|tool life used|tool usage|tool minutes|tool time|wear|cutter wear',
    sap: 'prt usage',
    sapDe: 'werkzeugverschleiss|werkzeugstandzeit|standzeit|werkzeugnutzung|verschleiss',
    fr: 'usure outil|usure de l outil|duree de vie outil|usure',
    es: 'desgaste de herramienta|desgaste|vida de herramienta|vida util herramienta',
  },
  processTemperature: {
    generic:
      'process temperature|process temp|temperature|temp|melt temperature|oven temperature|mold temperature|tool temperature|part temperature|process temp c',
    sapDe: 'prozesstemperatur|temperatur|werkzeugtemperatur|schmelzetemperatur',
    fr: 'temperature process|temperature de process|temperature procede',
    es: 'temperatura de proceso|temperatura|temperatura del proceso',
  },
  ambientTemperature: {
    generic:
      'ambient temperature|air temperature|ambient temp|air temp|room temperature|shop temperature|environment temperature|ambient|air temp c|ambient temp c',
    sapDe: 'umgebungstemperatur|raumtemperatur|lufttemperatur|hallentemperatur',
    fr: 'temperature ambiante|temperature de l air|temperature air',
    es: 'temperatura ambiente|temperatura del aire|temperatura ambiental',
  },
  spindleSpeed: {
    generic:
      'speed|spindle speed|rotational speed|rpm|speed rpm|line speed|machine speed|rotation speed|revolutions|spindle rpm',
    sapDe: 'drehzahl|spindeldrehzahl|geschwindigkeit|umdrehungen',
    de: 'bandgeschwindigkeit',
    fr: 'vitesse|vitesse de rotation|vitesse broche|tours minute',
    es: 'velocidad|velocidad de giro|velocidad del husillo|revoluciones',
  },
  torque: {
    generic: 'torque|torque nm|spindle torque|motor torque|tightening torque',
    sapDe: 'drehmoment|anzugsmoment|spindelmoment',
    fr: 'couple|couple de serrage|couple moteur',
    es: 'par|par de apriete|par motor',
  },
};

export const COST_SYNONYMS: SynonymTable = { ...HOURS, ...COSTS, ...QUALITY_AND_EQUIPMENT };
