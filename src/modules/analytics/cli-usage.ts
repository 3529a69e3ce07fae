// The import command's help, apart from the command so `plantintel --help` loads nothing else.
export const IMPORT_USAGE = `plantintel import <file> --facility <code> [--profile <name | file.json> | --auto-map]
                  [--tenant <name or id>] [--sheet <name>] [--reject-policy skip|fail]
                  [--on-duplicate refuse|mark]

Imports a work-order export (CSV or XLSX) into a facility, as an upload would: the file is kept in
DATA_DIR/files, its format detected, the mapping taken from a saved profile (by name), a profile
JSON file ({"mappings": [...], "dataGranularity": "header"}) or auto-mapping, rows validated and
stored. --tenant may be left out when there is one tenant (or the demo tenant). Prints progress and
the counts; exit code 0 when the import completed, 1 when it failed.`;
