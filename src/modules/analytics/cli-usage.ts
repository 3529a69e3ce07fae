// The import command's help, apart from the command so `plantintel --help` loads nothing else.
export const IMPORT_USAGE = `plantintel import <file> --facility <code> [--profile <name | file.json> | --auto-map]
                  [--tenant <name or id>] [--sheet <name>] [--reject-policy skip|fail]
                  [--on-duplicate refuse|mark]

Imports a work-order export (CSV or XLSX) into a facility, as an upload would: the file is kept in
DATA_DIR/files, its format detected, the mapping taken from a saved profile (by name), a profile
JSON file ({"mappings": [...], "dataGranularity": "header"}) or auto-mapping, rows validated and
stored. --tenant may be left out when there is one tenant (or the demo tenant). Prints progress and
the counts; exit code 0 when the import completed, 1 when it failed.`;

export const ANALYZE_USAGE = `plantintel analyze <file> [--profile <name | file.json> | --auto-map] [--facility <code>]
                   [--tenant <name or id>] [--sheet <name>] [--json] [--top <n>]

Imports a work-order export (as "plantintel import" does, a re-import of the same file marked as a
duplicate) and analyses it: the four analyzers, baselines, trends and correlations, the narrative.
Prints a readable summary with the top findings (--top, default 10), or with --json the analysis
object (status, dataTier, analyzersRun, insights, narrative, timings). Without --facility the
tenant's only facility (or DEMO-1) is used; a database without any tenant gets the demo tenant.
Exit code 0 when the analysis completed, 1 when the import or the analysis failed.`;
